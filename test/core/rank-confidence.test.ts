import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { PRIORITY_RANK } from '../../core/scoring/priority-rank';
import { RANK_CONFIDENCE } from '../../core/scoring/rank-confidence';
import { WEIGHTED_SCORE } from '../../core/scoring/weighted-score';

const conf = (...args: unknown[]) => RANK_CONFIDENCE.impl(...args) as unknown[][];
const flat = (out: unknown[][]) => out.map((r) => r[0]);
const numbers = (out: unknown[][]) => flat(out).filter((v): v is number => typeof v === 'number');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const message = (cell: unknown) => {
  expect(cell).toBeInstanceOf(CellError);
  return (cell as CellError).message;
};

describe('RANK_CONFIDENCE', () => {
  it('gives 1 to a row that wins on every criterion and 0 to rows that can never reach the top', () => {
    expect(conf([[10, 10], [1, 1], [5, 5]], [[1, 1]], undefined, 1)).toEqual([[1], [0], [0]]);
    expect(conf([[10, 10], [1, 1], [5, 5]], [[1, 1]], undefined, 2)).toEqual([[1], [0], [1]]);
  });

  it('splits the top place between two rows that each lead one criterion of equal weight', () => {
    const [a, b, c] = flat(conf([[1, 0], [0, 1], [0, 0]], [[1, 1]], undefined, 1)) as number[];
    expect(a).toBeGreaterThan(0.45);
    expect(a).toBeLessThan(0.55);
    expect(a! + b!).toBeCloseTo(1, 12);
    expect(c).toBe(0);
  });

  it('is certain with spread 0 and follows direction "lower"', () => {
    expect(conf([[1, 3], [2, 1], [3, 2]], [[1, 1]], [['higher', 'lower']], 1, 0)).toEqual([[0], [1], [0]]);
  });

  it('uses top_n 10 by default, or every scored row when there are fewer', () => {
    expect(conf([[1], [2], [3]], 1)).toEqual([[1], [1], [1]]);
    expect(conf([[1], [2], [3]], 1, undefined, 50)).toEqual([[1], [1], [1]]);
    const rows = Array.from({ length: 15 }, (_, i) => [i, 15 - i]);
    const out = numbers(conf(rows, [[1, 1]]));
    expect(out).toHaveLength(15);
    expect(sum(out)).toBeCloseTo(10, 9);
  });

  it('reads spread as a share, so "10%" is 0.1', () => {
    const rows = [[1, 9], [2, 8], [3, 7], [4, 6]];
    expect(conf(rows, [[1, 2]], undefined, 2, '10%', 500)).toEqual(conf(rows, [[1, 2]], undefined, 2, 0.1, 500));
  });

  it('keeps blank rows blank and carries row errors, which take no part in the trials', () => {
    const out = flat(conf([[1, 2], ['', ''], [3, ''], [5, 'abc'], ['#N/A', 1], [{ code: '#VALUE!', message: 'x' }, 2], [4, 5]], [[1, 1]], undefined, 1));
    expect(out[0]).toBe(0);
    expect(out[1]).toBe('');
    expect(message(out[2])).toBe('criterion 2 is blank in this row while other inputs are filled: fill it in, or clear the row');
    expect(message(out[3])).toBe('criterion 2 "abc" is not a number: enter a number such as 12 or 50%');
    expect(message(out[4])).toBe('criterion 1 is an error (#N/A): fix the cell it comes from');
    expect(message(out[5])).toBe('criterion 1 is an error (#VALUE!): fix the cell it comes from');
    expect(out[6]).toBe(1);
  });

  it('returns only blanks and errors when no row can be scored', () => {
    expect(conf([[''], [null]], 1)).toEqual([[''], ['']]);
  });

  it('fails the call on bad options', () => {
    const c = [[1, 2], [3, 4]];
    const w = [[1, 1]];
    const bad: [unknown[], string | RegExp][] = [
      [[undefined, 0], 'top_n must be a whole number of 1 or more (got 0)'],
      [[undefined, -3], 'top_n must be a whole number of 1 or more (got -3)'],
      [[undefined, 2.5], 'top_n must be a whole number of 1 or more (got 2.5)'],
      [[undefined, 'ten'], /^top_n "ten" is not a number/],
      [[undefined, true], 'top_n is TRUE, not a number: enter a number'],
      [[undefined, NaN], 'top_n is NaN: enter a finite number'],
      [[undefined, '#N/A'], 'top_n is an error (#N/A): fix the cell it comes from'],
      [[undefined, undefined, 1.5], /^spread must be from 0 to 1 \(got 1.5\)/],
      [[undefined, undefined, -0.1], /^spread must be from 0 to 1 \(got -0.1\)/],
      [[undefined, undefined, { code: '#VALUE!', message: 'x' }], 'spread is an error (#VALUE!): fix the cell it comes from'],
      [[undefined, undefined, undefined, 0], 'trials must be a whole number from 1 to 100000 (got 0)'],
      [[undefined, undefined, undefined, 100_001], 'trials must be a whole number from 1 to 100000 (got 100001)'],
      [[undefined, undefined, undefined, 10.5], 'trials must be a whole number from 1 to 100000 (got 10.5)'],
      [[undefined, [[5, 6]]], /^top_n must be a single cell/],
    ];
    for (const [opts, msg] of bad) expect(() => conf(c, w, ...opts)).toThrow(msg);
    expect(() => conf(c, w, ...bad[0]![0])).toThrow(CallError);
  });

  it('fails the call on bad weights and directions, as WEIGHTED_SCORE does', () => {
    const c = [[1, 2], [3, 4]];
    expect(() => conf(c, [[1]])).toThrow('weights has 1 cell but criteria has 2 columns: give one weight per criterion column');
    expect(() => conf(c, [[1, 'x']])).toThrow('weight 2 "x" is not a number');
    expect(() => conf(c, [[0, 0]])).toThrow('weights are all 0');
    expect(() => conf(c, [[1, -1]])).toThrow('weight 2 must be 0 or more (got -1)');
    expect(() => conf(c, [[1, 1]], [['up', 'down']])).toThrow('direction 1 "up" is not a direction');
  });

  const table = fc
    .integer({ min: 1, max: 4 })
    .chain((k) =>
      fc.record({
        rows: fc.array(
          fc.array(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.constant('') }), {
            minLength: k,
            maxLength: k,
          }),
          { minLength: 1, maxLength: 15 },
        ),
        weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: k, maxLength: k }).filter((w) => w.some((x) => x > 0)),
        top: fc.integer({ min: 1, max: 12 }),
        spread: fc.double({ min: 0, max: 1, noNaN: true }),
        trials: fc.integer({ min: 1, max: 200 }),
      }),
    );

  it('gives shares from 0 to 1 that add up to top_n, the same on every call (property)', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, top, spread, trials }) => {
        const out = conf(rows, [weights], undefined, top, spread, trials);
        const shares = numbers(out);
        for (const x of shares) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(sum(shares)).toBeCloseTo(Math.min(top, shares.length), 9);
        expect(conf(rows, [weights], undefined, top, spread, trials)).toEqual(out);
      }),
    );
  });

  it('with spread 0, puts exactly the top_n rows of PRIORITY_RANK(WEIGHTED_SCORE) in the top (property)', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, top }) => {
        const shares = flat(conf(rows, [weights], undefined, top, 0, 3));
        const ranks = flat(PRIORITY_RANK.impl(WEIGHTED_SCORE.impl(rows, [weights])) as unknown[][]);
        ranks.forEach((r, i) => {
          if (typeof r === 'number') expect(shares[i]).toBe(r <= top ? 1 : 0);
          else expect(typeof shares[i]).not.toBe('number');
        });
      }),
    );
  });

  it('draws a different stream when the inputs change', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [i % 5, (i * 7) % 11, (i * 3) % 4]);
    const a = conf(rows, [[1, 1, 1]], undefined, 3, 0.5, 300);
    const b = conf(rows, [[1, 1, 1.01]], undefined, 3, 0.5, 300);
    expect(a).not.toEqual(b);
  });
});
