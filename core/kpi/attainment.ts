// Attainment is the one number every scorecard figure starts from; KPI_STATUS reads it through
// attainmentAt so the two functions can never disagree about a row.
import { CellError, type Out, readNumber, readText, show, valueError } from '../cells';
import { matchKey } from '../keys';
import type { FunctionSpec } from '../function-spec';
import { type Column, cellAt, column, missingInput, rowIsBlank, sharedHeight } from '../rowwise';

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
  const d = DIRECTION_WORDS.get(matchKey(t));
  return d ?? valueError(`${arg} ${show(v)} is not a direction: use "higher" or "lower" (also + or -, 1 or -1)`);
}

/** Attainment of one row: 1 means the target is met. Not clipped, so 1.3 shows a target beaten by 30%. */
export function attainment(actual: number, target: number, direction: Direction | null, baseline: number | null): number | CellError {
  if (baseline !== null) {
    if (target === baseline) {
      return valueError(`target equals baseline (${target}): there is no gap to close, so set a target different from the baseline`);
    }
    // The contract's formula needs no direction: the sign of target − baseline already says which way is up.
    return (actual - baseline) / (target - baseline);
  }
  if (target === 0) {
    return valueError('target is 0: attainment divides by the target, so set a target other than 0 or give a baseline');
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
  // Only the column inputs decide a blank row, so a target in one cell leaves the empty rows below blank.
  if (rowIsBlank([a.actual, a.target], i)) return '';
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
      optional: true, omitted: 'higher is better',
      help: '"higher" (default) or "lower" is better; also + or -, 1 or -1. A column or one cell; a blank cell means higher.',
    },
    {
      name: 'baseline',
      shape: 'range',
      optional: true, omitted: 'no baseline, attainment is actual ÷ target',
      help: 'Where the KPI started; with it, attainment is (actual − baseline) ÷ (target − baseline). A column or one cell.',
    },
  ],
  result: 'column',
  returns: 'One attainment per row (1 = target met, not clipped); blank rows stay blank.',
  example: 'KPI_ATTAINMENT(C2:C20, D2:D20, E2:E20)',
  notes: [
    'A row counts as blank when its actual and target are blank; a single cell repeated for every row (a target in one cell, say) does not count, and direction and baseline are optional in every row.',
    'A blank direction cell means higher; a direction word that is not recognised is an error in that row only, since directions may differ per row.',
    'With a baseline the result is (actual − baseline) ÷ (target − baseline) whatever the direction says: the sign of target − baseline already tells which way is better.',
    'Without a baseline a negative target gives actual ÷ target as the contract says, which reads backwards below zero: give a baseline for KPIs that can be negative.',
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
