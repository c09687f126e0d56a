// The machinery behind every row-wise function: column arguments of equal height (a single cell repeats
// for every row), blank rows that stay blank, partly blank rows that name what is missing, and one result
// column of the same height.
import { CallError, type CellError, type Grid, type Out, describeShape, isBlank, readNumber, toGrid, valueError } from './cells';

export interface Column {
  readonly name: string;
  readonly grid: Grid;
  /** One cell, repeated for every row. */
  readonly single: boolean;
}

/** A column argument: one cell or one column. An omitted argument is a single blank cell. */
export function column(name: string, value: unknown): Column {
  const grid = toGrid(value);
  if (grid.length === 0) return { name, grid: [[undefined]], single: true };
  const width = grid[0]!.length;
  if (width !== 1) {
    throw new CallError(`${name} must be one column, but it is ${describeShape(grid)}: pass a single column such as B2:B40`);
  }
  return { name, grid, single: grid.length === 1 };
}

/** The shared height of column-shaped arguments (single cells excepted); different heights are a call error. */
export function sharedHeight(grids: readonly { name: string; grid: Grid; single: boolean }[]): number {
  let n = 0;
  let first = '';
  for (const c of grids) {
    if (c.single) continue;
    if (n === 0) {
      n = c.grid.length;
      first = c.name;
    } else if (c.grid.length !== n) {
      throw new CallError(
        `${first} has ${n} rows but ${c.name} has ${c.grid.length}: use ranges of the same height`,
      );
    }
  }
  return n === 0 ? 1 : n;
}

export function cellAt(c: Column, i: number): unknown {
  return c.single ? c.grid[0]![0] : c.grid[i]![0];
}

/** Whether row i counts as blank: every ranged input blank (or every input, when all are single cells). */
export function rowIsBlank(cols: readonly Column[], i: number): boolean {
  const anyRanged = cols.some((c) => !c.single);
  for (const c of cols) {
    if (anyRanged && c.single) continue;
    if (!isBlank(cellAt(c, i))) return false;
  }
  return true;
}

/** The message for a row with some inputs blank and others not. */
export function missingInput(name: string): CellError {
  return valueError(`${name} is blank in this row while other inputs are filled: fill it in, or clear the row`);
}

/** A limit a numeric input must respect: returns the message when `x` breaks it. */
export type Check = (x: number, name: string) => string | undefined;

export const atLeastZero: Check = (x, name) =>
  x < 0 ? `${name} must be 0 or more (got ${x})` : undefined;
export const aboveZero: Check = (x, name) =>
  x <= 0 ? `${name} must be greater than 0 (got ${x})` : undefined;

export interface NumericInput {
  readonly column: Column;
  readonly check?: Check;
}

/**
 * Runs `compute` over every row whose numeric inputs are all present and valid. The values are handed over
 * in one reused Float64Array, so a million-row column allocates nothing per row but its result cell.
 */
export function numericRows(inputs: readonly NumericInput[], compute: (v: Float64Array, row: number) => Out): Out[][] {
  const cols = inputs.map((x) => x.column);
  const n = sharedHeight(cols);
  const k = inputs.length;
  const vals = new Float64Array(k);
  const out: Out[][] = new Array(n);
  const anyRanged = cols.some((c) => !c.single);
  for (let i = 0; i < n; i++) {
    let blanks = 0;
    let ranged = 0;
    let rangedBlanks = 0;
    let firstBlank = -1;
    let error: Out | undefined;
    for (let j = 0; j < k; j++) {
      const c = cols[j]!;
      const raw = c.single ? c.grid[0]![0] : c.grid[i]![0];
      const x = readNumber(raw, c.name);
      if (!c.single) ranged++;
      if (x === null) {
        blanks++;
        if (!c.single) rangedBlanks++;
        if (firstBlank < 0) firstBlank = j;
      } else if (typeof x === 'number') {
        const msg = inputs[j]!.check?.(x, c.name);
        if (msg !== undefined && error === undefined) error = valueError(msg);
        vals[j] = x;
      } else if (error === undefined) {
        error = x;
      }
    }
    if (anyRanged ? rangedBlanks === ranged : blanks === k) out[i] = [''];
    else if (blanks > 0) out[i] = [missingInput(cols[firstBlank]!.name)];
    else if (error !== undefined) out[i] = [error];
    else out[i] = [compute(vals, i)];
  }
  return out;
}
