import { CellError, type Out, isBlank, readNumber } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { optionWord } from '../options';
import { cellAt, column, sharedHeight } from '../rowwise';
import { rankOrder } from './rank-order';

/** PRIORITY_RANK as plain data. Typed arrays keep a million-row column to one small array per result cell. */
export function priorityRanks(scores: unknown, tiebreak?: unknown, tiebreakOrder?: unknown): Out[][] {
  const desc = optionWord(tiebreakOrder, 'tiebreak_order', ['asc', 'desc'], 'asc') === 'desc';
  const s = column('scores', scores);
  const t = column('tiebreak', tiebreak);
  const n = sharedHeight([s, t]);
  // An omitted tiebreak (or one blank cell) breaks no ties; leaving its key out keeps the sort to one key.
  const hasTiebreak = !(t.single && isBlank(t.grid[0]![0]));
  const score = new Float64Array(n);
  const key = hasTiebreak ? new Float64Array(n) : null;
  const rows = new Uint32Array(n);
  const out: Out[][] = new Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = readNumber(cellAt(s, i), 'score');
    if (x === null) {
      out[i] = [''];
      continue;
    }
    if (x instanceof CellError) {
      out[i] = [x];
      continue;
    }
    if (key !== null) {
      const tb = readNumber(cellAt(t, i), 'tiebreak');
      if (tb instanceof CellError) {
        out[i] = [tb];
        continue;
      }
      key[i] = tb === null ? Infinity : desc ? -tb : tb;
    }
    score[i] = x;
    rows[m++] = i;
  }
  const order = rankOrder(score, key, rows.subarray(0, m));
  for (let r = 0; r < m; r++) out[order[r]!] = [r + 1];
  return out;
}

export const PRIORITY_RANK: FunctionSpec = {
  name: 'PRIORITY_RANK',
  section: 'Prioritization',
  summary: 'Unique rank 1, 2, 3… for every scored row, highest score first, ties broken by a tiebreak column.',
  params: [
    { name: 'scores', shape: 'range', help: 'The scores to rank, one column (e.g. the RICE or WEIGHTED_SCORE column).' },
    {
      name: 'tiebreak',
      shape: 'range',
      optional: true, omitted: 'equal scores rank in row order',
      help: 'Numbers that break equal scores, same height as scores (e.g. effort). Blank: ranks after the rows that have one.',
    },
    {
      name: 'tiebreak_order',
      shape: 'value',
      optional: true, omitted: '"asc"',
      help: '"asc" (default): the lower tiebreak ranks first (e.g. cheaper first); "desc": the higher ranks first.',
    },
  ],
  result: 'column',
  returns: 'One rank per scored row, 1 for the highest score, with no two rows sharing a rank; blank scores stay blank.',
  example: 'PRIORITY_RANK(G2:G40, E2:E40, "asc")',
  notes: [
    'Among equal scores, a row whose tiebreak cell is blank ranks after every row that has a tiebreak, whether the order is "asc" or "desc"; rows with a blank tiebreak keep their row order.',
    'A row with a blank score is blank even when its tiebreak is filled: the tiebreak is optional data, so the row is not treated as partly blank.',
    'A row whose score or tiebreak is not a number gets a row error and no rank; the ranks 1…m run over the rows that do get one, without gaps.',
    'A tiebreak given as one cell applies to every row, so it breaks no ties.',
    'Scores are compared exactly as they are, unrounded: 0.1 + 0.2 ranks above 0.3. Round the scores first if a displayed tie should count as a tie.',
  ],
  impl: (scores, tiebreak, tiebreakOrder) => priorityRanks(scores, tiebreak, tiebreakOrder),
};
