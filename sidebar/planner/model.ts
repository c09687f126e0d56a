// The capacity planner's model, free of DOM: the tables planCapacity takes (built from what the Bridge read),
// the comparison of the greedy and optimal plans in one sentence, the cut list and the Plan sheet.
import type { CapacityPlan } from '../../core/capacity';
import { normalizeHeader } from '../../core/table';
import type { Scalar, SheetWrite, TableData } from '../../protocol/bridge';
import { numericColumns } from '../prioritize/mapping';
import { formatNumber } from '../ui/dom';

/** The score columns ALLOCATE looks for, in its order. */
export const SCORE_HEADERS = ['Score', 'Priority score', 'Weighted score', 'RICE', 'WSJF', 'ICE', 'CD3'];

/** Score columns ALLOCATE would take first, then the add-in's own, then any other numeric column. */
export function scoreCandidates(backlog: TableData): string[] {
  const by = new Map(backlog.headers.map((x) => [normalizeHeader(x), x]));
  const named = SCORE_HEADERS.map((x) => by.get(x.toLowerCase())).filter((x): x is string => !!x);
  const owned = backlog.ownedColumns.filter((x) => !/rank/i.test(x));
  return [...new Set([...named, ...owned, ...numericColumns(backlog)])];
}

function grid(t: TableData): Scalar[][] {
  return [t.headers.slice(), ...t.rows.map((r) => r.slice())];
}

/**
 * The backlog as ALLOCATE reads it, with the chosen score column named Score. Any other column that
 * ALLOCATE would take for the score is renamed, so the choice in the sidebar is the one that counts.
 */
export function planTables(backlog: TableData, teams: TableData, mix: TableData | undefined, scoreHeader: string): { backlog: Scalar[][]; teams: Scalar[][]; mix?: Scalar[][] } {
  const b = grid(backlog);
  const chosen = normalizeHeader(scoreHeader);
  const others = new Set(SCORE_HEADERS.map((x) => x.toLowerCase()));
  b[0] = b[0]!.map((x) => {
    const n = normalizeHeader(x);
    if (n === chosen) return 'Score';
    return others.has(n) ? `${String(x)} (not used)` : x;
  });
  return mix ? { backlog: b, teams: grid(teams), mix: grid(mix) } : { backlog: b, teams: grid(teams) };
}

function column(t: TableData, names: readonly string[]): Scalar[] {
  const i = t.headers.findIndex((x) => names.includes(normalizeHeader(x)));
  return t.rows.map((r) => (i < 0 ? '' : (r[i] ?? '')));
}

export interface RowInfo {
  readonly id: string;
  readonly label: string;
  readonly score: Scalar;
  readonly effort: Scalar;
}

export function rowInfo(backlog: TableData, scoreHeader: string): RowInfo[] {
  const ids = column(backlog, ['id']);
  const labels = column(backlog, ['item', 'name', 'title', 'initiative', 'project']);
  const scores = column(backlog, [normalizeHeader(scoreHeader)]);
  const efforts = column(backlog, ['effort']);
  return backlog.rows.map((_, i) => ({ id: String(ids[i] ?? ''), label: String(labels[i] ?? ''), score: scores[i]!, effort: efforts[i]! }));
}

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, 4);
  const rest = ids.length - shown.length;
  const list = rest > 0 ? [...shown, `${rest} more`] : shown;
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "The optimal plan adds 12 points by planning MKT-112 and MKT-127 instead of MKT-114." */
export function comparisonSentence(greedy: CapacityPlan, optimal: CapacityPlan): string {
  const planned = (p: CapacityPlan) => new Set(p.rows.filter((r) => r.status === 'Planned').map((r) => r.id));
  const g = planned(greedy);
  const o = planned(optimal);
  const added = [...o].filter((id) => !g.has(id));
  const dropped = [...g].filter((id) => !o.has(id));
  const gain = optimal.value - greedy.value;
  if (added.length === 0 && dropped.length === 0) {
    return `The optimal plan is the greedy plan: the priority order already gives the most score that fits (${formatNumber(optimal.value)} points).`;
  }
  const swap = `planning ${names(added) || 'nothing more'}${dropped.length ? ` instead of ${names(dropped)}` : ''}`;
  if (gain > 1e-9) return `The optimal plan adds ${formatNumber(gain)} points (${formatNumber(greedy.value)} → ${formatNumber(optimal.value)}) by ${swap}.`;
  if (gain < -1e-9) return `The greedy plan scores ${formatNumber(-gain)} points more, because the optimal plan also meets the min shares: it differs by ${swap}.`;
  return `Both plans score ${formatNumber(optimal.value)} points; the optimal plan differs by ${swap}.`;
}

export interface CutItem {
  readonly id: string;
  readonly label: string;
  readonly status: 'Cut' | 'Error';
  readonly reason: string;
}

export function cutList(plan: CapacityPlan, info: readonly RowInfo[]): CutItem[] {
  const out: CutItem[] = [];
  plan.rows.forEach((r, i) => {
    if (r.status === 'Cut' || r.status === 'Error') out.push({ id: r.id || `Row ${i + 2}`, label: info[i]?.label ?? '', status: r.status, reason: r.reason });
  });
  return out;
}

export function solverLine(plan: CapacityPlan): string {
  const s = plan.solver;
  if (!s) return 'Greedy: highest priority first, as ALLOCATE plans it.';
  const gap = `${(Math.max(s.gap, 0) * 100).toFixed(2)}%`;
  const how = s.status === 'optimal' ? `proved within ${gap} of the best possible plan` : `the best plan found when the time limit stopped the search (within ${gap})`;
  return `Optimal (HiGHS): ${how}, in ${s.seconds.toFixed(1)} s.`;
}

/** The owned Plan sheet: one row per backlog item, then the team loads, then how it was planned. */
export function planSheet(plan: CapacityPlan, info: readonly RowInfo[], method: 'greedy' | 'optimal', sheetName = 'Plan'): SheetWrite {
  const rows: Scalar[][] = [['ID', 'Item', 'Team', 'Score', 'Effort', 'Status', 'Reason']];
  plan.rows.forEach((r, i) => {
    if (r.status === '') return;
    const x = info[i]!;
    rows.push([r.id, x.label, r.team, x.score, x.effort, r.status, r.reason]);
  });
  rows.push([]);
  rows.push(['Team', 'Capacity', 'Planned', 'Load']);
  for (const t of plan.teams) rows.push([t.team, t.capacity, t.planned, Number.isFinite(t.load) ? t.load : 'no capacity']);
  rows.push([]);
  rows.push(['Total score planned', plan.value]);
  rows.push(['Method', method === 'optimal' ? solverLine(plan) : solverLine({ ...plan, solver: undefined })]);
  const width = 7;
  return { name: sheetName, rows: rows.map((r) => [...r, ...Array<Scalar>(Math.max(0, width - r.length)).fill('')]) };
}
