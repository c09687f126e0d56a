// The teams and mix tables. A problem in either changes every row of the plan, so it fails the whole call
// (CallError) rather than marking one row.
import { CallError, CellError, type Grid, isBlank, readNumber, readText, show, toGrid } from '../cells';
import { matchKey } from '../keys';
import { findColumn, readTable, requireColumn, rowIsAllBlank } from '../table';
import { fmt, pct } from './format';
import type { Category, Team } from './model';

/** Team, category and item names compare by matchKey, like headers do. */
export const nameKey = matchKey;

/** "Brand, Web or Data" (at most six names, so the message fits in a cell). */
export function listNames(names: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  const shown = names.length > 6 ? [...names.slice(0, 6), `${names.length - 6} more`] : [...names];
  return shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

function callText(v: unknown, what: string): string | null {
  const t = readText(v, what);
  if (t instanceof CellError) throw new CallError(t.message);
  return t;
}

function callNumber(v: unknown, what: string): number | null {
  const n = readNumber(v, what);
  if (n instanceof CellError) throw new CallError(n.message);
  return n;
}

export function readTeams(value: unknown): Team[] {
  const t = readTable(value, 'teams');
  const nameCol = requireColumn(t, ['Team']);
  const capCol = requireColumn(t, ['Capacity']);
  const teams: Team[] = [];
  const seen = new Set<string>();
  t.rows.forEach((row, r) => {
    const rawName = row[nameCol];
    const rawCap = row[capCol];
    if (isBlank(rawName) && isBlank(rawCap)) return;
    const name = callText(rawName, `Team in teams row ${r + 2}`);
    if (name === null) {
      throw new CallError(`teams row ${r + 2} has a capacity but no team name: name the team or clear the row`);
    }
    const key = nameKey(name);
    if (seen.has(key)) throw new CallError(`Team "${name}" appears twice in teams: list each team once`);
    seen.add(key);
    const capacity = callNumber(rawCap, `Capacity of ${name}`);
    if (capacity === null) throw new CallError(`Capacity of ${name} is blank: enter its capacity, 0 or more`);
    if (capacity < 0) {
      throw new CallError(`Capacity of ${name} must be 0 or more (got ${fmt(capacity)}): enter the effort the team can take`);
    }
    teams.push({ name, capacity, row: r });
  });
  if (teams.length === 0) {
    throw new CallError('teams has no team rows: add a row with a team name and its capacity below the headers');
  }
  return teams;
}

/** Whether an optional table argument was left out: omitted, a blank cell, or a range of blanks. */
export function isOmitted(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const g: Grid = toGrid(value);
  return g.every(rowIsAllBlank);
}

function readShare(v: unknown, what: string): number | null {
  const x = callNumber(v, what);
  if (x === null) return null;
  if (x < 0 || x > 1) {
    const hint = x > 1 && x <= 100 ? `: a cell showing ${fmt(x)}% is ${fmt(x / 100)}, so type ${fmt(x)}%` : ': use a share such as 0.2 or 20%';
    throw new CallError(`${what} must be from 0 to 1 (got ${fmt(x)})${hint}`);
  }
  return x;
}

export function readMix(value: unknown): Category[] {
  if (isOmitted(value)) return [];
  const t = readTable(value, 'mix');
  const nameCol = requireColumn(t, ['Category']);
  const maxCol = findColumn(t, ['Max share']);
  const minCol = findColumn(t, ['Min share']);
  // A mix that only sets minimums is useful to the optimal planner, so either share column will do.
  if (maxCol < 0 && minCol < 0) requireColumn(t, ['Max share']);
  const out: Category[] = [];
  const seen = new Set<string>();
  t.rows.forEach((row, r) => {
    if (rowIsAllBlank(row)) return;
    const name = callText(row[nameCol], `Category in mix row ${r + 2}`);
    if (name === null) throw new CallError(`mix row ${r + 2} has a share but no category: name the category or clear the row`);
    const key = nameKey(name);
    if (seen.has(key)) throw new CallError(`Category "${name}" appears twice in mix: list each category once`);
    seen.add(key);
    const maxShare = maxCol < 0 ? null : readShare(row[maxCol], `Max share of ${name}`);
    const minShare = minCol < 0 ? null : readShare(row[minCol], `Min share of ${name}`);
    if (maxShare !== null && minShare !== null && minShare > maxShare) {
      throw new CallError(
        `Min share of ${name} (${pct(minShare)}) is above its Max share (${pct(maxShare)}): lower the min or raise the max`,
      );
    }
    out.push({ name, maxShare, minShare });
  });
  return out;
}

/** Shown in messages for a value that is not one of the known names. */
export function unknownName(kind: string, v: string, known: readonly string[], table: string): string {
  return `${kind} ${show(v)} is not in the ${table} table: use ${listNames(known)}, or add it to ${table}`;
}
