// "Snapshot to sheet": a dated, values-only copy of the scorecard that can be shared without the working
// data. The block is plain values (numbers stay numbers so formats apply) and every text that a host
// could read as a formula is made inert with a leading apostrophe (see inertText): a KPI named
// =HYPERLINK("http://x","y") arrives in the sheet as that text, never as a link or a formula.
import { matchKey } from '../keys';
import { inertText } from './escape';
import { num } from './format';
import type { KpiRow } from './types';

export interface SnapshotInput {
  readonly quarter: string;
  readonly team: string;
  /** ISO date of the snapshot, e.g. 2026-06-26. Passed in: the core never reads the clock. */
  readonly takenOn: string;
  readonly scorecard: readonly KpiRow[];
  readonly composite?: number | null;
  /** Column headers for the readings (Jan, Feb, ...); P1, P2, ... when absent. */
  readonly seriesLabels?: readonly string[];
}

export interface Snapshot {
  /** A 2-D block, every row the same width: numbers, or text ("" for blank). */
  readonly values: (string | number)[][];
  /** A number format per cell, same shape ('General' for text). */
  readonly numberFormats: string[][];
  /** Row (0-based) of the KPI table's header inside the block, for bold styling. */
  readonly headerRow: number;
}

const UNIT_FORMATS: ReadonlyMap<string, string> = new Map([['%', '0%'], ['$', '$#,##0'], ['days', '0.0'], ['per week', '0.00']]);
const GENERAL = 'General';

const cell = (v: unknown): string | number => {
  const n = num(v);
  if (n !== null) return n;
  if (v === null || v === undefined || typeof v === 'number') return '';
  return inertText(String(v));
};

export function scorecardSnapshot(input: SnapshotInput): Snapshot {
  const periods = Math.max(0, ...input.scorecard.map((k) => k.series?.length ?? 0));
  const labels = Array.from({ length: periods }, (_, i) => input.seriesLabels?.[i] ?? `P${i + 1}`);
  const header = ['KPI', 'Area', 'Unit', 'Direction', 'Baseline', 'Target', ...labels, 'Actual', 'Attainment', 'Status', 'Trend'];
  const width = header.length;
  const rows: { values: (string | number)[]; formats: string[] }[] = [];
  const line = (values: (string | number)[], formats: string[] = []) =>
    rows.push({
      values: [...values, ...Array<string>(width - values.length).fill('')].map((v) => (typeof v === 'string' ? inertText(v) : v)),
      formats: [...formats, ...Array<string>(width - formats.length).fill(GENERAL)],
    });

  line([`Scorecard snapshot · ${input.quarter} · ${input.team}`]);
  line([`Taken on ${input.takenOn}. Values only: no formulas and no working data.`]);
  line([]);
  line(['Composite score', cell(input.composite)], [GENERAL, '0%']);
  line([]);
  const headerRow = rows.length;
  line(header);
  for (const k of input.scorecard) {
    const unitFormat = UNIT_FORMATS.get(matchKey(String(k.unit ?? ''))) ?? GENERAL;
    const series = Array.from({ length: periods }, (_, i) => cell(k.series?.[i]));
    rows.push({
      values: [cell(k.kpi), cell(k.area), cell(k.unit), cell(k.direction), cell(k.baseline), cell(k.target), ...series, cell(k.actual), cell(k.attainment), cell(k.status), cell(k.trend)],
      formats: [GENERAL, GENERAL, GENERAL, GENERAL, unitFormat, unitFormat, ...series.map(() => unitFormat), unitFormat, '0%', GENERAL, '+0.0%;-0.0%;0.0%'],
    });
  }
  return { values: rows.map((r) => r.values), numberFormats: rows.map((r) => r.formats), headerRow };
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A sheet name for the snapshot that no existing sheet has: "Scorecard 2026-06-26", then "(2)", "(3)"... */
export function snapshotSheetName(takenOn: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  const base = `Scorecard ${takenOn}`.replace(BAD_SHEET_CHARS, '-').replace(/^'+|'+$/g, '').slice(0, 31);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
