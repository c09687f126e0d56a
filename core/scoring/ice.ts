import type { FunctionSpec } from '../function-spec';
import { optionWord } from '../options';
import { atLeastZero, column, numericRows } from '../rowwise';

export const ICE: FunctionSpec = {
  name: 'ICE',
  section: 'Prioritization',
  summary: 'ICE score for every row: impact × confidence × ease, or their average.',
  params: [
    { name: 'impact', shape: 'range', help: 'Impact, 0 or more (often 1 to 10).' },
    { name: 'confidence', shape: 'range', help: 'Confidence, 0 or more (often 1 to 10).' },
    { name: 'ease', shape: 'range', help: 'Ease, 0 or more (often 1 to 10).' },
    { name: 'method', shape: 'value', optional: true, omitted: '"multiply"', help: '"multiply" (default) or "average".' },
  ],
  result: 'column',
  returns: 'One ICE score per row; blank rows stay blank.',
  example: 'ICE(B2:B40, C2:C40, D2:D40, "average")',
  impl: (impact, confidence, ease, method) => {
    const how = optionWord(method, 'method', ['multiply', 'average'], 'multiply');
    return numericRows(
      [
        { column: column('impact', impact), check: atLeastZero },
        { column: column('confidence', confidence), check: atLeastZero },
        { column: column('ease', ease), check: atLeastZero },
      ],
      how === 'multiply' ? (v) => v[0]! * v[1]! * v[2]! : (v) => (v[0]! + v[1]! + v[2]!) / 3,
    );
  },
};
