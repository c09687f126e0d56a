import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { toUnit } from '../../core/scoring/normalize';
import { WEIGHTED_SCORE } from '../../core/scoring/weighted-score';

const ws = (...args: unknown[]) => WEIGHTED_SCORE.impl(...args) as unknown[][];
const message = (cell: unknown) => {
  expect(cell).toBeInstanceOf(CellError);
  return (cell as CellError).message;
};
const callError = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CallError);
    return (e as CallError).message;
  }
  throw new Error('expected a CallError');
};

describe('WEIGHTED_SCORE', () => {
  it('scales each criterion between its lowest and highest row and weights them', () => {
    expect(ws([[1, 10], [3, 30], [2, 20]], [[1, 1]])).toEqual([[0], [100], [50]]);
    // weights as a column, not adding up to 1: 3 ÷ 4 and 1 ÷ 4
    expect(ws([[1, 0], [0, 1]], [[3], [1]])).toEqual([[75], [25]]);
    // percentages are read as fractions; 0.3 ÷ 0.4 is 75 only up to floating-point rounding
    const pct = ws([[1, 0], [0, 1]], [['30%', '10%']]);
    expect(pct[0]![0]).toBeCloseTo(75, 12);
    expect(pct[1]![0]).toBeCloseTo(25, 12);
  });

  it('reverses a "lower" criterion, with every spelling of the directions', () => {
    const criteria = [[1, 10], [3, 20], [5, 30]];
    const expected = [[50], [50], [50]];
    for (const dirs of [['higher', 'lower'], ['+', '-'], [1, -1], ['1', '-1'], [' Higher ', 'LOWER'], ['', 'lower']]) {
      expect(ws(criteria, [[1, 1]], [dirs])).toEqual(expected);
    }
    expect(ws([[1, 10], [3, 30]], [[1, 1]], 'lower')).toEqual([[100], [0]]);
    expect(ws([[1, 10], [3, 30]], [[1, 1]], null)).toEqual([[0], [100]]);
  });

  it('uses a fixed scale when scale_min and scale_max are given, one for all or one per criterion', () => {
    expect(ws([[1, 5], [3, 3], [5, 5]], [[1, 1]], undefined, 1, 5)).toEqual([[50], [50], [100]]);
    expect(ws([[5, 50]], [[1, 1]], undefined, [[0, 0]], [[10, 100]])).toEqual([[50]]);
    expect(ws([[5, 50]], [[1, 1]], ['higher', 'lower'], [[0], [0]], [[10], [100]])).toEqual([[50]]);
    // a bound is inside the scale
    expect(ws([[1], [5]], [[1]], undefined, [[1]], [[5]])).toEqual([[0], [100]]);
  });

  it('gives 0.5 to a criterion that is the same on every scored row', () => {
    expect(ws([[1, 5], [2, 5]], [[1, 1]])).toEqual([[25], [75]]);
    expect(ws([[7, 3]], [[1, 2]])).toEqual([[50]]);
  });

  it('accepts Sheets single cells as bare values', () => {
    expect(ws(4, 2)).toEqual([[50]]);
    expect(ws(4, 2, 'lower', 0, 8)).toEqual([[50]]);
  });

  it('keeps blank rows blank and names the blank criterion in a partly blank row', () => {
    const out = ws([[1, 10], ['', null], [3, 30], [2, undefined], [undefined, undefined]], [[1, 1]]);
    expect(out[0]).toEqual([0]);
    expect(out[1]).toEqual(['']);
    expect(out[2]).toEqual([100]);
    expect(message(out[3]![0])).toBe('criterion 2 is blank in this row while other inputs are filled: fill it in, or clear the row');
    expect(out[4]).toEqual(['']);
  });

  it('gives a row error for words, booleans, NaN and error values, and leaves those rows out of the scaling', () => {
    const out = ws(
      [[1, 10], [1, 'abc'], [true, 5], [NaN, 1], [{ code: '#VALUE!', message: 'x' }, 2], ['#N/A', 3], [1, '1,5'], [3, 30]],
      [[1, 1]],
    );
    expect(out[0]).toEqual([0]);
    expect(message(out[1]![0])).toBe('criterion 2 "abc" is not a number: enter a number such as 12 or 50%');
    expect(message(out[2]![0])).toBe('criterion 1 is TRUE, not a number: enter a number');
    expect(message(out[3]![0])).toBe('criterion 1 is NaN: enter a finite number');
    expect(message(out[4]![0])).toBe('criterion 1 is an error (#VALUE!): fix the cell it comes from');
    expect(message(out[5]![0])).toBe('criterion 1 is an error (#N/A): fix the cell it comes from');
    expect(message(out[6]![0])).toMatch(/^criterion 2 "1,5" is not a number: use a decimal point/);
    expect(out[7]).toEqual([100]);
  });

  it('makes a value outside a fixed scale a row error', () => {
    const out = ws([[3, 12], [3, 4], [0, 4]], [[1, 1]], undefined, 1, 10);
    expect(message(out[0]![0])).toBe('criterion 2 is 12, outside the scale 1 to 10: fix the value or widen scale_min/scale_max');
    expect(out[1]![0]).toBeCloseTo(100 * ((2 / 9 + 3 / 9) / 2), 12);
    expect(message(out[2]![0])).toMatch(/^criterion 1 is 0, outside the scale 1 to 10/);
  });

  it('fails the call on bad weights', () => {
    const c = [[1, 2], [3, 4]];
    expect(callError(() => ws(c, [[1, 2, 3]]))).toBe('weights has 3 cells but criteria has 2 columns: give one weight per criterion column');
    expect(callError(() => ws(c, 1))).toMatch(/^weights has 1 cell but criteria has 2 columns/);
    expect(callError(() => ws(c, [[1, 'abc']]))).toBe('weight 2 "abc" is not a number: enter a number such as 12 or 50%');
    expect(callError(() => ws(c, [[1, '']]))).toBe('weight 2 is blank: give every criterion a weight (0 ignores it)');
    expect(callError(() => ws(c, [[-1, 2]]))).toBe('weight 1 must be 0 or more (got -1)');
    expect(callError(() => ws(c, [[0, 0]]))).toBe('weights are all 0: give at least one criterion a weight greater than 0');
    expect(callError(() => ws(c, [[true, 1]]))).toBe('weight 1 is TRUE, not a number: enter a number');
    expect(callError(() => ws(c, [[NaN, 1]]))).toBe('weight 1 is NaN: enter a finite number');
    expect(callError(() => ws(c, [[{ code: '#VALUE!', message: 'x' }, 1]]))).toBe('weight 1 is an error (#VALUE!): fix the cell it comes from');
    expect(callError(() => ws(c, [['#N/A', 1]]))).toBe('weight 1 is an error (#N/A): fix the cell it comes from');
  });

  it('reads only the ratio of the weights, however large or tiny they are', () => {
    const c = [[1, 2], [3, 4]];
    const equal = ws(c, [[1, 1]]);
    expect(ws(c, [[1e308, 1e308]])).toEqual(equal);
    expect(ws(c, [[5e-324, 5e-324]])).toEqual(equal);
  });

  it('fails the call on bad directions', () => {
    const c = [[1, 2], [3, 4]];
    expect(callError(() => ws(c, [[1, 1]], [['up', 'lower']]))).toBe(
      'direction 1 "up" is not a direction: use "higher" (or +, 1) or "lower" (or -, -1)',
    );
    expect(callError(() => ws(c, [[1, 1]], [['higher', 'lower', 'higher']]))).toMatch(/^directions has 3 cells but criteria has 2 columns/);
    expect(callError(() => ws(c, [[1, 1]], [[true, 1]]))).toMatch(/^direction 1 TRUE is not a direction/);
    expect(callError(() => ws(c, [[1, 1]], [[0, 1]]))).toMatch(/^direction 1 0 is not a direction/);
    expect(callError(() => ws(c, [[1, 1]], [['#N/A', 1]]))).toBe('direction 1 is an error (#N/A): fix the cell it comes from');
    expect(callError(() => ws(c, [[1, 1]], { code: '#VALUE!', message: 'x' }))).toBe('direction is an error (#VALUE!): fix the cell it comes from');
  });

  it('fails the call on a half-given or inverted scale', () => {
    const c = [[1, 2], [3, 4]];
    expect(callError(() => ws(c, [[1, 1]], undefined, 1))).toBe(
      'scale_min is given but scale_max is not: give both for a fixed scale, or neither to scale relative to the rows',
    );
    expect(callError(() => ws(c, [[1, 1]], undefined, '', 5))).toMatch(/^scale_max is given but scale_min is not/);
    expect(callError(() => ws(c, [[1, 1]], undefined, 5, 5))).toBe('for criterion 1, scale_max (5) must be greater than scale_min (5)');
    expect(callError(() => ws([[1]], [[1]], undefined, 5, 1))).toBe('scale_max (1) must be greater than scale_min (5)');
    expect(callError(() => ws(c, [[1, 1]], undefined, [[0, 0, 0]], 5))).toMatch(/^scale_min has 3 cells but criteria has 2 columns/);
    expect(callError(() => ws(c, [[1, 1]], undefined, [[0, '']], [[5, 5]]))).toBe(
      'scale_min 2 is blank: fill it in, or leave out both scale_min and scale_max',
    );
    expect(callError(() => ws(c, [[1, 1]], undefined, 'low', 5))).toMatch(/^scale_min "low" is not a number/);
    expect(callError(() => ws(c, [[1, 1]], undefined, 0, '#N/A'))).toBe('scale_max is an error (#N/A): fix the cell it comes from');
  });

  it('fails the call on an empty criteria range', () => {
    expect(callError(() => ws([], [[1]]))).toMatch(/^criteria is empty/);
  });

  it('keeps the result within [0, 1] even when the scale spans nearly all doubles', () => {
    expect(toUnit(1e308, -1e308, 1e308)).toBe(1);
    expect(toUnit(-1e308, -1e308, 1e308)).toBe(0);
    expect(ws([[-1e308], [0], [1e308]], [[1]])).toEqual([[0], [50], [100]]);
  });

  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((k) =>
      fc.record({
        rows: fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: k, maxLength: k }), {
          minLength: 1,
          maxLength: 12,
        }),
        weights: fc
          .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: k, maxLength: k })
          .filter((w) => w.some((x) => x > 0)),
        directions: fc.array(fc.constantFrom('higher', 'lower'), { minLength: k, maxLength: k }),
      }),
    );

  it('scores every row from 0 to 100 (property)', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, directions }) => {
        for (const [v] of ws(rows, [weights], [directions])) {
          expect(typeof v).toBe('number');
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('gives 100 − score when every direction is reversed (property)', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, directions }) => {
        const flipped = directions.map((d) => (d === 'higher' ? 'lower' : 'higher'));
        const a = ws(rows, [weights], [directions]);
        const b = ws(rows, [weights], [flipped]);
        a.forEach(([x], i) => expect((x as number) + (b[i]![0] as number)).toBeCloseTo(100, 6));
      }),
    );
  });

  it('never lowers a row when one of its "higher" criteria rises (property)', () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true }), ({ rows, weights }, r, j, up) => {
        const i = r % rows.length;
        const c = j % weights.length;
        const raised = rows.map((row) => [...row]);
        raised[i]![c] = raised[i]![c]! + up;
        const before = ws(rows, [weights])[i]![0] as number;
        const after = ws(raised, [weights])[i]![0] as number;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });
});
