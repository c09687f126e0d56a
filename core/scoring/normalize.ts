// Reading a criteria matrix with its weights, directions and optional fixed scales, and turning every scored
// row into direction-adjusted values from 0 to 1. WEIGHTED_SCORE and RANK_CONFIDENCE both start here, so a
// row that scores in one scores the same way in the other.
import { CallError, CellError, type Grid, type Out, flatten, hostErrorText, isBlank, readNumber, show, toGrid, valueError } from '../cells';
import { matchKey } from '../keys';
import { missingInput } from '../rowwise';

export interface Criteria {
  /** Input rows, blank and error rows included. */
  readonly n: number;
  /** Criterion columns. */
  readonly k: number;
  readonly weights: Float64Array;
  readonly weightSum: number;
  /** True for a `lower` criterion. */
  readonly lower: Uint8Array;
  /** Input row index of each scored row, in row order. */
  readonly scored: Uint32Array;
  /** The criteria as the host passed them; cellValue() reads a scored row's numbers back. */
  readonly grid: Grid;
  /** Per criterion, the range that scales to 0–1: the fixed scale, or the scored rows' min and max. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Per input row: '' for a blank row, its CellError for a row in error, undefined for a scored row. */
  readonly skipped: readonly (Out | undefined)[];
}

export interface Scale {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

const cellsOf = (v: unknown): unknown[] => flatten(toGrid(v));

/** Where a range may be one cell or one per criterion, the name carries the index only in the second case. */
const cellName = (arg: string, j: number, count: number): string => (count === 1 ? arg : `${arg} ${j + 1}`);

/** k weights, 0 or more, at least one above 0. Any problem is a call error: it skews every row alike. */
export function readWeights(value: unknown, k: number): { weights: Float64Array; sum: number } {
  const cells = cellsOf(value);
  if (cells.length !== k) {
    throw new CallError(
      `weights has ${cells.length} cell${cells.length === 1 ? '' : 's'} but criteria has ${k} column${k === 1 ? '' : 's'}: give one weight per criterion column`,
    );
  }
  const weights = new Float64Array(k);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const name = `weight ${j + 1}`;
    const w = readNumber(cells[j], name);
    if (w === null) throw new CallError(`${name} is blank: give every criterion a weight (0 ignores it)`);
    if (w instanceof CellError) throw new CallError(w.message);
    if (w < 0) throw new CallError(`${name} must be 0 or more (got ${w})`);
    weights[j] = w;
    sum += w;
  }
  if (sum === 0) throw new CallError('weights are all 0: give at least one criterion a weight greater than 0');
  // Only the ratios matter; scaling by the largest weight keeps tiny weights (5e-324) from underflowing
  // to a score of 0 and huge ones from overflowing the sum.
  let max = 0;
  for (let j = 0; j < k; j++) if (weights[j]! > max) max = weights[j]!;
  sum = 0;
  for (let j = 0; j < k; j++) sum += weights[j] = weights[j]! / max;
  return { weights, sum };
}

const HIGHER = new Set(['higher', '+', '1', '+1']);
const LOWER = new Set(['lower', '-', '-1']);

function readDirection(v: unknown, name: string): 0 | 1 {
  if (isBlank(v)) return 0;
  const err = hostErrorText(v);
  if (err !== undefined) throw new CallError(`${name} is an error (${err.split(' ')[0]}): fix the cell it comes from`);
  if (v === 1) return 0;
  if (v === -1) return 1;
  if (typeof v === 'string') {
    const word = matchKey(v);
    if (HIGHER.has(word)) return 0;
    if (LOWER.has(word)) return 1;
  }
  throw new CallError(`${name} ${show(v)} is not a direction: use "higher" (or +, 1) or "lower" (or -, -1)`);
}

/** One flag per criterion. Omitted means all `higher`; one cell applies to every criterion. */
export function readDirections(value: unknown, k: number): Uint8Array {
  const lower = new Uint8Array(k);
  if (!Array.isArray(value) && isBlank(value)) return lower;
  const cells = cellsOf(value);
  if (cells.length !== 1 && cells.length !== k) {
    throw new CallError(
      `directions has ${cells.length} cells but criteria has ${k} columns: give one direction per criterion, one for all, or leave it out for all "higher"`,
    );
  }
  for (let j = 0; j < k; j++) {
    lower[j] = readDirection(cells.length === 1 ? cells[0] : cells[j], cellName('direction', j, cells.length));
  }
  return lower;
}

function readBound(value: unknown, arg: string, k: number): Float64Array {
  const cells = cellsOf(value);
  if (cells.length !== 1 && cells.length !== k) {
    throw new CallError(
      `${arg} has ${cells.length} cells but criteria has ${k} columns: give one cell for all criteria or one per criterion`,
    );
  }
  const out = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const name = cellName(arg, j, cells.length);
    const x = readNumber(cells.length === 1 ? cells[0] : cells[j], name);
    if (x === null) throw new CallError(`${name} is blank: fill it in, or leave out both scale_min and scale_max`);
    if (x instanceof CellError) throw new CallError(x.message);
    out[j] = x;
  }
  return out;
}

/** A fixed scale per criterion, or null for relative scaling. Half a scale is a call error, not a guess. */
export function readScale(minValue: unknown, maxValue: unknown, k: number): Scale | null {
  const hasMin = cellsOf(minValue).some((v) => !isBlank(v));
  const hasMax = cellsOf(maxValue).some((v) => !isBlank(v));
  if (!hasMin && !hasMax) return null;
  if (hasMin !== hasMax) {
    const [given, missing] = hasMin ? ['scale_min', 'scale_max'] : ['scale_max', 'scale_min'];
    throw new CallError(`${given} is given but ${missing} is not: give both for a fixed scale, or neither to scale relative to the rows`);
  }
  const lo = readBound(minValue, 'scale_min', k);
  const hi = readBound(maxValue, 'scale_max', k);
  for (let j = 0; j < k; j++) {
    if (!(hi[j]! > lo[j]!)) {
      const which = k === 1 ? '' : `for criterion ${j + 1}, `;
      throw new CallError(`${which}scale_max (${hi[j]}) must be greater than scale_min (${lo[j]})`);
    }
  }
  return { lo, hi };
}

