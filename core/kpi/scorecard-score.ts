import { CallError, CellError, naError, optionNumber, readNumber, valueError } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { column } from '../rowwise';
import { eachRow } from './over-rows';

export const SCORECARD_SCORE: FunctionSpec = {
  name: 'SCORECARD_SCORE',
  section: 'Scorecards and delivery metrics',
  summary: 'One weighted score for a scorecard: Σ weight × min(attainment, cap) ÷ Σ weight.',
  params: [
    { name: 'attainments', shape: 'range', help: 'One attainment per KPI (1 = target met), e.g. a KPI_ATTAINMENT column; blank rows are skipped.' },
    { name: 'weights', shape: 'range', help: 'One weight per KPI, 0 or more (same height), or one cell for equal weights.' },
    { name: 'cap', shape: 'value', optional: true, omitted: '1.2', help: 'Highest attainment one KPI can contribute, greater than 0 (default 1.2).' },
  ],
  result: 'single',
  returns: 'The weighted attainment of the scorecard (1 = every target met on average).',
  example: 'SCORECARD_SCORE(F2:F20, G2:G20, 1.2)',
  notes: [
    'Rows with a blank attainment are skipped (a KPI not yet reported), whatever their weight.',
    'An attainment that is an error or not a number is never skipped: the result is an error naming the row, because leaving it out would change the score silently.',
    'A blank weight where there is an attainment is an error naming the row; give 0 to leave a KPI out.',
    'Only the top is capped: an attainment below 0 counts as it is.',
    'No row with an attainment gives #N/A; weights adding up to 0 over those rows gives #VALUE!.',
    'Row numbers in messages count from 1 at the top of the range.',
  ],
  impl: (attainments, weights, cap) => {
    const c = optionNumber(cap, 'cap', 1.2);
    if (c <= 0) throw new CallError(`cap must be greater than 0 (got ${c}): use 1.2 to let a KPI count up to 120%`);
    const capped: number[] = [];
    const ws: number[] = [];
    let top = 0;
    const problem = eachRow([column('attainments', attainments), column('weights', weights)], ([rawA, rawW]) => {
      const a = readNumber(rawA, 'attainments');
      if (a === null) return undefined;
      if (a instanceof CellError) return a;
      const w = readNumber(rawW, 'weights');
      if (w === null) return valueError('weights is blank where there is an attainment: give the KPI a weight (0 leaves it out)');
      if (w instanceof CellError) return w;
      if (w < 0) return valueError(`weights must be 0 or more (got ${w})`);
      capped.push(Math.min(a, c));
      ws.push(w);
      if (w > top) top = w;
      return undefined;
    });
    if (problem !== undefined) return problem;
    if (capped.length === 0) return naError('attainments has no numbers: there is nothing to score yet');
    // Weights are relative, so scaling them by the largest keeps tiny or huge weights from under- or
    // overflowing the products.
    if (top === 0) return valueError('weights add up to 0 over the rows with an attainment: give at least one KPI a weight above 0');
    let sw = 0;
    let swa = 0;
    for (let i = 0; i < capped.length; i++) {
      const w = ws[i]! / top;
      sw += w;
      swa += w * capped[i]!;
    }
    return swa / sw;
  },
};
