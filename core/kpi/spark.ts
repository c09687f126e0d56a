import type { FunctionSpec } from '../function-spec';
import { seriesRows } from './series';

const BARS = '▁▂▃▄▅▆▇█';
// A constant row has no low or high; the middle bar says "level" without suggesting either.
const LEVEL = 3;

/** One bar per period, scaled between the row's min and max; NaN (a blank period) is a space. */
export function sparkline(values: ArrayLike<number>): string {
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < values.length; j++) {
    const x = values[j]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  // Halving first keeps max − min finite when the row spans most of the double range.
  const half = !Number.isFinite(max - min);
  const span = half ? max / 2 - min / 2 : max - min;
  let s = '';
  for (let j = 0; j < values.length; j++) {
    const x = values[j]!;
    if (x !== x) s += ' ';
    else if (span === 0) s += BARS[LEVEL];
    else s += BARS[Math.round(((half ? x / 2 - min / 2 : x - min) / span) * 7)];
  }
  return s;
}

export const SPARK: FunctionSpec = {
  name: 'SPARK',
  section: 'Scorecards and delivery metrics',
  summary: 'A text sparkline (▁▂▃▄▅▆▇█) for every KPI row, scaled between its min and max.',
  params: [
    {
      name: 'series',
      shape: 'range',
      help: 'One row per KPI, one column per period, oldest first; a blank period shows as a space.',
    },
  ],
  result: 'column',
  returns: 'One text per row, one character per period; blank rows stay blank.',
  example: 'SPARK(C2:N20)',
  notes: [
    'Bar index = round((x − min) ÷ (max − min) × 7), so the row minimum is ▁ and the maximum █; a row with one number, or all equal, is all ▄.',
    'Blank periods, including trailing ones, are spaces, so every sparkline has one character per column of the range and they line up.',
    'A period that is not a number is a row error naming the period.',
  ],
  impl: (series) => seriesRows(series, (values) => sparkline(values)),
};
