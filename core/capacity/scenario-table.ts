// The scenarios table of SCENARIO_COMPARE: Scenario, Change, Target, Value, one change per row, rows with the
// same Scenario name combined in order. A change word nobody knows fails the call (every scenario could be
// misread); a change that does not fit the model fails only its scenario, in that scenario's row.
import { CallError, CellError, hostErrorText, readNumber, readText, show, valueError } from '../cells';
import { readTable, requireColumn, rowIsAllBlank } from '../table';
import { fmt } from './format';
import type { PlanModel } from './model';
import type { ScenarioOverrides } from './scenario';
import { listNames, nameKey, unknownName } from './tables';

export const CHANGE_WORDS = ['capacity', 'add capacity', 'grow capacity', 'commit', 'exclude', 'effort', 'max share'] as const;
export type ChangeWord = (typeof CHANGE_WORDS)[number];

/** One row of the scenarios table, read but not yet checked against the model. */
export interface ScenarioChange {
  readonly change: ChangeWord;
  /** Trimmed text, or '' when blank. */
  readonly target: string;
  /** The cell as typed; read when the change is applied, so its error lands in the scenario's row. */
  readonly value: unknown;
  /** An error value in Target (never read as a name): the scenario's error. */
  readonly targetError?: string;
}

export interface ScenarioSpec {
  /** As first typed. */
  readonly name: string;
  readonly changes: ScenarioChange[];
}

/** The scenario is named in the result; a change that does not fit is that scenario's error. */
export interface ResolvedScenario {
  readonly name: string;
  readonly overrides?: ScenarioOverrides;
  readonly error?: CellError;
}

export function readScenarios(value: unknown): ScenarioSpec[] {
  const t = readTable(value, 'scenarios');
  const nameCol = requireColumn(t, ['Scenario']);
  const changeCol = requireColumn(t, ['Change']);
  const targetCol = requireColumn(t, ['Target']);
  const valueCol = requireColumn(t, ['Value']);
  const byName = new Map<string, ScenarioSpec>();
  t.rows.forEach((row, r) => {
    if (rowIsAllBlank(row)) return;
    const where = `scenarios row ${r + 2}`;
    const name = readText(row[nameCol], `Scenario in ${where}`);
    if (name instanceof CellError) throw new CallError(name.message);
    if (name === null) throw new CallError(`${where} has a change but no Scenario name: name the scenario or clear the row`);
    if (nameKey(name) === 'base') {
      throw new CallError(`Scenario "${name}" in ${where}: Base is the plan with no changes, which the result always shows first: give the scenario another name`);
    }
    const word = readText(row[changeCol], `Change in ${where}`);
    if (word instanceof CellError) throw new CallError(word.message);
    if (word === null) throw new CallError(`Change is blank in ${where}: use ${listNames(CHANGE_WORDS.map((w) => `"${w}"`))}`);
    const change = CHANGE_WORDS.find((w) => w === nameKey(word));
    if (change === undefined) {
      throw new CallError(`Change ${show(word)} in ${where} is not a change: use ${listNames(CHANGE_WORDS.map((w) => `"${w}"`), 'or')}`);
    }
    const target = readText(row[targetCol], 'Target');
    const key = nameKey(name);
    let spec = byName.get(key);
    if (!spec) byName.set(key, (spec = { name, changes: [] }));
    spec.changes.push({
      change,
      target: typeof target === 'string' ? target : '',
      value: row[valueCol],
      ...(target instanceof CellError ? { targetError: target.message } : {}),
    });
  });
  return [...byName.values()];
}

interface Lookup {
  team: Map<string, number>;
  category: Map<string, number>;
  /** ID key → item index, or -1 for an ID whose backlog row has an error. */
  item: Map<string, number>;
}

function lookup(m: PlanModel): Lookup {
  const item = new Map<string, number>();
  for (const r of m.rows) if (!r.blank && r.id !== '') item.set(nameKey(r.id), r.item);
  return {
    team: new Map(m.teams.map((x, i) => [nameKey(x.name), i])),
    category: new Map(m.categories.map((x, i) => [nameKey(x.name), i])),
    item,
  };
}

class ScenarioProblem extends Error {}
const problem = (msg: string): never => {
  throw new ScenarioProblem(msg);
};

function numberOf(c: ScenarioChange, what: string): number {
  const hostErr = hostErrorText(c.value);
  if (hostErr !== undefined) problem(`Value of "${c.change}" is an error (${hostErr.split(' ')[0]}): fix the cell it comes from`);
  const x = readNumber(c.value, `Value of "${c.change}"`);
  if (x === null) problem(`Value of "${c.change}" ${c.target ? `${c.target} ` : ''}is blank: enter ${what}`);
  if (x instanceof CellError) problem(`${x.message}: enter ${what}`);
  return x as number;
}

