import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { COMPLETION_RATE } from '../../core/kpi/completion-rate';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const rate = (...args: unknown[]) => COMPLETION_RATE.impl(...args);
const message = (v: unknown) => (v as CellError).message;

describe('COMPLETION_RATE', () => {
  it('divides done statuses by non-blank statuses, Done/Complete/Completed by default, any case and spacing', () => {
    expect(rate(col('Done', 'In progress', ' done ', 'COMPLETED', '', null, 'Complete', 'Blocked', undefined))).toBe(4 / 6);
  });

  it('takes done labels as comma-separated text or as a range', () => {
    const statuses = col('Shipped', 'Live', 'Done', 'Draft');
    expect(rate(statuses, 'Shipped, live')).toBe(0.5);
    expect(rate(statuses, col('Shipped', ' LIVE ', ''))).toBe(0.5);
    expect(rate(statuses, [['Shipped, Live', 'Done']])).toBe(0.75);
    expect(rate(statuses, [['Shipped']])).toBe(0.25);
  });

  it('falls back to the default labels when done_labels is omitted or blank', () => {
    const statuses = col('Done', 'Draft');
    expect(rate(statuses)).toBe(0.5);
    expect(rate(statuses, null)).toBe(0.5);
    expect(rate(statuses, '')).toBe(0.5);
    expect(rate(statuses, col('', ' '))).toBe(0.5);
  });

  it('reads repeated inner spaces as one', () => {
    expect(rate(col('Ready  for  review', 'x'), 'ready for review')).toBe(0.5);
  });

  it('counts a checkbox column: TRUE done, FALSE not done', () => {
    expect(rate(col(true, false, false, true, ''))).toBe(0.5);
  });

  it('returns an error naming the row for a status that is an error value', () => {
    expect(message(rate(col('Done', { code: '#VALUE!', message: 'x' })))).toBe(
      'row 2 of the range: statuses is an error (#VALUE!): fix the cell it comes from',
    );
    expect(message(rate(col('#N/A lookup failed', 'Done')))).toBe(
      'row 1 of the range: statuses is an error (#N/A): fix the cell it comes from',
    );
  });

  it('gives #N/A when no status is filled in', () => {
    const none = rate(col('', null, undefined)) as CellError;
    expect(none).toBeInstanceOf(CellError);
    expect(none.code).toBe('#N/A');
    expect(none.message).toBe('statuses has no filled cell: there is nothing to measure yet');
  });

  it('fails the whole call on an error in done_labels or statuses wider than one column', () => {
    expect(() => rate(col('Done'), '#N/A')).toThrow(CallError);
    expect(() => rate(col('Done'), col('Done', { code: '#REF!' }))).toThrow('done_labels is an error (#REF!): fix the cell it comes from');
    expect(() => rate([['Done', 'Draft']])).toThrow(/statuses must be one column/);
  });

  it('is a share from 0 to 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Done', 'done', 'In progress', 'Blocked', '', 'Completed', true, false, 3), { minLength: 1, maxLength: 50 }),
        (statuses) => {
          const r = rate(col(...statuses));
          if (statuses.every((s) => s === '')) expect((r as CellError).code).toBe('#N/A');
          else {
            expect(r as number).toBeGreaterThanOrEqual(0);
            expect(r as number).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
