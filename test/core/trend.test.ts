import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../core/cells';
import { KPI_TREND } from '../../core/kpi/trend';

const trend = (...args: unknown[]) => KPI_TREND.impl(...args) as unknown[][];
const message = (v: unknown) => (v as CellError).message;

describe('KPI_TREND', () => {
  it('divides the least-squares slope by the mean absolute value, one row per KPI', () => {
    const out = trend([
      [10, 11, 12],
      [100, 110, 120],
      [120, 110, 100],
      [4, 8, 6, 10],
    ]) as number[][];
    expect(out[0]![0]).toBeCloseTo(1 / 11, 14);
    expect(out[1]![0]).toBeCloseTo(1 / 11, 14);
    expect(out[2]![0]).toBeCloseTo(-1 / 11, 14);
    // x̄ = 1.5, ȳ = 7: slope = (−1.5·−3 + −0.5·1 + 0.5·−1 + 1.5·3) ÷ 5 = 1.6; ÷ 7.
    expect(out[3]![0]).toBeCloseTo(1.6 / 7, 14);
  });

  it('skips blank periods but keeps their position', () => {
    // Periods 1 and 3: slope 2 per period, mean 12.
    const [[t]] = trend([[10, '', 14]]) as [[number]];
    expect(t).toBeCloseTo(1 / 6, 14);
    expect(trend([['', 10, null, 14, undefined]])[0]![0]).toBeCloseTo(1 / 6, 14);
  });

  it('gives 0 for a row of zeros, #N/A for fewer than two numbers and blank for a blank row', () => {
    const out = trend([
      [0, 0, 0],
      [5, '', ''],
      ['', '', ''],
    ]);
    expect(out[0]).toEqual([0]);
    expect(out[1]![0]).toBeInstanceOf(CellError);
    expect((out[1]![0] as CellError).code).toBe('#N/A');
    expect(message(out[1]![0])).toBe('series has only one number in this row: a trend needs numbers in at least 2 periods');
    expect(out[2]).toEqual(['']);
    // A single Sheets cell is one period.
    expect((trend(42)[0]![0] as CellError).code).toBe('#N/A');
  });

  it('names the period of a bad value', () => {
    const out = trend([
      [1, 2, 'n/a'],
      [1, true, 3],
      [{ code: '#VALUE!', message: 'x' }, 2, 3],
      [1, '#N/A', 3],
      [1, NaN, 3],
    ]);
    expect(out.every((r) => r[0] instanceof CellError && r[0].code === '#VALUE!')).toBe(true);
    expect(message(out[0]![0])).toBe('series period 3 "n/a" is not a number: enter a number such as 12 or 50%');
    expect(message(out[1]![0])).toBe('series period 2 is TRUE, not a number: enter a number');
    expect(message(out[2]![0])).toBe('series period 1 is an error (#VALUE!): fix the cell it comes from');
    expect(message(out[3]![0])).toBe('series period 2 is an error (#N/A): fix the cell it comes from');
    expect(message(out[4]![0])).toBe('series period 2 is NaN: enter a finite number');
  });

  it('has the sign of a linear series and does not depend on its unit (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }).filter((b) => Math.abs(b) > 1e-6),
        fc.integer({ min: 2, max: 24 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (a, rel, k, scale) => {
          const b = (rel * a) / k; // keeps the series positive, so the sign is the slope's
          const row = Array.from({ length: k }, (_, j) => a + b * j);
          const [[t]] = trend([row]) as [[number]];
          expect(Math.sign(t)).toBe(Math.sign(b));
          const [[scaled]] = trend([row.map((y) => y * scale)]) as [[number]];
          expect(scaled).toBeCloseTo(t, 9);
        },
      ),
    );
  });
});