/** Resolves every scenario against the model; a change that does not fit becomes that scenario's error. */
export function resolveScenarios(m: PlanModel, specs: readonly ScenarioSpec[]): ResolvedScenario[] {
  const look = lookup(m);
  return specs.map((s) => {
    try {
      return { name: s.name, overrides: toOverrides(m, look, s) };
    } catch (e) {
      if (!(e instanceof ScenarioProblem)) throw e;
      return { name: s.name, error: valueError(`${s.name}: ${e.message}`) };
    }
  });
}

function toOverrides(m: PlanModel, look: Lookup, s: ScenarioSpec): ScenarioOverrides {
  const capacity = m.teams.map((t) => t.capacity);
  const maxShare = m.categories.map((c) => c.maxShare);
  const effort = new Map<number, number>();
  const commit = new Set<number>();
  const exclude = new Set<number>();
  const teamsOf = (c: ScenarioChange): number[] => {
    if (c.target === '*') return m.teams.map((_, i) => i);
    if (c.target === '') problem(`Target of "${c.change}" is blank: name a team, or * for every team`);
    const t = look.team.get(nameKey(c.target));
    if (t === undefined) problem(unknownName('Team', c.target, m.teams.map((x) => x.name), 'teams'));
    return [t!];
  };
  const itemOf = (c: ScenarioChange): number => {
    if (c.target === '') problem(`Target of "${c.change}" is blank: name an item ID from the backlog`);
    const i = look.item.get(nameKey(c.target));
    if (i === undefined) problem(`ID ${show(c.target)} is not in the backlog: check the ID in Target`);
    if (i! < 0) problem(`${c.target}'s backlog row has an error: fix that row first`);
    return i!;
  };
  for (const c of s.changes) {
    if (c.targetError) problem(c.targetError);
    switch (c.change) {
      case 'capacity': {
        const ts = teamsOf(c);
        const x = numberOf(c, 'the new capacity, 0 or more');
        if (x < 0) problem(`capacity must be 0 or more (got ${fmt(x)}): enter the team's new capacity`);
        for (const t of ts) capacity[t] = x;
        break;
      }
      case 'add capacity':
      case 'grow capacity': {
        const ts = teamsOf(c);
        const add = c.change === 'add capacity';
        const x = numberOf(c, add ? 'the capacity to add (negative removes)' : 'a share such as 20% (negative removes)');
        for (const t of ts) {
          const next = add ? capacity[t]! + x : capacity[t]! * (1 + x);
          if (next < 0 && !(Math.abs(next) <= 1e-9 * Math.max(1, capacity[t]!))) {
            problem(`${c.change} ${fmt(x)} takes ${m.teams[t]!.name} below 0 (it has ${fmt(capacity[t]!)}): remove at most what it has`);
          }
          if (!Number.isFinite(next)) problem(`${c.change} ${fmt(x)} makes ${m.teams[t]!.name}'s capacity too large to plan`);
          capacity[t] = Math.max(0, next);
        }
        break;
      }
      case 'commit':
      case 'exclude': {
        const i = itemOf(c);
        if (c.change === 'commit') commit.add(i);
        else exclude.add(i);
        break;
      }
      case 'effort': {
        const i = itemOf(c);
        const x = numberOf(c, 'the new effort, greater than 0');
        if (!(x > 0)) problem(`effort of ${c.target} must be greater than 0 (got ${fmt(x)}): to leave it out, use "exclude"`);
        effort.set(i, x);
        break;
      }
      case 'max share': {
        if (c.target === '') problem('Target of "max share" is blank: name a category from the mix');
        const k = look.category.get(nameKey(c.target));
        if (k === undefined) {
          problem(
            m.categories.length === 0
              ? `Category ${show(c.target)} is not in the mix table (there is no mix): pass a mix with that category`
              : unknownName('Category', c.target, m.categories.map((x) => x.name), 'mix'),
          );
        }
        const x = numberOf(c, 'a share from 0 to 1, such as 20%');
        if (x < 0 || x > 1) problem(`max share of ${c.target} must be from 0 to 1 (got ${fmt(x)}): type a share such as 20%`);
        maxShare[k!] = x;
        break;
      }
    }
  }
  checkCommitments(m, commit, exclude);
  return { capacity, maxShare, effort, commit, exclude };
}

/** A commitment that needs an excluded item cannot hold: say so rather than silently drop either. */
function checkCommitments(m: PlanModel, commit: Set<number>, exclude: Set<number>): void {
  if (exclude.size === 0) return;
  for (let i = 0; i < m.items.length; i++) {
    if (!(m.items[i]!.committed || commit.has(i)) || exclude.has(i)) continue;
    const stack = [i];
    const seen = new Set(stack);
    while (stack.length) {
      for (const d of m.items[stack.pop()!]!.deps) {
        if (exclude.has(d)) {
          problem(`${m.items[i]!.id} is committed but depends on ${m.items[d]!.id}, which this scenario excludes: exclude ${m.items[i]!.id} too, or keep ${m.items[d]!.id}`);
        }
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
      }
    }
  }
}
