import type { FunctionSpec } from '../function-spec';
import { aboveZero, atLeastZero, column, numericRows } from '../rowwise';

export const WSJF: FunctionSpec = {
  name: 'WSJF',
  section: 'Prioritization',
  summary: 'Weighted shortest job first for every row: (value + time criticality + risk reduction) ÷ job size.',
  params: [
    { name: 'business_value', shape: 'range', help: 'User or business value, 0 or more (often 1, 2, 3, 5, 8, 13, 20).' },
    { name: 'time_criticality', shape: 'range', help: 'Time criticality, 0 or more.' },
    { name: 'risk_reduction', shape: 'range', help: 'Risk reduction or opportunity enablement, 0 or more.' },
    { name: 'job_size', shape: 'range', help: 'Job size (duration proxy), greater than 0.' },
  ],
  result: 'column',
  returns: 'One WSJF score per row; blank rows stay blank.',
  example: 'WSJF(B2:B40, C2:C40, D2:D40, E2:E40)',
  impl: (value, criticality, risk, size) =>
    numericRows(
      [
        { column: column('business_value', value), check: atLeastZero },
        { column: column('time_criticality', criticality), check: atLeastZero },
        { column: column('risk_reduction', risk), check: atLeastZero },
        { column: column('job_size', size), check: aboveZero },
      ],
      (v) => (v[0]! + v[1]! + v[2]!) / v[3]!,
    ),
};
