// The optimal plan: the most score that fits, found by HiGHS, explained in the same sentences as the greedy
// plan. When the mix or the commitments leave no plan at all, it says which limit to relax.
import { CallError } from '../cells';
import { InfeasiblePlanError, checkShares, diagnose, hasMinShares, meetsMinShares } from './diagnose';
import { type Loads, addLoad, emptyLoads, overloadNote, whyNotFit } from './explain';
import { fits, fmt } from './format';
import { type Allocation, Closure, allocateGreedy, greedyOrder } from './greedy';
import { type HighsInstance, type HighsLoader, getHighs, now, solveMip } from './highs';
import { type MipModel, buildMip } from './mip';
import { type PlanModel, categoryCap, forcedItems } from './model';
import { listNames } from './tables';

export interface OptimalOptions {
  /** Seconds HiGHS may spend on the plan (default 10). Always set: a sidebar must never hang. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which a plan counts as optimal (default 0.005: within 0.5% of the best possible). */
  readonly gap?: number;
  /** Loads HiGHS, for hosts that must say where highs.wasm lives; default: the highs package's own loader. */
  readonly loadHighs?: HighsLoader;
}

export interface SolverReport {
  /** optimal: proved within the gap; time-limit: the best plan found when time ran out. */
  readonly status: 'optimal' | 'time-limit';
  /** The relative gap between the plan's value and the best bound HiGHS proved (0.004 = within 0.4%). */
  readonly gap: number;
  /** Seconds spent planning once HiGHS was loaded. */
  readonly seconds: number;
}

export async function allocateOptimal(m: PlanModel, opts: OptimalOptions = {}): Promise<Allocation & { solver: SolverReport }> {
  const timeLimit = opts.timeLimitSeconds ?? 10;
  const gap = opts.gap ?? 0.005;
  if (!(timeLimit > 0) || !Number.isFinite(timeLimit)) {
    throw new CallError(`timeLimitSeconds must be a number of seconds greater than 0 (got ${String(timeLimit)})`);
  }
  if (!(gap >= 0 && gap < 1)) throw new CallError(`gap must be from 0 to less than 1, such as 0.005 for 0.5% (got ${String(gap)})`);
  const forced = forcedItems(m);
  checkShares(m, forced);
  const mip = buildMip(m, forced);
  // Loaded before the clock starts: loading is a one-off, the solve is what the user waits for each time.
  const highs = mip.numCols > 0 || hasMinShares(m) ? await getHighs(opts.loadHighs) : undefined;
  const t0 = now();
  const left = () => Math.max(0.05, timeLimit - (now() - t0) / 1000);
  const order = greedyOrder(m);
  let best = planOf(m, forced, allocateGreedy(m).planned);
  let bound = NaN;
  if (mip.numCols > 0) {
    // The LP relaxation first: its optimum bounds every plan, and rounding it down then filling what fits
    // gives a plan that is usually within the gap already, with no branch-and-bound at all.
    const lp = solveMip(highs!, mip, { timeLimit: left(), gap, relax: true });
    if (lp.status === 'infeasible') throw diagnose(m, forced, highs!, timeLimit);
    if (lp.x) {
      bound = lp.bound;
      const rounded = roundLp(m, mip, lp.x, forced, order);
      if (better(rounded, best)) best = rounded;
    }
    // Then a small exact search around that plan, which often closes most of what rounding left.
    const polishFrom = (plan: Candidate) =>
      lp.x && lp.reducedCost && usable(plan)
        ? polish(highs!, m, mip, lp.x, lp.reducedCost, bound, plan, forced, Math.min(left(), POLISH_SHARE * timeLimit))
        : plan;
    best = polishFrom(best);
    // Only when the gap is still open: the full branch-and-bound, started from the best plan so far.
    if (!(usable(best) && within(best.value, bound, gap))) {
      const start = new Float64Array(mip.numCols);
      for (let k = 0; k < mip.numCols; k++) start[k] = best.planned[mip.itemOfCol[k]!]!;
      const res = solveMip(highs!, mip, { timeLimit: left(), gap, start });
      if (res.status === 'infeasible') throw diagnose(m, forced, highs!, timeLimit);
      if (res.x) {
        const chosen = new Uint8Array(m.items.length);
        for (let k = 0; k < mip.numCols; k++) if (res.x[k]! > 0.5) chosen[mip.itemOfCol[k]!] = 1;
        const solved = planOf(m, forced, chosen);
        if (better(solved, best)) best = polishFrom(solved);
      }
      if (Number.isFinite(res.bound)) bound = Number.isFinite(bound) ? Math.min(bound, res.bound) : res.bound;
      if (!usable(best)) {
        throw new InfeasiblePlanError(
          `No plan that meets the min shares was found within ${fmt(timeLimit)} s: allow more time, or lower the min shares`,
        );
      }
    }
  }
  if (!usable(best)) throw diagnose(m, forced, highs!, timeLimit);
  fill(m, best.planned, best.loads, order);
  let value = 0;
  for (let i = 0; i < m.items.length; i++) if (best.planned[i]) value += m.items[i]!.score;
  // No columns: the plan is forced, hence optimal. No bound at all (every solve timed out): gap unknown.
  const achieved = mip.numCols === 0 ? 0 : Number.isFinite(bound) ? relGap(value, bound) : Infinity;
  return {
    planned: best.planned,
    reasons: explainOptimal(m, best.planned, forced, best.loads),
    loads: best.loads,
    value,
    solver: { status: achieved <= gap + 1e-9 ? 'optimal' : 'time-limit', gap: achieved, seconds: (now() - t0) / 1000 },
  };
}

