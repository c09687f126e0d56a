// The capacity planner as a library, for the sidebar, the playground and automation: the same tables
// ALLOCATE takes, planned greedily (ALLOCATE's plan) or optimally (HiGHS).
import { CallError } from '../cells';
import { type Allocation, allocateGreedy } from './greedy';
import { type PlanModel, readPlan } from './model';
import { type OptimalOptions, type SolverReport, allocateOptimal } from './optimal';

export { ALLOCATE, CAPACITY_ACCURACY, TEAM_LOAD } from './functions';
export { CAPACITY_VALUE, SCENARIO_COMPARE } from './scenario-functions';
export { type CapacityGain, type CapacityGains, type ScenarioResult, type ScenarioRunOptions, capacityGains, compareScenarios } from './scenario-plans';
export { CHANGE_WORDS } from './scenario-table';
export type { HighsInstance, HighsLoader, HighsModel } from './highs';
export { InfeasiblePlanError } from './diagnose';
export type { SolverReport } from './optimal';

export interface CapacityTables {
  /** 2-D array with a header row, exactly as ALLOCATE takes it. */
  readonly backlog: unknown;
  readonly teams: unknown;
  /** Optional; may carry Min share, which only the optimal method honours. */
  readonly mix?: unknown;
}

export interface PlanOptions extends OptimalOptions {
  /** greedy (default): ALLOCATE's plan. optimal: the most total score that fits, by HiGHS. */
  readonly method?: 'greedy' | 'optimal';
}

export interface PlanRow {
  readonly id: string;
  /** '' for a blank backlog row; Error for a row ALLOCATE marks with an error (reason holds the message). */
  readonly status: 'Planned' | 'Cut' | 'Error' | '';
  readonly reason: string;
  /** The team as the teams table spells it ('' when unknown). */
  readonly team: string;
}

export interface TeamPlan {
  readonly team: string;
  readonly capacity: number;
  /** Planned effort. */
  readonly planned: number;
  /** planned ÷ capacity; with capacity 0: 0 when nothing is planned, Infinity otherwise. */
  readonly load: number;
}

export interface CapacityPlan {
  /** One per data row of the backlog, in order, blank rows included, so row i lines up with backlog row i + 1. */
  readonly rows: PlanRow[];
  /** Σ score of the planned items. */
  readonly value: number;
  readonly teams: TeamPlan[];
  /** Only for the optimal method. */
  readonly solver?: SolverReport;
}

/**
 * Plans the backlog. Rejects with the message ALLOCATE would fail with for table problems, with a
 * CallError for bad options, and with an InfeasiblePlanError naming the limit to relax when the optimal
 * method finds that no plan meets the mix and the commitments.
 */
export async function planCapacity(tables: CapacityTables, options: PlanOptions = {}): Promise<CapacityPlan> {
  const method = options.method ?? 'greedy';
  if (method !== 'greedy' && method !== 'optimal') {
    throw new CallError(`method "${String(method)}" is not an option: use "greedy" or "optimal"`);
  }
  const m = readPlan(tables.backlog, tables.teams, tables.mix);
  if (method === 'greedy') return toPlan(m, allocateGreedy(m));
  const a = await allocateOptimal(m, options);
  return { ...toPlan(m, a), solver: a.solver };
}

function toPlan(m: PlanModel, a: Allocation): CapacityPlan {
  const rows: PlanRow[] = m.rows.map((r) => {
    if (r.blank) return { id: '', status: '', reason: '', team: '' };
    if (r.error) return { id: r.id, status: 'Error', reason: r.error.message, team: r.team };
    return { id: r.id, status: a.planned[r.item] ? 'Planned' : 'Cut', reason: a.reasons[r.item]!, team: r.team };
  });
  const teams = m.teams.map((t, i) => {
    const planned = a.loads.team[i]!;
    const load = t.capacity > 0 ? planned / t.capacity : planned > 0 ? Infinity : 0;
    return { team: t.name, capacity: t.capacity, planned, load };
  });
  return { rows, value: a.value, teams };
}
