// The scorecard's model, free of DOM: which columns are the KPI, direction, baseline, target, weight and
// owner, which are the actuals by period (the rest, in order), and each KPI's status, attainment, trend
// and sparkline plus the composite, all from the catalog's functions.
import type { Out } from '../../core/cells';
import { normalizeHeader } from '../../core/table';
import type { Scalar, TableData } from '../../protocol/bridge';
import { asColumn, callColumn, callSingle, isNumber } from '../catalog-call';

export interface ScorecardColumns {
  readonly kpi: string;
  readonly direction: string;
  readonly baseline: string;
  readonly target: string;
  readonly weight: string;
  readonly owner: string;
  /** The KPI's unit ('%', '$', 'days'): how its numbers read where the cells' formats are not known. */
  readonly unit: string;
  /** A column holding the current value (the template computes it), which then counts over the periods. */
  readonly actual: string;
  /** Actuals, oldest period first. */
  readonly periods: readonly string[];
}

const ROLES: Record<Exclude<keyof ScorecardColumns, 'periods'>, readonly string[]> = {
  kpi: ['kpi', 'metric', 'measure', 'name', 'indicator'],
  direction: ['direction', 'better', 'polarity'],
  baseline: ['baseline', 'start', 'starting value'],
  target: ['target', 'goal'],
  weight: ['weight', 'weighting'],
  owner: ['owner', 'accountable', 'lead'],
  unit: ['unit', 'units'],
  actual: ['actual', 'current', 'latest', 'actual value', 'current value'],
};

/** Headers that are never a period of actuals. */
const NOT_PERIODS = /^(area|unit|units|notes?|status|attainment|trend|spark(line)?|comment|category|outcome|source|frequency)$/i;

export function scorecardColumns(t: TableData): ScorecardColumns {
  const norm = t.headers.map(normalizeHeader);
  const find = (names: readonly string[]) => {
    const i = norm.findIndex((x) => names.includes(x));
    return i < 0 ? '' : t.headers[i]!;
  };
  const cols = Object.fromEntries(Object.entries(ROLES).map(([k, names]) => [k, find(names)])) as Omit<ScorecardColumns, 'periods'>;
  const used = new Set(Object.values(cols).filter(Boolean));
  const periods = t.headers.filter((x, i) => {
    if (!x || used.has(x) || NOT_PERIODS.test(x.trim()) || t.ownedColumns.includes(x)) return false;
    return t.rows.every((r) => r[i] === '' || typeof r[i] === 'number' || (typeof r[i] === 'string' && /^[+-]?[\d.]+%?$/.test(String(r[i]).trim())));
  });
  return { ...cols, periods };
}

export interface KpiRow {
  readonly name: string;
  readonly owner: string;
  readonly direction: string;
  /** The latest actual, and the period it is from ('' when it is the table's current-value column). */
  readonly latest: Scalar;
  readonly period: string;
  readonly target: Scalar;
  /** The KPI's unit, and the number formats of its latest actual's and its target's cells ('' unknown). */
  readonly unit: string;
  readonly latestFormat: string;
  readonly targetFormat: string;
  readonly series: readonly Scalar[];
  readonly attainment: Out;
  readonly status: Out;
  readonly trend: Out;
  readonly spark: Out;
}

export interface Scorecard {
  readonly rows: readonly KpiRow[];
  readonly composite: Out;
  readonly problems: readonly string[];
}

function col(t: TableData, header: string): Scalar[] {
  const i = header ? t.headers.indexOf(header) : -1;
  return t.rows.map((r) => (i < 0 ? '' : (r[i] ?? '')));
}

export function computeScorecard(t: TableData, c: ScorecardColumns): Scorecard {
  const problems: string[] = [];
  if (!c.kpi) problems.push('The table needs a KPI column.');
  if (!c.target) problems.push('The table needs a Target column.');
  if (c.periods.length === 0) problems.push('The table needs columns of actuals by period (Jan, Feb, … or Q1, Q2, …).');
  if (problems.length) return { rows: [], composite: '', problems };
  const series = t.rows.map((r) => c.periods.map((p) => r[t.headers.indexOf(p)] ?? ''));
  const latestIndex = series.map((s) => {
    for (let i = s.length - 1; i >= 0; i--) if (s[i] !== '') return i;
    return -1;
  });
  // The current value, where the table has one, is the KPI's reading now; the periods are its history.
  const current = col(t, c.actual);
  const fromActual = current.map((v) => c.actual !== '' && v !== '');
  const latest = series.map((s, r) => (fromActual[r] ? current[r]! : latestIndex[r]! >= 0 ? s[latestIndex[r]!]! : ''));
  const target = col(t, c.target);
  const direction = col(t, c.direction);
  const baseline = col(t, c.baseline);
  const args = [asColumn(latest), asColumn(target), c.direction ? asColumn(direction) : undefined, c.baseline ? asColumn(baseline) : undefined];
  const fill = (r: ReturnType<typeof callColumn>): Out[] => {
    if (r.ok) return r.value;
    problems.push(r.message);
    return t.rows.map(() => '');
  };
  const attainment = fill(callColumn('KPI_ATTAINMENT', ...args));
  const status = fill(callColumn('KPI_STATUS', ...args));
  const trend = fill(callColumn('KPI_TREND', series));
  const spark = fill(callColumn('SPARK', series));
  const weights = c.weight ? asColumn(col(t, c.weight)) : [[1]];
  const composite = callSingle('SCORECARD_SCORE', asColumn(attainment.map((a) => (isNumber(a) ? a : ''))), weights);
  if (!composite.ok) problems.push(composite.message);
  const names = col(t, c.kpi);
  const owners = col(t, c.owner);
  const units = col(t, c.unit);
  const formatOf = (header: string) => (header ? (t.numberFormats?.[t.headers.indexOf(header)] ?? '') : '');
  const rows: KpiRow[] = [];
  t.rows.forEach((_, r) => {
    if (names[r] === '') return;
    rows.push({
      name: String(names[r]),
      owner: String(owners[r] ?? ''),
      direction: String(direction[r] || 'higher').toLowerCase(),
      latest: latest[r]!,
      period: fromActual[r] ? '' : latestIndex[r]! >= 0 ? c.periods[latestIndex[r]!]! : '',
      target: target[r]!,
      unit: String(units[r] ?? ''),
      latestFormat: formatOf(fromActual[r] ? c.actual : latestIndex[r]! >= 0 ? c.periods[latestIndex[r]!]! : ''),
      targetFormat: formatOf(c.target),
      series: series[r]!,
      attainment: attainment[r]!,
      status: status[r]!,
      trend: trend[r]!,
      spark: spark[r]!,
    });
  });
  return { rows, composite: composite.ok ? composite.value : '', problems };
}
