import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { GOAL_CONTRIBUTION } from '../../core/kpi/goal-contribution';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const contribution = (...args: unknown[]) => GOAL_CONTRIBUTION.impl(...args);
const message = (v: unknown) => (v as CellError).message;

describe('GOAL_CONTRIBUTION', () => {
  const outcomes = col('Grow pipeline', '', 'Retention', 'Brand awareness', '');
  const efforts = col(5, 3, 2, 0, '');

  it('divides the effort linked to an outcome by all effort', () => {
    expect(contribution(outcomes, efforts)).toBe(0.7);
  });

  it('counts only valid outcomes when given, ignoring case and spacing', () => {
    expect(contribution(outcomes, efforts, col(' grow PIPELINE', 'Retention', ''))).toBe(0.7);
    expect(contribution(outcomes, efforts, [['Grow  pipeline']])).toBe(0.5);
    expect(contribution(outcomes, efforts, 'retention')).toBe(0.2);
  });

  it('does not split valid outcomes at commas, and treats an all-blank list as omitted', () => {
    expect(contribution(col('Grow pipeline, EMEA', 'Other'), col(1, 1), 'Grow pipeline, EMEA')).toBe(0.5);
    expect(contribution(outcomes, efforts, col('', null))).toBe(0.7);
  });

  it('accepts outcome IDs typed as numbers', () => {
    expect(contribution(col(1, 2, ''), col(1, 1, 2), col(1))).toBe(0.25);
  });

  it('returns an error naming the row for a blank or negative effort with an outcome', () => {
    expect(message(contribution(col('Retention', 'Retention'), col(1, '')))).toBe(
      'row 2 of the range: efforts is blank where there is an outcome: enter the effort (0 if none), or clear the outcome',
    );
    expect(message(contribution(col('Retention', ''), col(1, -3)))).toBe('row 2 of the range: efforts must be 0 or more (got -3)');
  });

  it('returns an error naming the row for words, booleans, NaN and error values', () => {
    expect(message(contribution(col('A'), col('big')))).toMatch(/^row 1 of the range: efforts "big" is not a number/);
    expect(message(contribution(col('A', 'B'), col(1, true)))).toBe('row 2 of the range: efforts is TRUE, not a number: enter a number');
    expect(message(contribution(col('A'), col(NaN)))).toBe('row 1 of the range: efforts is NaN: enter a finite number');
    expect(message(contribution(col(true), col(1)))).toMatch(/^row 1 of the range: outcomes is TRUE, not a name/);
    expect(message(contribution(col({ code: '#VALUE!', message: 'x' }), col(1)))).toBe(
      'row 1 of the range: outcomes is an error (#VALUE!): fix the cell it comes from',
    );
    expect(message(contribution(col('A'), col('#N/A')))).toBe('row 1 of the range: efforts is an error (#N/A): fix the cell it comes from');
  });

  it('returns an error when there is no effort to divide by', () => {
    const zero = contribution(col('A', ''), col(0, 0)) as CellError;
    expect(zero.code).toBe('#VALUE!');
    expect(zero.message).toBe('efforts add up to 0: enter the effort of each item');
    const none = contribution(col('', ''), col('', '')) as CellError;
    expect(none.code).toBe('#N/A');
  });

  it('fails the whole call on mismatched ranges or an error in valid_outcomes', () => {
    expect(() => contribution(col('A', 'B'), col(1, 2, 3))).toThrow('outcomes has 2 rows but efforts has 3');
    expect(() => contribution(col('A'), col(1), col('A', '#N/A'))).toThrow(CallError);
    expect(() => contribution(col('A'), col(1), col('A', '#N/A'))).toThrow('valid_outcomes is an error (#N/A): fix the cell it comes from');
  });

  it('is a share from 0 to 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ o: fc.constantFrom('', 'A', 'b', 'C '), e: fc.double({ min: 0, max: 1e6, noNaN: true }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.boolean(),
        (rows, restrict) => {
          const r = contribution(col(...rows.map((x) => x.o)), col(...rows.map((x) => x.e)), restrict ? col('a', 'c') : undefined);
          if (rows.every((x) => x.e === 0)) expect((r as CellError).code).toBe('#VALUE!');
          else {
            expect(r as number).toBeGreaterThanOrEqual(0);
            expect(r as number).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
