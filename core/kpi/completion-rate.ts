import { CellError, naError, readText } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { labelList, normalizeLabel } from '../labels';
import { column } from '../rowwise';
import { eachRow } from './over-rows';

const DEFAULT_DONE = new Set(['done', 'complete', 'completed']);

export const COMPLETION_RATE: FunctionSpec = {
  name: 'COMPLETION_RATE',
  section: 'Scorecards and delivery metrics',
  summary: 'The share of items that are done: done statuses ÷ non-blank statuses.',
  params: [
    { name: 'statuses', shape: 'range', help: 'One status per item (a column); blank rows are not counted.' },
    {
      name: 'done_labels',
      shape: 'range',
      optional: true, omitted: '"Done, Complete, Completed"',
      help: 'The statuses that mean done: a range, or text separated by commas (default "Done, Complete, Completed").',
    },
  ],
  result: 'single',
  returns: 'A share from 0 to 1 (0.75 is 75%).',
  example: 'COMPLETION_RATE(D2:D100, "Done, Shipped")',
  notes: [
    'Statuses and labels compare ignoring case, surrounding spaces and repeated inner spaces.',
    'done_labels cells are also split at commas; when every done_labels cell is blank the default applies.',
    'A TRUE/FALSE status (a checkbox column) counts as done/not done.',
    'A status that is an error value is an error naming the row, never counted as not done.',
    'No non-blank status gives #N/A.',
  ],
  impl: (statuses, doneLabels) => {
    const done = labelList(doneLabels, 'done_labels', true) ?? DEFAULT_DONE;
    let filled = 0;
    let finished = 0;
    const problem = eachRow([column('statuses', statuses)], ([raw]) => {
      // A checkbox column is the other common way to track done; reading TRUE as the word "true" would
      // quietly give 0%.
      if (typeof raw === 'boolean') {
        filled++;
        if (raw) finished++;
        return undefined;
      }
      const s = readText(raw, 'statuses');
      if (s instanceof CellError) return s;
      if (s === null) return undefined;
      filled++;
      if (done.has(normalizeLabel(s))) finished++;
      return undefined;
    });
    if (problem !== undefined) return problem;
    if (filled === 0) return naError('statuses has no filled cell: there is nothing to measure yet');
    return finished / filled;
  },
};
