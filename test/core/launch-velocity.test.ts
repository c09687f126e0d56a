import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { LAUNCH_VELOCITY } from '../../core/kpi/launch-velocity';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const velocity = (...args: unknown[]) => LAUNCH_VELOCITY.impl(...args);
const message = (v: unknown) => (v as CellError).message;

describe('LAUNCH_VELOCITY', () => {
  it('counts launches within the period, inclusive, per 7 days', () => {
    // Two weeks, 2026-01-01 to 2026-01-14, three launches inside, one before, one after.
    const launches = col('2025-12-31', '2026-01-01', '2026-01-08', '2026-01-14', '2026-01-15');
    expect(velocity(launches, '2026-01-01', '2026-01-14')).toBe(1.5);
    // One quarter of 90 days, 9 launches: 0.7 per week.
    const q1 = col(...Array.from({ length: 9 }, (_, i) => 46023 + i * 10));
    expect(velocity(q1, 46023, 46112)).toBeCloseTo(0.7, 14);
  });

  it('compares whole days, so a launch late on the last day counts', () => {
    expect(velocity(col('2026-01-14T15:00'), '2026-01-01', '2026-01-14')).toBe(0.5);
    expect(velocity(col(46036.625), 46023, 46036)).toBe(0.5);
    expect(velocity(col(new Date(2026, 0, 14, 15, 0)), new Date(2026, 0, 1), new Date(2026, 0, 14))).toBe(0.5);
    // A period end typed with a time still covers the whole day, and the period is still 14 days.
    expect(velocity(col('2026-01-14'), '2026-01-01T09:00', '2026-01-14T08:00')).toBe(0.5);
  });

  it('gives the same result for Date objects, Excel serials and ISO text', () => {
    const iso = velocity(col('2026-01-02', '2026-01-09'), '2026-01-01', '2026-01-14');
    expect(velocity(col(46024, 46031), 46023, 46036)).toBe(iso);
    expect(velocity(col(new Date(2026, 0, 2), new Date(2026, 0, 9)), new Date(2026, 0, 1), new Date(2026, 0, 14))).toBe(iso);
    expect(velocity(col(46024, 46031), [['2026-01-01']], [[new Date(2026, 0, 14)]])).toBe(iso);
  });

  it('skips blank launch rows and counts a one-day period as 7 days ÷ 1', () => {
    expect(velocity(col('', null, '2026-01-05', undefined), '2026-01-05', '2026-01-05')).toBe(7);
    expect(velocity(col('', ''), '2026-01-01', '2026-01-14')).toBe(0);
  });

  it('returns an error when the period ends before it starts or a bound is blank or not a date', () => {
    const swapped = velocity(col('2026-01-05'), '2026-01-14', '2026-01-01') as CellError;
    expect(swapped).toBeInstanceOf(CellError);
    expect(swapped.message).toBe('period_end (2026-01-01) is before period_start (2026-01-14): check the two dates');
    expect(message(velocity(col('2026-01-05'), '', '2026-01-14'))).toBe(
      'period_start is blank: enter the first day of the period, such as 2026-01-01',
    );
    expect(message(velocity(col('2026-01-05'), '2026-01-01', 'end of Q1'))).toMatch(/^period_end "end of Q1" is not a date/);
    expect(message(velocity(col('2026-01-05'), { code: '#N/A' }, '2026-01-14'))).toBe(
      'period_start is an error (#N/A): fix the cell it comes from',
    );
  });

  it('returns an error naming the row for a launch that is not a date', () => {
    expect(message(velocity(col('2026-01-05', 'next week'), '2026-01-01', '2026-01-14'))).toBe(
      'row 2 of the range: launch_dates "next week" is not a date: enter a date cell or ISO text such as 2026-01-15',
    );
    expect(message(velocity(col(true), '2026-01-01', '2026-01-14'))).toMatch(/^row 1 of the range: launch_dates is TRUE/);
    expect(message(velocity(col(46024, '#VALUE! bad'), 46023, 46036))).toBe(
      'row 2 of the range: launch_dates is an error (#VALUE!): fix the cell it comes from',
    );
    expect(message(velocity(col({ code: '#VALUE!', message: 'x' }), 46023, 46036))).toMatch(/launch_dates is an error \(#VALUE!\)/);
    expect(message(velocity(col(NaN), 46023, 46036))).toMatch(/launch_dates is NaN/);
  });

  it('fails the whole call when a period bound is a range', () => {
    expect(() => velocity(col(46024), [[46023], [46024]], 46036)).toThrow(CallError);
    expect(() => velocity(col(46024), 46023, [[46036, 46037]])).toThrow(/period_end must be a single cell/);
    expect(() => velocity([[46024, 46025]], 46023, 46036)).toThrow(/launch_dates must be one column/);
  });
});
