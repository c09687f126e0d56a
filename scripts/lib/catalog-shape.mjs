// Small helpers the generators share: how a catalog entry is named and typed in each host.

/** RICE → rice, KPI_ATTAINMENT → kpiAttainment: the JavaScript function name behind a custom function. */
export function jsName(name) {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** The TypeScript type Excel's metadata generator reads for a parameter. */
export function excelParamType(param) {
  return param.shape === 'range' ? 'any[][]' : 'any';
}

export function excelReturnType(spec) {
  return spec.result === 'single' ? 'any' : 'any[][]';
}

/** JSDoc text cannot contain the comment terminator; help text is ours, but keep the generator safe. */
export function jsdocText(s) {
  return String(s).replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

export const GENERATED_NOTE = 'Generated from core/catalog.ts by scripts/build.mjs: edit the catalog, not this file.';
