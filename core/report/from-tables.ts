// Reading the report's input from the workbook's tables as a Bridge returns them (header row first, then
// values as the host gives them). Columns are found by header, as the catalog finds them, so the
// template's Scorecard, Backlog and Teams sheets work as they are and reordered columns still do.
import { type Grid, hostErrorText, isBlank, readNumber } from '../cells';
import { normalizeHeader } from '../table';
import type { KpiRow, OnePagerInput, PlanItem, TeamLoad } from './types';

export interface ReportTables {
  /** Scorecard: KPI, Area, Unit, Direction, Baseline, Target, Weight, readings..., Actual, Attainment, Status, Trend. */
  readonly scorecard: Grid;
  /** Backlog: ID, Item, Team, Effort, Score, Rank, Status, Reason. */
  readonly backlog: Grid;
  /** Teams: Team, Capacity, Load, Planned effort. */
  readonly teams: Grid;
}

export interface ReportSettings {
  readonly quarter: string;
  readonly team: string;
  readonly composite?: unknown;
  readonly asOf?: string;
}

function columns(grid: Grid): (names: readonly string[]) => number {
  const headers = (grid[0] ?? []).map(normalizeHeader);
  return (names) => {
    for (const n of names) {
      const i = headers.indexOf(n.toLowerCase());
      if (i >= 0) return i;
    }
    return -1;
  };
}

const numberOf = (v: unknown): number | null => {
  const n = readNumber(v, 'value');
  return typeof n === 'number' ? n : null;
};

/** Text as shown: error values keep their error text, blanks are "". */
const textOf = (v: unknown): string => (isBlank(v) ? '' : hostErrorText(v) ?? String(v).trim());

/** The readings (Jan, Feb, ...) are the columns between Weight (or Target) and Actual, as on the template's Scorecard. */
function readingSpan(at: (names: readonly string[]) => number): [number, number] {
  const weight = at(['Weight']);
  const from = (weight >= 0 ? weight : at(['Target'])) + 1;
  const to = at(['Actual']);
  return to > from ? [from, to] : [0, 0];
}

const body = (grid: Grid) => grid.slice(1).filter((row) => row.some((v) => !isBlank(v)));

export function kpiRows(grid: Grid): KpiRow[] {
  const at = columns(grid);
  const c = {
    kpi: at(['KPI']), area: at(['Area']), unit: at(['Unit']), direction: at(['Direction']), baseline: at(['Baseline']),
    target: at(['Target']), weight: at(['Weight']), actual: at(['Actual']), attainment: at(['Attainment']), status: at(['Status']), trend: at(['Trend']),
  };
  const series = readingSpan(at);
  const get = (row: readonly unknown[], i: number) => (i >= 0 ? row[i] : undefined);
  return body(grid).map((row) => ({
    kpi: textOf(get(row, c.kpi)),
    area: textOf(get(row, c.area)),
    unit: textOf(get(row, c.unit)),
    direction: textOf(get(row, c.direction)),
    baseline: numberOf(get(row, c.baseline)),
    target: numberOf(get(row, c.target)),
    weight: numberOf(get(row, c.weight)),
    actual: numberOf(get(row, c.actual)),
    attainment: numberOf(get(row, c.attainment)),
    status: textOf(get(row, c.status)),
    trend: numberOf(get(row, c.trend)),
    series: row.slice(series[0], series[1]).map(numberOf),
  }));
}

/** The readings' headers (Jan, Feb, ...), for the snapshot. */
export function seriesLabels(grid: Grid): string[] {
  const [from, to] = readingSpan(columns(grid));
  return (grid[0] ?? []).slice(from, to).map(textOf);
}

export function planItems(grid: Grid): PlanItem[] {
  const at = columns(grid);
  const c = { id: at(['ID']), item: at(['Item']), team: at(['Team']), effort: at(['Effort']), score: at(['Score', 'Priority score', 'Weighted score', 'RICE', 'WSJF', 'ICE', 'CD3']), rank: at(['Rank']), status: at(['Status']), reason: at(['Reason']) };
  const get = (row: readonly unknown[], i: number) => (i >= 0 ? row[i] : undefined);
  return body(grid).map((row) => ({
    id: textOf(get(row, c.id)),
    item: textOf(get(row, c.item)),
    team: textOf(get(row, c.team)),
    effort: numberOf(get(row, c.effort)),
    score: numberOf(get(row, c.score)),
    rank: numberOf(get(row, c.rank)),
    status: textOf(get(row, c.status)),
    reason: textOf(get(row, c.reason)),
  }));
}

export function teamLoads(grid: Grid): TeamLoad[] {
  const at = columns(grid);
  const c = { team: at(['Team']), capacity: at(['Capacity']), load: at(['Load']), planned: at(['Planned effort', 'Planned']) };
  const get = (row: readonly unknown[], i: number) => (i >= 0 ? row[i] : undefined);
  return body(grid).map((row) => {
    const capacity = numberOf(get(row, c.capacity));
    const load = numberOf(get(row, c.load));
    const planned = numberOf(get(row, c.planned)) ?? (load !== null && capacity !== null ? load * capacity : null);
    return { team: textOf(get(row, c.team)), capacity, load, planned };
  });
}

/** Everything the one-pager needs, from the three tables and the Scorecard's settings. */
export function reportInputFromTables(tables: ReportTables, settings: ReportSettings): OnePagerInput {
  const items = planItems(tables.backlog);
  const ranking = items.filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!);
  return {
    quarter: settings.quarter,
    team: settings.team,
    ...(settings.asOf ? { asOf: settings.asOf } : {}),
    scorecard: kpiRows(tables.scorecard),
    composite: numberOf(settings.composite),
    plan: { items, teams: teamLoads(tables.teams) },
    ranking,
  };
}
