import { CallError, CellError, flatten, readText, show, toGrid } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { matchKey } from '../keys';
import { optionCount } from './counts';

/**
 * The IDs of one list in reading order, blanks skipped, as comparison keys (matchKey). The
 * result is a single cell, so an error cell or a duplicate fails the call rather than one row.
 */
export function readIdList(value: unknown, arg: 'previous' | 'current'): string[] {
  const cells = flatten(toGrid(value));
  const keys: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const id = readText(cells[i], `${arg} cell ${i + 1}`);
    if (id === null) continue;
    if (id instanceof CellError) throw new CallError(id.message);
    const key = matchKey(id);
    const before = seen.get(key);
    if (before !== undefined) {
      throw new CallError(
        `${arg} lists the ID ${show(id)} twice (cells ${before + 1} and ${i + 1}): each ID may appear once in a list`,
      );
    }
    seen.set(key, i);
    keys.push(key);
  }
  if (keys.length === 0) throw new CallError(`${arg} has no IDs: select the item IDs in priority order, top first`);
  return keys;
}

/** PRIORITY_STABILITY as plain data: the share of the previous top N still in the current top N. */
export function priorityStability(previous: unknown, current: unknown, topN?: unknown): number {
  const before = readIdList(previous, 'previous');
  const now = readIdList(current, 'current');
  const n = optionCount(topN, 'top_n', Math.min(before.length, now.length));
  const kept = new Set(now.slice(0, n));
  const top = before.slice(0, n);
  let stayed = 0;
  for (const id of top) if (kept.has(id)) stayed++;
  return stayed / top.length;
}

export const PRIORITY_STABILITY: FunctionSpec = {
  name: 'PRIORITY_STABILITY',
  section: 'Prioritization',
  summary: 'Share of the previous top N priorities that are still in the current top N.',
  params: [
    { name: 'previous', shape: 'range', help: 'Item IDs of the previous plan in priority order, top first (any shape, read row by row).' },
    { name: 'current', shape: 'range', help: 'Item IDs of the current plan in priority order, top first.' },
    {
      name: 'top_n',
      shape: 'value',
      optional: true, omitted: 'the length of the shorter list',
      help: 'How many top items to compare, a whole number of 1 or more (default: the length of the shorter list).',
    },
  ],
  result: 'single',
  returns: 'A share from 0 to 1: 1 when every previous top item is still in the top, 0 when none is.',
  example: 'PRIORITY_STABILITY(Q1!A2:A40, Q2!A2:A40, 10)',
  notes: [
    'IDs are compared as text, trimmed and case-insensitive: "abc-1 " and "ABC-1" are the same item, and the number 12 matches the text "12".',
    'A range with several columns is read row by row, left to right; blank cells are skipped, so gaps do not count as items.',
    'A top_n larger than a list uses that whole list: with 8 previous items and top_n 10, the share is out of 8.',
    'An error cell in either list, a duplicate ID (also when it differs only in case or spaces) or an empty list fails the whole call, because the result is one number that would otherwise be silently wrong.',
    'The order within the top N does not matter: an item that moved from 1st to 5th inside the top 10 still counts as kept.',
  ],
  impl: (previous, current, topN) => priorityStability(previous, current, topN),
};
