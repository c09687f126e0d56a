// The value-versus-effort chart on a large backlog (sidebar/ui/chart.ts): past MAX_DOTS it draws every top
// item and an even sample of the rest, so the pane stays responsive and no top item goes missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DOTS, chartSample } from '../../sidebar/ui/chart';

const points = (n: number, topEvery: number) => Array.from({ length: n }, (_, i) => ({ id: `B-${i}`, top: i % topEvery === 0 }));

describe('chartSample', () => {
  it('draws every point of a backlog up to the limit', () => {
    const ps = points(MAX_DOTS, 7);
    expect(chartSample(ps)).toEqual(ps);
  });

  it('past the limit: at most the limit, every top point, points in their order, spread over the whole backlog', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 20, max: 3000 }), (n, topEvery, max) => {
        const ps = points(n, topEvery);
        const tops = ps.filter((p) => p.top).length;
        const got = chartSample(ps, max);
        expect(got.length).toBe(Math.min(n, Math.max(max, tops)));
        expect(got.filter((p) => p.top).length).toBe(tops);
        const at = got.map((p) => ps.indexOf(p));
        expect(at).toEqual([...at].sort((a, b) => a - b));
        // The sample reaches the last tenth of the backlog, not only its start.
        if (n > max && max > tops + 10) expect(at[at.length - 1]!).toBeGreaterThanOrEqual(Math.floor(n * 0.9) - 1);
      }),
    );
  });
});
