import type { FunctionSpec } from '../function-spec';
import { type Check, aboveZero, atLeastZero, column, numericRows } from '../rowwise';

// 80 typed where 80% was meant is the commonest RICE mistake, so the message says so.
const confidenceCheck: Check = (x, name) => {
  if (x >= 0 && x <= 1) return undefined;
  const hint = x > 1 && x <= 100 ? `: a cell showing ${x}% is ${x / 100}, so type ${x}%` : ': use a share such as 0.8 or 80%';
  return `${name} must be from 0 to 1 (got ${x})${hint}`;
};

export const RICE: FunctionSpec = {
  name: 'RICE',
  section: 'Prioritization',
  summary: 'RICE score for every row: reach × impact × confidence ÷ effort.',
  params: [
    { name: 'reach', shape: 'range', help: 'People or events reached per period, 0 or more (a column or one cell).' },
    { name: 'impact', shape: 'range', help: 'Impact per person, 0 or more (e.g. 0.25, 0.5, 1, 2, 3).' },
    { name: 'confidence', shape: 'range', help: 'Confidence from 0 to 1: 80% or 0.8.' },
    { name: 'effort', shape: 'range', help: 'Effort in person-weeks (or any unit), greater than 0.' },
  ],
  result: 'column',
  returns: 'One RICE score per row; blank rows stay blank.',
  example: 'RICE(B2:B40, C2:C40, D2:D40, E2:E40)',
  impl: (reach, impact, confidence, effort) =>
    numericRows(
      [
        { column: column('reach', reach), check: atLeastZero },
        { column: column('impact', impact), check: atLeastZero },
        { column: column('confidence', confidence), check: confidenceCheck },
        { column: column('effort', effort), check: aboveZero },
      ],
      (v) => (v[0]! * v[1]! * v[2]!) / v[3]!,
    ),
};

