// The optimal plan as a 0-1 program: one binary per item that is really a choice, maximizing the score
// planned, subject to team capacity, dependencies and the category shares. Solver-neutral (a CSR matrix), so
// HiGHS and the benchmark's baselines solve exactly the same model.
import { fits } from './format';
import { type PlanModel, categoryCap } from './model';

export interface MipModel {
  readonly numCols: number;
  /** Objective coefficient per column (maximize). */
  readonly cost: Float64Array;
  /** The objective of what is fixed outside the model (the forced items), added to every solution. */
  readonly offset: number;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Readable names (t0 team, d dependency, cmax/cmin category), for LP text and diagnostics. */
  readonly rowNames: readonly string[];
  /** Compressed sparse rows. */
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly itemOfCol: Int32Array;
  /** Column of each item, or -1 when the item is forced (always planned) or can never fit (never planned). */
  readonly colOfItem: Int32Array;
}

export interface MipOptions {
  /** Maximize the effort planned in this category instead of the score (to measure what a min share can reach). */
  readonly effortIn?: number;
  /** Leave out the min-share row of this category, or of every category. */
  readonly dropMinOf?: number | 'all';
}

/** Work bound for the per-item closure check, so a pathological dependency chain cannot stall the build. */
const CLOSURE_BUDGET = 4_000_000;

export function buildMip(m: PlanModel, forced: Uint8Array, opts: MipOptions = {}): MipModel {
  const n = m.items.length;
  const nt = m.teams.length;
  const nc = m.categories.length;
  const teamRoom = m.teams.map((t) => t.capacity);
  const catRoom = m.categories.map((_, c) => categoryCap(m, c));
  const catMin = m.categories.map((c) => (c.minShare ?? 0) * m.totalCapacity);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    if (!forced[i]) continue;
    const it = m.items[i]!;
    teamRoom[it.team]! -= it.effort;
    if (it.category >= 0) {
      catRoom[it.category]! -= it.effort;
      catMin[it.category]! -= it.effort;
    }
    offset += opts.effortIn === undefined ? it.score : it.category === opts.effortIn ? it.effort : 0;
  }
  // Commitments may overload a team: what is left for the rest is then nothing, never less.
  for (let t = 0; t < nt; t++) teamRoom[t] = Math.max(0, teamRoom[t]!);
  for (let c = 0; c < nc; c++) catRoom[c] = Math.max(0, catRoom[c]!);

  const colOfItem = new Int32Array(n).fill(-1);
  const never = neverFits(m, forced, teamRoom, catRoom);
  const itemOfColList: number[] = [];
  for (let i = 0; i < n; i++) {
    if (forced[i] || never[i]) continue;
    colOfItem[i] = itemOfColList.length;
    itemOfColList.push(i);
  }
  const numCols = itemOfColList.length;
  const cost = new Float64Array(numCols);
  itemOfColList.forEach((i, k) => {
    const it = m.items[i]!;
    cost[k] = opts.effortIn === undefined ? it.score : it.category === opts.effortIn ? it.effort : 0;
  });

  const rows: { name: string; lo: number; hi: number; cols: number[]; vals: number[] }[] = [];
  const teamRows = m.teams.map((_, t) => ({ name: `t${t}`, lo: -Infinity, hi: teamRoom[t]!, cols: [] as number[], vals: [] as number[] }));
  const maxRows = m.categories.map((_, c) => ({ name: `cmax${c}`, lo: -Infinity, hi: catRoom[c]!, cols: [] as number[], vals: [] as number[] }));
  const minRows = m.categories.map((_, c) => ({ name: `cmin${c}`, lo: catMin[c]!, hi: Infinity, cols: [] as number[], vals: [] as number[] }));
  for (let k = 0; k < numCols; k++) {
    const it = m.items[itemOfColList[k]!]!;
    teamRows[it.team]!.cols.push(k);
    teamRows[it.team]!.vals.push(it.effort);
    if (it.category >= 0) {
      for (const r of [maxRows[it.category]!, minRows[it.category]!]) {
        r.cols.push(k);
        r.vals.push(it.effort);
      }
    }
  }
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  // A row no plan can break only slows the solver down.
  for (const r of teamRows) if (!fits(sum(r.vals), r.hi)) rows.push(r);
  for (const r of maxRows) if (Number.isFinite(r.hi) && !fits(sum(r.vals), r.hi)) rows.push(r);
  minRows.forEach((r, c) => {
    if (m.categories[c]!.minShare !== null && c !== opts.dropMinOf && opts.dropMinOf !== 'all' && r.lo > 1e-9) rows.push(r);
  });
  // x_item ≤ x_dependency. A dependency that is forced is planned anyway; one that can never fit has made
  // this item never fit too, so every remaining dependency is a column.
  for (let k = 0; k < numCols; k++) {
    for (const d of m.items[itemOfColList[k]!]!.deps) {
      const dk = colOfItem[d]!;
      if (dk >= 0) rows.push({ name: `d${k}_${dk}`, lo: -Infinity, hi: 0, cols: [k, dk], vals: [1, -1] });
    }
  }

  const nnz = rows.reduce((a, r) => a + r.cols.length, 0);
  const starts = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(rows.length);
  const rowUpper = new Float64Array(rows.length);
  let p = 0;
  rows.forEach((r, j) => {
    rowLower[j] = r.lo;
    rowUpper[j] = r.hi;
    for (let q = 0; q < r.cols.length; q++) {
      indices[p] = r.cols[q]!;
      values[p++] = r.vals[q]!;
    }
    starts[j + 1] = p;
  });
  return {
    numCols,
    cost,
    offset,
    rowLower,
    rowUpper,
    rowNames: rows.map((r) => r.name),
    starts,
    indices,
    values,
    itemOfCol: Int32Array.from(itemOfColList),
    colOfItem,
  };
}

