// The reasons a plan gives, as sentences a product owner reads in a cell. Both planners use the same
// sentences so a greedy plan and an optimal plan explain themselves alike.
import { fits, fmt, pct } from './format';
import { type PlanModel, categoryCap } from './model';
import { listNames } from './tables';

/** Planned effort per team and per category. */
export interface Loads {
  readonly team: Float64Array;
  readonly category: Float64Array;
}

export function emptyLoads(m: PlanModel): Loads {
  return { team: new Float64Array(m.teams.length), category: new Float64Array(m.categories.length) };
}

export function addLoad(m: PlanModel, loads: Loads, i: number): void {
  const it = m.items[i]!;
  loads.team[it.team]! += it.effort;
  if (it.category >= 0) loads.category[it.category]! += it.effort;
}

/** What a group needs, said from the point of view of the item being planned. */
function needs(need: number, self: boolean, depIds: readonly string[]): string {
  if (depIds.length === 0) return `this needs ${fmt(need)}`;
  const deps = listNames(depIds, 'and');
  if (self) return `this and ${deps}, which it depends on, need ${fmt(need)}`;
  return `${deps}, which this depends on, ${depIds.length === 1 ? 'needs' : 'need'} ${fmt(need)}`;
}

/**
 * Why `group` (item `i` and the dependencies that would come with it) does not fit the loads, or undefined
 * when it fits. Teams are checked before categories, each in table order, and the first that stops it is
 * named: "Brand has 3 of 10 left; this needs 4".
 */
export function whyNotFit(m: PlanModel, loads: Loads, group: readonly number[], i: number): string | undefined {
  const teamNeed = new Map<number, number>();
  const catNeed = new Map<number, number>();
  for (const g of group) {
    const it = m.items[g]!;
    teamNeed.set(it.team, (teamNeed.get(it.team) ?? 0) + it.effort);
    if (it.category >= 0) catNeed.set(it.category, (catNeed.get(it.category) ?? 0) + it.effort);
  }
  const depsOn = (test: (g: number) => boolean) => group.filter((g) => g !== i && test(g)).map((g) => m.items[g]!.id);
  const self = m.items[i]!;
  for (const t of [...teamNeed.keys()].sort((a, b) => a - b)) {
    const need = teamNeed.get(t)!;
    const team = m.teams[t]!;
    const load = loads.team[t]!;
    if (fits(load + need, team.capacity)) continue;
    const deps = depsOn((g) => m.items[g]!.team === t);
    const head = fits(load, team.capacity)
      ? `${team.name} has ${fmt(Math.max(0, team.capacity - load))} of ${fmt(team.capacity)} left`
      : `${team.name} is already over capacity with commitments (${fmt(load)} of ${fmt(team.capacity)})`;
    return `${head}; ${needs(need, self.team === t, deps)}`;
  }
  for (const c of [...catNeed.keys()].sort((a, b) => a - b)) {
    const need = catNeed.get(c)!;
    const cap = categoryCap(m, c);
    const load = loads.category[c]!;
    if (fits(load + need, cap)) continue;
    const cat = m.categories[c]!;
    const deps = depsOn((g) => m.items[g]!.category === c);
    return (
      `${cat.name} is at its cap: ${fmt(load)} of ${fmt(cap)} (${pct(cat.maxShare!)} of ${fmt(m.totalCapacity)}) planned; ` +
      needs(need, self.category === c, deps)
    );
  }
  return undefined;
}

/** The note a forced (committed) item carries when planning it took its team or category past its limit. */
export function overloadNote(m: PlanModel, loads: Loads, i: number): string {
  const it = m.items[i]!;
  let note = '';
  const team = m.teams[it.team]!;
  const load = loads.team[it.team]!;
  if (!fits(load, team.capacity)) {
    note += `; overloads ${team.name} by ${fmt(load - team.capacity)} (${fmt(load)} of ${fmt(team.capacity)})`;
  }
  if (it.category >= 0) {
    const cap = categoryCap(m, it.category);
    const cl = loads.category[it.category]!;
    if (!fits(cl, cap)) {
      const cat = m.categories[it.category]!;
      note +=
        `; takes ${cat.name} over its cap by ${fmt(cl - cap)} ` +
        `(${fmt(cl)} of ${fmt(cap)}, ${pct(cat.maxShare!)} of ${fmt(m.totalCapacity)})`;
    }
  }
  return note;
}

/** "Depends on M-12, which was cut", or along a chain: "Depends on M-3, which needs M-12, which was cut". */
export function cutDependency(chain: readonly string[], cutWord: string): string {
  const shown = chain.length > 4 ? [...chain.slice(0, 2), '…', ...chain.slice(-1)] : chain;
  return `Depends on ${shown.join(', which needs ')}, which ${cutWord}`;
}
