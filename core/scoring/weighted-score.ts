import type { Out } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { readCriteria, rowScore } from './normalize';

/** WEIGHTED_SCORE as plain data: one result cell per criteria row. */
export function weightedScores(
  criteria: unknown,
  weights: unknown,
  directions?: unknown,
  scaleMin?: unknown,
  scaleMax?: unknown,
): Out[][] {
  const c = readCriteria(criteria, weights, directions, scaleMin, scaleMax);
  const { n, scored } = c;
  const out: Out[][] = [];
  // One pass in row order: scored rows come in the same order, so a cursor finds each one.
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (r < scored.length && scored[r] === i) {
      out.push([rowScore(c, i)]);
      r++;
    } else out.push([c.skipped[i]!]);
  }
  return out;
}

export const WEIGHTED_SCORE: FunctionSpec = {
  name: 'WEIGHTED_SCORE',
  section: 'Prioritization',
  summary: 'Weighted criteria score from 0 to 100 for every row, each criterion scaled to 0–1 first.',
  params: [
    {
      name: 'criteria',
      shape: 'range',
      help: 'One row per item, one column per criterion (e.g. C2:F40 for four criteria).',
    },
    {
      name: 'weights',
      shape: 'range',
      help: 'One weight per criterion column, in the same order (a row or a column); 0 or more, at least one above 0.',
    },
    {
      name: 'directions',
      shape: 'range',
      optional: true, omitted: 'higher is better for every criterion',
      help: 'One per criterion: "higher" (more is better, the default) or "lower" (less is better, e.g. cost); also +/- or 1/-1.',
    },
    {
      name: 'scale_min',
      shape: 'range',
      optional: true, omitted: 'each criterion is scaled between its lowest and highest value in the rows',
      help: 'Lowest possible value, one cell for all criteria or one per criterion (e.g. 1 for a 1–5 scale). Give with scale_max.',
    },
    {
      name: 'scale_max',
      shape: 'range',
      optional: true, omitted: 'each criterion is scaled between its lowest and highest value in the rows',
      help: 'Highest possible value, one cell for all criteria or one per criterion (e.g. 5 for a 1–5 scale). Give with scale_min.',
    },
  ],
  result: 'column',
  returns: 'One score from 0 to 100 per row; blank rows stay blank.',
  example: 'WEIGHTED_SCORE(C2:F40, C1:F1, {"higher","higher","lower","higher"}, 1, 5)',
  notes: [
    'Without scale_min and scale_max each criterion is scaled between its lowest and highest value over the rows that get a score; blank rows and rows with an error take no part, so fixing one row can move the scores of the others.',
    'A criterion with the same value on every scored row (including when only one row is scored) counts as 0.5, whatever its direction.',
    'scale_min and scale_max may each be one cell (every criterion) or one cell per criterion; a value exactly at a bound is inside the scale.',
    'directions may be one cell, which then applies to every criterion; a blank direction cell means "higher"; words are case-insensitive.',
    'Weights need not add up to 1 or 100: they are divided by their sum. Percentages such as 30% are read as 0.3. A weight of 0 ignores the criterion in the score, but its cells are still checked.',
    'Any problem with weights, directions or the scales fails the whole call, because it would skew every row alike.',
    'A row that is partly blank reports the first blank criterion; otherwise the first bad value, from left to right.',
  ],
  impl: (criteria, weights, directions, scaleMin, scaleMax) =>
    weightedScores(criteria, weights, directions, scaleMin, scaleMax),
};