const relGap = (value: number, bound: number) => Math.max(0, bound - value) / Math.max(Math.abs(value), 1e-9);
const within = (value: number, bound: number, gap: number) => Number.isFinite(bound) && relGap(value, bound) <= gap;

interface Candidate {
  readonly planned: Uint8Array;
  readonly loads: Loads;
  readonly value: number;
  /** Within every team's capacity (or its commitments) and every max share. */
  readonly feasible: boolean;
  readonly meetsMins: boolean;
}

const usable = (c: Candidate) => c.feasible && c.meetsMins;
const better = (a: Candidate, b: Candidate) => usable(a) && (!usable(b) || a.value > b.value);

/** A plan of the forced items plus `chosen`, checked against every limit so a solver's rounding cannot slip through. */
function planOf(m: PlanModel, forced: Uint8Array, chosen: Uint8Array): Candidate {
  const planned = new Uint8Array(m.items.length);
  const loads = emptyLoads(m);
  const forcedLoads = emptyLoads(m);
  let value = 0;
  m.items.forEach((it, i) => {
    if (forced[i]) addLoad(m, forcedLoads, i);
    if (!forced[i] && !chosen[i]) return;
    planned[i] = 1;
    addLoad(m, loads, i);
    value += it.score;
  });
  let feasible = m.items.every((it, i) => !planned[i] || it.deps.every((d) => planned[d]));
  m.teams.forEach((t, k) => {
    feasible &&= fits(loads.team[k]!, Math.max(t.capacity, forcedLoads.team[k]!));
  });
  m.categories.forEach((_, c) => {
    feasible &&= fits(loads.category[c]!, categoryCap(m, c));
  });
  return { planned, loads, value, feasible, meetsMins: meetsMinShares(m, loads) };
}

// The neighbourhood search, tuned on the bench's backlogs (300 × 8 over six seeds): a third of the columns,
// from 100 to 300, solved to 0.1% of the whole plan's value, for at most 5% of the time limit. Smaller
// neighbourhoods leave value behind; larger ones, or solving them exactly, cost as much as the whole model.
const POLISH_SHARE = 0.05;
const POLISH_GAP = 0.001;
const POLISH_MIN = 100;
const POLISH_MAX = 300;

/**
 * A plan within the gap can still leave value behind. This re-solves a small neighbourhood of it exactly:
 * every item is fixed as the plan has it except those the LP was unsure about (fractional, or rounded
 * differently) and the ones whose reduced cost says changing them costs least. The result is never worse
 * than the plan it starts from and costs a small MIP, not a full branch-and-bound.
 */
