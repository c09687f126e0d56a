import type { FunctionSpec } from '../function-spec';
import { aboveZero, column, numericRows } from '../rowwise';

export const MARKETING_ROI: FunctionSpec = {
  name: 'MARKETING_ROI',
  section: 'Scorecards and delivery metrics',
  summary: 'Marketing return on investment for every row: (revenue − cost) ÷ cost.',
  params: [
    { name: 'revenue', shape: 'range', help: 'Revenue (or pipeline value) attributed to the spend.' },
    { name: 'cost', shape: 'range', help: 'Marketing cost, greater than 0.' },
  ],
  result: 'column',
  returns: 'One ROI per row as a fraction (0.5 is 50%); blank rows stay blank.',
  example: 'MARKETING_ROI(B2:B13, C2:C13)',
  impl: (revenue, cost) =>
    numericRows(
      [{ column: column('revenue', revenue) }, { column: column('cost', cost), check: aboveZero }],
      (v) => (v[0]! - v[1]!) / v[1]!,
    ),
};
