// The machinery behind row-wise functions over a series: one row per KPI, one column per period. Blank
// periods are skipped but keep their position, so a missing month does not shift the months after it.
import { CellError, type Out, readNumber, toGrid } from '../cells';

/**
 * Runs `compute` over every row of `series` that has at least one number. `values` holds the row's periods
 * (NaN for a blank period) in one reused array; `count` is how many are numbers. An all-blank row stays
 * blank; a period that is not a number is a row error naming the period.
 */
export function seriesRows(series: unknown, compute: (values: Float64Array, count: number) => Out): Out[][] {
  const grid = toGrid(series);
  if (grid.length === 0) return [['']];
  const k = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const values = new Float64Array(k);
  const out: Out[][] = new Array(grid.length);
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i]!;
    let count = 0;
    let error: CellError | undefined;
    for (let j = 0; j < k; j++) {
      const x = readNumber(row[j], `series period ${j + 1}`);
      if (x === null) values[j] = NaN;
      else if (typeof x === 'number') {
        values[j] = x;
        count++;
      } else {
        error = x;
        break;
      }
    }
    out[i] = [error ?? (count === 0 ? '' : compute(values, count))];
  }
  return out;
}
