import { naError } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { seriesRows } from './series';

/**
 * Least-squares slope over the period index, divided by the mean absolute value: a relative change per
 * period that reads the same whatever the KPI's unit. `values` has NaN for blank periods.
 */
export function relativeTrend(values: ArrayLike<number>): number {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let j = 0; j < values.length; j++) {
    const y = values[j]!;
    if (y !== y) continue;
    m++;
    sx += j;
    sy += y;
  }
  const mx = sx / m;
  const my = sy / m;
  // Centred sums keep the slope accurate for large values (revenue in millions) with small changes.
  let sxy = 0;
  let sxx = 0;
  let sabs = 0;
  for (let j = 0; j < values.length; j++) {
    const y = values[j]!;
    if (y !== y) continue;
    sxy += (j - mx) * (y - my);
    sxx += (j - mx) * (j - mx);
    sabs += Math.abs(y);
  }
  // Every number 0: the KPI is flat, and 0 says so better than an error would.
  if (sabs === 0) return 0;
  return sxy / sxx / (sabs / m);
}

export const KPI_TREND: FunctionSpec = {
  name: 'KPI_TREND',
  section: 'Scorecards and delivery metrics',
  summary: 'Relative change per period for every KPI: least-squares slope ÷ mean absolute value.',
  params: [
    {
      name: 'series',
      shape: 'range',
      help: 'One row per KPI, one column per period, oldest first; blank periods are skipped but keep their place.',
    },
  ],
  result: 'column',
  returns: 'One trend per row (0.05 is +5% of the typical value per period); blank rows stay blank.',
  example: 'KPI_TREND(C2:N20)',
  notes: [
    'A row whose numbers are all 0 gives 0 (flat), not an error.',
    'A period that is not a number is a row error naming the period (1 is the first column of the range).',
    'The mean absolute value is taken over the numbers in the row, so a series crossing zero still has a defined trend; a series whose values are all close to zero gives large trends.',
  ],
  impl: (series) =>
    seriesRows(series, (values, count) =>
      count < 2
        ? naError('series has only one number in this row: a trend needs numbers in at least 2 periods')
        : relativeTrend(values),
    ),
};