/**
 * Items that cannot be planned in any plan: with every dependency not already forced, they need more than a
 * team or a category has left. Fixing them to 0 before the solve is a cut the solver would otherwise have to
 * find, and it keeps the model small.
 */
function neverFits(m: PlanModel, forced: Uint8Array, teamRoom: number[], catRoom: number[]): Uint8Array {
  const n = m.items.length;
  const never = new Uint8Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const teamNeed = new Float64Array(m.teams.length);
  const catNeed = new Float64Array(m.categories.length);
  const stack: number[] = [];
  const touched: number[] = [];
  let work = 0;
  for (let i = 0; i < n && work < CLOSURE_BUDGET; i++) {
    if (forced[i]) continue;
    touched.length = 0;
    stack.push(i);
    stamp[i] = i;
    let bad = false;
    while (stack.length) {
      const v = stack.pop()!;
      work++;
      touched.push(v);
      if (never[v]) bad = true;
      for (const d of m.items[v]!.deps) {
        if (!forced[d] && stamp[d] !== i) {
          stamp[d] = i;
          stack.push(d);
        }
      }
    }
    for (const v of touched) {
      const it = m.items[v]!;
      teamNeed[it.team]! += it.effort;
      if (it.category >= 0) catNeed[it.category]! += it.effort;
    }
    for (const v of touched) {
      const it = m.items[v]!;
      if (!fits(teamNeed[it.team]!, teamRoom[it.team]!)) bad = true;
      if (it.category >= 0 && !fits(catNeed[it.category]!, catRoom[it.category]!)) bad = true;
      teamNeed[it.team] = 0;
      if (it.category >= 0) catNeed[it.category] = 0;
    }
    if (bad) never[i] = 1;
  }
  return never;
}

/**
 * The model as CPLEX LP text, for HiGHS's text reader and for anyone who wants to look at it. `relax` gives
 * the LP relaxation (0 ≤ x ≤ 1), whose optimum bounds every plan.
 */
export function toLpText(mip: MipModel, opts: { relax?: boolean; fixed?: Int8Array } = {}): string {
  const out: string[] = ['Maximize', ' obj:'];
  const term = (v: number, k: number, first: boolean) => `${v < 0 ? '-' : first ? '' : '+'} ${Math.abs(v)} x${k}`;
  let line = '';
  for (let k = 0; k < mip.numCols; k++) {
    line += ` ${term(mip.cost[k]!, k, k === 0)}`;
    if (line.length > 200) {
      out.push(line);
      line = '';
    }
  }
  // An objective with no columns still needs a term for the reader; a zero cost on nothing is harmless.
  out.push(mip.numCols === 0 ? ' 0 x0' : line, 'Subject To');
  for (let j = 0; j < mip.rowNames.length; j++) {
    let row = ` ${mip.rowNames[j]}:`;
    for (let p = mip.starts[j]!; p < mip.starts[j + 1]!; p++) {
      row += ` ${term(mip.values[p]!, mip.indices[p]!, p === mip.starts[j])}`;
      if (row.length > 200) {
        out.push(row);
        row = '';
      }
    }
    // An empty row (a min share nothing can serve) still has to parse; x0 is declared even with no columns.
    if (mip.starts[j] === mip.starts[j + 1]) row += ' 0 x0';
    // buildMip gives every row one finite side.
    const hi = mip.rowUpper[j]!;
    out.push(Number.isFinite(hi) ? `${row} <= ${hi}` : `${row} >= ${mip.rowLower[j]!}`);
  }
  const names = Array.from({ length: Math.max(1, mip.numCols) }, (_, k) => `x${k}`);
  const fixed = opts.fixed;
  out.push('Bounds', ...names.map((x, k) => (fixed && fixed[k]! >= 0 ? ` ${x} = ${fixed[k]}` : ` 0 <= ${x} <= 1`)));
  if (!opts.relax) {
    out.push('Binary');
    for (let k = 0; k < names.length; k += 20) out.push(' ' + names.slice(k, k + 20).join(' '));
  }
  out.push('End');
  return out.join('\n');
}
