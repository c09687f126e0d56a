import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { PRIORITY_RANK } from '../../core/scoring/priority-rank';
import { rankComparator, rankOrder } from '../../core/scoring/rank-order';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const rank = (...args: unknown[]) => PRIORITY_RANK.impl(...args) as unknown[][];
const flat = (out: unknown[][]) => out.map((r) => r[0]);
const message = (cell: unknown) => {
  expect(cell).toBeInstanceOf(CellError);
  return (cell as CellError).message;
};

describe('PRIORITY_RANK', () => {
  it('ranks the highest score 1 and gives every row its own rank', () => {
    expect(rank(col(5, 9, 1))).toEqual([[2], [1], [3]]);
    expect(rank(col(5, 5, 9))).toEqual([[2], [3], [1]]);
    expect(rank(col(-1, 0, -0, 0.5))).toEqual([[4], [2], [3], [1]]);
  });

  it('reads numeric text and percentages as numbers', () => {
    expect(rank(col('7', 5, '80%', ' 2.5 '))).toEqual([[1], [2], [4], [3]]);
  });

  it('breaks ties by the lower tiebreak ("asc", the default) or the higher ("desc"), then by row', () => {
    expect(rank(col(5, 5, 5), col(3, 1, 2))).toEqual([[3], [1], [2]]);
    expect(rank(col(5, 5, 5), col(3, 1, 2), 'asc')).toEqual([[3], [1], [2]]);
    expect(rank(col(5, 5, 5), col(3, 1, 2), 'DESC')).toEqual([[1], [3], [2]]);
    expect(rank(col(5, 5, 5, 5), col(2, 1, 2, 1))).toEqual([[3], [1], [4], [2]]);
    // the tiebreak never overrides a higher score
    expect(rank(col(4, 5), col(0, 100))).toEqual([[2], [1]]);
  });

  it('puts a blank tiebreak after the rows that have one, in either order', () => {
    expect(rank(col(5, 5, 5, 5), col('', 2, null, 1))).toEqual([[3], [2], [4], [1]]);
    expect(rank(col(5, 5, 5, 5), col('', 2, null, 1), 'desc')).toEqual([[3], [1], [4], [2]]);
    expect(PRIORITY_RANK.notes?.some((n) => /blank/.test(n) && /tiebreak/.test(n))).toBe(true);
  });

  it('keeps blank scores blank, even when a tiebreak is filled', () => {
    expect(rank(col(3, '', null, undefined, 4), col(1, 2, 3, '', 5))).toEqual([[2], [''], [''], [''], [1]]);
  });

  it('gives row errors for words, booleans, NaN and error values, and ranks the other rows without gaps', () => {
    const out = flat(rank(col(5, 'abc', true, NaN, { code: '#VALUE!', message: 'x' }, '#N/A', 3)));
    expect(out[0]).toBe(1);
    expect(message(out[1])).toBe('score "abc" is not a number: enter a number such as 12 or 50%');
    expect(message(out[2])).toBe('score is TRUE, not a number: enter a number');
    expect(message(out[3])).toBe('score is NaN: enter a finite number');
    expect(message(out[4])).toBe('score is an error (#VALUE!): fix the cell it comes from');
    expect(message(out[5])).toBe('score is an error (#N/A): fix the cell it comes from');
    expect(out[6]).toBe(2);
  });

  it('gives a row error for a tiebreak that is not a number', () => {
    const out = flat(rank(col(5, 5, 5, 5), col(1, 'cheap', '#N/A', 0)));
    expect(out[0]).toBe(2);
    expect(message(out[1])).toBe('tiebreak "cheap" is not a number: enter a number such as 12 or 50%');
    expect(message(out[2])).toBe('tiebreak is an error (#N/A): fix the cell it comes from');
    expect(out[3]).toBe(1);
  });

  it('accepts Sheets single cells and a one-cell tiebreak', () => {
    expect(rank(42)).toEqual([[1]]);
    expect(rank('')).toEqual([['']]);
    expect(rank(col(1, 2), 7)).toEqual([[2], [1]]);
    expect(rank(col(1, 2), [[7]], 'desc')).toEqual([[2], [1]]);
  });

  it('fails the call on mismatched ranges and unknown order words', () => {
    expect(() => rank(col(1, 2), col(1, 2, 3))).toThrow(CallError);
    expect(() => rank(col(1, 2), col(1, 2, 3))).toThrow('scores has 2 rows but tiebreak has 3: use ranges of the same height');
    expect(() => rank(col(1, 2), undefined, 'up')).toThrow('tiebreak_order "up" is not an option: use "asc", "desc"');
    expect(() => rank(col(1, 2), undefined, '#N/A')).toThrow('tiebreak_order is an error (#N/A)');
    expect(() => rank([[1, 2], [3, 4]])).toThrow(/^scores must be one column/);
  });

  const scoreCell = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -5, max: 5 }) },
    { weight: 3, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom('', null, 'n/a', '#N/A') },
  );
  const tieCell = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
    { weight: 1, arbitrary: fc.constant('') },
  );

  it('gives the numeric rows a permutation of 1…m (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(scoreCell, tieCell), { maxLength: 40 }), fc.constantFrom('asc', 'desc'), (rows, order) => {
        const out = flat(rank(rows.map((r) => [r[0]]), rows.length ? rows.map((r) => [r[1]]) : undefined, order));
        const ranks = out.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
        expect(ranks).toEqual(ranks.map((_, i) => i + 1));
        const numeric = rows.filter(([s]) => typeof s === 'number').length;
        expect(ranks.length).toBe(numeric);
      }),
    );
  });

  it('never lowers a row when its score rises (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), tieCell), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom('asc', 'desc'),
        (rows, pick, up, order) => {
          const i = pick % rows.length;
          const ties = rows.map((r) => [r[1]]);
          const before = rank(rows.map((r) => [r[0]]), ties, order)[i]![0] as number;
          const raised = rows.map((r, j) => [j === i ? r[0] + up : r[0]]);
          const after = rank(raised, ties, order)[i]![0] as number;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  // The radix sort that serves large columns must give exactly the order the comparator defines.
  const values = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
  );
  it('sorts with the radix sort exactly as with the comparator (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(values, fc.oneof(values, fc.constant(Infinity))), { maxLength: 200 }),
        fc.boolean(),
        (rows, withKey) => {
          const score = Float64Array.from(rows, (r) => r[0]);
          const key = withKey ? Float64Array.from(rows, (r) => r[1]) : null;
          const ids = () => Uint32Array.from(rows, (_, i) => i);
          const expected = Array.from(ids().sort(rankComparator(score, key)));
          expect(Array.from(rankOrder(score, key, ids(), 0))).toEqual(expected);
        },
      ),
    );
  });

  it('ranks a large column (radix path) the same way as a comparator sort', () => {
    const n = 50_000;
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const scores = Array.from({ length: n }, () => [next() < 0.05 ? '' : Math.floor(next() * 500) / 10]);
    const ties = Array.from({ length: n }, () => [next() < 0.1 ? '' : Math.floor(next() * 20)]);
    const out = flat(rank(scores, ties, 'desc'));
    const score = Float64Array.from(scores, (r) => (r[0] === '' ? 0 : (r[0] as number)));
    const key = Float64Array.from(ties, (r) => (r[0] === '' ? Infinity : -(r[0] as number)));
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => scores[i]![0] !== '');
    rows.sort(rankComparator(score, key));
    const expected: unknown[] = scores.map(() => '');
    rows.forEach((row, r) => (expected[row] = r + 1));
    expect(out).toEqual(expected);
  });
});
