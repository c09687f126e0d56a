import { CellError, naError, readDate, valueError } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { optionWord } from '../options';
import { column } from '../rowwise';
import { eachRow, showDate } from './over-rows';
import { percentileInc } from './percentile';

const STATISTICS = ['median', 'mean', 'p85', 'p95', 'min', 'max', 'count'] as const;
export type CycleStatistic = (typeof STATISTICS)[number];

/** The statistic of durations sorted ascending; at least one duration except for count. */
export function summarize(sorted: readonly number[], statistic: CycleStatistic): number {
  switch (statistic) {
    case 'count':
      return sorted.length;
    case 'mean': {
      let s = 0;
      for (const d of sorted) s += d;
      return s / sorted.length;
    }
    case 'min':
      return sorted[0]!;
    case 'max':
      return sorted[sorted.length - 1]!;
    case 'median':
      return percentileInc(sorted, 0.5);
    case 'p85':
      return percentileInc(sorted, 0.85);
    case 'p95':
      return percentileInc(sorted, 0.95);
  }
}

export const CYCLE_TIME: FunctionSpec = {
  name: 'CYCLE_TIME',
  section: 'Scorecards and delivery metrics',
  summary: 'Cycle time in days over finished items: median, mean, p85, p95, min, max or count.',
  params: [
    { name: 'start_dates', shape: 'range', help: 'When each item started (date cells or ISO text such as 2026-01-15).' },
    { name: 'end_dates', shape: 'range', help: 'When each item finished; blank while in progress. Same height as start_dates.' },
    {
      name: 'statistic',
      shape: 'value',
      optional: true, omitted: '"median"',
      help: '"median" (default), "mean", "p85", "p95", "min", "max" or "count".',
    },
  ],
  result: 'single',
  returns: 'The statistic of end − start in days (fractions kept), over rows with both dates.',
  example: 'CYCLE_TIME(D2:D200, E2:E200, "p85")',
  notes: [
    'p85 and p95 are PERCENTILE.INC (Sheets PERCENTILE); median equals MEDIAN.',
    'An end date without a start date is an error naming the row, not a skipped row.',
    'An end on the same day as the start gives 0 days; times of day are kept as fractions.',
    'No finished row gives #N/A, except count, which gives 0.',
    'Row numbers in messages count from 1 at the top of the range.',
  ],
  impl: (startDates, endDates, statistic) => {
    const stat = optionWord(statistic, 'statistic', STATISTICS, 'median');
    const durations: number[] = [];
    const problem = eachRow([column('start_dates', startDates), column('end_dates', endDates)], ([rawS, rawE]) => {
      const start = readDate(rawS, 'start_dates');
      if (start instanceof CellError) return start;
      const end = readDate(rawE, 'end_dates');
      if (end instanceof CellError) return end;
      if (end === null) return undefined;
      if (start === null) {
        return valueError('end_dates is filled but start_dates is blank: enter the start date, or clear the end date');
      }
      if (end < start) {
        return valueError(
          `end_dates (${showDate(end)}) is before start_dates (${showDate(start)}): check the two dates, they may be swapped`,
        );
      }
      durations.push(end - start);
      return undefined;
    });
    if (problem !== undefined) return problem;
    if (durations.length === 0 && stat !== 'count') {
      return naError('no row has both a start and an end date: there is no finished item to measure yet');
    }
    return summarize(durations.sort((x, y) => x - y), stat);
  },
};
