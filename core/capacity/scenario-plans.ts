// Scenarios as a library, for the planner's Scenarios panel and automation: the same scenarios table
// SCENARIO_COMPARE takes, each scenario planned greedily (SCENARIO_COMPARE's figures) or optimally (HiGHS),
// and what more capacity buys per team. Every plan is the base model with overrides (scenario.ts).
import { CallError } from '../cells';
import { addedIds } from './compare';
import { InfeasiblePlanError } from './diagnose';
import type { Allocation } from './greedy';
import { allocateGreedy } from './greedy';
import { type PlanModel, readPlan } from './model';
import { type OptimalOptions, type SolverReport, allocateOptimal } from './optimal';
import { type ScenarioModel, type ScenarioOverrides, applyScenario, plannedInBase } from './scenario';
import { readScenarios, resolveScenarios } from './scenario-table';

export interface ScenarioTeam {
  readonly team: string;
  readonly capacity: number;
  readonly planned: number;
  /** planned ÷ capacity; with capacity 0: 0 when nothing is planned, Infinity otherwise. */
  readonly load: number;
}

export interface ScenarioResult {
  readonly name: string;
  /** Why this scenario could not be planned (the message SCENARIO_COMPARE shows in its row). */
  readonly error?: string;
  readonly value: number;
  readonly items: number;
  /** value − the base value (0 for Base). */
  readonly change: number;
  /** IDs planned here and not in Base, and the reverse, in backlog order. */
  readonly added: string[];
  readonly dropped: string[];
  /** Team loads in this scenario (its capacities); empty for a scenario with an error. */
  readonly teams: ScenarioTeam[];
  readonly solver?: SolverReport;
}

