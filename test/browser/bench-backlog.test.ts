// The bench backlog (bench/page-backlog.ts): both playground pages open it under ?bench=N, so the figures
// compare only if it is the same backlog every time, of the size asked, in the sample backlog's columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCH_COLUMNS, BENCH_HEADERS, benchBacklog, expectedResults } from '../../bench/page-backlog';

describe('bench backlog', () => {
  it('is the same items for the same size and seed, and a larger backlog starts with the smaller one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), (n, more) => {
        const a = benchBacklog(n);
        expect(benchBacklog(n)).toEqual(a);
        expect(benchBacklog(n + more).rows.slice(0, n)).toEqual(a.rows);
      }),
      { numRuns: 40 },
    );
    expect(benchBacklog(50, { seed: 1 }).rows).not.toEqual(benchBacklog(50, { seed: 2 }).rows);
  });

  it('has N items under the expected headers, and one spilled formula per output column over exactly those rows', () => {
    const b = benchBacklog(2000);
    expect(b.sheet).toBe('Backlog');
    expect(b.headers).toEqual(['ID', 'Title', 'Team', 'Reach', 'Impact', 'Confidence', 'Effort', 'RICE score', 'Priority rank']);
    expect(b.rows).toHaveLength(2000);
    expect(new Set(b.rows.map((r) => r[0])).size).toBe(2000);
    for (const r of b.rows) {
      expect(r).toHaveLength(BENCH_HEADERS.length);
      expect(r[BENCH_COLUMNS.effort]).toBeGreaterThan(0);
      expect(r[BENCH_COLUMNS.confidence]).toBeGreaterThan(0);
    }
    expect(b.formulas).toEqual([
      { a1: 'H2', formula: '=AGILE_RICE(D2:D2001, E2:E2001, F2:F2001, G2:G2001)' },
      { a1: 'I2', formula: '=AGILE_PRIORITY_RANK(H2:H2001, G2:G2001)' },
    ]);
    expect(benchBacklog(40, { prefix: 'AGILE.' }).formulas[0]!.formula).toBe('=AGILE.RICE(D2:D41,E2:E41,F2:F41,G2:G41)');
  });

  it('expects the ranks 1…N once each, highest score first', () => {
    const { score, rank } = expectedResults(benchBacklog(500).rows);
    expect([...rank].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const byRank = score.map((s, i) => [rank[i] as number, s as number]).sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < byRank.length; i++) expect(byRank[i]![1]).toBeLessThanOrEqual(byRank[i - 1]![1]!);
  });
});
