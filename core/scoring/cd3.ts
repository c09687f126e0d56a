import type { FunctionSpec } from '../function-spec';
import { aboveZero, atLeastZero, column, numericRows } from '../rowwise';

export const CD3: FunctionSpec = {
  name: 'CD3',
  section: 'Prioritization',
  summary: 'Cost of delay divided by duration, for every row.',
  params: [
    { name: 'cost_of_delay', shape: 'range', help: 'Cost of delay per period (e.g. revenue lost per week), 0 or more.' },
    { name: 'duration', shape: 'range', help: 'Duration in the same period unit, greater than 0.' },
  ],
  result: 'column',
  returns: 'One CD3 score per row; blank rows stay blank.',
  example: 'CD3(B2:B40, C2:C40)',
  impl: (cost, duration) =>
    numericRows(
      [
        { column: column('cost_of_delay', cost), check: atLeastZero },
        { column: column('duration', duration), check: aboveZero },
      ],
      (v) => v[0]! / v[1]!,
    ),
};
