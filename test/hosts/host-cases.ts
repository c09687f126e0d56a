// Calls as a user makes them, in Sheets form (2-D arrays, "" for blanks, Date objects, error text from
// other cells), with what the cell must show. host-calls.test.ts runs each in both built add-ins.
import { CALL, E, NA, type Want } from './host-form';

export interface HostCase {
  fn: string;
  title: string;
  args: unknown[];
  want: Want;
  /** Numeric input cells ([argument index, row, column]) where any bad value must give an error, never a number. */
  poison?: [number, number, number?][];
  /** False where a blank in a poisoned cell is allowed (skipped), not an error. */
  blankIsError?: boolean;
  /** True where one row's error may change the others (relative scaling, ranks). */
  othersMayChange?: boolean;
}

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const day = (iso: string) => new Date(`${iso}T00:00:00`);
const BACKLOG = [
  ['ID', 'Score', 'Effort', 'Team', 'Category', 'Depends on', 'Commit'],
  ['A', 100, 4, 'Brand', 'Core', '', ''],
  ['B', 90, 5, 'Brand', 'Core', '', ''],
  ['C', 80, 3, 'Growth', 'Experiments', 'A', ''],
  ['D', 10, 6, 'Growth', 'Core', '', 'yes'],
  ['', '', '', '', '', '', ''],
];
const TEAMS = [
  ['Team', 'Capacity'],
  ['Brand', 8],
  ['Growth', 8],
];