export interface ScenarioRunOptions extends OptimalOptions {
  readonly method?: 'greedy' | 'optimal';
  /** Called after each plan: done of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

type Solve = (s: ScenarioModel) => Promise<Allocation & { solver?: SolverReport }>;

function solver(method: string | undefined, opts: OptimalOptions, solves: number): Solve {
  if (method === undefined || method === 'greedy') return async (s) => allocateGreedy(s.model);
  if (method !== 'optimal') throw new CallError(`method "${String(method)}" is not an option: use "greedy" or "optimal"`);
  // The time limit is for the whole comparison, so a panel of ten scenarios never waits ten limits.
  const each = Math.max(0.2, (opts.timeLimitSeconds ?? 10) / solves);
  return (s) => allocateOptimal(s.model, { ...opts, timeLimitSeconds: each });
}

function teamsOf(s: ScenarioModel, a: Allocation): ScenarioTeam[] {
  return s.model.teams.map((t, i) => {
    const planned = a.loads.team[i]!;
    return { team: t.name, capacity: t.capacity, planned, load: t.capacity > 0 ? planned / t.capacity : planned > 0 ? Infinity : 0 };
  });
}

/** Base first, then every scenario of the table in the order first named. */
export async function compareScenarios(
  tables: { backlog: unknown; teams: unknown; mix?: unknown },
  scenarios: unknown,
  options: ScenarioRunOptions = {},
): Promise<ScenarioResult[]> {
  const m = readPlan(tables.backlog, tables.teams, tables.mix);
  const resolved = resolveScenarios(m, readScenarios(scenarios));
  const solve = solver(options.method, options, resolved.length + 1);
  const total = resolved.length + 1;
  const baseModel = applyScenario(m, {});
  const baseAlloc = await solve(baseModel);
  const basePlanned = plannedInBase(baseModel, baseAlloc.planned, m.items.length);
  const count = (p: Uint8Array) => p.reduce((a, b) => a + b, 0);
  const out: ScenarioResult[] = [
    { name: 'Base', value: baseAlloc.value, items: count(basePlanned), change: 0, added: [], dropped: [], teams: teamsOf(baseModel, baseAlloc), solver: baseAlloc.solver },
  ];
  options.onProgress?.(1, total);
  for (const r of resolved) {
    if (r.error) {
      out.push({ name: r.name, error: r.error.message, value: NaN, items: 0, change: NaN, added: [], dropped: [], teams: [] });
    } else {
      const s = applyScenario(m, r.overrides!);
      let a: Awaited<ReturnType<Solve>>;
      try {
        a = await solve(s);
      } catch (e) {
        // A scenario whose commitments or min shares leave no plan says so in its own column; the rest compare.
        if (!(e instanceof InfeasiblePlanError)) throw e;
        out.push({ name: r.name, error: e.message, value: NaN, items: 0, change: NaN, added: [], dropped: [], teams: [] });
        options.onProgress?.(out.length, total);
        continue;
      }
      const p = plannedInBase(s, a.planned, m.items.length);
      out.push({
        name: r.name,
        value: a.value,
        items: count(p),
        change: a.value - baseAlloc.value,
        added: addedIds(m, basePlanned, p),
        dropped: addedIds(m, p, basePlanned),
        teams: teamsOf(s, a),
        solver: a.solver,
      });
    }
    options.onProgress?.(out.length, total);
  }
  return out;
}

export interface CapacityGain {
  readonly team: string;
  readonly capacity: number;
  readonly step: number;
  /** The plan's score with step more capacity for this team alone, minus the plan's score today. */
  readonly gain: number;
  /** What the extra capacity brings in (IDs in backlog order), and what it lets go for something better. */
  readonly added: string[];
  readonly dropped: string[];
}

export interface CapacityGains {
  readonly base: number;
  readonly teams: CapacityGain[];
  /** The worst gap of the optimal solves (0 for greedy), and the seconds all of them took. */
  readonly gap: number;
  readonly seconds: number;
}

/**
 * What `step` more capacity buys each team: the plan re-solved with that team alone enlarged (not LP duals,
 * which say nothing about a 0-1 plan). step omitted: 10% of each team's own capacity, as CAPACITY_VALUE.
 */
export async function capacityGains(
  tables: { backlog: unknown; teams: unknown; mix?: unknown },
  options: ScenarioRunOptions & { step?: number } = {},
): Promise<CapacityGains> {
  const m = readPlan(tables.backlog, tables.teams, tables.mix);
  const step = options.step;
  if (step !== undefined && !(Number.isFinite(step) && step >= 0)) {
    throw new CallError(`step must be a number of Effort units, 0 or more (got ${String(step)})`);
  }
  const total = m.teams.length + 1;
  const solve = solver(options.method, options, total);
  const t0 = Date.now();
  const baseModel = applyScenario(m, {});
  const baseAlloc = await solve(baseModel);
  const basePlanned = plannedInBase(baseModel, baseAlloc.planned, m.items.length);
  let gap = baseAlloc.solver?.gap ?? 0;
  options.onProgress?.(1, total);
  const teams: CapacityGain[] = [];
  for (let i = 0; i < m.teams.length; i++) {
    const t = m.teams[i]!;
    const add = step ?? t.capacity * 0.1;
    const capacity = m.teams.map((x) => x.capacity);
    capacity[i] = t.capacity + add;
    const o: ScenarioOverrides = { capacity };
    const s = applyScenario(m, o);
    const a = add === 0 ? baseAlloc : await solve(s);
    gap = Math.max(gap, a.solver?.gap ?? 0);
    const p = plannedInBase(s, a.planned, m.items.length);
    teams.push(gainOf(m, t.name, t.capacity, add, a.value - baseAlloc.value, basePlanned, p, options.method === 'optimal'));
    options.onProgress?.(i + 2, total);
  }
  return { base: baseAlloc.value, teams, gap, seconds: (Date.now() - t0) / 1000 };
}

function gainOf(m: PlanModel, team: string, capacity: number, step: number, gain: number, base: Uint8Array, p: Uint8Array, optimal: boolean): CapacityGain {
  // More room never makes the best plan worse (today's plan still fits, unless min shares grow with the
  // total); a solve that stopped within its gap below today's plan has found nothing better, not a loss.
  const noMins = m.categories.every((c) => c.minShare === null);
  if (optimal && noMins && gain < 0) return { team, capacity, step, gain: 0, added: [], dropped: [] };
  return { team, capacity, step, gain, added: addedIds(m, base, p), dropped: addedIds(m, p, base) };
}
