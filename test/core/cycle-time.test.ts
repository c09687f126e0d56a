import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { CYCLE_TIME } from '../../core/kpi/cycle-time';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const cycle = (...args: unknown[]) => CYCLE_TIME.impl(...args);
const message = (v: unknown) => (v as CellError).message;

// Five finished items of 2, 3, 5, 8 and 13 days, starting on 2026-01-05 (Excel serial 46027).
const ISO_START = ['2026-01-05', '2026-01-05', '2026-01-05', '2026-01-05', '2026-01-05'];
const ISO_END = ['2026-01-07', '2026-01-08', '2026-01-10', '2026-01-13', '2026-01-18'];
const SERIAL_START = [46027, 46027, 46027, 46027, 46027];
const SERIAL_END = [46029, 46030, 46032, 46035, 46040];
const localDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

describe('CYCLE_TIME', () => {
  it('gives the statistic of end − start in days; p85 and p95 as PERCENTILE.INC', () => {
    const s = col(...ISO_START);
    const e = col(...ISO_END);
    expect(cycle(s, e)).toBe(5);
    expect(cycle(s, e, 'median')).toBe(5);
    expect(cycle(s, e, 'mean')).toBeCloseTo(6.2, 14);
    // PERCENTILE.INC({2,3,5,8,13}, 0.85): rank 3.4 → 8 + 0.4 × 5 = 10; 0.95: rank 3.8 → 12.
    expect(cycle(s, e, 'p85')).toBeCloseTo(10, 12);
    expect(cycle(s, e, 'P95')).toBeCloseTo(12, 12);
    expect(cycle(s, e, 'min')).toBe(2);
    expect(cycle(s, e, ' Max ')).toBe(13);
    expect(cycle(s, e, 'count')).toBe(5);
  });

  it('matches Excel on an even count: MEDIAN({1,2,3,4}) = 2.5, PERCENTILE.INC(…, 0.85) = 3.55', () => {
    const s = col(46027, 46027, 46027, 46027);
    const e = col(46028, 46030, 46029, 46031);
    expect(cycle(s, e)).toBe(2.5);
    expect(cycle(s, e, 'p85')).toBeCloseTo(3.55, 12);
    expect(cycle(s, e, 'p95')).toBeCloseTo(3.85, 12);
  });

  it('gives the same result for Date objects, Excel serials and ISO text', () => {
    for (const stat of ['median', 'mean', 'p85', 'p95', 'min', 'max', 'count']) {
      const fromIso = cycle(col(...ISO_START), col(...ISO_END), stat);
      expect(cycle(col(...SERIAL_START), col(...SERIAL_END), stat)).toBe(fromIso);
      expect(cycle(col(...ISO_START.map(localDate)), col(...ISO_END.map(localDate)), stat)).toBe(fromIso);
      expect(cycle(col(...SERIAL_START), col(...ISO_END.map(localDate)), stat)).toBe(fromIso);
    }
  });

  it('counts whole days across a daylight-saving change for Date objects (as the sheet shows them)', () => {
    // In a zone with DST (run with TZ=America/New_York) the elapsed time is 13 days and 23 hours.
    expect(cycle(col(new Date(2026, 2, 1)), col(new Date(2026, 2, 15)))).toBe(14);
    expect(cycle(col(new Date(2026, 9, 20)), col(new Date(2026, 10, 3)))).toBe(14);
  });

  it('keeps fractions of a day', () => {
    expect(cycle(col('2026-01-15T12:00'), col('2026-01-16'))).toBe(0.5);
    expect(cycle(col(46037.25), col(46037.75))).toBe(0.5);
  });

  it('skips items in progress and blank rows', () => {
    expect(cycle(col('2026-01-05', '2026-01-06', '', '2026-01-01'), col('2026-01-08', '', '', null), 'count')).toBe(1);
    expect(cycle(col('2026-01-05', '2026-01-06'), col('2026-01-08', ''), 'mean')).toBe(3);
  });

  it('returns an error naming the row for an end without a start, or an end before its start', () => {
    expect(message(cycle(col('2026-01-05', ''), col('2026-01-08', '2026-01-09')))).toBe(
      'row 2 of the range: end_dates is filled but start_dates is blank: enter the start date, or clear the end date',
    );
    const swapped = cycle(col('2026-01-05', '2026-01-10'), col('2026-01-08', '2026-01-07')) as CellError;
    expect(swapped.code).toBe('#VALUE!');
    expect(swapped.message).toBe(
      'row 2 of the range: end_dates (2026-01-07) is before start_dates (2026-01-10): check the two dates, they may be swapped',
    );
  });

  it('returns an error naming the row for a value that is not a date', () => {
    expect(message(cycle(col('2026-01-05', 'soon'), col('2026-01-08', '2026-01-09')))).toBe(
      'row 2 of the range: start_dates "soon" is not a date: enter a date cell or ISO text such as 2026-01-15',
    );
    expect(message(cycle(col(46027), col(true)))).toBe(
      'row 1 of the range: end_dates is TRUE, not a date: enter a date cell or ISO text such as 2026-01-15',
    );
    expect(message(cycle(col({ code: '#VALUE!', message: 'x' }), col(46030)))).toBe(
      'row 1 of the range: start_dates is an error (#VALUE!): fix the cell it comes from',
    );
    expect(message(cycle(col(46027), col('#N/A')))).toBe('row 1 of the range: end_dates is an error (#N/A): fix the cell it comes from');
    expect(message(cycle(col(NaN), col(46030)))).toMatch(/^row 1 of the range: start_dates is NaN/);
    expect(message(cycle(col(new Date(NaN)), col(46030)))).toMatch(/^row 1 of the range: start_dates is an invalid date/);
    expect(message(cycle(col('2026-02-30'), col(46030)))).toMatch(/"2026-02-30" is not a date/);
  });

  it('gives #N/A when nothing is finished, except count, which is 0', () => {
    const none = cycle(col('2026-01-05', ''), col('', ''));
    expect((none as CellError).code).toBe('#N/A');
    expect(message(none)).toMatch(/^no row has both a start and an end date/);
    expect(cycle(col('2026-01-05'), col(''), 'count')).toBe(0);
  });

  it('fails the whole call on an unknown statistic or ranges of different heights', () => {
    expect(() => cycle(col(1), col(2), 'average')).toThrow(CallError);
    expect(() => cycle(col(1), col(2), 'average')).toThrow(
      'statistic "average" is not an option: use "median", "mean", "p85", "p95", "min", "max", "count"',
    );
    expect(() => cycle(col(1, 2), col(2, 3, 4))).toThrow('start_dates has 2 rows but end_dates has 3');
  });

  it('orders its statistics: min ≤ median ≤ p85 ≤ p95 ≤ max, mean within [min, max] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 40000, max: 50000 }), days: fc.double({ min: 0, max: 400, noNaN: true }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        (items) => {
          const s = col(...items.map((x) => x.start));
          const e = col(...items.map((x) => x.start + x.days));
          const [min, median, p85, p95, max, mean] = ['min', 'median', 'p85', 'p95', 'max', 'mean'].map((st) => cycle(s, e, st) as number);
          expect(min!).toBeLessThanOrEqual(median!);
          expect(median!).toBeLessThanOrEqual(p85!);
          expect(p85!).toBeLessThanOrEqual(p95!);
          expect(p95!).toBeLessThanOrEqual(max!);
          expect(mean!).toBeGreaterThanOrEqual(min! - 1e-9);
          expect(mean!).toBeLessThanOrEqual(max! + 1e-9);
          expect(cycle(s, e, 'count')).toBe(items.length);
        },
      ),
    );
  });
});
