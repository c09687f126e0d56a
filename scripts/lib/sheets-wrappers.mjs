// The Apps Script custom functions: one top-level function per catalog entry, with the JSDoc
// (@customfunction) that Sheets reads for autocomplete and help. Each calls into the bundle.
import { GENERATED_NOTE, jsdocText } from './catalog-shape.mjs';

// FUNCTIONS.md: every Sheets function carries this prefix (Sheets has no namespaces; two add-ons defining one
// name cannot both be used).
export const SHEETS_PREFIX = 'AGILE_';

/** A parameter's help as Sheets shows it: optional ones say so and what leaving them out means. */
export function paramHelp(p) {
  if (!p.optional) return p.help;
  if (!p.omitted) throw new Error(`optional parameter ${p.name} has no "omitted" text in the catalog`);
  return `Optional; if omitted: ${p.omitted}. ${p.help}`;
}

export function sheetsWrappersJs(catalog, globalName) {
  const out = [`// ${GENERATED_NOTE}`, ''];
  for (const spec of catalog) {
    // Sheets shows only the description and each @param's text: "All parameters will appear as required in
    // the formula helper", and "The description provided in the @return tag is not displayed in the Sheets
    // formula helper" (JSDoc in Apps Script, "Supported tags and UI limitations",
    // https://developers.google.com/apps-script/concepts/jsdoc#supported_tags_and_ui_limitations). So what
    // comes back goes into the description, and "Optional" with its default into the parameter's own text.
    out.push('/**', ` * ${jsdocText(`${spec.summary} Returns: ${spec.returns}`)}`, ' *');
    for (const p of spec.params) {
      const type = p.shape === 'range' ? '{any[][]}' : '{any}';
      out.push(` * @param ${type} ${p.name} ${jsdocText(paramHelp(p))}`);
    }
    out.push(` * @return ${jsdocText(spec.returns)}`, ` * @example =${SHEETS_PREFIX}${jsdocText(spec.example)}`, ' * @customfunction', ' */');
    const args = spec.params.map((p) => p.name).join(', ');
    out.push(`function ${SHEETS_PREFIX}${spec.name}(${args}) {`, `  return ${globalName}.sheetsCall('${spec.name}', [${args}]);`, '}', '');
  }
  return out.join('\n');
}
