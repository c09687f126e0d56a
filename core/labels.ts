// Labels people type (statuses, outcome names, decision types) compare the way people read them: case,
// surrounding spaces and doubled inner spaces make no difference, so "Done " matches "done".
import { CallError, CellError, flatten, readText, show, toGrid, valueError } from './cells';
import { matchKey } from './keys';

export const normalizeLabel = matchKey;

/**
 * A label from a host value, normalized; null for a blank. TRUE/FALSE is refused: a checkbox is not a
 * name, and reading it as the word "true" would match nothing and skew the result without a word.
 */
export function readLabel(v: unknown, arg: string): string | null | CellError {
  if (typeof v === 'boolean') return valueError(`${arg} is ${show(v)}, not a name: enter text such as a label or an ID`);
  const t = readText(v, arg);
  return t === null || t instanceof CellError ? t : normalizeLabel(t);
}

/**
 * A list of labels from a range, optionally also split at commas ("Done, Shipped"). It is the same list for
 * every row, so an error in it fails the call. Returns null when every cell is blank, because the hosts
 * cannot tell an omitted argument from a reference to an empty cell.
 */
export function labelList(value: unknown, arg: string, splitCommas: boolean): Set<string> | null {
  const labels = new Set<string>();
  for (const v of flatten(toGrid(value))) {
    const t = readLabel(v, arg);
    if (t instanceof CellError) throw new CallError(t.message);
    if (t === null) continue;
    for (const part of splitCommas ? t.split(',') : [t]) {
      const p = part.trim();
      if (p) labels.add(p);
    }
  }
  return labels.size ? labels : null;
}
