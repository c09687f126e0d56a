import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { SCORECARD_SCORE } from '../../core/kpi/scorecard-score';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const score = (...args: unknown[]) => SCORECARD_SCORE.impl(...args);
const message = (v: unknown) => (v as CellError).message;

describe('SCORECARD_SCORE', () => {
  it('weights the attainments, each capped at 1.2 by default', () => {
    // (2 × 1 + 1 × 0.5 + 1 × min(1.5, 1.2)) ÷ 4
    expect(score(col(1, 0.5, 1.5), col(2, 1, 1))).toBeCloseTo(0.925, 14);
    expect(score(col(1, 0.5, 1.5), col(2, 1, 1), 1)).toBeCloseTo(0.875, 14);
    expect(score(col('100%', '50%', '150%'), col(2, 1, 1), [['120%']])).toBeCloseTo(0.925, 14);
  });

  it('only caps the top', () => {
    expect(score(col(-0.5, 1), col(1, 1))).toBeCloseTo(0.25, 14);
  });

  it('skips rows with a blank attainment, whatever their weight', () => {
    expect(score(col(0.8, '', null, 1), col(1, 5, '', 1))).toBeCloseTo(0.9, 14);
  });

  it('repeats one weight cell, giving the plain mean of the capped attainments', () => {
    expect(score(col(0.6, 0.9, 1.5), [[1]])).toBeCloseTo(0.9, 14);
    expect(score(col(0.6, 0.9, 1.5), 3)).toBeCloseTo(0.9, 14);
  });

  it('returns an error naming the row for an attainment that is an error or not a number', () => {
    const objError = score(col(1, { code: '#VALUE!', message: 'x' }), col(1, 1));
    expect(objError).toBeInstanceOf(CellError);
    expect(message(objError)).toBe('row 2 of the range: attainments is an error (#VALUE!): fix the cell it comes from');
    expect(message(score(col(1, 1, '#N/A target missing'), col(1, 1, 1)))).toBe(
      'row 3 of the range: attainments is an error (#N/A): fix the cell it comes from',
    );
    expect(message(score(col('high'), col(1)))).toMatch(/^row 1 of the range: attainments "high" is not a number/);
    expect(message(score(col(1, true), col(1, 1)))).toBe('row 2 of the range: attainments is TRUE, not a number: enter a number');
    expect(message(score(col(NaN), col(1)))).toBe('row 1 of the range: attainments is NaN: enter a finite number');
  });

  it('refuses blank, negative or non-numeric weights where there is an attainment', () => {
    expect(message(score(col(1, 0.9), col(1, '')))).toBe(
      'row 2 of the range: weights is blank where there is an attainment: give the KPI a weight (0 leaves it out)',
    );
    expect(message(score(col(1, 0.9), col(1, -2)))).toBe('row 2 of the range: weights must be 0 or more (got -2)');
    expect(message(score(col(1), col('heavy')))).toMatch(/^row 1 of the range: weights "heavy" is not a number/);
  });

  it('says when there is nothing to score or the weights add up to 0', () => {
    const none = score(col('', null), col(1, 1)) as CellError;
    expect(none.code).toBe('#N/A');
    expect(none.message).toBe('attainments has no numbers: there is nothing to score yet');
    const zero = score(col(1, 0.5), col(0, 0)) as CellError;
    expect(zero.code).toBe('#VALUE!');
    expect(zero.message).toMatch(/^weights add up to 0/);
  });

  it('fails the whole call on a bad cap or ranges of different heights', () => {
    expect(() => score(col(1), col(1), 0)).toThrow('cap must be greater than 0 (got 0)');
    expect(() => score(col(1), col(1), -1)).toThrow(CallError);
    expect(() => score(col(1), col(1), 'max')).toThrow(/^cap "max" is not a number/);
    expect(() => score(col(1), col(1), [[1], [2]])).toThrow(/cap must be a single cell/);
    expect(() => score(col(1, 2), col(1, 2, 3))).toThrow('attainments has 2 rows but weights has 3');
  });

  it('lies between the smallest and largest capped attainment included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.oneof(fc.double({ min: -2, max: 3, noNaN: true }), fc.constant('')),
            w: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (rows, cap) => {
          const included = rows.filter((r): r is { a: number; w: number } => r.a !== '');
          const result = score(col(...rows.map((r) => r.a)), col(...rows.map((r) => r.w)), cap);
          if (included.length === 0) expect((result as CellError).code).toBe('#N/A');
          else if (included.every((r) => r.w === 0)) expect((result as CellError).code).toBe('#VALUE!');
          else {
            const capped = included.map((r) => Math.min(r.a, cap));
          expect(result as number).toBeGreaterThanOrEqual(Math.min(...capped) - 1e-12);
          expect(result as number).toBeLessThanOrEqual(Math.max(...capped) + 1e-12);
          }
        },
      ),
    );
  });
});
