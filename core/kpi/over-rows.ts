// The machinery behind single-result functions that read "over rows": column arguments of equal height
// (one cell repeats), walked top to bottom. The first data problem stops the walk and comes back as one
// CellError naming the row, because a single result cannot carry per-row errors and must never be a
// silently wrong number.
import { CellError } from '../cells';
import { type Column, cellAt, sharedHeight } from '../rowwise';

/** Prefixes a problem with its row, counted from 1 at the first cell of the range as the user selected it. */
export function atRow(i: number, e: CellError): CellError {
  return new CellError(e.kind, `row ${i + 1} of the range: ${e.message}`);
}

/**
 * Calls `visit` with the raw cells of every row (one array, reused). A CellError returned by `visit` ends
 * the walk and comes back prefixed with the row. Ranges of different heights throw CallError.
 */
export function eachRow(
  columns: readonly Column[],
  visit: (cells: readonly unknown[], i: number) => CellError | undefined,
): CellError | undefined {
  const n = sharedHeight(columns);
  const cells: unknown[] = new Array(columns.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) cells[j] = cellAt(columns[j]!, i);
    const e = visit(cells, i);
    if (e !== undefined) return atRow(i, e);
  }
  return undefined;
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A serial day number as the sheet shows it, for messages: ISO date, with the time when there is one. */
export function showDate(serial: number): string {
  const d = new Date(SERIAL_EPOCH_MS + Math.round(serial * 86_400_000));
  if (isNaN(d.getTime())) return String(serial);
  const iso = d.toISOString();
  return serial === Math.floor(serial) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
