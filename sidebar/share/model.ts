// The Share tab's model, free of DOM: the one-pager's input read from the workbook's tables through the
// Bridge, and the snapshot block. The scorecard is recomputed with the catalog (as the Scorecard tab does),
// so a scorecard of plain actuals works as well as the template's computed one. The plan comes from an
// owned Plan sheet when there is one, else from the backlog's own Status column (the template computes it
// with ALLOCATE), else from a greedy plan computed here with ALLOCATE, the function the cells would use.
import { type OnePagerInput, isInertText, reportInputFromTables, scorecardSnapshot, seriesLabels } from '../../core/report';
import { matchKey } from '../../core/keys';
import { normalizeHeader } from '../../core/table';
import { allocateHeaders, findColumn, scoreColumns } from '../../protocol/columns';
import type { Scalar, SheetWrite, TableData, TableRef } from '../../protocol/bridge';
import { asColumn, call, callColumn, isNumber, outToScalar } from '../catalog-call';
import { computeScorecard, scorecardColumns } from '../scorecard/model';
import { headerFit } from '../ui/table-picker';

export interface ShareTables {
  readonly scorecard: TableData;
  readonly backlog?: TableData;
  readonly teams?: TableData;
  readonly mix?: TableData;
  /** The owned Plan sheet the planner writes. */
  readonly plan?: TableData;
  /** A label/value block whose first label is Quarter (the template's Scorecard settings). */
  readonly settings?: TableData;
  /** Scenario, Change, Target, Value: the what-ifs the one-pager may show. */
  readonly scenarios?: TableData;
}

export type ShareIds = { [K in keyof ShareTables]?: string };

const best = (tables: readonly TableRef[], wanted: readonly string[], min: number): string | undefined => {
  const ranked = tables.map((t) => ({ t, fit: headerFit(t, wanted) })).filter((x) => x.fit >= min).sort((a, b) => b.fit - a.fit);
  return ranked[0]?.t.id;
};

/** Which table plays which part, by headers, as the other tabs pick theirs. */
export function findShareTables(tables: readonly TableRef[]): ShareIds {
  const plan = tables.find((t) => t.sheet.toLowerCase() === 'plan' && headerFit(t, ['ID', 'Status', 'Reason']) === 3);
  const others = tables.filter((t) => t !== plan && !/^scorecard \d{4}-\d\d-\d\d/i.test(t.sheet));
  return {
    scorecard: best(others, ['KPI', 'Target', 'Baseline', 'Direction', 'Weight'], 2),
    backlog: best(others, ['ID', 'Item', 'Team', 'Effort', 'Reach', 'Impact', 'Confidence'], 4),
    teams: best(others, ['Team', 'Capacity', 'Mission'], 2),
    mix: best(others, ['Category', 'Min share', 'Max share'], 3),
    plan: plan?.id,
    settings: others.find((t) => normalizeHeader(t.headers[0] ?? '') === 'quarter' && t.headers.length === 2)?.id,
    scenarios: best(others, ['Scenario', 'Change', 'Target', 'Value'], 4),
  };
}

const grid = (t: TableData): Scalar[][] => [t.headers.slice(), ...t.rows.map((r) => r.slice())];
const indexOf = (headers: readonly Scalar[], ...names: string[]) => headers.findIndex((x) => names.includes(normalizeHeader(String(x))));

/** A label's value in a label/value block (the header row counts: its first label is Quarter). */
export function setting(t: TableData | undefined, label: string): string {
  if (!t) return '';
  const row = [t.headers as readonly Scalar[], ...t.rows].find((r) => normalizeHeader(String(r[0] ?? '')) === label.toLowerCase());
  return row ? String(row[1] ?? '').trim() : '';
}

/** The scorecard as the one-pager reads it, with Actual, Attainment, Status and Trend from the catalog. */
export function scorecardGrid(t: TableData): { grid: Scalar[][]; composite: number | null; problems: readonly string[] } {
  const cols = scorecardColumns(t);
  const card = computeScorecard(t, cols);
  const area = indexOf(t.headers, 'area');
  const unit = indexOf(t.headers, 'unit', 'units');
  const kpi = t.headers.indexOf(cols.kpi);
  const named = new Map(t.rows.map((r) => [String(r[kpi] ?? ''), r]));
  const pick = (r: readonly Scalar[] | undefined, h: string): Scalar => (h && r ? (r[t.headers.indexOf(h)] ?? '') : '');
  const rows: Scalar[][] = card.rows.map((k) => {
    const src = named.get(k.name);
    return [k.name, area >= 0 && src ? src[area]! : '', unit >= 0 && src ? src[unit]! : '', k.direction, pick(src, cols.baseline), k.target, pick(src, cols.weight), ...k.series, k.latest, outToScalar(k.attainment), outToScalar(k.status), outToScalar(k.trend)];
  });
  const headers = ['KPI', 'Area', 'Unit', 'Direction', 'Baseline', 'Target', 'Weight', ...cols.periods, 'Actual', 'Attainment', 'Status', 'Trend'];
  return { grid: [headers, ...rows], composite: isNumber(card.composite) ? card.composite : null, problems: card.problems };
}

/** Adds (or replaces) a column of a grid by header. */
function withColumn(g: Scalar[][], header: string, values: readonly Scalar[]): Scalar[][] {
  const i = indexOf(g[0]!, normalizeHeader(header));
  return g.map((row, r) => {
    const v = r === 0 ? header : (values[r - 1] ?? '');
    const out = row.slice();
    if (i >= 0) out[i] = v;
    else out.push(v);
    return out;
  });
}

export type PlanSource = 'plan sheet' | 'backlog' | 'greedy plan' | 'none';

