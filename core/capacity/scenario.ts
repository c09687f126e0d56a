// A scenario is the base plan model with overrides: capacities, share caps, efforts, commitments and
// exclusions. Applying it gives another PlanModel, so the greedy walk (ALLOCATE's) and the optimal planner
// plan a scenario exactly as they plan the base: there is one copy of the planning rules.
import type { Category, Item, PlanModel, Team } from './model';

export interface ScenarioOverrides {
  /** Per team (PlanModel.teams order): the capacity in this scenario. */
  readonly capacity?: readonly number[];
  /** Per category (PlanModel.categories order): the max share in this scenario (null: no maximum). */
  readonly maxShare?: readonly (number | null)[];
  /** Item index → its effort in this scenario. */
  readonly effort?: ReadonlyMap<number, number>;
  /** Items committed in this scenario (on top of the backlog's own commitments). */
  readonly commit?: ReadonlySet<number>;
  /** Items never planned in this scenario; what depends on them cannot be planned either. */
  readonly exclude?: ReadonlySet<number>;
}

export interface ScenarioModel {
  /** The model the planners take. Its items are the base items minus the excluded ones and their dependents. */
  readonly model: PlanModel;
  /** Per scenario item: its index among the base model's items. */
  readonly baseItem: Int32Array;
  /** Per base item: 1 when the scenario removed it (excluded, or depends on something excluded). */
  readonly removed: Uint8Array;
}

/** The base items that depend, directly or through others, on any of `roots` (the roots included). */
export function dependentsOf(m: PlanModel, roots: Iterable<number>): Uint8Array {
  const n = m.items.length;
  const users: number[][] = Array.from({ length: n }, () => []);
  m.items.forEach((it, i) => {
    for (const d of it.deps) users[d]!.push(i);
  });
  const out = new Uint8Array(n);
  const stack: number[] = [];
  for (const r of roots) {
    if (out[r]) continue;
    out[r] = 1;
    stack.push(r);
    while (stack.length) {
      for (const u of users[stack.pop()!]!) {
        if (!out[u]) {
          out[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  return out;
}

export function applyScenario(m: PlanModel, o: ScenarioOverrides): ScenarioModel {
  const n = m.items.length;
  let teams: readonly Team[] = m.teams;
  let totalCapacity = m.totalCapacity;
  if (o.capacity) {
    teams = m.teams.map((t, i) => ({ ...t, capacity: o.capacity![i]! }));
    totalCapacity = 0;
    for (const t of teams) totalCapacity += t.capacity;
  }
  let categories: readonly Category[] = m.categories;
  if (o.maxShare) categories = m.categories.map((c, i) => ({ ...c, maxShare: o.maxShare![i]! }));

  const removed = o.exclude && o.exclude.size > 0 ? dependentsOf(m, o.exclude) : new Uint8Array(n);
  const itemsChange = (o.effort && o.effort.size > 0) || (o.commit && o.commit.size > 0) || (o.exclude && o.exclude.size > 0);
  if (!itemsChange) {
    // Capacity and share scenarios keep the very same items: nothing to copy on the hot path.
    const baseItem = new Int32Array(n);
    for (let i = 0; i < n; i++) baseItem[i] = i;
    return { model: { ...m, teams, categories, totalCapacity }, baseItem, removed };
  }
  const newIndex = new Int32Array(n).fill(-1);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (removed[i]) continue;
    newIndex[i] = kept.length;
    kept.push(i);
  }
  const items: Item[] = kept.map((i) => {
    const it = m.items[i]!;
    return {
      ...it,
      effort: o.effort?.get(i) ?? it.effort,
      committed: it.committed || (o.commit?.has(i) ?? false),
      // A kept item's dependencies are kept too: whatever depends on a removed item is removed with it.
      deps: it.deps.map((d) => newIndex[d]!),
    };
  });
  const rows = m.rows.map((r) => (r.item < 0 ? r : { ...r, item: newIndex[r.item]! }));
  return { model: { teams, categories, totalCapacity, items, rows }, baseItem: Int32Array.from(kept), removed };
}

/** The planned flags of a scenario's plan, as base item indices. */
export function plannedInBase(s: ScenarioModel, planned: Uint8Array, baseCount: number): Uint8Array {
  const out = new Uint8Array(baseCount);
  for (let k = 0; k < planned.length; k++) if (planned[k]) out[s.baseItem[k]!] = 1;
  return out;
}
