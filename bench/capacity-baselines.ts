// The baselines the optimal planner is measured against: glpk.js and javascript-lp-solver solving the very
// MipModel HiGHS gets (same columns, rows and bounds), with the same relative gap and a time limit.
import type { MipModel } from '../core/capacity/mip';

export interface BaselineResult {
  readonly status: string;
  /** 0/1 per column, or null when the solver returned no plan. */
  readonly x: Float64Array | null;
  readonly seconds: number;
}

/** The plan value of a solution (offset included), or NaN when it breaks a row or a bound of the model. */
export function valueOf(mip: MipModel, x: Float64Array | null): number {
  if (!x) return NaN;
  let v = mip.offset;
  for (let k = 0; k < mip.numCols; k++) {
    const b = x[k]! > 0.5 ? 1 : 0;
    if (Math.abs(x[k]! - b) > 1e-6) return NaN;
    v += b * mip.cost[k]!;
  }
  for (let j = 0; j < mip.rowNames.length; j++) {
    let a = 0;
    for (let p = mip.starts[j]!; p < mip.starts[j + 1]!; p++) a += mip.values[p]! * (x[mip.indices[p]!]! > 0.5 ? 1 : 0);
    const tol = 1e-6 * Math.max(1, Math.abs(mip.rowUpper[j]!), Math.abs(mip.rowLower[j]!));
    if (a > mip.rowUpper[j]! + tol || a < mip.rowLower[j]! - tol) return NaN;
  }
  return v;
}

function rowsOf(mip: MipModel): { name: string; terms: { col: number; coef: number }[]; lo: number; hi: number }[] {
  return mip.rowNames.map((name, j) => {
    const terms: { col: number; coef: number }[] = [];
    for (let p = mip.starts[j]!; p < mip.starts[j + 1]!; p++) terms.push({ col: mip.indices[p]!, coef: mip.values[p]! });
    return { name, terms, lo: mip.rowLower[j]!, hi: mip.rowUpper[j]! };
  });
}

interface Glpk {
  readonly GLP_MAX: number;
  readonly GLP_UP: number;
  readonly GLP_LO: number;
  readonly GLP_MSG_OFF: number;
  readonly GLP_OPT: number;
  readonly GLP_FEAS: number;
  solve(lp: unknown, options: unknown): { result: { status: number; z: number; vars: Record<string, number> } };
}

let glpk: Promise<Glpk> | undefined;

export async function solveGlpk(mip: MipModel, gap: number, timeLimit: number): Promise<BaselineResult> {
  const g = await (glpk ??= import('glpk.js/node').then((mod) => (mod.default as unknown as () => Promise<Glpk>)()));
  const name = (k: number) => `x${k}`;
  const lp = {
    name: 'capacity',
    objective: { direction: g.GLP_MAX, name: 'score', vars: Array.from(mip.cost, (coef, k) => ({ name: name(k), coef })) },
    subjectTo: rowsOf(mip).map((r) => ({
      name: r.name,
      vars: r.terms.map((t) => ({ name: name(t.col), coef: t.coef })),
      bnds: Number.isFinite(r.hi) ? { type: g.GLP_UP, ub: r.hi, lb: 0 } : { type: g.GLP_LO, ub: 0, lb: r.lo },
    })),
    binaries: Array.from({ length: mip.numCols }, (_, k) => name(k)),
  };
  const t0 = performance.now();
  const res = g.solve(lp, { msglev: g.GLP_MSG_OFF, mipgap: gap, tmlim: timeLimit, presol: true });
  const seconds = (performance.now() - t0) / 1000;
  const { status, vars } = res.result;
  const solved = status === g.GLP_OPT || status === g.GLP_FEAS;
  const x = solved ? Float64Array.from({ length: mip.numCols }, (_, k) => vars[name(k)] ?? 0) : null;
  // GLPK reports a search ended by the gap tolerance as feasible, like one ended by the time limit.
  const hitLimit = seconds >= timeLimit * 0.98;
  return { status: !solved ? `no plan (status ${status})` : hitLimit ? 'time limit' : 'within gap', x, seconds };
}

export async function solveJsLp(mip: MipModel, gap: number, timeLimit: number): Promise<BaselineResult> {
  const solver = (await import('javascript-lp-solver')).default as unknown as {
    Solve(model: unknown): Record<string, number | boolean | undefined>;
  };
  const rows = rowsOf(mip);
  const constraints: Record<string, { max?: number; min?: number }> = {};
  for (const r of rows) constraints[r.name] = Number.isFinite(r.hi) ? { max: r.hi } : { min: r.lo };
  const variables: Record<string, Record<string, number>> = {};
  const binaries: Record<string, 1> = {};
  for (let k = 0; k < mip.numCols; k++) {
    variables[`x${k}`] = { score: mip.cost[k]! };
    binaries[`x${k}`] = 1;
  }
  for (const r of rows) for (const t of r.terms) variables[`x${t.col}`]![r.name] = t.coef;
  const model = { optimize: 'score', opType: 'max', constraints, variables, binaries, options: { tolerance: gap, timeout: timeLimit * 1000 } };
  const t0 = performance.now();
  const res = solver.Solve(model);
  const seconds = (performance.now() - t0) / 1000;
  const hitLimit = seconds >= timeLimit * 0.98;
  if (!res.feasible) return { status: 'no plan', x: null, seconds };
  const x = Float64Array.from({ length: mip.numCols }, (_, k) => Number(res[`x${k}`] ?? 0));
  // At its timeout it returns the relaxation it was working on, fractional: no plan at all.
  if (res.isIntegral === false || x.some((v) => v !== 0 && v !== 1)) {
    return { status: hitLimit ? 'no integer plan by the time limit' : 'no integer plan', x: null, seconds };
  }
  return { status: hitLimit ? 'time limit' : 'within gap', x, seconds };
}
