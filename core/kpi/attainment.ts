// Attainment is the one number every scorecard figure starts from; KPI_STATUS reads it through
// attainmentAt so the two functions can never disagree about a row.
import { CellError, type Out, readNumber, readText, show, valueError } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { type Column, cellAt, column, missingInput, sharedHeight } from '../rowwise';

export type Direction = 'higher' | 'lower';

const DIRECTION_WORDS = new Map<string, Direction>([
  ['higher', 'higher'],
  ['+', 'higher'],
  ['1', 'higher'],
  ['lower', 'lower'],
  ['-', 'lower'],
  ['-1', 'lower'],
]);

/** A direction word (higher/lower, +/-, 1/-1, any case); null for a blank cell, which means higher. */
export function readDirection(v: unknown, arg: string): Direction | null | CellError {
  const t = readText(v, arg);
  if (t === null || t instanceof CellError) return t;
  const d = DIRECTION_WORDS.get(t.toLowerCase());
  return d ?? valueError(`${arg} ${show(v)} is not a direction: use "higher" or "lower" (also + or -, 1 or -1)`);
}

/** Attainment of one row: 1 means the target is met. Not clipped, so 1.3 shows a target beaten by 30%. */
export function attainment(actual: number, target: number, direction: Direction | null, baseline: number | null): number | CellError {
  if (baseline !== null) {
    if (target === baseline) {
      return valueError(`target equals baseline (${target}): there is no gap to close, so set a target different from the baseline`);
    }
    // With a baseline the formula needs no direction, but an explicit one that points the other way means
    // the target or the direction was mistyped, and the result would be a confident wrong number.
    if (direction !== null && (direction === 'higher') !== target > baseline) {
      const side = target > baseline ? 'above' : 'below';
      return valueError(
        `direction is "${direction}" but target (${target}) is ${side} baseline (${baseline}): fix the direction, or the target`,
      );
    }
    return (actual - baseline) / (target - baseline);
  }
  if (target === 0) {
    return valueError('target is 0: attainment divides by the target, so set a target other than 0 or give a baseline');
  }
  // actual ÷ target turns around below zero (−5 against a target of −10 would read as 50%), so a negative
  // target needs a baseline to measure from.
  if (target < 0) {
    return valueError(`target is negative (${target}): give a baseline to measure progress from`);
  }
  return direction === 'lower' ? 2 - actual / target : actual / target;
}

export interface AttainmentArgs {
  readonly actual: Column;
  readonly target: Column;
  readonly direction: Column;
  readonly baseline: Column;
  readonly height: number;
}

export function attainmentArgs(actual: unknown, target: unknown, direction: unknown, baseline: unknown): AttainmentArgs {
  const cols = {
    actual: column('actual', actual),
    target: column('target', target),
    direction: column('direction', direction),
    baseline: column('baseline', baseline),
  };
  return { ...cols, height: sharedHeight([cols.actual, cols.target, cols.direction, cols.baseline]) };
}

/**
 * Row i: the attainment, '' when actual and target are both blank, 'no actual' when only the actual is
 * missing (KPI_STATUS shows that as No data), or a row error. Errors in filled cells come before blanks, so
 * a broken target is reported rather than hidden behind "No data".
 */
export function attainmentAt(a: AttainmentArgs, i: number): number | CellError | '' | 'no actual' {
  const actual = readNumber(cellAt(a.actual, i), 'actual');
  const target = readNumber(cellAt(a.target, i), 'target');
  if (actual instanceof CellError) return actual;
  if (target instanceof CellError) return target;
  if (actual === null && target === null) return '';
  const direction = readDirection(cellAt(a.direction, i), 'direction');
  if (direction instanceof CellError) return direction;
  const baseline = readNumber(cellAt(a.baseline, i), 'baseline');
  if (baseline instanceof CellError) return baseline;
  if (target === null) return missingInput('target');
  if (actual === null) return 'no actual';
  return attainment(actual, target, direction, baseline);
}

export const KPI_ATTAINMENT: FunctionSpec = {
  name: 'KPI_ATTAINMENT',
  section: 'Scorecards and delivery metrics',
  summary: 'How far each KPI is towards its target: 1 means the target is met.',
  params: [
    { name: 'actual', shape: 'range', help: 'The KPI value achieved (a column or one cell).' },
    { name: 'target', shape: 'range', help: 'The target value; not 0 and not negative unless a baseline is given.' },
    {
      name: 'direction',
      shape: 'range',
      optional: true,
      help: '"higher" (default) or "lower" is better; also + or -, 1 or -1. A column or one cell; a blank cell means higher.',
    },
    {
      name: 'baseline',
      shape: 'range',
      optional: true,
      help: 'Where the KPI started; with it, attainment is (actual − baseline) ÷ (target − baseline). A column or one cell.',
    },
  ],
  result: 'column',
  returns: 'One attainment per row (1 = target met, not clipped); blank rows stay blank.',
  example: 'KPI_ATTAINMENT(C2:C20, D2:D20, E2:E20)',
  notes: [
    'A row counts as blank when actual and target are both blank; direction and baseline are optional in every row and do not count.',
    'A blank direction cell means higher; a direction word that is not recognised is an error in that row only, since directions may differ per row.',
    'With a baseline the formula needs no direction; a direction given explicitly that contradicts the target (higher with a target below the baseline, or lower with a target above it) is a row error rather than a guess.',
    'Without a baseline a negative target is a row error, because actual ÷ target reads backwards below zero.',
    'A blank actual with a target is a row error naming actual (KPI_STATUS shows it as No data instead).',
  ],
  impl: (actual, target, direction, baseline) => {
    const a = attainmentArgs(actual, target, direction, baseline);
    const out: Out[][] = new Array(a.height);
    for (let i = 0; i < a.height; i++) {
      const r = attainmentAt(a, i);
      out[i] = [r === 'no actual' ? missingInput('actual') : r];
    }
    return out;
  },
};
