// RICE, PRIORITY_RANK and WEIGHTED_SCORE over Excel's full grid height, called through the built add-ins
// with the arrays each host passes, against the minimal loop doing the same arithmetic on the same arrays.
import { ExcelError, loadExcel, loadSheets } from '../test/hosts/load-bundles';
import { compare, seeded } from './timing';

const ROWS = 1_048_576;
type Grid = unknown[][];

function data() {
  const rnd = seeded(42);
  const column = (f: () => number): Grid => Array.from({ length: ROWS }, () => [f()]);
  const impacts = [0.25, 0.5, 1, 2, 3];
  return {
    reach: column(() => Math.floor(rnd() * 10_000)),
    impact: column(() => impacts[Math.floor(rnd() * 5)]!),
    confidence: column(() => 0.5 + rnd() / 2),
    effort: column(() => 0.5 + rnd() * 10),
    scores: column(() => Math.round(rnd() * 1000) / 10),
    criteria: Array.from({ length: ROWS }, () => [rnd() * 10, rnd() * 100, Math.floor(rnd() * 5) + 1, rnd()]),
    weights: [[3, 2, 1, 1]],
  };
}

function riceLoop(r: Grid, i: Grid, c: Grid, e: Grid): number[][] {
  const out = new Array(r.length);
  for (let k = 0; k < r.length; k++) out[k] = [((r[k]![0] as number) * (i[k]![0] as number) * (c[k]![0] as number)) / (e[k]![0] as number)];
  return out;
}

function rankLoop(s: Grid): number[][] {
  const n = s.length;
  const v = new Float64Array(n);
  for (let k = 0; k < n; k++) v[k] = s[k]![0] as number;
  const idx = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  idx.sort((a, b) => v[b]! - v[a]! || a - b);
  const out = new Array(n);
  for (let k = 0; k < n; k++) out[idx[k]!] = [k + 1];
  return out;
}

function weightedLoop(g: Grid, w: number[]): number[][] {
  const n = g.length;
  const k = w.length;
  const lo = new Float64Array(k).fill(Infinity);
  const hi = new Float64Array(k).fill(-Infinity);
  for (const row of g) for (let j = 0; j < k; j++) {
    const x = row[j] as number;
    if (x < lo[j]!) lo[j] = x;
    if (x > hi[j]!) hi[j] = x;
  }
  const sw = w.reduce((a, b) => a + b, 0);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = g[i]!;
    let s = 0;
    for (let j = 0; j < k; j++) s += (w[j]! * ((row[j] as number) - lo[j]!)) / (hi[j]! - lo[j]!);
    out[i] = [(100 * s) / sw];
  }
  return out;
}

export async function runScoringBench(): Promise<string[]> {
  const d = data();
  // Hosts create the argument arrays in the script's own realm, so data, bundle and baseline share one.
  const sheets = loadSheets('shared');
  const excel = loadExcel('shared');
  const call = (id: string, ...a: unknown[]) => {
    const r = excel.associated.get(id)!(...a);
    if (r instanceof ExcelError) throw r;
    return r;
  };
  const lines = [`Scoring over ${ROWS.toLocaleString('en-US')} rows (ratio to the minimal loop on the same arrays; target ≤ 2×)`];
  const figure = (label: string, ours: () => unknown, base: () => unknown) => {
    const r = compare(ours, base, 5);
    lines.push(`  ${label.padEnd(28)} ${r.ratio.toFixed(2)}×  (${r.ours.toFixed(0)} ms vs ${r.baseline.toFixed(0)} ms)`);
  };
  figure('RICE, Sheets', () => sheets.fn('RICE')(d.reach, d.impact, d.confidence, d.effort), () => riceLoop(d.reach, d.impact, d.confidence, d.effort));
  figure('RICE, Excel', () => call('RICE', d.reach, d.impact, d.confidence, d.effort), () => riceLoop(d.reach, d.impact, d.confidence, d.effort));
  if (excel.associated.has('PRIORITY_RANK')) {
    figure('PRIORITY_RANK, Sheets', () => sheets.fn('PRIORITY_RANK')(d.scores), () => rankLoop(d.scores));
    figure('PRIORITY_RANK, Excel', () => call('PRIORITY_RANK', d.scores, null, null), () => rankLoop(d.scores));
  }
  if (excel.associated.has('WEIGHTED_SCORE')) {
    figure('WEIGHTED_SCORE, Sheets', () => sheets.fn('WEIGHTED_SCORE')(d.criteria, d.weights), () => weightedLoop(d.criteria, [3, 2, 1, 1]));
    figure('WEIGHTED_SCORE, Excel', () => call('WEIGHTED_SCORE', d.criteria, d.weights, null, null, null), () => weightedLoop(d.criteria, [3, 2, 1, 1]));
  }
  return lines;
}
