// TEAM_LOAD and CAPACITY_ACCURACY: what a plan asks of each team, and afterwards how close the plan was.
import { CallError, CellError, type Out, hostErrorText, isBlank, readNumber, readText, valueError } from '../cells';
import { cellAt, column, rowIsBlank, sharedHeight } from '../rowwise';
import { findColumn, readTable, requireColumn } from '../table';
import { fmt } from './format';
import { nameKey, readTeams } from './tables';

export function teamLoad(teamsArg: unknown, backlogArg: unknown): Out[][] {
  const teams = readTeams(teamsArg);
  const t = readTable(backlogArg, 'backlog');
  const effortCol = requireColumn(t, ['Effort']);
  const teamCol = findColumn(t, ['Team']);
  if (teamCol < 0 && teams.length > 1) {
    throw new CallError(`backlog has no "Team" column, which it needs because teams lists ${teams.length} teams: add a Team column`);
  }
  const statusCol = findColumn(t, ['Status']);
  const idCol = findColumn(t, ['ID']);
  const index = new Map(teams.map((x, i) => [nameKey(x.name), i]));
  const planned = new Float64Array(teams.length);
  const errors: (CellError | undefined)[] = new Array(teams.length);
  t.rows.forEach((row, r) => {
    // An error in Status (ALLOCATE writes its row errors there) says nothing about being planned: the
    // team's load cannot be known, so it shows an error instead of leaving the item out.
    const statusError = statusCol >= 0 ? hostErrorText(row[statusCol]) : undefined;
    const counted =
      statusError !== undefined ||
      (statusCol >= 0
        ? typeof row[statusCol] === 'string' && nameKey(row[statusCol] as string) === 'planned'
        : !(isBlank(row[effortCol]) && (teamCol < 0 || isBlank(row[teamCol]))));
    if (!counted) return;
    let team = 0;
    if (teamCol >= 0) {
      const name = readText(row[teamCol], 'Team');
      // A row of no listed team loads no listed team; ALLOCATE already marks such rows as errors.
      if (name instanceof CellError || (name === null && teams.length > 1)) return;
      team = name === null ? 0 : index.get(nameKey(name)) ?? -1;
      if (team < 0) return;
    }
    const id = idCol >= 0 ? readText(row[idCol], 'ID') : null;
    const who = typeof id === 'string' ? id : `backlog row ${r + 2}`;
    if (statusError !== undefined) {
      errors[team] ??= valueError(`Status of ${who} is an error (${statusError.split(' ')[0]}): fix that backlog row, then plan again`);
      return;
    }
    const effort = readNumber(row[effortCol], 'Effort');
    if (typeof effort === 'number' && effort > 0) {
      planned[team]! += effort;
      return;
    }
    const why =
      effort === null ? 'is blank' : effort instanceof CellError ? `is not usable (${effort.message})` : `must be greater than 0 (got ${fmt(effort)})`;
    errors[team] ??= valueError(`Effort of ${who} ${why}: fix it in the backlog`);
  });
  const out: Out[][] = [['Load']];
  const byRow = new Map(teams.map((x, i) => [x.row, i]));
  const teamRows = readTable(teamsArg, 'teams').rows.length;
  for (let r = 0; r < teamRows; r++) {
    const i = byRow.get(r);
    if (i === undefined) {
      out.push(['']);
      continue;
    }
    const team = teams[i]!;
    if (errors[i]) out.push([errors[i]!]);
    else if (team.capacity > 0) out.push([planned[i]! / team.capacity]);
    else if (planned[i] === 0) out.push([0]);
    else out.push([valueError(`${team.name} has a capacity of 0 but ${fmt(planned[i]!)} is planned on it: give it a capacity or move the work`)]);
  }
  return out;
}

/**
 * max(0, 1 − Σ|planned − actual| ÷ Σ planned) over the rows where both are numbers. A row with text in
 * either is skipped (the contract counts numbers only), but an error value is never skipped: it would make
 * the accuracy silently wrong.
 */
export function capacityAccuracy(plannedArg: unknown, actualArg: unknown): Out {
  const cols = [column('planned', plannedArg), column('actual', actualArg)];
  const n = sharedHeight(cols);
  let sumPlanned = 0;
  let sumDiff = 0;
  for (let i = 0; i < n; i++) {
    if (rowIsBlank(cols, i)) continue;
    const v: number[] = [];
    for (const c of cols) {
      const err = hostErrorText(cellAt(c, i));
      if (err !== undefined) return valueError(`${c.name} in row ${i + 1} is an error (${err.split(' ')[0]}): fix the cell it comes from`);
    }
    for (const c of cols) {
      const x = readNumber(cellAt(c, i), c.name);
      if (typeof x !== 'number') break;
      if (x < 0) return valueError(`${c.name} in row ${i + 1} must be 0 or more (got ${fmt(x)}): efforts are never negative`);
      v.push(x);
    }
    if (v.length < 2) continue;
    sumPlanned += v[0]!;
    sumDiff += Math.abs(v[0]! - v[1]!);
  }
  if (sumPlanned === 0) {
    return valueError('planned adds up to 0 over the rows where planned and actual are both numbers: accuracy needs planned effort to compare with');
  }
  return Math.max(0, 1 - sumDiff / sumPlanned);
}
