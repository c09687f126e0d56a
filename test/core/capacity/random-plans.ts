// Random backlogs for the property tests: the tables as a host passes them, and the same data as plain
// structures the tests check plans against without going through the code under test.
import fc from 'fast-check';

export interface GenItem {
  readonly score: number;
  readonly effort: number;
  readonly team: number;
  readonly cat: number;
  /** Earlier items only, so the graph has no cycles. */
  readonly deps: readonly number[];
  readonly commit: boolean;
}

export interface Gen {
  readonly caps: readonly number[];
  readonly items: readonly GenItem[];
  readonly mix: readonly { readonly max: number | null; readonly min: number | null }[];
}

export interface Tables {
  readonly backlog: unknown[][];
  readonly teams: unknown[][];
  readonly mix?: unknown[][];
}

/** A share up to `max`%, or null (no limit) `blank` times as often as a number. */
const share = (max: number, blank: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: blank }, { arbitrary: fc.integer({ min: 0, max }).map((x) => x / 100), weight: 1 });

export function genArb(opts: { maxItems: number; mins: boolean }): fc.Arbitrary<Gen> {
  return fc
    .record({
      caps: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
      items: fc.array(
        fc.record({
          score: fc.integer({ min: -5, max: 50 }),
          effort: fc.integer({ min: 1, max: 24 }).map((x) => x / 2),
          team: fc.nat({ max: 3 }),
          cat: fc.nat({ max: 3 }),
          deps: fc.array(fc.nat({ max: 1000 }), { maxLength: 2 }),
          commit: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
        }),
        // size 'max': backlogs of every length up to maxItems, not mostly short ones.
        { maxLength: opts.maxItems, size: 'max' },
      ),
      mix: fc.array(fc.record({ max: share(100, 1), min: opts.mins ? share(30, 2) : fc.constant(null) }), { maxLength: 4 }),
    })
    .map(({ caps, items, mix }) => ({
      caps,
      items: items.map((it, i) => ({
        ...it,
        team: it.team % caps.length,
        deps: i === 0 ? [] : [...new Set(it.deps.map((d) => d % i))],
      })),
      mix: mix.map((r) => (r.max !== null && r.min !== null && r.min > r.max ? { max: r.min, min: r.max } : r)),
    }));
}

export function tables(g: Gen): Tables {
  const backlog: unknown[][] = [['ID', 'Score', 'Effort', 'Team', 'Category', 'Depends on', 'Commit']];
  g.items.forEach((it, i) => {
    backlog.push([`I${i}`, it.score, it.effort, `T${it.team}`, `C${it.cat}`, it.deps.map((d) => `I${d}`).join(', '), it.commit ? 'yes' : '']);
  });
  const teams: unknown[][] = [['Team', 'Capacity'], ...g.caps.map((c, t) => [`T${t}`, c])];
  if (g.mix.length === 0) return { backlog, teams };
  const mix: unknown[][] = [['Category', 'Max share', 'Min share'], ...g.mix.map((r, k) => [`C${k}`, r.max ?? '', r.min ?? ''])];
  return { backlog, teams, mix };
}

export const total = (g: Gen) => g.caps.reduce((a, b) => a + b, 0);

/** Committed items and everything they depend on, transitively. */
export function forcedSet(g: Gen): boolean[] {
  const forced = g.items.map((it) => it.commit);
  // Dependencies point to earlier items, so one backward sweep closes the set.
  for (let i = g.items.length - 1; i >= 0; i--) if (forced[i]) for (const d of g.items[i]!.deps) forced[d] = true;
  return forced;
}

export interface Sums {
  readonly team: number[];
  readonly cat: number[];
  readonly value: number;
}

export function sums(g: Gen, planned: readonly boolean[]): Sums {
  const team = g.caps.map(() => 0);
  const cat = [0, 0, 0, 0];
  let value = 0;
  g.items.forEach((it, i) => {
    if (!planned[i]) return;
    team[it.team]! += it.effort;
    cat[it.cat]! += it.effort;
    value += it.score;
  });
  return { team, cat, value };
}

export const EPS = 1e-9;

/**
 * The contract's greedy walk, written again as plainly as possible: committed first, then score, lower
 * effort, earlier row; each item planned with its unplanned dependencies when all fit.
 */
export function referenceGreedy(g: Gen): boolean[] {
  const n = g.items.length;
  const tot = total(g);
  const order = g.items.map((_, i) => i);
  order.sort((a, b) => {
    const x = g.items[a]!;
    const y = g.items[b]!;
    return Number(y.commit) - Number(x.commit) || y.score - x.score || x.effort - y.effort || a - b;
  });
  const planned: boolean[] = new Array(n).fill(false);
  const cut: boolean[] = new Array(n).fill(false);
  for (const i of order) {
    if (planned[i]) continue;
    const group = new Set<number>();
    const visit = (v: number) => {
      if (planned[v] || group.has(v)) return;
      group.add(v);
      g.items[v]!.deps.forEach(visit);
    };
    visit(i);
    let ok = ![...group].some((v) => cut[v]);
    if (ok && !g.items[i]!.commit) {
      // Only the teams and categories the group adds to: one overloaded by commitments stops nothing else.
      const s = sums(g, planned);
      const teams = new Set<number>();
      const cats = new Set<number>();
      for (const v of group) {
        s.team[g.items[v]!.team]! += g.items[v]!.effort;
        s.cat[g.items[v]!.cat]! += g.items[v]!.effort;
        teams.add(g.items[v]!.team);
        cats.add(g.items[v]!.cat);
      }
      ok =
        [...teams].every((t) => s.team[t]! <= g.caps[t]! + EPS) &&
        [...cats].every((c) => c >= g.mix.length || g.mix[c]!.max === null || s.cat[c]! <= g.mix[c]!.max! * tot + EPS);
    }
    if (ok) for (const v of group) planned[v] = true;
    else cut[i] = true;
  }
  return planned;
}