export const HOST_CASES: HostCase[] = [
  {
    fn: 'RICE',
    title: 'scores a backlog, percentages read as shares, the empty row at the bottom stays blank',
    args: [col(1000, 500, ''), col(2, 1, ''), col('80%', 0.5, ''), col(4, 2, '')],
    want: [[400], [125], ['']],
    poison: [[0, 0], [1, 1], [2, 0], [3, 1]],
  },
  { fn: 'RICE', title: 'one cell of each', args: [1000, 2, 0.8, 4], want: [[400]] },
  {
    fn: 'RICE',
    title: 'confidence typed as 80 suggests 80%',
    args: [col(10), col(1), col(80), col(1)],
    want: [[E(/confidence must be from 0 to 1 \(got 80\).*type 80%/)]],
  },
  {
    fn: 'RICE',
    title: 'zero effort and negative reach are row errors; the good row still scores',
    args: [col(10, -1, 10), col(1, 1, 1), col(1, 1, 1), col(0, 1, 2)],
    want: [[E(/effort must be greater than 0 \(got 0\)/)], [E(/reach must be 0 or more \(got -1\)/)], [5]],
  },
  {
    fn: 'RICE',
    title: 'a partly blank row names the missing input',
    args: [col(10, 20), col(1, ''), col(1, 1), col(1, 1)],
    want: [[10], [E(/impact is blank in this row/)]],
  },
  {
    fn: 'RICE',
    title: 'an error in another cell stays an error',
    args: [col(10, '#N/A'), col(1, 1), col(1, 1), col(1, 1)],
    want: [[10], [E(/reach is an error \(#N\/A\)/)]],
  },
  {
    fn: 'RICE',
    title: 'ranges of different heights fail the call',
    args: [col(1, 2), col(1, 2, 3), 1, 1],
    want: CALL(/reach has 2 rows but impact has 3/),
  },
  {
    fn: 'RICE',
    title: 'a two-column range where a column is expected fails the call',
    args: [[[1, 2]], 1, 1, 1],
    want: CALL(/reach must be one column/),
  },
  {
    fn: 'ICE',
    title: 'multiplies by default, averages on request',
    args: [col(8, 5), col(7, 5), col(6, 5)],
    want: [[336], [125]],
    poison: [[0, 0], [1, 1], [2, 0]],
  },
  { fn: 'ICE', title: 'average', args: [col(8, 5), col(7, 5), col(6, 5), 'Average'], want: [[7], [5]] },
  { fn: 'ICE', title: 'an unknown method word fails the call', args: [col(8), col(7), col(6), 'sum'], want: CALL(/method "sum" is not an option: use "multiply", "average"/) },
  {
    fn: 'WSJF',
    title: '(value + criticality + risk) ÷ size',
    args: [col(8, 3), col(5, 2), col(3, 1), col(4, 0)],
    want: [[4], [E(/job_size must be greater than 0/)]],
    poison: [[0, 0], [1, 0], [2, 0], [3, 0]],
  },
  {
    fn: 'CD3',
    title: 'cost of delay ÷ duration',
    args: [col(12000, 5000), col(3, '1.5')],
    want: [[4000], [5000 / 1.5]],
    poison: [[0, 0], [1, 1]],
  },
  {
    fn: 'MARKETING_ROI',
    title: '(revenue − cost) ÷ cost; zero cost is an error',
    args: [col(150000, 90000, 1000), col(50000, 100000, 0)],
    want: [[2], [-0.1], [E(/cost must be greater than 0/)]],
    poison: [[0, 0], [1, 1]],
  },

  {
    fn: 'WEIGHTED_SCORE',
    title: 'higher and lower criteria scaled over the rows, weighted to 0–100',
    args: [[[10, 5], [20, 1], [15, 3], ['', '']], [[1, 1]], [['higher', 'lower']]],
    want: [[0], [100], [50], ['']],
    poison: [[0, 0, 0], [0, 1, 1]],
    othersMayChange: true,
  },
  {
    fn: 'WEIGHTED_SCORE',
    title: 'a fixed scale, and a value outside it',
    args: [[[3], [5], [6]], 1, 'higher', 1, 5],
    want: [[50], [100], [E(/outside/)]],
  },
  { fn: 'WEIGHTED_SCORE', title: 'weights that do not match the criteria fail the call', args: [[[1, 2]], [[1, 2, 3]]], want: CALL(/weight/) },
  {
    fn: 'PRIORITY_RANK',
    title: 'highest first, ties to the cheaper item, blanks blank, text an error',
    args: [col(50, 80, '', 80, 'abc'), col(1, 5, '', 3, 1)],
    want: [[3], [2], [''], [1], [E(/"abc"/)]],
    poison: [[0, 0], [1, 1]],
    blankIsError: false,
    othersMayChange: true,
  },
  { fn: 'PRIORITY_RANK', title: 'desc tiebreak', args: [col(80, 80), col(1, 5), 'desc'], want: [[2], [1]] },
  { fn: 'PRIORITY_RANK', title: 'an unknown order fails the call', args: [col(1), col(1), 'up'], want: CALL(/tiebreak_order "up"/) },
  {
    fn: 'RANK_CONFIDENCE',
    title: 'a clear leader is in the top 1 in every trial',
    args: [col(10, 1, 5, ''), 1, '', 1],
    want: [[1], [0], [0], ['']],
  },
  { fn: 'PRIORITY_STABILITY', title: 'share of the previous top N still there', args: [col('A', 'B', 'C', 'D'), col('B', 'a', 'E', 'C')], want: 0.75 },
  { fn: 'PRIORITY_STABILITY', title: 'top 2', args: [col('A', 'B', 'C', 'D'), col('B', 'A', 'E', 'C'), 2], want: 1 },
  { fn: 'PRIORITY_STABILITY', title: 'a duplicated ID fails the call', args: [col('A', 'A'), col('A')], want: CALL(/"A"/) },
  {
    fn: 'KPI_ATTAINMENT',
    title: 'higher, lower and with a baseline',
    args: [col(120, 80, 45, 60, ''), col(100, 100, 50, 100, ''), col('higher', '', 'lower', 'higher', ''), col('', '', '', 20, '')],
    want: [[1.2], [0.8], [1.1], [0.5], ['']],
    poison: [[0, 0], [1, 1]],
  },
  { fn: 'KPI_ATTAINMENT', title: 'a zero target is a row error', args: [col(5), col(0)], want: [[E(/target/)]] },
  {
    fn: 'KPI_ATTAINMENT',
    title: 'one target cell for every row leaves the empty rows below blank',
    args: [col(80, '', ''), 100],
    want: [[0.8], [''], ['']],
  },
  { fn: 'KPI_STATUS', title: 'one target cell: empty rows stay blank', args: [col(80, ''), 100], want: [['At risk'], ['']] },
  {
    fn: 'KPI_STATUS',
    title: 'on track, at risk, off track and no data',
    args: [col(120, 80, 70, '', ''), col(100, 100, 100, 100, '')],
    want: [['On track'], ['At risk'], ['Off track'], ['No data'], ['']],
    poison: [[1, 0]],
  },
  {
    fn: 'KPI_STATUS',
    title: 'a blank actual is No data, anything else that is not a number an error',
    args: [col(120, 80), col(100, 100)],
    want: [['On track'], ['At risk']],
    poison: [[0, 1]],
    blankIsError: false,
  },
  { fn: 'KPI_STATUS', title: 'custom thresholds', args: [col(0.9), col(1), '', '', 0.9, 0.5], want: [['On track']] },
  {
    fn: 'KPI_TREND',
    title: 'relative slope per period, blank periods skipped, one number is #N/A',
    args: [[[1, 2, 3, 4], [10, '', 30, ''], [5, '', '', ''], ['', '', '', '']]],
    want: [[0.4], [0.5], [NA(/2/)], ['']],
    poison: [[0, 0, 1]],
    blankIsError: false,
  },
  {
    fn: 'SPARK',
    title: 'one character per period',
    args: [[[1, 2, 3, 4, 5, 6, 7, 8], [3, 3, '', 3, 3, 3, 3, 3]]],
    want: [['▁▂▃▄▅▆▇█'], ['▄▄ ▄▄▄▄▄']],
    poison: [[0, 0, 2]],
    blankIsError: false,
  },
  {
    fn: 'SCORECARD_SCORE',
    title: 'weighted, capped at 1.2, blank KPIs skipped',
    args: [col(1, 1.5, 0.5, ''), col(2, 1, 1, 1)],
    want: 0.925,
    poison: [[0, 0], [1, 2]],
    blankIsError: false,
  },
  { fn: 'SCORECARD_SCORE', title: 'a blank weight on a KPI is an error', args: [col(1, 0.5), col(1, '')], want: E(/weight/) },
  {
    fn: 'CYCLE_TIME',
    title: 'median of finished items from date cells; in-progress items skipped',
    args: [col(day('2026-01-05'), day('2026-01-10'), day('2026-01-12'), ''), col(day('2026-01-15'), day('2026-01-13'), '', '')],
    want: 6.5,
    poison: [[0, 0]],
  },
  {
    fn: 'CYCLE_TIME',
    title: 'a blank end is in progress; a bad end is an error',
    args: [col(day('2026-01-05'), day('2026-01-10')), col(day('2026-01-15'), day('2026-01-13'))],
    want: 6.5,
    poison: [[1, 1]],
    blankIsError: false,
  },
  {
    fn: 'CYCLE_TIME',
    title: 'p85 as PERCENTILE.INC, ISO text dates',
    args: [col('2026-01-05', '2026-01-10'), col('2026-01-15', '2026-01-13'), 'p85'],
    want: 8.95,
  },
  { fn: 'CYCLE_TIME', title: 'an end before its start names the row', args: [col(day('2026-01-05'), day('2026-01-10')), col(day('2026-01-15'), day('2026-01-03'))], want: E(/row 2/) },
  { fn: 'CYCLE_TIME', title: 'no finished item is #N/A', args: [col(day('2026-01-05')), col('')], want: NA(/./) },
  {
    fn: 'LAUNCH_VELOCITY',
    title: 'launches per week within the period',
    args: [col(day('2026-01-05'), day('2026-01-20'), day('2026-02-10'), ''), day('2026-01-01'), day('2026-01-28')],
    want: 0.5,
    poison: [[0, 1]],
    blankIsError: false,
  },
  {
    fn: 'COMPLETION_RATE',
    title: 'done labels, case-insensitive, blanks ignored',
    args: [col('Done', 'in progress', 'completed', '', 'Blocked')],
    want: 0.5,
  },
  { fn: 'COMPLETION_RATE', title: 'custom labels as text', args: [col('Shipped', 'Done', 'Doing'), 'Shipped, Done'], want: 2 / 3 },
  {
    fn: 'GOAL_CONTRIBUTION',
    title: 'effort linked to an outcome over all effort',
    args: [col('Pipeline', '', 'Retention', 'Pipeline'), col(5, 3, 2, 0)],
    want: 0.7,
    poison: [[1, 0]],
  },
  { fn: 'GOAL_CONTRIBUTION', title: 'only valid outcomes count', args: [col('Pipeline', '', 'Retention'), col(5, 3, 2), col('pipeline')], want: 0.5 },
  {
    fn: 'DECISION_OWNER',
    title: 'the first matching guardrail decides',
    args: [
      col('Campaign', 'Campaign', 'Pricing', ''),
      col(5000, 20000, 100000, ''),
      col('Low', 'low', 'High', ''),
      [
        ['Decision type', 'Max budget', 'Max risk', 'Owner'],
        ['Campaign', 10000, 'Medium', 'Team lead'],
        ['*', 50000, 'High', 'Marketing director'],
        ['*', '', '', 'CMO'],
      ],
    ],
    want: [['Team lead'], ['Marketing director'], ['CMO'], ['']],
    poison: [[1, 0]],
  },
  {
    fn: 'DECISION_OWNER',
    title: 'no matching rule asks for a catch-all',
    args: ['Pricing', 5, 'Low', [['Decision type', 'Max budget', 'Max risk', 'Owner'], ['Campaign', '', '', 'Lead']]],
    want: [[NA(/catch-all/)]],
  },

  {
    fn: 'ALLOCATE',
    title: 'commitments first, then by score; cuts say which team is short',
    args: [BACKLOG, TEAMS],
    want: [
      ['Status', 'Reason'],
      ['Planned', ''],
      ['Cut', 'Brand has 4 of 8 left; this needs 5'],
      ['Cut', 'Growth has 2 of 8 left; this needs 3'],
      ['Planned', 'Committed'],
      ['', ''],
    ],
    poison: [[0, 2, 1], [0, 3, 2]],
    othersMayChange: true,
  },
  {
    fn: 'ALLOCATE',
    title: 'unknown team, unknown dependency, duplicate ID and a cycle are row errors',
    args: [
      [
        ['ID', 'Score', 'Effort', 'Team', 'Depends on'],
        ['A', 5, 1, 'Nowhere', ''],
        ['B', 5, 1, 'Brand', 'Z'],
        ['C', 5, 1, 'Brand', ''],
        ['C', 4, 1, 'Brand', ''],
        ['D', 3, 1, 'Brand', 'E'],
        ['E', 3, 1, 'Brand', 'D'],
      ],
      TEAMS,
    ],
    want: [['Status', 'Reason'], [E(/Nowhere/), ''], [E(/Z/), ''], [E(/C/), ''], [E(/C/), ''], [E(/cycle/i), ''], [E(/cycle/i), '']],
  },
  { fn: 'ALLOCATE', title: 'a missing Effort column fails the call', args: [[['ID', 'Score'], ['A', 1]], TEAMS], want: CALL(/Effort/) },
  { fn: 'ALLOCATE', title: 'a negative capacity fails the call', args: [BACKLOG, [['Team', 'Capacity'], ['Brand', -1], ['Growth', 8]]], want: CALL(/Capacity|capacity/) },
  {
    fn: 'TEAM_LOAD',
    title: 'planned effort over capacity, counting Planned rows',
    args: [TEAMS, BACKLOG.map((row, i) => [...row, ['Status', 'Planned', 'Cut', 'Cut', 'Planned', ''][i]])],
    want: [['Load'], [0.5], [0.75]],
  },
  { fn: 'TEAM_LOAD', title: 'every row counts without a Status column', args: [TEAMS, BACKLOG], want: [['Load'], [9 / 8], [9 / 8]] },
  {
    fn: 'TEAM_LOAD',
    title: 'an error in Status (as ALLOCATE writes it) makes that team\'s load an error, not a smaller number',
    args: [TEAMS, BACKLOG.map((row, i) => [...row, ['Status', 'Planned', '#VALUE!', 'Cut', 'Planned', ''][i]])],
    want: [['Load'], [E(/Status of B is an error/)], [0.75]],
  },
  {
    fn: 'CAPACITY_ACCURACY',
    title: '1 − Σ|planned − actual| ÷ Σ planned',
    args: [col(10, 20, ''), col(12, 15, 5)],
    want: 1 - 7 / 30,
  },
  { fn: 'CAPACITY_ACCURACY', title: 'nothing planned is an error', args: [col(0, 0), col(1, 2)], want: E(/planned/) },
  {
    fn: 'SCENARIO_COMPARE',
    title: 'Base, then each scenario in the order first named; rows of one scenario combine; adds and drops against Base',
    args: [
      BACKLOG,
      TEAMS,
      [
        ['Scenario', 'Change', 'Target', 'Value'],
        ['More Brand', 'add capacity', 'Brand', 2],
        ['Commit C', 'Commit', 'c', ''],
        ['Swap', 'exclude', 'A', ''],
        ['More Brand', 'grow capacity', 'Growth', '50%'],
        ['', '', '', ''],
      ],
    ],
    want: [
      ['Scenario', 'Score planned', 'Items planned', 'Change vs base', 'Added', 'Dropped'],
      ['Base', 110, 2, 0, '', ''],
      ['More Brand', 280, 4, 170, 'B, C', ''],
      ['Commit C', 190, 3, 80, 'C', ''],
      ['Swap', 100, 2, -10, 'B', 'A'],
    ],
  },
  {
    fn: 'SCENARIO_COMPARE',
    title: 'an unknown team is an error in that scenario\'s row only, naming it; the mix is the fourth argument',
    args: [
      BACKLOG,
      TEAMS,
      [
        ['Scenario', 'Change', 'Target', 'Value'],
        ['Typo', 'capacity', 'Brnad', 10],
        ['Cap Core', 'max share', 'Core', '25%'],
      ],
      [
        ['Category', 'Max share'],
        ['Core', 1],
      ],
    ],
    want: [
      ['Scenario', 'Score planned', 'Items planned', 'Change vs base', 'Added', 'Dropped'],
      ['Base', 110, 2, 0, '', ''],
      ['Typo', E(/Typo: Team "Brnad" is not in the teams table/), '', '', '', ''],
      ['Cap Core', 10, 1, -100, '', 'A'],
    ],
  },
  {
    fn: 'SCENARIO_COMPARE',
    title: 'an unknown change word fails the call',
    args: [BACKLOG, TEAMS, [['Scenario', 'Change', 'Target', 'Value'], ['Hire', 'hire', 'Brand', 2]]],
    want: CALL(/Change "hire" in scenarios row 2 is not a change/),
  },
  {
    fn: 'CAPACITY_VALUE',
    title: 'the extra score per team with step more capacity, lined up with the teams rows',
    args: [BACKLOG, [...TEAMS, ['', '']], '', 1],
    want: [['Extra score'], [90], [80], ['']],
  },
  {
    fn: 'CAPACITY_VALUE',
    title: 'step omitted: 10% of each team\'s own capacity (too little here), so nothing more fits',
    args: [BACKLOG, TEAMS],
    want: [['Extra score'], [0], [0]],
  },
  { fn: 'CAPACITY_VALUE', title: 'a step that is a word fails the call', args: [BACKLOG, TEAMS, '', 'two'], want: CALL(/step/) },
];
