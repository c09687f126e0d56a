// Define and Align: the outcomes the quarter serves, the backlog scored and planned against them, and the
// ranking compared with last quarter's (priority stability).
import { PROGRESS, UNITS, UNIT_FORMATS, V, code, input, statusInput } from './columns';
import { type Column, type SheetDecl, type TableCall, all, call, col } from './model';
import { BACKLOG } from './sample/backlog';
import { LAST_QUARTER_TOP, OUTCOMES } from './sample/planning';

export const outcomesSheet: SheetDecl = {
  name: 'Outcomes',
  title: 'Outcomes: what this quarter is for',
  help: 'Define: every backlog item should serve one of these. Weights say how much each outcome matters.',
  tabColor: '1F6F78',
  table: {
    name: 'Outcomes',
    columns: [
      input('Outcome', 24, V.text, undefined, 'A short name: the backlog picks outcomes from this column.'),
      input('KPI', 36, V.text),
      code('Unit', 9, V.list(UNITS)),
      input('Baseline', 12, V.any),
      input('Target', 12, V.any),
      input('Owner', 24, V.text),
      input('Weight', 9, V.share, 'pct'),
    ],
    rows: OUTCOMES,
    rowFormats: { column: 'Unit', applyTo: ['Baseline', 'Target'], formats: UNIT_FORMATS },
  },
};

// ALLOCATE reads the inputs and the score (ID through Score), never its own output columns.
const plan: TableCall = {
  ...call('ALLOCATE', all('Backlog', 'ID', 'Score'), all('Teams', 'Team', 'Capacity'), all('Mix')),
  outputs: ['Status', 'Reason'],
};

const backlogColumns: Column[] = [
  input('ID', 8, V.id, 'text', 'A unique ID. Depends on and the ranking refer to it.'),
  input('Item', 40, V.text),
  input('Team', 19, V.from('Teams', 'Team')),
  input('Outcome', 21, V.from('Outcomes', 'Outcome'), undefined, 'Leave blank for work that serves no outcome: goal contribution counts it against you.'),
  input('Category', 12, V.from('Mix', 'Category')),
  input('Reach', 9, V.count, 'int', 'People or accounts reached this quarter.'),
  input('Impact', 8, V.list(['0.25', '0.5', '1', '2', '3']), 'general', '3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.'),
  input('Confidence', 11, V.share, 'pct', 'How sure you are of reach and impact: 50%, 80% or 100%.'),
  input('Effort', 8, V.effort, 'num1', 'Person-weeks, the same unit as team capacity.'),
  code('Depends on', 11, V.text, 'IDs separated by commas.'),
  code('Commit', 8, V.list(['yes', 'no']), 'yes: promised, planned whatever it costs.'),
  statusInput('Progress', 12, PROGRESS),
  input('Requested', 11, V.date, 'date'),
  input('Started', 11, V.date, 'date'),
  input('Launched', 11, V.date, 'date'),
  { header: 'Score', width: 9, format: 'int', compute: { kind: 'rowwise', call: call('RICE', col('Backlog', 'Reach'), col('Backlog', 'Impact'), col('Backlog', 'Confidence'), col('Backlog', 'Effort')) } },
  { header: 'Rank', width: 7, format: 'int', align: 'center', compute: { kind: 'column', call: call('PRIORITY_RANK', col('Backlog', 'Score'), col('Backlog', 'Effort')) } },
  { header: 'Status', width: 10, statusColors: true, align: 'center', compute: { kind: 'table', call: plan, output: 0 } },
  { header: 'Reason', width: 54, compute: { kind: 'table', call: plan, output: 1 } },
];

export const backlogSheet: SheetDecl = {
  name: 'Backlog',
  title: 'Backlog: scored, ranked and planned',
  help: 'Align: type items on the left. Score (RICE), Rank, Status and Reason are computed from them, the teams and the mix.',
  tabColor: '2E86AB',
  freezeColumns: 2,
  landscape: true,
  table: { name: 'Backlog', columns: backlogColumns, rows: BACKLOG, spareRows: 20 },
};

export const rankingSheet: SheetDecl = {
  name: 'Ranking',
  title: 'Ranking: this quarter against last',
  help: "Align: paste last quarter's top 10. Priority stability on the Scorecard is the share still in this quarter's top 10.",
  tabColor: '2E86AB',
  table: {
    name: 'Ranking',
    columns: [
      { ...input('Position', 10, V.count, 'int'), align: 'center' },
      code('Last quarter', 14, V.id),
      { header: 'This quarter', width: 14, align: 'center', compute: { kind: 'expr', expr: { t: 'lookup', table: 'Backlog', ret: 'ID', match: 'Rank', key: { t: 'this', col: 'Position' } } } },
      { header: 'Item', width: 40, compute: { kind: 'expr', expr: { t: 'lookup', table: 'Backlog', ret: 'Item', match: 'Rank', key: { t: 'this', col: 'Position' } } } },
    ],
    rows: LAST_QUARTER_TOP.map((id, i) => [i + 1, id]),
  },
};
