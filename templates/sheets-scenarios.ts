// Unblock, the argument leaders have: what if a team had more people, an item were committed, the mix were
// different. The scenarios are typed here; SCENARIO_COMPARE plans each by the ALLOCATE rules beside them, and
// CAPACITY_VALUE shows where two more person-weeks would buy the most.
import { V, input } from './columns';
import { type SheetDecl, all, call, num } from './model';

const CHANGES = ['capacity', 'add capacity', 'grow capacity', 'commit', 'exclude', 'effort', 'max share'];

// The three worked scenarios on the sample: a capacity change, a commitment, and a mix change of two rows
// (rows with the same name make one scenario).
const SCENARIOS = [
  ['+4 Brand & Creative', 'add capacity', 'Brand & Creative', 4],
  ['Commit the London summit', 'commit', 'M-113', null],
  ['Ops over growth', 'max share', 'Operations', 0.2],
  ['Ops over growth', 'max share', 'Growth', 0.5],
] as const;

const backlog = all('Backlog', 'ID', 'Score');
const teams = all('Teams', 'Team', 'Capacity');

export const scenariosSheet: SheetDecl = {
  name: 'Scenarios',
  title: 'Scenarios: what if',
  help: 'Unblock: one change per row; rows with the same name make one scenario. Beside them, each scenario planned by the ALLOCATE rules against the base.',
  tabColor: 'C0392B',
  table: {
    name: 'Scenarios',
    columns: [
      input('Scenario', 26, V.text, undefined, 'A name for the what-if. Rows with the same name combine, in order.'),
      input('Change', 15, V.list(CHANGES), undefined, 'capacity, add capacity, grow capacity (a share: 20%), commit, exclude, effort, or max share.'),
      input('Target', 20, V.text, undefined, 'A team (or * for every team), an item ID, or a category, as the change needs.'),
      input('Value', 9, V.any, undefined, 'The new capacity, the capacity added, the share, or the new effort. Blank for commit and exclude.'),
    ],
    rows: SCENARIOS,
    spareRows: 10,
  },
  blocks: [
    {
      title: 'The scenarios against the base (SCENARIO_COMPARE)',
      call: call('SCENARIO_COMPARE', backlog, teams, all('Scenarios'), all('Mix')),
      widths: [26, 13, 13, 14, 22, 22],
    },
    {
      title: 'What 2 more person-weeks buy, per team (CAPACITY_VALUE)',
      call: call('CAPACITY_VALUE', backlog, teams, all('Mix'), num(2)),
      labels: { table: 'Teams', col: 'Team' },
      widths: [13],
    },
  ],
};
