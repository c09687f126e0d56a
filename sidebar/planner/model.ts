// The capacity planner's model, free of DOM: the tables planCapacity takes (built from what the Bridge read),
// the comparison of the greedy and optimal plans in one sentence, the cut list and the Plan sheet.
import type { CapacityPlan } from '../../core/capacity';
import type { Scalar, SheetWrite, TableData } from '../../protocol/bridge';
import { SCORE_HEADERS, allocateHeaders, doneRows, findColumn, scoreColumns } from '../../protocol/columns';
import { formatNumber } from '../ui/dom';

export { SCORE_HEADERS };

/**
 * The columns the planner offers as the score: ALLOCATE's score columns in its order, other "… score"
 * headers ("RICE score"), then what the add-in wrote (not Rank). Never an unrelated column: a backlog with
 * none gets an empty list, and the tab asks the user to rank it first.
 */
export function scoreCandidates(backlog: TableData): string[] {
  const owned = backlog.ownedColumns.filter((x) => !/rank/i.test(x));
  return [...new Set([...scoreColumns(backlog.headers), ...owned])];
}

function grid(t: TableData): Scalar[][] {
  return [t.headers.slice(), ...t.rows.map((r) => r.slice())];
}

/**
 * The backlog as ALLOCATE reads it: the chosen score column named Score (any other column ALLOCATE would
 * take for the score renamed, so the choice in the sidebar is the one that counts), synonyms under the
 * names ALLOCATE reads ("Person-weeks" as Effort, as Prioritize maps it).
 *
 * finished 'commit' (the Plan tab): work whose Status or Progress says Done, Complete or Completed is not
 * planned again and never cut: it goes in as a commitment, so its effort still counts against its team's
 * capacity and its category's share, and the Plan sheet says Done. 'as-is' (the Scenarios panel, whose
 * figures must match the live SCENARIO_COMPARE beside them): the rows exactly as the formulas read them.
 */
export function planTables(
  backlog: TableData,
  teams: TableData,
  mix: TableData | undefined,
  scoreHeader: string,
  options: { finished?: 'commit' | 'as-is' } = {},
): { backlog: Scalar[][]; teams: Scalar[][]; mix?: Scalar[][] } {
  const done = options.finished === 'commit' ? doneRows(backlog.headers, backlog.rows) : new Set<number>();
  const headers = allocateHeaders(backlog.headers, scoreHeader);
  let commit = headers.findIndex((x) => x.trim().toLowerCase() === 'commit');
  const rows = backlog.rows.map((r) => r.slice());
  if (done.size && commit < 0) {
    commit = headers.length;
    headers.push('Commit');
    for (const r of rows) r.push('');
  }
  for (const i of done) rows[i]![commit] = 'yes';
  const b: Scalar[][] = [headers, ...rows];
  return mix ? { backlog: b, teams: grid(teams), mix: grid(mix) } : { backlog: b, teams: grid(teams) };
}

function column(t: TableData, rows: readonly (readonly Scalar[])[], header: string): Scalar[] {
  const i = header ? t.headers.indexOf(header) : -1;
  return rows.map((r) => (i < 0 ? '' : (r[i] ?? '')));
}

export interface RowInfo {
  readonly id: string;
  readonly label: string;
  readonly score: Scalar;
  readonly effort: Scalar;
  /** Finished already (Status or Progress says Done, Complete or Completed). */
  readonly done?: boolean;
}

/** One per backlog row, in its order (the rows planTables passes to ALLOCATE). */
export function rowInfo(backlog: TableData, scoreHeader: string): RowInfo[] {
  const rows = backlog.rows;
  const done = doneRows(backlog.headers, rows);
  const h = backlog.headers;
  const taken = new Set([scoreHeader]);
  const ids = column(backlog, rows, findColumn(h, 'id', taken));
  const labels = column(backlog, rows, findColumn(h, 'label', taken));
  const scores = column(backlog, rows, h.includes(scoreHeader) ? scoreHeader : '');
  const efforts = column(backlog, rows, findColumn(h, 'effort', taken));
  return rows.map((_, i) => ({ id: String(ids[i] ?? ''), label: String(labels[i] ?? ''), score: scores[i]!, effort: efforts[i]!, ...(done.has(i) ? { done: true } : {}) }));
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

/**
 * The owned Plan sheet: one row per backlog item, then the team loads, then how it was planned. Number
 * formats are per column, so the team block puts each number under a column whose format fits it (Load
 * under Item, which is text in item rows; Capacity under Team; Planned under Score); a format never
 * changes text.
 */
export function planSheet(plan: CapacityPlan, info: readonly RowInfo[], method: 'greedy' | 'optimal', sheetName = 'Plan'): SheetWrite {
  const rows: Scalar[][] = [['ID', 'Item', 'Team', 'Score', 'Effort', 'Status', 'Reason']];
  plan.rows.forEach((r, i) => {
    if (r.status === '') return;
    const x = info[i]!;
    if (x?.done && r.status === 'Planned') rows.push([r.id, x.label, r.team, x.score, x.effort, 'Done', 'Finished: its effort counts']);
    else rows.push([r.id, x.label, r.team, x.score, x.effort, r.status, r.reason]);
  });
  rows.push([]);
  rows.push(['Team', 'Load', 'Capacity', 'Planned']);
  for (const t of plan.teams) rows.push([t.team, Number.isFinite(t.load) ? t.load : 'no capacity', t.capacity, t.planned]);
  rows.push([]);
  rows.push(['Total score planned', '', '', plan.value]);
  rows.push(['Method', method === 'optimal' ? solverLine(plan) : solverLine({ ...plan, solver: undefined })]);
  const width = 7;
  return {
    name: sheetName,
    rows: rows.map((r) => [...r, ...Array<Scalar>(Math.max(0, width - r.length)).fill('')]),
    columnFormats: [undefined, '0%', '#,##0.0', '#,##0.0', '#,##0.0', undefined, undefined],
  };
}
