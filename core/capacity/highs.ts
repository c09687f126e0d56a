// HiGHS (WebAssembly), loaded on first use only: the wasm is ~3.5 MB and most calls never need it. The
// types below are the small part of highs-js this planner uses, declared here so a caller can hand in any
// build of it (a browser bundle with its own locateFile) without importing the package's types.
import { type MipModel, toLpText } from './mip';

/** highs-js's persistent model (highs ≥ 1.9): structured input and solve information such as the gap. */
export interface HighsModel {
  readonly options: { set(values: Readonly<Record<string, string | number | boolean>>): unknown };
  readonly info: { get(name: string): number | bigint };
  passModel(model: Readonly<Record<string, unknown>>): unknown;
  setSolution(solution: { readonly colValue: Float64Array }): unknown;
  run(): { readonly modelStatus: number };
  getObjectiveValue(): number;
  getSolution(): { readonly colValue: Float64Array; readonly colDual: Float64Array };
  dispose(): void;
}

/** What `await (await import('highs')).default()` resolves to, as far as this planner needs it. */
export interface HighsInstance {
  /** The one-shot API: CPLEX LP text in, result keyed by column name out. Every highs-js version has it. */
  solve(
    lp: string,
    options?: Readonly<Record<string, string | number | boolean>>,
  ): { readonly Status: string; readonly ObjectiveValue: number; readonly Columns: Readonly<Record<string, { readonly Primal?: number; readonly Dual?: number }>> };
  createModel?(): HighsModel;
}

export type HighsLoader = () => Promise<HighsInstance>;

let bundled: Promise<HighsInstance> | undefined;
const custom = new WeakMap<HighsLoader, Promise<HighsInstance>>();

/**
 * The HiGHS instance, loaded once per loader. Without a loader, the `highs` package's own (which finds
 * highs.wasm beside itself: fine in Node and in bundles that copy the asset). A failed load is forgotten,
 * so the next call tries again.
 */
export function getHighs(loader?: HighsLoader): Promise<HighsInstance> {
  if (loader) {
    let p = custom.get(loader);
    if (!p) {
      p = loader();
      custom.set(loader, p);
      p.catch(() => custom.delete(loader));
    }
    return p;
  }
  if (!bundled) {
    bundled = import('highs').then((mod) => {
      const load = (mod as unknown as { default: () => Promise<unknown> }).default;
      return load() as Promise<HighsInstance>;
    });
    bundled.catch(() => {
      bundled = undefined;
    });
  }
  return bundled;
}

export interface MipResult {
  /** optimal: proved within the requested gap; limit: stopped by the time limit with a plan. */
  readonly status: 'optimal' | 'limit' | 'infeasible' | 'no-solution';
  /** Column values (0/1), or null without a solution. */
  readonly x: Float64Array | null;
  /** The best bound on the objective (offset included), when the solver reports one. */
  readonly bound: number;
  /** The relative gap the solver reached (HiGHS: |primal − bound| ÷ |primal|). */
  readonly gap: number;
  readonly seconds: number;
  /** LP relaxation only, when the solver reports them: what forcing each column away from its value costs. */
  readonly reducedCost?: Float64Array;
}

export interface SolveOptions {
  readonly timeLimit: number;
  readonly gap: number;
  /** A plan to start from; HiGHS checks it and ignores it when it breaks a row. */
  readonly start?: Float64Array;
  /** Solve the LP relaxation (0 ≤ x ≤ 1) instead: fractional x, and its optimum bounds every plan. */
  readonly relax?: boolean;
  /** Per column: -1 free, 0 or 1 fixed to that value (a sub-problem around a known plan). */
  readonly fixed?: Int8Array;
}

export function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

// HiGHS model status codes (highs.constants.modelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const LIMITS = new Set([13, 14, 16, 17]);

export function solveMip(highs: HighsInstance, mip: MipModel, opts: SolveOptions): MipResult {
  const t0 = now();
  const options = {
    output_flag: false,
    presolve: 'on',
    time_limit: opts.timeLimit,
    mip_rel_gap: opts.gap,
    // Fixed seed: the same backlog gives the same plan every time.
    random_seed: 0,
  };
  const r = highs.createModel
    ? solvePersistent(highs.createModel(), mip, options, opts)
    : solveLegacy(highs, mip, options, opts);
  return { ...r, seconds: (now() - t0) / 1000 };
}

