// The wizard's model, free of DOM: the score, rank and rank confidence of every row, computed by the
// catalog's functions, and the columns to write (live formulas or values). Component tests drive this.
import { CellError, type Out } from '../../core/cells';
import type { ColumnWrite, Formula, FormulaArg, Scalar, TableData } from '../../protocol/bridge';
import { asColumn, callColumn, isNumber, outToScalar } from '../catalog-call';
import { confidenceInputs } from './confidence';
import { type FrameworkId, findFramework } from './frameworks';
import { type Criterion, type Mapping, type RowLabels, columnValues } from './mapping';

export interface Setup {
  readonly framework: FrameworkId;
  readonly mapping: Mapping;
  readonly criteria: readonly Criterion[];
  readonly iceMethod: 'multiply' | 'average';
  readonly labels: RowLabels;
  /** Top N for rank confidence; null: 10, or fewer when fewer rows are scored. */
  readonly topN: number | null;
}

export interface PreviewRow {
  /** 0-based data row in the table. */
  readonly row: number;
  readonly id: string;
  readonly label: string;
  readonly score: Out;
  readonly rank: Out;
  readonly effort: number | null;
  readonly confidence: number | null;
}

export interface Preview {
  /** Ranked rows first (rank 1 on top), then rows without a rank in table order. */
  readonly rows: readonly PreviewRow[];
  /** What stops scoring (an unmapped input, a call error); empty when the scores are good. */
  readonly problems: readonly string[];
  readonly scores: readonly Out[];
  readonly ranks: readonly Out[];
  readonly topN: number;
  /** Why there is no rank confidence, when there is none. */
  readonly confidenceNote: string;
}

function usedCriteria(setup: Setup): Criterion[] {
  return setup.criteria.filter((c) => c.use);
}

/** What is missing before the framework can score; empty when ready. */
export function setupProblems(setup: Setup): string[] {
  const fw = findFramework(setup.framework);
  if (fw.id === 'WEIGHTED') {
    const used = usedCriteria(setup);
    if (used.length === 0) return ['Tick at least one criterion.'];
    if (!used.some((c) => c.weight > 0)) return ['Give at least one criterion a weight above 0.'];
    return [];
  }
  return fw.inputs.filter((i) => !setup.mapping[i.key]).map((i) => `Choose the column for ${i.label}.`);
}

/** The score as a catalog call over the table's columns, in the order the function takes them. */
export function scoreFormula(setup: Setup): Formula {
  const fw = findFramework(setup.framework);
  if (fw.id === 'WEIGHTED') {
    const used = usedCriteria(setup);
    return {
      fn: fw.fn,
      args: [
        { kind: 'columns', headers: used.map((c) => c.header) },
        { kind: 'array', values: used.map((c) => c.weight) },
        { kind: 'array', values: used.map((c) => c.direction) },
      ],
    };
  }
  const args: FormulaArg[] = fw.inputs.map((i) => ({ kind: 'columns', headers: [setup.mapping[i.key]!] }));
  if (fw.id === 'ICE' && setup.iceMethod === 'average') args.push({ kind: 'text', value: 'average' });
  return { fn: fw.fn, args };
}

export function rankFormula(scoreHeader: string, setup: Setup): Formula {
  const effort = setup.labels.effortHeader;
  const args: FormulaArg[] = [{ kind: 'columns', headers: [scoreHeader] }];
  if (effort) args.push({ kind: 'columns', headers: [effort] }, { kind: 'text', value: 'asc' });
  return { fn: 'PRIORITY_RANK', args };
}

/** Evaluates a formula of the wizard against the table read, the way a host would. */
function evaluate(formula: Formula, table: TableData, extra: ReadonlyMap<string, readonly Out[]> = new Map()): ReturnType<typeof callColumn> {
  const args = formula.args.map((a) => {
    switch (a.kind) {
      case 'columns': {
        // A Map, not an object: a column headed "constructor" is a column, not Object.prototype's.
        const cols = a.headers.map((h) => extra.get(h)?.map(outToScalar) ?? columnValues(table, h));
        return table.rows.map((_, r) => cols.map((c) => c[r]));
      }
      case 'array':
        return [a.values.slice()];
      case 'number':
      case 'text':
        return a.value;
      default:
        return undefined;
    }
  });
  return callColumn(formula.fn, ...args);
}

function text(v: Scalar | undefined): string {
  return v === undefined ? '' : String(v);
}

export function defaultTopN(scored: number, topN: number | null): number {
  const n = topN ?? 10;
  return Math.max(1, Math.min(n, scored));
}

