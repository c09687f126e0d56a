import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../core/cells';
import { SPARK } from '../../core/kpi/spark';

const spark = (...args: unknown[]) => SPARK.impl(...args) as unknown[][];

describe('SPARK', () => {
  it('draws one bar per period between the row minimum and maximum', () => {
    expect(spark([[1, 2, 3, 4, 5, 6, 7, 8]])).toEqual([['▁▂▃▄▅▆▇█']]);
    expect(spark([[120, 100, 110, 90]])).toEqual([['█▃▆▁']]);
    expect(spark([['100%', '50%', 0.75]])).toEqual([['█▁▅']]);
    // (50 − 0) ÷ 100 × 7 = 3.5 rounds to 4.
    expect(spark([[0, 50, 100]])).toEqual([['▁▅█']]);
  });

  it('draws a constant row, or a single number, as ▄', () => {
    expect(spark([[5, 5, 5], [7, '', '']])).toEqual([['▄▄▄'], ['▄  ']]);
  });

  it('shows blank periods as spaces in place, trailing ones included, and keeps a blank row blank', () => {
    expect(spark([[1, '', 3, null], ['', '', '', undefined]])).toEqual([['▁ █ '], ['']]);
  });

  it('accepts a Sheets bare single cell', () => {
    expect(spark(3)).toEqual([['▄']]);
  });

  it('makes a bad value an error in its row, naming the period', () => {
    const out = spark([[1, 'up', 3], [1, 2, 3], [false, 1, 2], ['#N/A', 1, 2], [{ code: '#VALUE!', message: 'x' }, 1, 2]]);
    expect((out[0]![0] as CellError).message).toBe('series period 2 "up" is not a number: enter a number such as 12 or 50%');
    expect(out[1]).toEqual(['▁▅█']);
    expect((out[2]![0] as CellError).message).toBe('series period 1 is FALSE, not a number: enter a number');
    expect((out[3]![0] as CellError).message).toBe('series period 1 is an error (#N/A): fix the cell it comes from');
    expect((out[4]![0] as CellError).message).toBe('series period 1 is an error (#VALUE!): fix the cell it comes from');
  });

  it('copes with values spanning the whole double range', () => {
    expect(spark([[-Number.MAX_VALUE, 0, Number.MAX_VALUE]])).toEqual([['▁▅█']]);
  });

  it('has one character per period, the minimum as ▁ and the maximum as █ (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constant('')), { minLength: 1, maxLength: 30 }),
        (row) => {
          const [[s]] = spark([row]);
          const nums = row.filter((x): x is number => typeof x === 'number');
          if (nums.length === 0) {
            expect(s).toBe('');
            return;
          }
          const text = s as string;
          expect([...text].length).toBe(row.length);
          const min = Math.min(...nums);
          const max = Math.max(...nums);
          row.forEach((x, j) => {
            const c = [...text][j];
            if (x === '') expect(c).toBe(' ');
            else if (min === max) expect(c).toBe('▄');
            else if (x === min) expect(c).toBe('▁');
            else if (x === max) expect(c).toBe('█');
          });
        },
      ),
    );
  });
});