function polish(
  highs: HighsInstance,
  m: PlanModel,
  mip: MipModel,
  x: Float64Array,
  rc: Float64Array,
  bound: number,
  best: Candidate,
  forced: Uint8Array,
  timeLimit: number,
): Candidate {
  const start = new Float64Array(mip.numCols);
  const fixed = new Int8Array(mip.numCols);
  const rest: number[] = [];
  for (let k = 0; k < mip.numCols; k++) {
    start[k] = best.planned[mip.itemOfCol[k]!]!;
    fixed[k] = start[k]!;
    const whole = x[k]! < 1e-6 || x[k]! > 1 - 1e-6;
    if (!whole || Math.round(x[k]!) !== start[k]) fixed[k] = -1;
    else rest.push(k);
  }
  // A plan better than this one can only flip columns whose reduced cost is below the gap left (the LP
  // bound drops by |reduced cost| for each flip), so those are the neighbours worth freeing, cheapest first.
  const room = bound - best.value;
  const open = rest.filter((k) => Math.abs(rc[k]!) < room).sort((a, b) => Math.abs(rc[a]!) - Math.abs(rc[b]!));
  if (open.length === 0 && rest.length === mip.numCols) return best;
  const size = Math.min(POLISH_MAX, Math.max(POLISH_MIN, Math.round(mip.numCols / 3)));
  for (const k of open.slice(0, size)) fixed[k] = -1;
  const res = solveMip(highs, mip, { timeLimit, gap: POLISH_GAP, start, fixed });
  if (!res.x) return best;
  const chosen = new Uint8Array(m.items.length);
  for (let k = 0; k < mip.numCols; k++) if (res.x[k]! > 0.5) chosen[mip.itemOfCol[k]!] = 1;
  return planOf(m, forced, chosen);
}

/** The LP's whole items, closed under dependencies, then what fits added in the order the LP preferred. */
function roundLp(m: PlanModel, mip: MipModel, x: Float64Array, forced: Uint8Array, order: readonly number[]): Candidate {
  const chosen = new Uint8Array(m.items.length);
  const lpValue = new Float64Array(m.items.length);
  for (let k = 0; k < mip.numCols; k++) {
    const i = mip.itemOfCol[k]!;
    lpValue[i] = x[k]!;
    if (x[k]! > 1 - 1e-6) chosen[i] = 1;
  }
  // Tolerances could leave an item whole and its dependency a hair below: drop such items.
  for (let changed = true; changed; ) {
    changed = false;
    m.items.forEach((it, i) => {
      if (chosen[i] && it.deps.some((d) => !chosen[d] && !forced[d])) {
        chosen[i] = 0;
        changed = true;
      }
    });
  }
  const c = planOf(m, forced, chosen);
  if (!c.feasible) return c;
  // Array sort is stable, so equal LP values keep the greedy order.
  fill(m, c.planned, c.loads, [...order].sort((a, b) => lpValue[b]! - lpValue[a]!));
  return planOf(m, forced, c.planned);
}

/**
 * Adds what still fits after the solve, in greedy order, when it raises the total. A plan within the gap
 * can leave an item out that fits; nobody should see "cut" beside an item there was room for.
 */
function fill(m: PlanModel, planned: Uint8Array, loads: Loads, order: readonly number[]): void {
  const closure = new Closure(m);
  const group: number[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of order) {
      if (planned[i]) continue;
      closure.collect(i, planned, group);
      let gain = 0;
      for (const g of group) gain += m.items[g]!.score;
      if (gain <= 0 || whyNotFit(m, loads, group, i) !== undefined) continue;
      for (const g of group) {
        planned[g] = 1;
        addLoad(m, loads, g);
      }
      changed = true;
    }
  }
}

function explainOptimal(m: PlanModel, planned: Uint8Array, forced: Uint8Array, loads: Loads): string[] {
  const n = m.items.length;
  // "Needed by" names a forced dependent when there is one: that is why the item could not be left out.
  const neededBy = new Int32Array(n).fill(-1);
  for (const pass of [1, 0]) {
    for (let v = 0; v < n; v++) {
      if (!planned[v] || forced[v] !== pass) continue;
      for (const d of m.items[v]!.deps) if (neededBy[d] === -1) neededBy[d] = v;
    }
  }
  const closure = new Closure(m);
  const group: number[] = [];
  return m.items.map((it, i) => {
    if (planned[i]) {
      const base = it.committed ? 'Committed' : neededBy[i]! >= 0 ? `Needed by ${m.items[neededBy[i]!]!.id}` : '';
      return forced[i] ? base + overloadNote(m, loads, i) : base;
    }
    closure.collect(i, planned, group);
    const why = whyNotFit(m, loads, group, i);
    if (why !== undefined) return `Not in the optimal plan: ${why}`;
    let gain = 0;
    for (const g of group) gain += m.items[g]!.score;
    const deps = group.filter((g) => g !== i).map((g) => m.items[g]!.id);
    return deps.length === 0
      ? `Not in the optimal plan: its score is ${fmt(gain)}, so planning it would not raise the total`
      : `Not in the optimal plan: with ${listNames(deps, 'and')}, which it depends on, it would add ${fmt(gain)} to the total score`;
  });
}
