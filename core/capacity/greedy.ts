// The greedy plan ALLOCATE gives: walk the backlog committed first, then by score, and plan each item with
// whatever it depends on when all of it fits. Its value is that anyone can replay it by hand, so every
// decision carries the sentence that explains it.
import { type Loads, addLoad, cutDependency, emptyLoads, overloadNote, whyNotFit } from './explain';
import type { PlanModel } from './model';

export interface Allocation {
  /** Per item: 1 when planned. */
  readonly planned: Uint8Array;
  /** Per item: the reason shown beside its status. */
  readonly reasons: string[];
  readonly loads: Loads;
  /** Σ score of the planned items. */
  readonly value: number;
}

/** The walking order: committed items first, then by score (highest first), lower effort, earlier row. */
export function greedyOrder(m: PlanModel): number[] {
  const order = m.items.map((_, i) => i);
  const it = m.items;
  order.sort((a, b) => {
    const x = it[a]!;
    const y = it[b]!;
    if (x.committed !== y.committed) return x.committed ? -1 : 1;
    if (x.score !== y.score) return y.score - x.score;
    if (x.effort !== y.effort) return x.effort - y.effort;
    return x.row - y.row;
  });
  return order;
}

const OPEN = 0;
const PLANNED = 1;
const CUT = 2;

/**
 * Collects item `i` and every dependency of it not yet planned, dependencies first, with `parent` recording
 * which item pulled each one in. Stops at the first dependency that was already cut and returns it.
 * Planned items are never entered: their own dependencies are planned already.
 */
export class Closure {
  readonly parent: Int32Array;
  private readonly stamp: Int32Array;
  private readonly nodes: Int32Array;
  private readonly next: Int32Array;
  private gen = 0;

  constructor(private readonly m: PlanModel) {
    const n = m.items.length;
    this.parent = new Int32Array(n);
    this.stamp = new Int32Array(n);
    this.nodes = new Int32Array(n);
    this.next = new Int32Array(n);
  }

  collect(i: number, state: Uint8Array, out: number[]): number {
    out.length = 0;
    const gen = ++this.gen;
    const { stamp, nodes, next, parent } = this;
    let top = 0;
    nodes[0] = i;
    next[0] = 0;
    stamp[i] = gen;
    parent[i] = -1;
    while (top >= 0) {
      const v = nodes[top]!;
      const deps = this.m.items[v]!.deps;
      if (next[top]! < deps.length) {
        const w = deps[next[top]++]!;
        if (state[w] === PLANNED || stamp[w] === gen) continue;
        parent[w] = v;
        if (state[w] === CUT) return w;
        stamp[w] = gen;
        nodes[++top] = w;
        next[top] = 0;
      } else {
        out.push(v);
        top--;
      }
    }
    return -1;
  }

  /** The IDs from `i`'s direct dependency down to `w`, following the recorded parents. */
  chain(w: number): string[] {
    const ids: string[] = [];
    for (let v = w; this.parent[v] !== -1; v = this.parent[v]!) ids.push(this.m.items[v]!.id);
    return ids.reverse();
  }
}

export function allocateGreedy(m: PlanModel): Allocation {
  const n = m.items.length;
  const state = new Uint8Array(n);
  const reasons: string[] = new Array(n).fill('');
  const loads = emptyLoads(m);
  const closure = new Closure(m);
  const group: number[] = [];
  let value = 0;
  for (const i of greedyOrder(m)) {
    if (state[i] !== OPEN) continue;
    const item = m.items[i]!;
    const cut = closure.collect(i, state, group);
    if (cut >= 0) {
      // Only non-committed items get here: every commitment is planned before the first cut.
      state[i] = CUT;
      reasons[i] = cutDependency(closure.chain(cut), 'was cut');
      continue;
    }
    if (!item.committed) {
      const why = whyNotFit(m, loads, group, i);
      if (why !== undefined) {
        state[i] = CUT;
        reasons[i] = why;
        continue;
      }
    }
    for (const g of group) {
      const it = m.items[g]!;
      state[g] = PLANNED;
      addLoad(m, loads, g);
      value += it.score;
      const base = it.committed ? 'Committed' : g === i ? '' : `Needed by ${m.items[closure.parent[g]!]!.id}`;
      reasons[g] = item.committed ? base + overloadNote(m, loads, g) : base;
    }
  }
  const planned = new Uint8Array(n);
  for (let i = 0; i < n; i++) planned[i] = state[i] === PLANNED ? 1 : 0;
  return { planned, reasons, loads, value };
}
