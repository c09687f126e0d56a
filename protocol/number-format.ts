// Numbers as a person reads them in the cell: by the cell's number format code (the codes Excel and Sheets
// share), or, where the host says nothing, by the KPI's unit. Covers the codes the add-ins write and the
// common ones people use: percentages and fixed decimals with optional thousands grouping, and a currency
// symbol before or after the number. Anything else (dates, fractions, scientific): General. Rounding is of
// the decimal number as written (0.955 → 0.96), as a spreadsheet shows it.

function fixed(x: number, decimals: number, group: boolean): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: group });
}

/** General: up to `digits` significant digits, thousands grouped, no float noise (1.085 stays 1.085). */
export function formatGeneral(x: number, digits = 4): string {
  return x.toLocaleString('en-US', { maximumSignificantDigits: Math.max(digits, String(Math.trunc(Math.abs(x))).length) });
}

/** The number shown by `code`, or undefined when the code is not one this reads (show it General). */
export function formatByCode(x: number, code: string): string | undefined {
  // The first section only; colours, conditions, escapes and quotes removed.
  const c = code.replace(/;.*$/, '').replace(/\[[^\]]*\]|\\|"/g, '').trim();
  const m = /^([$€£¥]?)\s*(#,##)?0(?:\.(0+))?\s*(%?)\s*([$€£¥]?)$/.exec(c);
  if (!m) return undefined;
  const [, pre, group, frac, pct, post] = m;
  return `${pre}${fixed(pct ? x * 100 : x, frac?.length ?? 0, !!group)}${pct}${post}`;
}

/** A KPI value by its Unit column ('%', '$', 'days', …) when the cell's format is not known. */
export function formatByUnit(x: number, unit: string): string {
  const u = unit.trim();
  if (u === '%') return `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
  if (/^[$€£¥]$/.test(u)) return `${u}${formatGeneral(x, 6)}`;
  return u ? `${formatGeneral(x)} ${u}` : formatGeneral(x);
}

/** The value as the cell shows it: its format first, then the unit, then General. */
export function formatValue(x: number, opts: { format?: string; unit?: string } = {}): string {
  return (opts.format ? formatByCode(x, opts.format) : undefined) ?? formatByUnit(x, opts.unit ?? '');
}
