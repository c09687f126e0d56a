// docs/functions.md, the user's function reference, written from the catalog so it cannot drift.
import { GENERATED_NOTE } from './catalog-shape.mjs';
import { SHEETS_PREFIX } from './sheets-wrappers.mjs';

const SECTIONS = ['Prioritization', 'Capacity', 'Scorecards and delivery metrics', 'Decision guardrails'];
const RESULT = { column: 'a column (spills)', single: 'one cell', table: 'a table, header row included (spills)' };

const GENERAL = `## How every function reads and answers

Each function works on whole ranges: one formula scores a whole backlog and its result spills.
In Excel the functions live in the \`AGILE\` namespace (\`=AGILE.RICE(B2:B40, C2:C40, D2:D40, E2:E40)\`);
in Google Sheets, which has no namespaces, every name carries the prefix \`AGILE_\` (\`=AGILE_RICE(B2:B40, C2:C40, D2:D40, E2:E40)\`).
Typing \`=AGILE\` lists the whole catalog in both hosts. The headings below give the bare name.

- **Row-wise functions** take column ranges of equal height; a single cell is repeated for every row. A range
  with more than one column where a column is expected, or ranges of different heights, fail the whole call.
- **Blank rows stay blank.** A row whose inputs are all blank gives a blank cell. When some inputs are single
  cells repeated for every row, only the column inputs decide whether a row is blank, so a fixed confidence in
  one cell does not turn the empty rows under a backlog into errors. Text holding only spaces counts as blank.
  A partly blank row gives an error that names the missing input.
- **Optional column inputs** (such as a KPI's direction or baseline) may be blank on a row: the default applies.
- **Numbers**: numbers, and text that is a plain decimal (\`5\`, \`-2.5\`, \`.5\`) or a percentage (\`80%\`). A decimal
  comma (\`1,5\`) is an error whose message suggests \`1.5\`. TRUE/FALSE, dates in a number argument, words and
  error values are errors naming the argument and the value. Results are never rounded.
- **Dates**: a date cell (Sheets passes a date, Excel a serial day number), a serial day number, or ISO text
  (\`2026-01-15\`, optionally with a time \`2026-01-15T09:30\`). Durations are in days, fractions kept. Sheets dates
  are read at the wall-clock time the sheet shows, so a duration across a daylight-saving change stays whole.
- **Errors**: a bad row gives \`#VALUE!\` with a message (\`#N/A\` where nothing matches or there is nothing to
  measure). In Sheets, which cannot return error values inside an array, the cell holds text that starts with
  the code: \`#VALUE! effort must be greater than 0 (got 0)\`. A problem with the shape of the call (ranges of
  different heights, an unknown option word) fails the whole call: Excel shows \`#VALUE!\` with the message,
  Sheets \`#ERROR!\` with the message. An error cell (or such error text) given as input is always an error,
  never data.
- **Single-cell results** (\`PRIORITY_STABILITY\`, \`SCORECARD_SCORE\`, \`CYCLE_TIME\`, ...) report a data problem, such
  as an end date before its start in row 4, as \`#VALUE!\`/\`#N/A\` with a message naming the row (counted from 1
  within the range), the same way a row-wise function reports a bad row.
`;

function signature(spec) {
  const args = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
  return `${spec.name}(${args})`;
}

export function functionsReferenceMd(catalog) {
  const out = [`<!-- ${GENERATED_NOTE} Run \`npm run docs\` to rewrite it. -->`, '', '# Agile Playbook functions', '', GENERAL];
  for (const section of SECTIONS) {
    const specs = catalog.filter((s) => s.section === section);
    if (!specs.length) continue;
    out.push(`## ${section}`, '');
    for (const spec of specs) {
      out.push(`### ${spec.name}`, '', spec.summary, '', '```', `Excel:  =AGILE.${signature(spec)}`, `Sheets: =${SHEETS_PREFIX}${signature(spec)}`, '```', '');
      out.push('| argument | help |', '|---|---|');
      for (const p of spec.params) out.push(`| \`${p.name}\`${p.optional ? ' (optional)' : ''} | ${p.help.replace(/\|/g, '\\|')} |`);
      out.push('', `**Result:** ${RESULT[spec.result]}. ${spec.returns}`, '');
      out.push(`**Example:** Excel \`=AGILE.${spec.example}\`, Sheets \`=${SHEETS_PREFIX}${spec.example}\``, '');
      if (spec.notes?.length) {
        out.push('**Where the contract is silent:**', '');
        for (const n of spec.notes) out.push(`- ${n}`);
        out.push('');
      }
    }
  }
  return out.join('\n');
}
