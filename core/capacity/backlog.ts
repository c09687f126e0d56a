// The backlog table: one item per row, its problems as that row's error, and the dependency graph checked
// for unknown IDs, duplicates and cycles before any planning starts.
import { CallError, CellError, hostErrorText, isBlank, readNumber, readText, show, valueError } from '../cells';
import { matchKey } from '../keys';
import { findColumn, readTable, requireColumn } from '../table';
import { fmt } from './format';
import type { BacklogRow, Category, Item, Team } from './model';
import { listNames, nameKey, unknownName } from './tables';

/** The score column is the first of these the backlog has, in this order. */
export const SCORE_COLUMNS = ['Score', 'Priority score', 'Weighted score', 'RICE', 'WSJF', 'ICE', 'CD3'] as const;

const COMMIT_YES = new Set(['yes', 'true', 'x']);
// Excel desktop passes 0 for an empty cell, and "no"/FALSE are what people type to undo a commitment.
const COMMIT_NO = new Set(['no', 'false', '0']);

interface Draft {
  id: string;
  score: number;
  effort: number;
  team: number;
  teamText: string;
  category: number;
  depIds: string[];
  committed: boolean;
  error?: CellError;
}

function readCommit(v: unknown): boolean | CellError {
  if (v === true) return true;
  if (v === false || v === 0 || isBlank(v)) return false;
  if (hostErrorText(v) !== undefined) return valueError(`Commit is an error (${hostErrorText(v)!.split(' ')[0]}): fix the cell it comes from`);
  const w = matchKey(String(v));
  if (COMMIT_YES.has(w)) return true;
  if (COMMIT_NO.has(w)) return false;
  return valueError(`Commit ${show(v)} is not understood: type yes (or x) to commit the item, or leave it blank`);
}

export function readBacklog(value: unknown, teams: readonly Team[], categories: readonly Category[]): { items: Item[]; rows: BacklogRow[] } {
  const t = readTable(value, 'backlog');
  const idCol = requireColumn(t, ['ID']);
  const scoreCol = requireColumn(t, SCORE_COLUMNS);
  const scoreName = t.headers[scoreCol]!;
  const effortCol = requireColumn(t, ['Effort']);
  const teamCol = findColumn(t, ['Team']);
  if (teamCol < 0 && teams.length > 1) {
    throw new CallError(
      `backlog has no "Team" column, which it needs because teams lists ${teams.length} teams: add a Team column naming each item's team`,
    );
  }
  const catCol = findColumn(t, ['Category']);
  const depCol = findColumn(t, ['Depends on']);
  const commitCol = findColumn(t, ['Commit']);
  const cols = [idCol, scoreCol, effortCol, teamCol, catCol, depCol, commitCol].filter((c) => c >= 0);
  const teamIndex = new Map(teams.map((x, i) => [nameKey(x.name), i]));
  const catIndex = new Map(categories.map((x, i) => [nameKey(x.name), i]));
  const teamNames = teams.map((x) => x.name);

  const drafts: (Draft | null)[] = t.rows.map((row) => {
    if (cols.every((c) => isBlank(row[c]))) return null;
    const d: Draft = { id: '', score: 0, effort: 0, team: -1, teamText: '', category: -1, depIds: [], committed: false };
    const fail = (e: CellError) => {
      if (d.error === undefined) d.error = e;
    };
    const id = readText(row[idCol], 'ID');
    if (id === null) fail(valueError('ID is blank: give every item an ID so dependencies can refer to it'));
    else if (id instanceof CellError) fail(id);
    else d.id = id;

    const score = readNumber(row[scoreCol], scoreName);
    if (score === null) fail(valueError(`${scoreName} is blank: score this item, or clear the row`));
    else if (score instanceof CellError) fail(score);
    else d.score = score;

    const effort = readNumber(row[effortCol], 'Effort');
    if (effort === null) fail(valueError('Effort is blank: enter the effort this item needs, greater than 0'));
    else if (effort instanceof CellError) fail(effort);
    else if (effort <= 0) fail(valueError(`Effort must be greater than 0 (got ${fmt(effort)}): enter the effort this item needs`));
    else d.effort = effort;

    const team = teamCol < 0 ? null : readText(row[teamCol], 'Team');
    if (team instanceof CellError) fail(team);
    else if (team === null) {
      // With one team there is nothing to choose, so a blank Team means that team.
      if (teams.length === 1) d.team = 0;
      else fail(valueError(`Team is blank: enter ${listNames(teamNames)}`));
    } else {
      d.teamText = team;
      d.team = teamIndex.get(nameKey(team)) ?? -1;
      if (d.team < 0) fail(valueError(unknownName('Team', team, teamNames, 'teams')));
    }
    if (d.team >= 0) d.teamText = teams[d.team]!.name;

    const cat = catCol < 0 ? null : readText(row[catCol], 'Category');
    if (cat instanceof CellError) fail(cat);
    else if (cat !== null) d.category = catIndex.get(nameKey(cat)) ?? -1;

    const deps = depCol < 0 ? null : readText(row[depCol], 'Depends on');
    if (deps instanceof CellError) fail(deps);
    else if (deps !== null) d.depIds = deps.split(',').map((s) => s.trim()).filter((s) => s !== '');

    const commit = commitCol < 0 ? false : readCommit(row[commitCol]);
    if (commit instanceof CellError) fail(commit);
    else d.committed = commit;
    return d;
  });
  const depRows = resolveDependencies(drafts, checkIds(drafts));
  return buildItems(drafts, depRows);
}