/** The backlog with Score, Rank, Status and Reason, and where its plan came from. */
export function backlogGrid(tables: ShareTables): { grid: Scalar[][]; source: PlanSource } {
  const b = tables.backlog;
  if (!b) return { grid: [['ID', 'Item', 'Team', 'Effort', 'Score', 'Rank', 'Status', 'Reason']], source: 'none' };
  // The one column mapping: the backlog's own names for ID, Team, Effort and the score ("Person-weeks",
  // "RICE score") read under the names ALLOCATE and the one-pager use.
  const scoreHeader = scoreColumns(b.headers)[0] ?? '';
  const label = findColumn(b.headers, 'label', new Set([scoreHeader]));
  const named = allocateHeaders(b.headers, scoreHeader).map((x, i) => (b.headers[i] === label && indexOf(b.headers, 'item') < 0 ? 'Item' : x));
  let g = [named, ...grid(b).slice(1)];
  const col = (name: string) => {
    const i = indexOf(g[0]!, name);
    return g.slice(1).map((r) => (i < 0 ? '' : r[i]!));
  };
  // No score column: RICE over the backlog's own columns, the Prioritize tab's default framework.
  if (indexOf(g[0]!, 'score', 'priority score', 'weighted score', 'rice', 'wsjf', 'ice', 'cd3') < 0 && indexOf(g[0]!, 'reach') >= 0) {
    const score = callColumn('RICE', asColumn(col('reach')), asColumn(col('impact')), asColumn(col('confidence')), asColumn(col('effort')));
    if (score.ok) g = withColumn(g, 'Score', score.value.map(outToScalar));
  }
  if (indexOf(g[0]!, 'rank') < 0 && indexOf(g[0]!, 'score') >= 0) {
    const rank = callColumn('PRIORITY_RANK', asColumn(col('score')), asColumn(col('effort')));
    if (rank.ok) g = withColumn(g, 'Rank', rank.value.map(outToScalar));
  }
  if (tables.plan) {
    const p = tables.plan;
    const id = indexOf(p.headers, 'id');
    const status = indexOf(p.headers, 'status');
    const reason = indexOf(p.headers, 'reason');
    // Joined by matchKey, as ALLOCATE matches IDs: "M-1" and "m-1\u200b" are one item.
    const byId = new Map(p.rows.map((r) => [matchKey(String(r[id] ?? '')), r]));
    const ids = col('id').map((x) => matchKey(String(x)));
    g = withColumn(g, 'Status', ids.map((x) => byId.get(x)?.[status] ?? ''));
    g = withColumn(g, 'Reason', ids.map((x) => byId.get(x)?.[reason] ?? ''));
    return { grid: g, source: 'plan sheet' };
  }
  if (col('status').some((s) => s === 'Planned' || s === 'Cut')) return { grid: g, source: 'backlog' };
  if (!tables.teams) return { grid: g, source: 'none' };
  const plan = call('ALLOCATE', g, grid(tables.teams), tables.mix ? grid(tables.mix) : undefined);
  if (!plan.ok || !Array.isArray(plan.value)) return { grid: g, source: 'none' };
  const rows = plan.value.slice(1);
  g = withColumn(g, 'Status', rows.map((r) => outToScalar(r[0]!)));
  g = withColumn(g, 'Reason', rows.map((r) => outToScalar(r[1] ?? '')));
  return { grid: g, source: 'greedy plan' };
}

/** Teams with Load: the table's own, else TEAM_LOAD over the plan. */
export function teamsGrid(teams: TableData | undefined, backlog: Scalar[][]): Scalar[][] {
  if (!teams) return [['Team', 'Capacity', 'Load']];
  const g = grid(teams);
  const load = indexOf(g[0]!, 'load');
  if (load >= 0 && g.slice(1).some((r) => isNumber(r[load]))) return g;
  const computed = call('TEAM_LOAD', g, backlog);
  return computed.ok && Array.isArray(computed.value) ? withColumn(g, 'Load', computed.value.slice(1).map((r) => outToScalar(r[0]!))) : g;
}

export interface ShareModel {
  readonly input: OnePagerInput;
  readonly scorecard: Scalar[][];
  readonly composite: number | null;
  readonly source: PlanSource;
  readonly problems: readonly string[];
}

export function shareModel(tables: ShareTables, settings: { quarter: string; team: string; asOf?: string }): ShareModel {
  const card = scorecardGrid(tables.scorecard);
  const backlog = backlogGrid(tables);
  const teams = teamsGrid(tables.teams, backlog.grid);
  const input = reportInputFromTables({ scorecard: card.grid, backlog: backlog.grid, teams }, { ...settings, composite: card.composite });
  return { input, scorecard: card.grid, composite: card.composite, source: backlog.source, problems: card.problems };
}

/**
 * The snapshot as a Bridge.writeSheet, with each cell's number format (a KPI's unit, attainment in %).
 * scorecardSnapshot marks formula-like and #-text with a leading apostrophe for hosts' setValues; the Bridge
 * contract writes every text as text (formula-like text, "#N/A pending", "00042"), so the apostrophe comes
 * off here, or it would show in the cell.
 */
export function snapshotSheet(model: ShareModel, settings: { quarter: string; team: string }, takenOn: string, name: string): SheetWrite & { rows: Scalar[][] } {
  const snap = scorecardSnapshot({ ...settings, takenOn, scorecard: model.input.scorecard, composite: model.composite, seriesLabels: seriesLabels(model.scorecard) });
  const rows = snap.values.map((row) => row.map((v) => (typeof v === 'string' && isInertText(v) ? v.slice(1) : v)));
  const cellFormats = snap.numberFormats.map((row) => row.map((f) => (f === 'General' ? undefined : f)));
  return { name, rows, cellFormats };
}

/** Today as YYYY-MM-DD in the user's time zone: the snapshot is dated the day the user took it. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
