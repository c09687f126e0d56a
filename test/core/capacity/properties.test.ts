import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATE } from '../../../core/capacity/functions';
import { InfeasiblePlanError, planCapacity } from '../../../core/capacity/index';
import { EPS, type Gen, forcedSet, genArb, referenceGreedy, sums, tables, total } from './random-plans';

const RUNS = 1000;
const plannedOf = (rows: { status: string }[]) => rows.map((r) => r.status === 'Planned');

/** Σ effort per team and category of what the commitments force in. */
function forcedSums(g: Gen) {
  const forced = forcedSet(g);
  return sums(g, forced);
}

function checkPlan(g: Gen, planned: boolean[], opts: { capsAllowOverload: boolean; mins: boolean }): void {
  const s = sums(g, planned);
  const f = forcedSums(g);
  const tot = total(g);
  const forced = forcedSet(g);
  forced.forEach((x, i) => x && expect(planned[i], `forced I${i} planned`).toBe(true));
  // No team over capacity except by commitments (and what they depend on).
  s.team.forEach((load, t) => expect(load).toBeLessThanOrEqual(Math.max(g.caps[t]!, f.team[t]!) + EPS));
  // Every planned item's dependencies planned.
  g.items.forEach((it, i) => planned[i] && it.deps.forEach((d) => expect(planned[d], `I${i} needs I${d}`).toBe(true)));
  g.mix.forEach((r, c) => {
    if (r.max !== null) {
      const cap = r.max * tot;
      expect(s.cat[c]).toBeLessThanOrEqual((opts.capsAllowOverload ? Math.max(cap, f.cat[c]!) : cap) + EPS);
    }
    if (opts.mins && r.min !== null) expect(s.cat[c]).toBeGreaterThanOrEqual(r.min * tot - EPS);
  });
}

describe('greedy plans (properties over random backlogs)', () => {
  it('keep teams within capacity except by commitments, plan dependencies, keep category shares', async () => {
    await fc.assert(
      fc.asyncProperty(genArb({ maxItems: 25, mins: false }), async (g) => {
        const plan = await planCapacity(tables(g), { method: 'greedy' });
        expect(plan.rows).toHaveLength(g.items.length);
        checkPlan(g, plannedOf(plan.rows), { capsAllowOverload: true, mins: false });
      }),
      { numRuns: RUNS },
    );
  });

  it('agree with ALLOCATE, row for row, and with the contract replayed by a plain reference walk', async () => {
    await fc.assert(
      fc.asyncProperty(genArb({ maxItems: 25, mins: false }), async (g) => {
        const t = tables(g);
        const plan = await planCapacity(t, { method: 'greedy' });
        const table = ALLOCATE.impl(t.backlog, t.teams, t.mix) as unknown[][];
        expect(table).toHaveLength(t.backlog.length);
        expect(table[0]).toEqual(['Status', 'Reason']);
        expect(plan.rows.map((r) => [r.status, r.reason])).toEqual(table.slice(1));
        expect(plannedOf(plan.rows)).toEqual(referenceGreedy(g));
        expect(plan.value).toBeCloseTo(sums(g, plannedOf(plan.rows)).value, 9);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('optimal plans (properties over random backlogs)', () => {
  // 1,000 backlogs each: the models are small, so HiGHS answers in milliseconds.
  it('meet every limit, min shares included, and are worth at least the greedy plan when it is feasible', async () => {
    await fc.assert(
      fc.asyncProperty(genArb({ maxItems: 25, mins: true }), async (g) => {
        const t = tables(g);
        const greedy = await planCapacity(t, { method: 'greedy' });
        const gp = plannedOf(greedy.rows);
        const gs = sums(g, gp);
        const f = forcedSums(g);
        const tot = total(g);
        const greedyFeasible = g.mix.every(
          (r, c) => (r.min === null || gs.cat[c]! >= r.min * tot - EPS) && (r.max === null || f.cat[c]! <= r.max * tot + EPS),
        );
        let plan;
        try {
          plan = await planCapacity(t, { method: 'optimal' });
        } catch (e) {
          expect(e).toBeInstanceOf(InfeasiblePlanError);
          // A feasible greedy plan proves a plan exists, so the planner may not give up.
          expect(greedyFeasible).toBe(false);
          return;
        }
        checkPlan(g, plannedOf(plan.rows), { capsAllowOverload: false, mins: true });
        expect(plan.value).toBeCloseTo(sums(g, plannedOf(plan.rows)).value, 9);
        if (greedyFeasible) expect(plan.value).toBeGreaterThanOrEqual(greedy.value - 1e-9);
        expect(plan.solver!.gap).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it('match an exhaustive search at gap 0, and are infeasible exactly when no plan exists (up to 10 items)', async () => {
    await fc.assert(
      fc.asyncProperty(genArb({ maxItems: 10, mins: true }), async (g) => {
        const best = bruteForce(g);
        const p = planCapacity(tables(g), { method: 'optimal', gap: 0 });
        if (best === null) {
          await expect(p).rejects.toThrow(InfeasiblePlanError);
          return;
        }
        const plan = await p;
        expect(plan.value).toBeCloseTo(best, 6);
      }),
      { numRuns: RUNS },
    );
  });
});

/** The best value over every subset that meets the limits the optimal planner keeps, or null when none does. */
function bruteForce(g: Gen): number | null {
  const n = g.items.length;
  const forced = forcedSet(g);
  const f = sums(g, forced);
  const tot = total(g);
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const planned = g.items.map((_, i) => (mask & (1 << i)) !== 0);
    if (forced.some((x, i) => x && !planned[i])) continue;
    if (g.items.some((it, i) => planned[i] && it.deps.some((d) => !planned[d]))) continue;
    const s = sums(g, planned);
    if (s.team.some((load, t) => load > Math.max(g.caps[t]!, f.team[t]!) + EPS)) continue;
    const mixOk = g.mix.every(
      (r, c) => (r.max === null || s.cat[c]! <= r.max * tot + EPS) && (r.min === null || s.cat[c]! >= r.min * tot - EPS),
    );
    if (mixOk && (best === null || s.value > best)) best = s.value;
  }
  return best;
}