/** Backlog row numbers as the sheet shows them when the table starts in row 1: the header is row 1. */
const sheetRow = (r: number) => r + 2;

function checkIds(drafts: (Draft | null)[]): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  drafts.forEach((d, r) => {
    if (d === null || d.id === '') return;
    const k = nameKey(d.id);
    const list = byId.get(k);
    if (list) list.push(r);
    else byId.set(k, [r]);
  });
  for (const rows of byId.values()) {
    if (rows.length < 2) continue;
    const where = listNames(rows.map(sheetRow).map(String), 'and');
    for (const r of rows) {
      const d = drafts[r]!;
      d.error ??= valueError(`ID ${show(d.id)} is used by backlog rows ${where}: give each item its own ID`);
    }
  }
  return byId;
}

/** Resolved dependency rows per draft; errors for unknown, ambiguous, self and cyclic dependencies. */
function resolveDependencies(drafts: (Draft | null)[], byId: Map<string, number[]>): number[][] {
  const depRows: number[][] = drafts.map(() => []);
  drafts.forEach((d, r) => {
    if (d === null || d.error) return;
    const seen = new Set<number>();
    for (const dep of d.depIds) {
      const rows = byId.get(nameKey(dep));
      if (nameKey(dep) === nameKey(d.id)) {
        d.error = valueError(`Depends on itself (${dep}): remove ${dep} from Depends on`);
      } else if (rows === undefined) {
        d.error = valueError(`Depends on ${show(dep)}, which is not an ID in the backlog: fix the ID or remove it (separate IDs with commas)`);
      } else if (rows.length > 1) {
        d.error = valueError(`Depends on ${dep}, which more than one backlog row uses as its ID: give each item its own ID`);
      } else if (!seen.has(rows[0]!)) {
        seen.add(rows[0]!);
        depRows[r]!.push(rows[0]!);
      }
      if (d.error) return;
    }
  });
  // Tarjan's algorithm, iteratively so a long chain of dependencies cannot overflow the stack. It emits each
  // strongly connected component after everything it depends on, so errors propagate in the same pass.
  const n = drafts.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: [number, number][] = [];
  let counter = 0;
  const live = (r: number) => drafts[r] !== null && drafts[r]!.error === undefined;
  for (let s = 0; s < n; s++) {
    if (!live(s) || index[s] !== -1) continue;
    work.push([s, 0]);
    while (work.length) {
      const top = work[work.length - 1]!;
      const v = top[0];
      if (top[1] === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const deps = depRows[v]!;
      let descended = false;
      while (top[1] < deps.length) {
        const w = deps[top[1]++]!;
        if (!live(w)) continue;
        if (index[w] === -1) {
          work.push([w, 0]);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
      }
      if (descended) continue;
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      const scc: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) {
        const ids = scc.sort((a, b) => a - b).map((r) => drafts[r]!.id);
        const msg = `Dependency cycle: ${listNames(ids, 'and')} depend on each other: remove one of these dependencies`;
        for (const r of scc) drafts[r]!.error = valueError(msg);
      } else {
        const d = drafts[v]!;
        const bad = depRows[v]!.find((r) => drafts[r]!.error !== undefined);
        if (bad !== undefined) {
          const dep = drafts[bad]!.id || `backlog row ${sheetRow(bad)}`;
          d.error = valueError(`Depends on ${dep}, whose row has an error: fix ${dep} first`);
        }
      }
    }
  }
  return depRows;
}

function buildItems(drafts: (Draft | null)[], depRows: number[][]): { items: Item[]; rows: BacklogRow[] } {
  const itemOfRow = new Int32Array(drafts.length).fill(-1);
  let k = 0;
  drafts.forEach((d, r) => {
    if (d !== null && d.error === undefined) itemOfRow[r] = k++;
  });
  const items: Item[] = [];
  const rows: BacklogRow[] = drafts.map((d, r) => {
    if (d === null) return { blank: true, id: '', team: '', item: -1 };
    if (d.error) return { blank: false, id: d.id, team: d.teamText, item: -1, error: d.error };
    items.push({
      id: d.id,
      row: r,
      score: d.score,
      effort: d.effort,
      team: d.team,
      category: d.category,
      deps: depRows[r]!.map((x) => itemOfRow[x]!),
      committed: d.committed,
    });
    return { blank: false, id: d.id, team: d.teamText, item: itemOfRow[r]! };
  });
  return { items, rows };
}
