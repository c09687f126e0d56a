import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../core/cells';
import { PRIORITY_STABILITY } from '../../core/scoring/priority-stability';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const stability = (...args: unknown[]) => PRIORITY_STABILITY.impl(...args) as number;

describe('PRIORITY_STABILITY', () => {
  it('is the share of the previous top N still in the current top N', () => {
    expect(stability(col('A', 'B', 'C', 'D'), col('A', 'C', 'X', 'Y'), 2)).toBe(0.5);
    expect(stability(col('A', 'B', 'C', 'D'), col('D', 'C', 'B', 'A'), 2)).toBe(0);
    expect(stability(col('A', 'B', 'C', 'D'), col('D', 'C', 'B', 'A'))).toBe(1);
    expect(stability(col('A', 'B', 'C', 'D'), col('B', 'A', 'E', 'C'), 3)).toBe(2 / 3);
  });

  it('defaults top_n to the shorter list', () => {
    // previous has 4, current 2: compare the top 2 of each
    expect(stability(col('A', 'B', 'C', 'D'), col('B', 'C'))).toBe(0.5);
    expect(stability(col('A', 'B'), col('X', 'B', 'A', 'Y'))).toBe(0.5);
  });

  it('uses a whole list when top_n is longer than it', () => {
    expect(stability(col('A', 'B', 'C'), col('A', 'X', 'B', 'C', 'D'), 10)).toBe(1);
    expect(stability(col('A', 'B', 'C', 'D'), col('A', 'B'), 4)).toBe(0.5);
  });

  it('compares IDs as trimmed text, ignoring case, and numbers as their text', () => {
    expect(stability(col(' abc-1 ', 'ABC-2'), col('ABC-1', 'abc-2'))).toBe(1);
    expect(stability(col(12, 13), col('12', '14'))).toBe(0.5);
  });

  it('reads ranges of any shape row by row and skips blanks', () => {
    expect(stability([['A', 'B'], ['', 'C']], col('A', null, 'B', undefined, 'C'))).toBe(1);
    expect(stability([['A', 'B'], ['C', 'D']], [['B', 'A', 'X', 'Y']], 2)).toBe(1);
    // a Sheets single cell arrives bare
    expect(stability('A', 'a')).toBe(1);
    expect(stability('A', 'B')).toBe(0);
  });

  it('fails the call on a duplicated ID, naming it and the list', () => {
    expect(() => stability(col('A', 'B', 'a'), col('A'))).toThrow(CallError);
    expect(() => stability(col('A', 'B', ' a'), col('A'))).toThrow(
      'previous lists the ID "a" twice (cells 1 and 3): each ID may appear once in a list',
    );
    expect(() => stability(col('A'), col('X', '', 'X'))).toThrow('current lists the ID "X" twice (cells 1 and 3)');
  });

  it('fails the call on an empty list', () => {
    expect(() => stability(col('', null), col('A'))).toThrow('previous has no IDs: select the item IDs in priority order, top first');
    expect(() => stability(undefined, col('A'))).toThrow('previous has no IDs');
    expect(() => stability(col('A'), [])).toThrow('current has no IDs');
  });

  it('fails the call on an error cell in either list', () => {
    expect(() => stability(col('A', '#N/A'), col('A'))).toThrow('previous cell 2 is an error (#N/A): fix the cell it comes from');
    expect(() => stability(col('A'), col({ code: '#VALUE!', message: 'x' }))).toThrow(
      'current cell 1 is an error (#VALUE!): fix the cell it comes from',
    );
  });

  it('fails the call on a bad top_n', () => {
    const a = col('A', 'B');
    expect(() => stability(a, a, 0)).toThrow('top_n must be a whole number of 1 or more (got 0)');
    expect(() => stability(a, a, -2)).toThrow('top_n must be a whole number of 1 or more (got -2)');
    expect(() => stability(a, a, 1.5)).toThrow('top_n must be a whole number of 1 or more (got 1.5)');
    expect(() => stability(a, a, 'all')).toThrow(/^top_n "all" is not a number/);
    expect(() => stability(a, a, true)).toThrow('top_n is TRUE, not a number');
    expect(() => stability(a, a, NaN)).toThrow('top_n is NaN');
    expect(() => stability(a, a, '#N/A')).toThrow('top_n is an error (#N/A)');
    expect(() => stability(a, a, [[1, 2]])).toThrow(/^top_n must be a single cell/);
  });

  const ids = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }).map((xs) => xs.map((x) => `ID-${x}`));

  it('is a share from 0 to 1, and 1 for identical lists (property)', () => {
    fc.assert(
      fc.property(ids, ids, fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }), (prev, cur, top) => {
        const s = stability(col(...prev), col(...cur), top);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(stability(col(...prev), col(...prev), top)).toBe(1);
        expect(stability(col(...prev), col(...prev.map((x) => x.toLowerCase()).reverse()))).toBe(1);
      }),
    );
  });

  it('is 0 when no previous top item is still listed (property)', () => {
    fc.assert(
      fc.property(ids, ids, (prev, cur) => {
        const other = cur.map((x) => `${x}-new`);
        expect(stability(col(...prev), col(...other))).toBe(0);
      }),
    );
  });
});
