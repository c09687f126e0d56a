// Capacity planning figures: the greedy plan (ALLOCATE) on a large backlog, and the optimal planner on
// HiGHS against glpk.js and javascript-lp-solver solving the same 0-1 model at the same gap in this process.
// Run alone with `npx tsx bench/capacity.bench.ts`, or through `npm run bench`.
import { ALLOCATE } from '../core/capacity/functions';
import { getHighs, solveMip } from '../core/capacity/highs';
import { planCapacity } from '../core/capacity/index';
import { buildMip } from '../core/capacity/mip';
import { forcedItems, readPlan } from '../core/capacity/model';
import { type BaselineResult, solveGlpk, solveJsLp, valueOf } from './capacity-baselines';
import { type CapacityData, capacityData } from './capacity-data';
import { median, timeOnce } from './timing';

const GAP = 0.005;
/** Baselines get this long per model; a baseline still searching then is reported as stopped. */
const BASELINE_LIMIT = 30;

const ms = (s: number) => `${(s * 1000).toFixed(s < 1 ? 1 : 0)} ms`;
const sec = (s: number) => (s < 1 ? ms(s) : `${s.toFixed(2)} s`);
const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
const pctOf = (x: number) => `${(x * 100).toFixed(2)}%`;

function greedyLines(): string[] {
  const data = capacityData({ items: 10_000, teams: 20, depShare: 0.3, seed: 11 });
  const allocate = () => ALLOCATE.impl(data.backlog, data.teams, data.mix);
  // The least any priority walk does: order the rows by score.
  const sortOnly = () => data.backlog.slice(1).sort((a, b) => (b[1] as number) - (a[1] as number));
  allocate();
  sortOnly();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    a.push(timeOnce(allocate));
    b.push(timeOnce(sortOnly));
  }
  const m = readPlan(data.backlog, data.teams, data.mix);
  const deps = m.items.filter((it) => it.deps.length > 0).length;
  return [
    `greedy (ALLOCATE), 10,000 items × 20 teams, ${num(deps)} items with dependencies, mix of 2 max shares:`,
    `  ${ms(median(a) / 1000)} median of 7 (read tables, plan, write reasons); sorting the backlog by score alone takes ${ms(median(b) / 1000)} (×${(median(a) / median(b)).toFixed(1)})`,
  ];
}

async function optimalLines(items: number, teams: number): Promise<string[]> {
  const data: CapacityData = capacityData({ items, teams, minShares: true, seed: 7 });
  const m = readPlan(data.backlog, data.teams, data.mix);
  const mip = buildMip(m, forcedItems(m));
  const highs = await getHighs();
  // The first solve in a process runs WebAssembly in V8's baseline tier; warm both wasm solvers on a
  // backlog of the same size (another seed) so the figures compare steady states.
  const warm = capacityData({ items, teams, minShares: true, seed: 99 });
  await planCapacity(warm, { method: 'optimal', gap: GAP });
  const wm = readPlan(warm.backlog, warm.teams, warm.mix);
  await solveGlpk(buildMip(wm, forcedItems(wm)), GAP, 2);

  const greedy = await planCapacity(data, { method: 'greedy' });
  const runs: { seconds: number; value: number; gap: number; status: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const plan = await planCapacity(data, { method: 'optimal', gap: GAP });
    runs.push({ seconds: (performance.now() - t0) / 1000, value: plan.value, gap: plan.solver!.gap, status: plan.solver!.status });
  }
  const ours = runs.sort((x, y) => x.seconds - y.seconds)[1]!;
  const raw = solveMip(highs, mip, { timeLimit: BASELINE_LIMIT, gap: GAP });
  const rawResult: BaselineResult = { status: raw.status, x: raw.x, seconds: raw.seconds };
  const glpk = await solveGlpk(mip, GAP, BASELINE_LIMIT);
  const jslp = await solveJsLp(mip, GAP, BASELINE_LIMIT);

  const mixText = m.categories.map((c) => `${c.name} ${c.maxShare !== null ? `≤ ${c.maxShare * 100}%` : `≥ ${c.minShare! * 100}%`}`).join(', ');
  const deps = m.items.filter((it) => it.deps.length > 0).length;
  const lines = [
    `optimal, ${num(items)} items × ${teams} teams, ${num(deps)} with dependencies, mix ${mixText}, gap ${pctOf(GAP)}` +
      ` (model: ${num(mip.numCols)} binaries, ${num(mip.rowNames.length)} rows):`,
    `  HiGHS planner: ${sec(ours.seconds)} (median of 3, tables in, reasons out), value ${num(ours.value)}, ${ours.status} at gap ${pctOf(ours.gap)};` +
      ` +${pctOf(ours.value / greedy.value - 1)} over greedy (${num(greedy.value)})`,
  ];
  const row = (name: string, r: BaselineResult) => {
    const v = valueOf(mip, r.x);
    const value = Number.isNaN(v) ? 'no valid plan' : `value ${num(v)} (×${(v / ours.value).toFixed(4)} the planner's)`;
    return `  ${name}: ${sec(r.seconds)} (×${(r.seconds / ours.seconds).toFixed(1)} the planner's time), ${r.status}, ${value}`;
  };
  lines.push(row('HiGHS branch-and-bound alone, same model', rawResult));
  lines.push(row('glpk.js', glpk));
  lines.push(row('javascript-lp-solver', jslp));
  return lines;
}

export async function runCapacityBench(): Promise<string[]> {
  return [
    ...greedyLines(),
    ...(await optimalLines(300, 8)),
    ...(await optimalLines(2000, 20)),
    `(baselines stop at ${BASELINE_LIMIT} s; a ratio above 1 means slower than the planner, a value ratio below 1 a worse plan)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await runCapacityBench()) console.log(line);
}
