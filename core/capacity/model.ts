// The plan model: the three host tables (backlog, teams, mix) turned into typed data once, so the greedy
// allocation, the optimal planner and the custom functions all read the tables the same way.
import type { CellError } from '../cells';
import { readBacklog } from './backlog';
import { readMix, readTeams } from './tables';

export interface Team {
  /** The name as the teams table spells it. */
  readonly name: string;
  /** Capacity, 0 or more, in the unit of Effort. */
  readonly capacity: number;
  /** Index of its data row in the teams table (header excluded), so TEAM_LOAD can line up with it. */
  readonly row: number;
}

export interface Category {
  /** The name as the mix table spells it. */
  readonly name: string;
  /** Share of total capacity, 0 to 1, or null when the row sets no maximum. */
  readonly maxShare: number | null;
  /** Share of total capacity, 0 to 1, or null when the row sets no minimum (only the optimal planner uses it). */
  readonly minShare: number | null;
}

export interface Item {
  readonly id: string;
  /** Index of its data row in the backlog (header excluded). */
  readonly row: number;
  readonly score: number;
  /** Greater than 0. */
  readonly effort: number;
  /** Index into PlanModel.teams. */
  readonly team: number;
  /** Index into PlanModel.categories, or -1 when the item's category has no row in the mix (no share applies). */
  readonly category: number;
  /** Indices into PlanModel.items of what this item depends on, duplicates removed. */
  readonly deps: readonly number[];
  readonly committed: boolean;
}

/** What one backlog data row became: blank, a row error, or an item of the plan. */
export interface BacklogRow {
  readonly blank: boolean;
  /** The ID as typed ('' when blank or unreadable). */
  readonly id: string;
  /** The team as the teams table spells it, or the text typed when it matches no team. */
  readonly team: string;
  /** Index into PlanModel.items, or -1 for blank and error rows. */
  readonly item: number;
  readonly error?: CellError;
}

export interface PlanModel {
  readonly teams: readonly Team[];
  readonly categories: readonly Category[];
  /** Σ team capacity: the base of every share. */
  readonly totalCapacity: number;
  /** Rows without errors, in backlog order. A dependency of an item is always an item too. */
  readonly items: readonly Item[];
  /** One entry per backlog data row. */
  readonly rows: readonly BacklogRow[];
}

/**
 * Reads the three tables. Table-level problems (a missing column, a negative capacity, a bad mix) throw
 * CallError; problems of one backlog row become that row's error and keep the row out of the plan.
 */
export function readPlan(backlog: unknown, teams: unknown, mix?: unknown): PlanModel {
  const teamList = readTeams(teams);
  const categories = readMix(mix);
  let totalCapacity = 0;
  for (const t of teamList) totalCapacity += t.capacity;
  const { items, rows } = readBacklog(backlog, teamList, categories);
  return { teams: teamList, categories, totalCapacity, items, rows };
}

/** The effort cap of a category under its max share, or Infinity when it has none. */
export function categoryCap(m: PlanModel, c: number): number {
  const share = m.categories[c]!.maxShare;
  return share === null ? Infinity : share * m.totalCapacity;
}

/**
 * Everything the commitments force into any plan: the committed items and, transitively, what they depend
 * on. Both planners plan these unconditionally.
 */
export function forcedItems(m: PlanModel): Uint8Array {
  const forced = new Uint8Array(m.items.length);
  const stack: number[] = [];
  for (let i = 0; i < m.items.length; i++) {
    if (!m.items[i]!.committed || forced[i]) continue;
    forced[i] = 1;
    stack.push(i);
    while (stack.length) {
      for (const d of m.items[stack.pop()!]!.deps) {
        if (!forced[d]) {
          forced[d] = 1;
          stack.push(d);
        }
      }
    }
  }
  return forced;
}
