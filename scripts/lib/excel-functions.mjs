// The Excel functions.ts: one wrapper per catalog entry with the JSDoc that Microsoft's
// custom-functions-metadata turns into functions.json, and the CustomFunctions.associate calls.
import { GENERATED_NOTE, excelParamType, excelReturnType, jsName, jsdocText } from './catalog-shape.mjs';

export function excelFunctionsTs(catalog, excelCallPath) {
  const out = [`// ${GENERATED_NOTE}`, `import { excelCall } from ${JSON.stringify(excelCallPath)};`, ''];
  for (const spec of catalog) {
    const fn = jsName(spec.name);
    out.push('/**', ` * ${jsdocText(spec.summary)}`, ` * @customfunction ${spec.name} ${spec.name}`);
    for (const p of spec.params) out.push(` * @param ${p.name} ${jsdocText(p.help)}`);
    out.push(` * @returns ${jsdocText(spec.returns)}`, ' */');
    const params = spec.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${excelParamType(p)}`).join(', ');
    const args = spec.params.map((p) => p.name).join(', ');
    const ret = excelReturnType(spec);
    out.push(`export function ${fn}(${params}): ${ret} {`, `  return excelCall('${spec.name}', [${args}]) as ${ret};`, '}', '');
  }
  for (const spec of catalog) out.push(`CustomFunctions.associate('${spec.name}', ${jsName(spec.name)});`);
  return out.join('\n') + '\n';
}
