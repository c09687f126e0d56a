// SCENARIO_COMPARE and CAPACITY_VALUE as computations: the tables are read once, and every scenario is the
// base model with overrides planned by the same greedy walk ALLOCATE uses.
import { CallError, CellError, type Out, optionNumber, scalar, valueError } from '../cells';
import { fmt } from './format';
import { allocateGreedy } from './greedy';
import type { PlanModel } from './model';
import { applyScenario, plannedInBase, type ScenarioOverrides } from './scenario';
import { readScenarios, resolveScenarios } from './scenario-table';

/** One planned scenario, in base item indices so two scenarios compare item by item. */
export interface ScenarioPlan {
  /** Per base item: 1 when planned. */
  readonly planned: Uint8Array;
  readonly value: number;
  readonly count: number;
}

export function planGreedyScenario(m: PlanModel, o: ScenarioOverrides): ScenarioPlan {
  const s = applyScenario(m, o);
  const a = allocateGreedy(s.model);
  const planned = plannedInBase(s, a.planned, m.items.length);
  let count = 0;
  for (let i = 0; i < planned.length; i++) count += planned[i]!;
  return { planned, value: a.value, count };
}

/** The IDs planned in `b` but not in `a`, in backlog order (items are kept in backlog order). */
export function addedIds(m: PlanModel, a: Uint8Array, b: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < m.items.length; i++) if (b[i] && !a[i]) out.push(m.items[i]!.id);
  return out;
}

export const COMPARE_HEADERS = ['Scenario', 'Score planned', 'Items planned', 'Change vs base', 'Added', 'Dropped'] as const;

export function scenarioCompare(m: PlanModel, scenariosArg: unknown): Out[][] {
  const specs = readScenarios(scenariosArg);
  const resolved = resolveScenarios(m, specs);
  const base = planGreedyScenario(m, {});
  const out: Out[][] = [[...COMPARE_HEADERS], ['Base', base.value, base.count, 0, '', '']];
  for (const r of resolved) {
    if (r.error) {
      out.push([r.name, r.error, '', '', '', '']);
      continue;
    }
    const p = planGreedyScenario(m, r.overrides!);
    out.push([r.name, p.value, p.count, p.value - base.value, addedIds(m, base.planned, p.planned).join(', '), addedIds(m, p.planned, base.planned).join(', ')]);
  }
  return out;
}

/** The step for each team: the one given, or 10% of that team's own capacity. */
export function readStep(stepArg: unknown): number | null {
  const v = scalar(stepArg, 'step');
  const step = optionNumber(v, 'step', NaN);
  if (Number.isNaN(step)) return null;
  if (!Number.isFinite(step)) throw new CallError(`step must be a finite number of Effort units (got ${String(v)})`);
  return step;
}

/** Per team (teams order): the extra score with `step` more capacity, or an error when it cannot apply. */
export function capacityValues(m: PlanModel, step: number | null, solve: (o: ScenarioOverrides) => number, baseValue: number): (number | CellError)[] {
  return m.teams.map((t, i) => {
    const add = step ?? t.capacity * 0.1;
    if (t.capacity + add < 0) {
      return valueError(`step ${fmt(add)} takes ${t.name} below 0 (it has ${fmt(t.capacity)}): use a step of at least ${fmt(-t.capacity)}`);
    }
    if (add === 0) return 0;
    const capacity = m.teams.map((x) => x.capacity);
    capacity[i] = t.capacity + add;
    return solve({ capacity }) - baseValue;
  });
}

export function capacityValueTable(m: PlanModel, teamRows: number, stepArg: unknown): Out[][] {
  const step = readStep(stepArg);
  const base = allocateGreedy(m).value;
  const values = capacityValues(m, step, (o) => planGreedyScenario(m, o).value, base);
  const out: Out[][] = [['Extra score']];
  const byRow = new Map(m.teams.map((t, i) => [t.row, i]));
  for (let r = 0; r < teamRows; r++) {
    const i = byRow.get(r);
    out.push([i === undefined ? '' : values[i]!]);
  }
  return out;
}