function solvePersistent(
  model: HighsModel,
  mip: MipModel,
  options: Readonly<Record<string, string | number | boolean>>,
  opts: SolveOptions,
): Omit<MipResult, 'seconds'> {
  try {
    model.options.set(options);
    model.passModel({
      numCols: mip.numCols,
      numRows: mip.rowNames.length,
      sense: -1, // maximize
      offset: mip.offset,
      colCost: mip.cost,
      colLower: Float64Array.from({ length: mip.numCols }, (_, k) => (opts.fixed && opts.fixed[k] === 1 ? 1 : 0)),
      colUpper: Float64Array.from({ length: mip.numCols }, (_, k) => (opts.fixed && opts.fixed[k] === 0 ? 0 : 1)),
      rowLower: mip.rowLower,
      rowUpper: mip.rowUpper,
      matrix: { format: 'csr', numRows: mip.rowNames.length, numCols: mip.numCols, starts: mip.starts, indices: mip.indices, values: mip.values },
      ...(opts.relax ? {} : { integrality: new Int32Array(mip.numCols).fill(1) }),
    });
    if (opts.start) model.setSolution({ colValue: opts.start });
    const status = model.run().modelStatus;
    if (status === INFEASIBLE || status === UNBOUNDED_OR_INFEASIBLE) return { status: 'infeasible', x: null, bound: NaN, gap: NaN };
    const feasible = Number(model.info.get('primal_solution_status')) === 2;
    if (status !== OPTIMAL && !LIMITS.has(status)) throw new Error(`HiGHS stopped with model status ${status}`);
    if (opts.relax) {
      if (status !== OPTIMAL || !feasible) return { status: 'no-solution', x: null, bound: NaN, gap: Infinity };
      const sol = model.getSolution();
      const v = model.getObjectiveValue();
      return { status: 'optimal', x: Float64Array.from(sol.colValue), bound: v, gap: 0, reducedCost: Float64Array.from(sol.colDual) };
    }
    const bound = Number(model.info.get('mip_dual_bound'));
    if (!feasible) return { status: 'no-solution', x: null, bound, gap: Infinity };
    return {
      status: status === OPTIMAL ? 'optimal' : 'limit',
      x: Float64Array.from(model.getSolution().colValue),
      bound,
      gap: Number(model.info.get('mip_gap')),
    };
  } finally {
    model.dispose();
  }
}

/**
 * For a highs-js without the persistent API: LP text through the one-shot solve. It reports no bound: an
 * optimal status means within mip_rel_gap of the text model's objective, and after a time limit the LP
 * relaxation supplies one (an upper bound on the true gap).
 */
function solveLegacy(
  highs: HighsInstance,
  mip: MipModel,
  options: Readonly<Record<string, string | number | boolean>>,
  opts: SolveOptions,
): Omit<MipResult, 'seconds'> {
  const relax = opts.relax === true;
  const res = highs.solve(toLpText(mip, { relax, fixed: opts.fixed }), options);
  if (res.Status === 'Infeasible' || res.Status === 'Primal infeasible or unbounded') {
    return { status: 'infeasible', x: null, bound: NaN, gap: NaN };
  }
  const optimal = res.Status === 'Optimal';
  if (!optimal && !/limit/i.test(res.Status)) throw new Error(`HiGHS stopped with status ${res.Status}`);
  const x = new Float64Array(mip.numCols);
  const rc = new Float64Array(mip.numCols);
  for (let k = 0; k < mip.numCols; k++) {
    const c = res.Columns[`x${k}`];
    x[k] = c?.Primal ?? NaN;
    rc[k] = c?.Dual ?? 0;
  }
  if (mip.numCols > 0 && x.some(Number.isNaN)) return { status: 'no-solution', x: null, bound: NaN, gap: Infinity };
  const value = res.ObjectiveValue + mip.offset;
  if (relax) return optimal ? { status: 'optimal', x, bound: value, gap: 0, reducedCost: rc } : { status: 'no-solution', x: null, bound: NaN, gap: Infinity };
  let bound: number;
  if (optimal) {
    bound = value + opts.gap * Math.abs(res.ObjectiveValue);
  } else {
    const lp = highs.solve(toLpText(mip, { relax: true }), options);
    bound = lp.Status === 'Optimal' ? lp.ObjectiveValue + mip.offset : NaN;
  }
  const gap = Number.isFinite(bound) ? Math.max(0, bound - value) / Math.max(Math.abs(value), 1e-9) : NaN;
  return { status: optimal ? 'optimal' : 'limit', x, bound, gap };
}
