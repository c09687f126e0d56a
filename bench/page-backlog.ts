// The backlog the playground bench opens (bench/playground-driver.ts), shared by every page that
// implements the driver and by the runner (bench/playground-page.ts): the same seeded items at every
// size, the results the catalog computes for them, and the sidebar's Prioritize step as Bridge calls.
// It imports only core/, protocol/ and the sidebar's DOM-free model, so any page can bundle it.
import { columnLetters } from '../protocol/a1';
import type { Bridge, Scalar, WriteResult } from '../protocol/bridge';
import { dialectFor } from '../protocol/formula';
import { callColumn } from '../sidebar/catalog-call';
import { findFramework } from '../sidebar/prioritize/frameworks';
import { autoLabels, autoMap } from '../sidebar/prioritize/mapping';
import { type Setup, columnWrites, computePreview } from '../sidebar/prioritize/preview';
import { BENCH_SHEET } from './playground-driver';
import { seeded } from './timing';

/** The Backlog sheet's header row: the sample backlog's kind of inputs, then one spilled formula per output column. */
export const BENCH_HEADERS = ['ID', 'Title', 'Team', 'Reach', 'Impact', 'Confidence', 'Effort', 'RICE score', 'Priority rank'] as const;
/** 0-based columns of the inputs and outputs in BENCH_HEADERS. */
export const BENCH_COLUMNS = { reach: 3, impact: 4, confidence: 5, effort: 6, score: 7, rank: 8 } as const;
/** The headers rankAndWrite writes beside the table. */
export const WRITTEN_HEADERS = { score: 'Score', rank: 'Rank' } as const;

const TEAMS = ['Content', 'Demand gen', 'Product marketing', 'Brand', 'Lifecycle', 'Web'];
const VERBS = ['Launch', 'Refresh', 'Test', 'Localise', 'Automate', 'Measure', 'Publish', 'Simplify'];
const THINGS = ['pricing page', 'webinar series', 'nurture flow', 'case study', 'onboarding email', 'partner kit', 'benchmark report', 'landing page'];
const IMPACTS = [0.25, 0.5, 1, 2, 3];

export interface BenchBacklog {
  readonly sheet: string;
  readonly headers: readonly string[];
  /** One row per item: the input values, blank ('') under the two formula columns. */
  readonly rows: readonly (readonly Scalar[])[];
  /** The formula of each output column, in its first data cell (row 2); each spills down the items. */
  readonly formulas: readonly { readonly a1: string; readonly formula: string }[];
}

/**
 * `items` backlog items, the same for the same arguments. Header in row 1, items from row 2. `prefix` is the
 * page's function prefix ('AGILE_' as the playground's Sheets-variant sample writes them, 'AGILE.' for the
 * Excel syntax); the separator follows that dialect.
 */
export function benchBacklog(items: number, { prefix = 'AGILE_', seed = 14 }: { prefix?: string; seed?: number } = {}): BenchBacklog {
  if (!Number.isInteger(items) || items < 1) throw new Error(`the bench backlog needs a whole number of items, at least 1 (got ${items})`);
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows: Scalar[][] = [];
  for (let i = 0; i < items; i++) {
    rows.push([
      `B-${String(i + 1).padStart(6, '0')}`,
      `${pick(VERBS)} ${pick(THINGS)} ${i + 1}`,
      pick(TEAMS),
      50 * (2 + Math.floor(rnd() * 400)),
      pick(IMPACTS),
      (5 + Math.floor(rnd() * 6)) / 10,
      1 + Math.floor(rnd() * 20),
      '',
      '',
    ]);
  }
  const last = items + 1;
  const sep = dialectFor(prefix).separator;
  const col = (c: number) => `${columnLetters(c)}2:${columnLetters(c)}${last}`;
  const { reach, impact, confidence, effort, score } = BENCH_COLUMNS;
  return {
    sheet: BENCH_SHEET,
    headers: BENCH_HEADERS,
    rows,
    formulas: [
      { a1: 'H2', formula: `=${prefix}RICE(${[reach, impact, confidence, effort].map(col).join(sep)})` },
      { a1: 'I2', formula: `=${prefix}PRIORITY_RANK(${[score, effort].map(col).join(sep)})` },
    ],
  };
}

/** What the catalog computes for the two formula columns over these rows (RICE, then PRIORITY_RANK by effort). */
export function expectedResults(rows: readonly (readonly Scalar[])[]): { score: Scalar[]; rank: Scalar[] } {
  const { reach, impact, confidence, effort } = BENCH_COLUMNS;
  const column = (c: number) => rows.map((r) => [r[c]]);
  const score = callColumn('RICE', column(reach), column(impact), column(confidence), column(effort));
  if (!score.ok) throw new Error(`RICE over the bench backlog failed: ${score.message}`);
  const rank = callColumn('PRIORITY_RANK', score.value.map((v) => [v]), column(effort));
  if (!rank.ok) throw new Error(`PRIORITY_RANK over the bench backlog failed: ${rank.message}`);
  return { score: score.value as Scalar[], rank: rank.value as Scalar[] };
}

/**
 * The sidebar's Prioritize step over the bench backlog, as the sidebar makes it: list the tables, read the
 * Backlog, score it with RICE and rank it (the wizard's own model, without the rank-confidence preview,
 * which is never written), then write Score and Rank as live formulas beside it.
 */
export async function rankAndWriteThrough(bridge: Bridge): Promise<WriteResult> {
  const tables = await bridge.listTables();
  const ref = tables.find((t) => t.sheet === BENCH_SHEET);
  if (!ref) throw new Error(`no table on the ${BENCH_SHEET} sheet (tables: ${tables.map((t) => t.name).join(', ') || 'none'})`);
  const table = await bridge.readTable(ref.id);
  const framework = findFramework('RICE');
  const mapping = autoMap(framework, table.headers);
  const setup: Setup = { framework: 'RICE', mapping, criteria: [], iceMethod: 'multiply', labels: autoLabels(table.headers, framework, mapping), topN: null };
  const preview = computePreview(table, setup, false);
  if (preview.problems.length) throw new Error(`Prioritize could not score the backlog: ${preview.problems.join(' ')}`);
  const writes = columnWrites(preview, setup, 'formulas', WRITTEN_HEADERS);
  const source = { tableId: ref.id, version: table.version };
  return bridge.writeColumns(ref.id, writes, { basedOn: table.version, sources: [source] });
}

/** Resolves with performance.now() just after the next frame has been painted (a rAF, then a task after it). */
export function afterNextPaint(): Promise<number> {
  return new Promise((ok) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok(performance.now());
      ch.port2.postMessage(0);
    }),
  );
}
