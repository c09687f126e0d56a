// When the mix or the commitments leave no plan at all, which limit to relax and by how much. A planner
// that only said "infeasible" would leave the user guessing among every share and every commitment.
import type { Loads } from './explain';
import { fits, fmt, pct } from './format';
import { type HighsInstance, now, solveMip } from './highs';
import { buildMip } from './mip';
import { type PlanModel, categoryCap } from './model';
import { listNames } from './tables';

/** No plan satisfies the mix together with the commitments; the message names the limit to relax. */
export class InfeasiblePlanError extends Error {
  override readonly name = 'InfeasiblePlanError';
}

export const hasMinShares = (m: PlanModel) => m.categories.some((c) => c.minShare !== null && c.minShare > 0);

export function meetsMinShares(m: PlanModel, loads: Loads): boolean {
  return m.categories.every((c, k) => c.minShare === null || fits(c.minShare * m.totalCapacity, loads.category[k]!));
}

/** The shares that no solver is needed to rule out: commitments above a max, a min above what exists. */
export function checkShares(m: PlanModel, forced: Uint8Array): void {
  const forcedIn = new Float64Array(m.categories.length);
  const existsIn = new Float64Array(m.categories.length);
  const committedIn: string[][] = m.categories.map(() => []);
  m.items.forEach((it, i) => {
    if (it.category < 0) return;
    existsIn[it.category]! += it.effort;
    if (forced[i]) forcedIn[it.category]! += it.effort;
    if (it.committed) committedIn[it.category]!.push(it.id);
  });
  m.categories.forEach((cat, c) => {
    const cap = categoryCap(m, c);
    if (!fits(forcedIn[c]!, cap)) {
      const ids = committedIn[c]!.length ? listNames(committedIn[c]!, 'and') : 'what commitments depend on';
      throw new InfeasiblePlanError(
        `Max share for ${cat.name} (${pct(cat.maxShare!)}) cannot be met: commitments put ${fmt(forcedIn[c]!)} of effort there ` +
          `(${ids}) and the cap is ${fmt(cap)} of ${fmt(m.totalCapacity)}; raise it to ${pct(shareUp(forcedIn[c]!, m.totalCapacity))} or uncommit an item`,
      );
    }
    const need = (cat.minShare ?? 0) * m.totalCapacity;
    if (!fits(need, existsIn[c]!)) {
      throw new InfeasiblePlanError(
        `Min share for ${cat.name} (${pct(cat.minShare!)}) cannot be met: only ${fmt(existsIn[c]!)} of ${fmt(need)} effort exists in ` +
          `that category; lower it to ${pct(shareDown(existsIn[c]!, m.totalCapacity))}`,
      );
    }
  });
}

// Suggested shares are rounded to 0.01% in the direction that keeps the suggestion feasible.
const shareDown = (effort: number, total: number) => (total > 0 ? Math.floor((effort / total) * 1e4) / 1e4 : 0);
const shareUp = (effort: number, total: number) => (total > 0 ? Math.ceil((effort / total) * 1e4) / 1e4 : 1);

/**
 * Which min share to lower when the solver finds no plan. For each min share: the most effort its category
 * can get with every other limit kept. Below the share, either the teams and max shares cannot give that
 * much even with no other minimum (lower it to what they can), or other minimums compete for the room.
 */
export function diagnose(m: PlanModel, forced: Uint8Array, highs: HighsInstance, timeLimit: number): InfeasiblePlanError {
  // One time limit for the whole diagnosis, however many min shares there are to try.
  const t0 = now();
  const left = () => Math.max(0.05, timeLimit - (now() - t0) / 1000);
  const mins: number[] = [];
  m.categories.forEach((c, k) => {
    if (c.minShare !== null && c.minShare > 0) mins.push(k);
  });
  // The most effort category c can get (a plan reaching it, and a proven bound), or null with no plan at all.
  const most = (c: number, dropMinOf: number | 'all'): { best: number; bound: number } | null => {
    const mip = buildMip(m, forced, { effortIn: c, dropMinOf });
    if (mip.numCols === 0) return { best: mip.offset, bound: mip.offset };
    const r = solveMip(highs, mip, { timeLimit: left(), gap: 1e-4 });
    if (r.status === 'infeasible' || r.x === null) return null;
    let best = mip.offset;
    for (let k = 0; k < mip.numCols; k++) best += r.x[k]! > 0.5 ? mip.cost[k]! : 0;
    return { best, bound: Number.isFinite(r.bound) ? r.bound : best };
  };
  for (const c of mins) {
    const cat = m.categories[c]!;
    const need = cat.minShare! * m.totalCapacity;
    const withOthers = most(c, c);
    if (withOthers === null || fits(need, withOthers.bound)) continue;
    const alone = mins.length > 1 ? most(c, 'all') : withOthers;
    if (alone !== null && !fits(need, alone.bound)) {
      return new InfeasiblePlanError(
        `Min share for ${cat.name} (${pct(cat.minShare!)}) cannot be met: at most ${fmt(alone.best)} of the ${fmt(need)} it asks for fits ` +
          `within the teams' capacity, dependencies and max shares; lower it to ${pct(shareDown(alone.best, m.totalCapacity))}`,
      );
    }
    // Reachable alone: other minimums compete for the room. Look on: another share may be the real problem.
  }
  if (mins.length === 0) return new InfeasiblePlanError('No plan meets every limit: check the Max share column of mix');
  const list = listNames(mins.map((c) => `${m.categories[c]!.name} (${pct(m.categories[c]!.minShare!)})`), 'and');
  return new InfeasiblePlanError(`The min shares cannot all be met together: ${list} compete for the same capacity; lower one of them`);
}