/**
 * (x − lo) ÷ (hi − lo). With lo ≤ x ≤ hi the result stays within [0, 1] because rounding is monotonic; the
 * halved form keeps that true when hi − lo overflows (scales near ±1e308).
 */
export function toUnit(x: number, lo: number, hi: number): number {
  const span = hi - lo;
  if (Number.isFinite(span)) return (x - lo) / span;
  return (x / 2 - lo / 2) / (hi / 2 - lo / 2);
}

/**
 * Reads criteria (n rows × k columns) and normalises every scored row. A row whose cells are all blank is
 * blank; a partly blank row, a non-number or a value outside a fixed scale is a row error, and such rows
 * take no part in relative scaling.
 */
export function readCriteria(
  criteria: unknown,
  weightsValue: unknown,
  directionsValue: unknown,
  scaleMin?: unknown,
  scaleMax?: unknown,
): Criteria {
  const grid = toGrid(criteria);
  const n = grid.length;
  const k = n > 0 ? grid[0]!.length : 0;
  if (k === 0) throw new CallError('criteria is empty: select the criterion columns, one row per item');
  const { weights, sum } = readWeights(weightsValue, k);
  const lower = readDirections(directionsValue, k);
  const scale = readScale(scaleMin, scaleMax, k);

  const names = Array.from({ length: k }, (_, j) => `criterion ${j + 1}`);
  // One row's values until it is known to score. Nothing the size of the grid is copied: a million-row
  // copy costs more in garbage collection than reading each number twice.
  const values = new Float64Array(k);
  const scored = new Uint32Array(n);
  const skipped: (Out | undefined)[] = [];
  // Relative scaling looks at scored rows only, so the range grows as each row is accepted.
  const lo = scale ? scale.lo : new Float64Array(k).fill(Infinity);
  const hi = scale ? scale.hi : new Float64Array(k).fill(-Infinity);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const row = grid[i]!;
    let blanks = 0;
    let firstBlank = -1;
    let error: CellError | undefined;
    for (let j = 0; j < k; j++) {
      const x = readNumber(row[j], names[j]!);
      if (x === null) {
        blanks++;
        if (firstBlank < 0) firstBlank = j;
      } else if (typeof x === 'number') {
        if (scale !== null && error === undefined && (x < scale.lo[j]! || x > scale.hi[j]!)) {
          error = valueError(
            `${names[j]} is ${x}, outside the scale ${scale.lo[j]} to ${scale.hi[j]}: fix the value or widen scale_min/scale_max`,
          );
        }
        values[j] = x;
      } else if (error === undefined) {
        error = x;
      }
    }
    if (blanks === k) skipped[i] = '';
    else if (blanks > 0) skipped[i] = missingInput(names[firstBlank]!);
    else if (error !== undefined) skipped[i] = error;
    else {
      scored[m++] = i;
      if (scale === null) {
        for (let j = 0; j < k; j++) {
          const x = values[j]!;
          if (x < lo[j]!) lo[j] = x;
          if (x > hi[j]!) hi[j] = x;
        }
      }
    }
  }

  return { n, k, weights, weightSum: sum, lower, scored: scored.subarray(0, m), grid, lo, hi, skipped };
}

/** Value x of criterion j from 0 to 1, direction applied: the one definition both functions score with. */
export function unitValue(c: Criteria, j: number, x: number): number {
  const lo = c.lo[j]!;
  const hi = c.hi[j]!;
  // Relative scaling only: a criterion that does not vary tells the rows nothing, so it sits midway.
  const v = lo === hi ? 0.5 : toUnit(x, lo, hi);
  return c.lower[j] === 1 ? 1 - v : v;
}

/** The number in criterion j of input row i, for a row that scored (so it was read as a number before). */
export function cellValue(c: Criteria, i: number, j: number): number {
  const v = c.grid[i]![j];
  return typeof v === 'number' ? v : (readNumber(v, '') as number);
}

/** Every scored row's values from 0 to 1, m × k row-major: what RANK_CONFIDENCE re-weights per trial. */
export function unitMatrix(c: Criteria): Float64Array {
  const { k, scored } = c;
  const unit = new Float64Array(scored.length * k);
  for (let r = 0; r < scored.length; r++) {
    for (let j = 0; j < k; j++) unit[r * k + j] = unitValue(c, j, cellValue(c, scored[r]!, j));
  }
  return unit;
}

/**
 * 100 × Σ wᵢvᵢ ÷ Σ wᵢ for the scored row at position `at` of a unit matrix. Dividing before multiplying by
 * 100 keeps the result at most 100: the weighted sum cannot exceed the weight sum when every value is at most 1.
 */
export function weightedScore(unit: Float64Array, k: number, at: number, weights: Float64Array, weightSum: number): number {
  let s = 0;
  const base = at * k;
  for (let j = 0; j < k; j++) s += weights[j]! * unit[base + j]!;
  return 100 * (s / weightSum);
}

/** The same score for input row i straight from the grid, for WEIGHTED_SCORE, which needs each row once. */
export function rowScore(c: Criteria, i: number): number {
  let s = 0;
  for (let j = 0; j < c.k; j++) s += c.weights[j]! * unitValue(c, j, cellValue(c, i, j));
  return 100 * (s / c.weightSum);
}
