// The Scenarios panel's library: greedy figures are SCENARIO_COMPARE's and CAPACITY_VALUE's, optimal ones
// are re-solved by HiGHS, never below what the greedy walk finds for the same scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPACITY_VALUE, SCENARIO_COMPARE, capacityGains, compareScenarios } from '../../../core/capacity/index';
import { genArb, tables } from './random-plans';

const SCENARIOS = [
  ['Scenario', 'Change', 'Target', 'Value'],
  ['Grow all', 'grow capacity', '*', '25%'],
  ['Commit I1', 'commit', 'I1', ''],
  ['Drop I0', 'exclude', 'I0', ''],
  ['Shrink T0', 'add capacity', 'T0', -2],
];

describe('compareScenarios', () => {
  it('greedy: the same figures and IDs SCENARIO_COMPARE shows, Base first', async () => {
    await fc.assert(
      fc.asyncProperty(genArb({ maxItems: 20, mins: false }).filter((g) => g.items.length >= 2), async (g) => {
        const t = tables(g);
        const sheet = SCENARIO_COMPARE.impl(t.backlog, t.teams, SCENARIOS, t.mix) as unknown[][];
        const lib = await compareScenarios(t, SCENARIOS);
        expect(lib.map((r) => r.name)).toEqual(sheet.slice(1).map((r) => r[0]));
        lib.forEach((r, i) => {
          const row = sheet[i + 1]!;
          if (r.error) return expect((row[1] as { message: string }).message).toBe(r.error);
          expect([r.value, r.items, r.change, r.added.join(', '), r.dropped.join(', ')]).toEqual(row.slice(1));
          expect(r.teams.reduce((a, x) => a + x.planned, 0)).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('optimal: every scenario scores at least its greedy plan, and progress counts every plan', async () => {
    const g = { caps: [10, 6], items: Array.from({ length: 12 }, (_, i) => ({ score: (i * 7) % 11 + 1, effort: (i % 5) + 1, team: i % 2, cat: i % 3, deps: [], commit: false })), mix: [] };
    const t = tables(g);
    const greedy = await compareScenarios(t, SCENARIOS);
    const seen: number[] = [];
    const optimal = await compareScenarios(t, SCENARIOS, { method: 'optimal', onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    optimal.forEach((r, i) => {
      expect(r.solver?.status).toBe('optimal');
      expect(r.value).toBeGreaterThanOrEqual(greedy[i]!.value - 1e-9);
    });
  });
});

describe('capacityGains', () => {
  it('greedy gains are CAPACITY_VALUE; optimal gains are never negative and name what they bring in', async () => {
    const g = { caps: [8, 5, 3], items: Array.from({ length: 15 }, (_, i) => ({ score: (i * 13) % 17 + 2, effort: (i % 4) + 2, team: i % 3, cat: 0, deps: [], commit: false })), mix: [] };
    const t = tables(g);
    const sheet = CAPACITY_VALUE.impl(t.backlog, t.teams, undefined, 3) as unknown[][];
    const greedy = await capacityGains(t, { step: 3 });
    expect(greedy.teams.map((x) => x.gain)).toEqual(sheet.slice(1).map((r) => r[0]));
    const optimal = await capacityGains(t, { step: 3, method: 'optimal' });
    for (const x of optimal.teams) {
      expect(x.gain).toBeGreaterThanOrEqual(0);
      if (x.gain > 0) expect(x.added.length).toBeGreaterThan(0);
    }
    expect(optimal.gap).toBeLessThanOrEqual(0.005);
    await expect(capacityGains(t, { step: -1 })).rejects.toThrow(/step must be/);
  });
});
