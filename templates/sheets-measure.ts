// Measure: the scorecard. The six leadership KPIs are computed from the workbook itself (one catalog call
// each in the Actual column); delivery and business KPIs are typed. Every row has monthly readings for
// the trend and the sparkline, and the composite weighs the attainments.
import { DIRECTIONS, UNITS, UNIT_FORMATS, V, code, input } from './columns';
import { type Call, type RowValue, type SheetDecl, call, col, cols, field, str } from './model';

const S = 'Scorecard';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'] as const;

const computed = {
  goal: call('GOAL_CONTRIBUTION', col('Backlog', 'Outcome'), col('Backlog', 'Effort'), col('Outcomes', 'Outcome')),
  stability: call('PRIORITY_STABILITY', col('Ranking', 'Last quarter'), col('Ranking', 'This quarter')),
  approval: call('CYCLE_TIME', col('Decisions', 'Requested'), col('Decisions', 'Decided'), str('median')),
  capacity: call('CAPACITY_ACCURACY', col('Teams', 'Planned effort'), col('Teams', 'Actual effort')),
  improvement: call('COMPLETION_RATE', col('Retro', 'Status')),
  roi: call('MARKETING_ROI', field(S, 'revenue'), field(S, 'cost')),
  launchTime: call('CYCLE_TIME', col('Backlog', 'Started'), col('Backlog', 'Launched'), str('median')),
  velocity: call('LAUNCH_VELOCITY', col('Backlog', 'Launched'), field(S, 'start'), field(S, 'end')),
} satisfies Record<string, Call>;

type KpiRow = readonly [string, string, string, string, number, number, number, ...number[], RowValue];
const row = (...r: KpiRow): readonly RowValue[] => r;

// KPI, Area, Unit, Direction, Baseline, Target, Weight, Jan..Jun, Actual
export const SCORECARD_ROWS: readonly (readonly RowValue[])[] = [
  row('Goal contribution', 'Strategy', '%', 'higher', 0.7, 0.9, 1, 0.66, 0.7, 0.73, 0.78, 0.82, 0.85, computed.goal),
  row('Priority stability', 'Prioritization', '%', 'higher', 0.5, 0.7, 1, 0.4, 0.5, 0.5, 0.5, 0.6, 0.6, computed.stability),
  row('Approval cycle time', 'Decision rights', 'days', 'lower', 6, 3, 1, 7.5, 7, 6, 5, 4.5, 3, computed.approval),
  row('Capacity accuracy', 'Resource management', '%', 'higher', 0.75, 0.9, 1, 0.71, 0.74, 0.8, 0.84, 0.88, 0.9, computed.capacity),
  row('Improvement completion', 'Culture', '%', 'higher', 0.5, 0.8, 1, 0.38, 0.45, 0.5, 0.56, 0.6, 0.67, computed.improvement),
  row('Marketing ROI', 'Performance', '%', 'higher', 2, 2.6, 1.5, 1.9, 2, 2.05, 2.2, 2.35, 2.45, computed.roi),
  row('Launch cycle time', 'Delivery health', 'days', 'lower', 40, 30, 0.5, 41, 38, 36, 33, 30, 29, computed.launchTime),
  row('Launch velocity', 'Delivery health', 'per week', 'higher', 0.9, 1.3, 0.5, 0.8, 0.85, 0.9, 1, 1.1, 1.2, computed.velocity),
  row('Pipeline created', 'Business', '$', 'higher', 3_200_000, 4_000_000, 2, 1_020_000, 1_050_000, 1_130_000, 1_210_000, 1_300_000, 1_390_000, 3_900_000),
  row('Trial-to-paid conversion', 'Business', '%', 'higher', 0.14, 0.18, 1.5, 0.138, 0.141, 0.146, 0.152, 0.161, 0.172, 0.176),
  row('Net revenue retention', 'Business', '%', 'higher', 1.04, 1.08, 1.5, 1.05, 1.05, 1.06, 1.07, 1.08, 1.09, 1.085),
];

const rowwise = (fn: string, ...args: Parameters<typeof call>[1][]) => ({ kind: 'rowwise' as const, call: call(fn, ...args) });
const series = cols(S, 'Jan', 'Jun');

export const scorecardSheet: SheetDecl = {
  name: S,
  title: 'Scorecard: targets against actuals',
  help: 'Measure: the six leadership KPIs are computed from this workbook; type the business KPIs and the monthly readings.',
  tabColor: 'E67E22',
  landscape: true,
  freezeColumns: 1,
  fields: [
    { key: 'quarter', label: 'Quarter', value: 'Q2 2026', validation: { kind: 'text', maxLength: 40 } },
    { key: 'team', label: 'Team', value: 'Growth Marketing · Fieldstone Analytics', validation: V.text },
    { key: 'start', label: 'Period start', value: '2026-04-01', format: 'date', validation: V.date },
    { key: 'end', label: 'Period end', value: '2026-06-30', format: 'date', validation: V.date },
    { key: 'revenue', label: 'Marketing-sourced revenue', value: 1_480_000, format: 'money', validation: V.atLeast0 },
    { key: 'cost', label: 'Marketing cost', value: 420_000, format: 'money', validation: { kind: 'number', min: 1 } },
    { key: 'composite', label: 'Composite score', value: call('SCORECARD_SCORE', col(S, 'Attainment'), col(S, 'Weight')), format: 'pct', emphasis: true },
  ],
  table: {
    name: S,
    columns: [
      input('KPI', 26, V.text),
      input('Area', 20, V.text),
      code('Unit', 9, V.list(UNITS)),
      code('Direction', 10, V.list(DIRECTIONS)),
      input('Baseline', 11, V.any),
      input('Target', 11, V.any),
      input('Weight', 8, V.atLeast0, 'num1'),
      ...months.map((m) => input(m, 9, V.any)),
      input('Actual', 11, V.any, undefined, 'Computed for the six leadership KPIs; type the others.'),
      { header: 'Attainment', width: 12, format: 'pct', compute: rowwise('KPI_ATTAINMENT', col(S, 'Actual'), col(S, 'Target'), col(S, 'Direction'), col(S, 'Baseline')) },
      { header: 'Status', width: 11, statusColors: true, align: 'center', compute: rowwise('KPI_STATUS', col(S, 'Actual'), col(S, 'Target'), col(S, 'Direction'), col(S, 'Baseline')) },
      { header: 'Trend', width: 9, format: 'trend', compute: rowwise('KPI_TREND', series) },
      { header: 'Sparkline', width: 11, compute: rowwise('SPARK', series) },
    ],
    rows: SCORECARD_ROWS,
    rowFormats: { column: 'Unit', applyTo: ['Baseline', 'Target', ...months, 'Actual'], formats: UNIT_FORMATS },
  },
};
