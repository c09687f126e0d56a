import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { KPI_STATUS } from '../../core/kpi/status';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const status = (...args: unknown[]) => KPI_STATUS.impl(...args) as unknown[][];
const RANK: Record<string, number> = { 'Off track': 0, 'At risk': 1, 'On track': 2 };

describe('KPI_STATUS', () => {
  it('reads the attainment against 95% and 80% by default, thresholds inclusive', () => {
    const out = status(col(100, 95, 94, 80, 79.9, 130), [[100]]);
    expect(out.map((r) => r[0])).toEqual(['On track', 'On track', 'At risk', 'At risk', 'Off track', 'On track']);
  });

  it('uses the same attainment as KPI_ATTAINMENT, direction and baseline included', () => {
    // Lower is better: 105 against 100 is attainment 0.95.
    expect(status([[105]], [[100]], [['lower']])).toEqual([['On track']]);
    // Baseline 50, target 100, actual 90: attainment 0.8.
    expect(status([[90]], [[100]], '', [[50]])).toEqual([['At risk']]);
  });

  it('takes its thresholds as one cell each, percentages included', () => {
    expect(status(col(92, 85), [[100]], null, null, '90%', [[0.86]])).toEqual([['On track'], ['Off track']]);
    expect(status([[85]], [[100]], null, null, 0.9, 0.9)).toEqual([['Off track']]);
  });

  it('refuses thresholds in the wrong order, or that are not one number', () => {
    expect(() => status([[1]], [[1]], null, null, 0.7, 0.8)).toThrow(CallError);
    expect(() => status([[1]], [[1]], null, null, 0.7, 0.8)).toThrow(
      'at_risk_below (0.7) is below off_track_below (0.8): at_risk_below must be the higher threshold',
    );
    expect(() => status([[1]], [[1]], null, null, 'high')).toThrow(/^at_risk_below "high" is not a number/);
    expect(() => status([[1]], [[1]], null, null, [[0.9], [0.8]])).toThrow(/at_risk_below must be a single cell/);
    expect(() => status([[1]], [[1]], null, null, { code: '#N/A' })).toThrow(CallError);
  });

  it('says No data for a blank actual with a target, blank for a blank row, and names a missing target', () => {
    const out = status(col('', '', 90), col(100, '', ''));
    expect(out[0]).toEqual(['No data']);
    expect(out[1]).toEqual(['']);
    expect((out[2]![0] as CellError).message).toMatch(/^target is blank in this row/);
  });

  it('passes row errors through rather than a status', () => {
    const out = status(col('#N/A', 90, 'abc', ''), col(100, 0, 100, { code: '#VALUE!', message: 'x' }));
    expect((out[0]![0] as CellError).message).toBe('actual is an error (#N/A): fix the cell it comes from');
    expect((out[1]![0] as CellError).message).toMatch(/^target is 0/);
    expect((out[2]![0] as CellError).message).toMatch(/^actual "abc" is not a number/);
    // A broken target is reported, not hidden behind No data.
    expect((out[3]![0] as CellError).message).toBe('target is an error (#VALUE!): fix the cell it comes from');
  });

  it('fails the whole call on ranges of different heights', () => {
    expect(() => status(col(1, 2), col(1, 2, 3))).toThrow('actual has 2 rows but target has 3');
  });

  it('never gets worse as actual rises when higher is better (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (actuals, target) => {
          const sorted = [...actuals].sort((a, b) => a - b);
          const ranks = status(col(...sorted), [[target]]).map((r) => RANK[r[0] as string]!);
          for (let i = 1; i < ranks.length; i++) expect(ranks[i]!).toBeGreaterThanOrEqual(ranks[i - 1]!);
        },
      ),
    );
  });
});
