// Matching a framework's inputs to a table's columns by header name, with protocol/columns.ts's one
// matching rule (exact names win over names holding an alias as a word), and each column feeds at most one
// input, so "Effort" is not taken twice.
import { normalizeHeader } from '../../core/table';
import type { Scalar, TableData } from '../../protocol/bridge';
import { findColumn, matchColumn } from '../../protocol/columns';
import { EFFORT_ALIASES, type Framework, ID_ALIASES, LABEL_ALIASES, LOWER_IS_BETTER } from './frameworks';

/** input key → column header ('' when unmapped). */
export type Mapping = Record<string, string>;

export { matchColumn };

export function autoMap(framework: Framework, headers: readonly string[]): Mapping {
  const taken = new Set<string>();
  const mapping: Mapping = {};
  // Specific names first: "Job size" must not be taken by the generic effort aliases of another input.
  const order = [...framework.inputs].sort((a, b) => a.aliases.length - b.aliases.length);
  for (const input of order) {
    const h = matchColumn(headers, input.aliases, taken);
    mapping[input.key] = h;
    if (h) taken.add(h);
  }
  return mapping;
}

export interface RowLabels {
  readonly idHeader: string;
  readonly labelHeader: string;
  readonly effortHeader: string;
}

export function autoLabels(headers: readonly string[], framework: Framework, mapping: Mapping): RowLabels {
  const idHeader = matchColumn(headers, ID_ALIASES);
  const labelHeader = matchColumn(headers, LABEL_ALIASES, new Set([idHeader]));
  const effortHeader = (framework.effortKey && mapping[framework.effortKey]) || matchColumn(headers, EFFORT_ALIASES);
  return { idHeader, labelHeader, effortHeader };
}

export function columnValues(table: TableData, header: string): Scalar[] {
  const i = table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
  return i < 0 ? table.rows.map(() => '') : table.rows.map((r) => r[i] ?? '');
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)%?$/;

/** Columns whose filled cells are all numbers: the candidates for weighted criteria. */
export function numericColumns(table: TableData): string[] {
  return table.headers.filter((h, i) => {
    if (!h || table.ownedColumns.includes(h)) return false;
    let filled = 0;
    for (const row of table.rows) {
      const v = row[i];
      if (v === '' || v === undefined) continue;
      if (typeof v === 'number' || (typeof v === 'string' && NUMERIC.test(v.trim()))) filled++;
      else return false;
    }
    return filled > 0;
  });
}

export interface Criterion {
  readonly header: string;
  readonly weight: number;
  readonly direction: 'higher' | 'lower';
  readonly use: boolean;
}

// Columns that read as strategic criteria; when a table has some that point up, only they start ticked, so
// a backlog that also carries RICE and WSJF inputs does not start with a dozen criteria.
const CRITERION_HINT = /strateg|fit|alignment|revenue potential|demand|brand|^risk$|^effort$|^cost$/i;
/** Names that say more is better; checked before LOWER_IS_BETTER, so "Cost of delay" points up. */
const HIGHER_IS_BETTER = /cost of delay|value|reach|impact|confidence|revenue|demand|fit|alignment|strateg|urgen|critical|reduction|opportunit|ease|brand|pipeline|roi|benefit/i;
/** Never criteria: identifiers, capacities, and what a framework (ours or the template's) computed. */
const NOT_CRITERIA = /^(id|#|row|(priority )?rank|position|capacity|load|attainment|trend|planned|(actual|planned) effort)$/i;
const DATE_HEADER = /date|requested|started|launched|shipped|due|deadline|created|updated|^(start|end|month|quarter|year|week)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export function criterionDirection(header: string): 'higher' | 'lower' {
  if (HIGHER_IS_BETTER.test(header)) return 'higher';
  return LOWER_IS_BETTER.test(header) ? 'lower' : 'higher';
}

/**
 * The numeric inputs that look like criteria, directions from their names (cost of delay, value, reach:
 * higher; effort, cost, risk: lower). Dates, IDs, capacities and computed scores are not offered. Ticked:
 * the strategic columns when some point up; otherwise every column whose name gives a direction; and if
 * none of those points up, every candidate (a ranking by cost alone would put the cheapest first).
 */
export function defaultCriteria(table: TableData): Criterion[] {
  const isDates = (h: string) => {
    const i = table.headers.indexOf(h);
    const filled = table.rows.map((r) => r[i]).filter((v) => v !== '' && v !== undefined);
    return DATE_HEADER.test(h) || (filled.length > 0 && filled.every((v) => typeof v === 'string' && ISO_DATE.test(v)));
  };
  const headers = numericColumns(table).filter((h) => !NOT_CRITERIA.test(h.trim()) && !findColumn([h], 'score') && !isDates(h.trim()));
  const named = (h: string) => HIGHER_IS_BETTER.test(h) || LOWER_IS_BETTER.test(h);
  const hinted = headers.filter((h) => CRITERION_HINT.test(h.trim()));
  let ticked = hinted.some((h) => criterionDirection(h) === 'higher') ? hinted : headers.filter(named);
  if (!ticked.some((h) => criterionDirection(h) === 'higher')) ticked = headers;
  return headers.map((header) => ({ header, weight: 1, direction: criterionDirection(header), use: ticked.includes(header) }));
}