export function computePreview(table: TableData, setup: Setup, withConfidence = true): Preview {
  const empty = (problems: string[]): Preview => ({ rows: [], problems, scores: [], ranks: [], topN: 0, confidenceNote: '' });
  const problems = setupProblems(setup);
  if (problems.length) return empty(problems);
  const scored = evaluate(scoreFormula(setup), table);
  if (!scored.ok) return empty([scored.message]);
  const scores = scored.value;
  const ranked = evaluate(rankFormula('__score', setup), table, new Map([['__score', scores]]));
  const ranks = ranked.ok ? ranked.value : scores.map(() => '' as Out);
  const numericCount = scores.filter(isNumber).length;
  const topN = defaultTopN(numericCount, setup.topN);
  const conf = withConfidence ? rankConfidence(table, setup, scores, topN) : { values: null, note: '' };
  const ids = columnValues(table, setup.labels.idHeader);
  const labels = columnValues(table, setup.labels.labelHeader);
  const efforts = columnValues(table, setup.labels.effortHeader);
  const rows: PreviewRow[] = scores.map((score, r) => ({
    row: r,
    id: setup.labels.idHeader ? text(ids[r]) : `Row ${r + 1}`,
    label: setup.labels.labelHeader ? text(labels[r]) : '',
    score,
    rank: ranks[r] ?? '',
    effort: isNumber(efforts[r]) ? (efforts[r] as number) : null,
    confidence: conf.values && isNumber(conf.values[r]) ? (conf.values[r] as number) : null,
  }));
  rows.sort((a, b) => {
    const ra = isNumber(a.rank) ? a.rank : Infinity;
    const rb = isNumber(b.rank) ? b.rank : Infinity;
    return ra - rb || a.row - b.row;
  });
  const notes = [ranked.ok ? '' : ranked.message].filter(Boolean);
  return { rows, problems: notes, scores, ranks, topN, confidenceNote: conf.note };
}

function rankConfidence(table: TableData, setup: Setup, scores: readonly Out[], topN: number): { values: Out[] | null; note: string } {
  const inputs = confidenceInputs(table, setup, scores);
  if (!inputs) return { values: null, note: 'Rank confidence needs at least two scored rows that differ.' };
  const r = callColumn('RANK_CONFIDENCE', inputs.criteria, [inputs.weights], [inputs.directions], topN);
  return r.ok ? { values: shareTies(inputs.criteria, r.value), note: '' } : { values: null, note: r.message };
}

/**
 * Rows with the same inputs score the same in every trial, so RANK_CONFIDENCE's row-order tie-break gives
 * one 100% and the other 0% when they straddle the cut. Shown to a person, tied items get the same
 * confidence: the mean of theirs (the sum over the top N is unchanged).
 */
export function shareTies(criteria: readonly (readonly (number | string)[])[], values: readonly Out[]): Out[] {
  const groups = new Map<string, number[]>();
  criteria.forEach((row, i) => {
    if (!isNumber(values[i])) return;
    const key = JSON.stringify(row);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  const out = values.slice();
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const mean = rows.reduce((s, i) => s + (values[i] as number), 0) / rows.length;
    for (const i of rows) out[i] = mean;
  }
  return out;
}

export type WriteMode = 'formulas' | 'values';

export interface OutputHeaders {
  readonly score: string;
  readonly rank: string;
}

/** The Score and Rank columns to write beside the table. */
export function columnWrites(preview: Preview, setup: Setup, mode: WriteMode, headers: OutputHeaders): ColumnWrite[] {
  const score = preview.scores.map(outToScalar);
  const rank = preview.ranks.map(outToScalar);
  // Scores with one decimal (weighted scores are 0–100; the others any size, so thousands are grouped),
  // ranks as whole numbers: what a person reads, in the codes both hosts share.
  const formats = { score: setup.framework === 'WEIGHTED' ? '0.0' : '#,##0.0', rank: '0' };
  if (mode === 'values') return [{ header: headers.score, values: score, numberFormat: formats.score }, { header: headers.rank, values: rank, numberFormat: formats.rank }];
  return [
    { header: headers.score, formula: scoreFormula(setup), values: score, numberFormat: formats.score },
    { header: headers.rank, formula: rankFormula(headers.score, setup), values: rank, numberFormat: formats.rank },
  ];
}

/** True when any score is an error: the user should see why before writing. */
export function hasRowErrors(preview: Preview): boolean {
  return preview.scores.some((s) => s instanceof CellError);
}

export { asColumn };
