// Matching a framework's inputs to a table's columns by header name, with protocol/columns.ts's one
// matching rule (exact names win over names holding an alias as a word), and each column feeds at most one
// input, so "Effort" is not taken twice.
import { normalizeHeader } from '../../core/table';
import type { Scalar, TableData } from '../../protocol/bridge';
import { matchColumn } from '../../protocol/columns';
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

// Columns that read as weighted criteria; when a table has some, only they start ticked, so a backlog
// that also carries RICE and WSJF inputs does not start with a dozen criteria.
const CRITERION_HINT = /strateg|fit|alignment|revenue potential|demand|brand|^risk$|^effort$|^cost$/i;

/** Every numeric column, IDs and capacities left out, cost-like ones pointing down. */
export function defaultCriteria(table: TableData): Criterion[] {
  const headers = numericColumns(table).filter((h) => !/^(id|#|row|rank|capacity)$/i.test(h.trim()));
  const hinted = headers.some((h) => CRITERION_HINT.test(h.trim()));
  return headers.map((header) => ({
    header,
    weight: 1,
    direction: LOWER_IS_BETTER.test(header) ? 'lower' : 'higher',
    use: !hinted || CRITERION_HINT.test(header.trim()),
  }));
}
