import { CellError, naError, readNumber, valueError } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { labelList, readLabel } from '../labels';
import { column } from '../rowwise';
import { eachRow } from './over-rows';

export const GOAL_CONTRIBUTION: FunctionSpec = {
  name: 'GOAL_CONTRIBUTION',
  section: 'Scorecards and delivery metrics',
  summary: 'The share of effort spent on work linked to an outcome: linked effort ÷ total effort.',
  params: [
    { name: 'outcomes', shape: 'range', help: 'The outcome (goal, OKR) each item serves; blank when it serves none.' },
    { name: 'efforts', shape: 'range', help: 'Effort of each item, 0 or more (same height as outcomes).' },
    {
      name: 'valid_outcomes',
      shape: 'range',
      optional: true, omitted: 'every non-blank outcome counts',
      help: 'The outcomes that count, e.g. the list of this quarter\'s OKRs; when given, other names count as unlinked.',
    },
  ],
  result: 'single',
  returns: 'A share from 0 to 1 (0.7 is 70% of effort on outcomes).',
  example: 'GOAL_CONTRIBUTION(C2:C100, E2:E100, Outcomes!A2:A10)',
  notes: [
    'Outcome names compare ignoring case, surrounding spaces and repeated inner spaces.',
    'valid_outcomes cells are not split at commas, since outcome names may contain them; when every valid_outcomes cell is blank, any non-blank outcome counts.',
    'Rows with blank effort and blank outcome are skipped; effort without an outcome counts as unlinked effort.',
    'A blank effort with an outcome, a negative effort, or an error or TRUE/FALSE in either column is an error naming the row.',
    'No row with an effort gives #N/A; efforts adding up to 0 gives #VALUE!.',
    'Row numbers in messages count from 1 at the top of the range.',
  ],
  impl: (outcomes, efforts, validOutcomes) => {
    const valid = labelList(validOutcomes, 'valid_outcomes', false);
    let total = 0;
    let linked = 0;
    let rows = 0;
    const problem = eachRow([column('outcomes', outcomes), column('efforts', efforts)], ([rawO, rawE]) => {
      const outcome = readLabel(rawO, 'outcomes');
      if (outcome instanceof CellError) return outcome;
      const effort = readNumber(rawE, 'efforts');
      if (effort instanceof CellError) return effort;
      if (effort === null) {
        return outcome === null
          ? undefined
          : valueError('efforts is blank where there is an outcome: enter the effort (0 if none), or clear the outcome');
      }
      if (effort < 0) return valueError(`efforts must be 0 or more (got ${effort})`);
      rows++;
      total += effort;
      if (outcome !== null && (valid === null || valid.has(outcome))) linked += effort;
      return undefined;
    });
    if (problem !== undefined) return problem;
    if (rows === 0) return naError('efforts has no numbers: there is nothing to measure yet');
    if (total === 0) return valueError('efforts add up to 0: enter the effort of each item');
    return linked / total;
  },
};
