import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { RICE } from '../../core/scoring/rice';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const rice = (...args: unknown[]) => RICE.impl(...args) as unknown[][];

describe('RICE', () => {
  it('multiplies reach, impact and confidence and divides by effort, row by row', () => {
    expect(rice(col(1000, 500), col(2, 1), col(0.8, '50%'), col(4, 2))).toEqual([[400], [125]]);
  });

  it('repeats a single cell for every row', () => {
    expect(rice(col(100, 200), [[1]], [[1]], col(2, 4))).toEqual([[50], [50]]);
  });

  it('keeps blank rows blank and names what is missing in a partly blank row', () => {
    const out = rice(col(100, '', 5), col(1, null, 1), col(1, undefined, ''), col(1, '', 1));
    expect(out[0]).toEqual([100]);
    expect(out[1]).toEqual(['']);
    expect(out[2]![0]).toBeInstanceOf(CellError);
    expect((out[2]![0] as CellError).message).toMatch(/^confidence is blank/);
  });

  it('suggests 80% when confidence was typed as 80', () => {
    const [[e]] = rice([[10]], [[1]], [[80]], [[1]]) as [[CellError]];
    expect(e.message).toBe('confidence must be from 0 to 1 (got 80): a cell showing 80% is 0.8, so type 80%');
  });

  it('fails the whole call when ranges differ in height', () => {
    expect(() => rice(col(1, 2), col(1, 2, 3), [[1]], [[1]])).toThrow(CallError);
    expect(() => rice(col(1, 2), col(1, 2, 3), [[1]], [[1]])).toThrow('reach has 2 rows but impact has 3');
  });

  it('is never negative and scales linearly with reach (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1e3, noNaN: true }),
        (r, i, c, e) => {
          const [[one]] = rice([[r]], [[i]], [[c]], [[e]]) as [[number]];
          const [[two]] = rice([[2 * r]], [[i]], [[c]], [[e]]) as [[number]];
          expect(one).toBeGreaterThanOrEqual(0);
          expect(two).toBeCloseTo(2 * one, 6);
        },
      ),
    );
  });
});

describe('dates in messages', () => {
  it('name the date the sheet shows, in any time zone', () => {
    // Sheets passes local midnight; east of UTC that instant is the previous day in UTC.
    const [[e]] = RICE.impl(new Date(2026, 0, 5), 1, 1, 1) as [[CellError]];
    expect(e.message).toBe('reach is the date 2026-01-05, not a number: enter a number');
  });
});
