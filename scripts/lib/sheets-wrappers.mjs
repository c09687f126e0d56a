// The Apps Script custom functions: one top-level function per catalog entry, with the JSDoc
// (@customfunction) that Sheets reads for autocomplete and help. Each calls into the bundle.
import { GENERATED_NOTE, jsdocText } from './catalog-shape.mjs';

// FUNCTIONS.md: every Sheets function carries this prefix (Sheets has no namespaces; two add-ons defining one
// name cannot both be used).
export const SHEETS_PREFIX = 'AGILE_';

export function sheetsWrappersJs(catalog, globalName) {
  const out = [`// ${GENERATED_NOTE}`, ''];
  for (const spec of catalog) {
    out.push('/**', ` * ${jsdocText(spec.summary)}`, ' *');
    for (const p of spec.params) {
      const type = p.shape === 'range' ? '{any[][]}' : '{any}';
      out.push(` * @param ${type} ${p.optional ? `[${p.name}]` : p.name} ${jsdocText(p.help)}`);
    }
    out.push(` * @return ${jsdocText(spec.returns)}`, ` * @example =${SHEETS_PREFIX}${jsdocText(spec.example)}`, ' * @customfunction', ' */');
    const args = spec.params.map((p) => p.name).join(', ');
    out.push(`function ${SHEETS_PREFIX}${spec.name}(${args}) {`, `  return ${globalName}.sheetsCall('${spec.name}', [${args}]);`, '}', '');
  }
  return out.join('\n');
}
