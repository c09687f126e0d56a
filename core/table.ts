// Tables by header: the first row names the columns, found case-insensitively with surrounding spaces
// ignored, in any order; unknown extra columns are ignored. Headers compare by matchKey (core/keys.ts).
import { CallError, type Grid, hostErrorText, isBlank, isDateObject, localDateText, toGrid } from './cells';
import { matchKey } from './keys';

export interface Table {
  /** The argument name, for messages. */
  readonly arg: string;
  /** Header texts as typed. */
  readonly headers: readonly string[];
  /** Data rows, header excluded. */
  readonly rows: Grid;
}

export function normalizeHeader(v: unknown): string {
  return isBlank(v) ? '' : matchKey(String(v));
}

/** Reads a table argument; it needs a header row. */
export function readTable(value: unknown, arg: string): Table {
  const grid = toGrid(value);
  if (grid.length === 0 || grid[0]!.every(isBlank)) {
    throw new CallError(`${arg} needs a header row: select the table including its headers`);
  }
  const headers = grid[0]!.map((h) => {
    if (hostErrorText(h) !== undefined) throw new CallError(`${arg} has an error in its header row: fix it`);
    return isDateObject(h) ? localDateText(h) : isBlank(h) ? '' : String(h).trim();
  });
  return { arg, headers, rows: grid.slice(1) };
}

/** The index of the first header among `names` (in the order given), or -1. */
export function findColumn(t: Table, names: readonly string[]): number {
  const normalized = t.headers.map(normalizeHeader);
  for (const name of names) {
    const i = normalized.indexOf(matchKey(name));
    if (i >= 0) return i;
  }
  return -1;
}

/** Like findColumn, but a missing column is a call error that names it. */
export function requireColumn(t: Table, names: readonly string[]): number {
  const i = findColumn(t, names);
  if (i < 0) {
    const wanted = names.map((n) => `"${n}"`).join(' or ');
    throw new CallError(`${t.arg} has no ${wanted} column: add a header named ${names.length > 1 ? 'one of ' : ''}${wanted} to its first row`);
  }
  return i;
}

export function rowIsAllBlank(row: readonly unknown[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}
