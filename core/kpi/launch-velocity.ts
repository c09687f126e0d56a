import { CellError, readDate, scalar, valueError } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { column } from '../rowwise';
import { eachRow, showDate } from './over-rows';

/** The period bound as a whole day: a blank or unreadable bound is a data problem, reported as a cell error. */
function periodDay(v: unknown, arg: string, what: string): number | CellError {
  const d = readDate(scalar(v, arg), arg);
  if (d === null) return valueError(`${arg} is blank: enter the ${what} day of the period, such as 2026-01-01`);
  return d instanceof CellError ? d : Math.floor(d);
}

export const LAUNCH_VELOCITY: FunctionSpec = {
  name: 'LAUNCH_VELOCITY',
  section: 'Scorecards and delivery metrics',
  summary: 'Launches per week within a period: count ÷ ((end − start + 1) ÷ 7).',
  params: [
    { name: 'launch_dates', shape: 'range', help: 'The launch date of each item (date cells or ISO text); blank rows are skipped.' },
    { name: 'period_start', shape: 'value', help: 'The first day of the period (a date), counted in full.' },
    { name: 'period_end', shape: 'value', help: 'The last day of the period (a date), counted in full.' },
  ],
  result: 'single',
  returns: 'Launches per 7 days of the period.',
  example: 'LAUNCH_VELOCITY(F2:F200, DATE(2026,1,1), DATE(2026,3,31))',
  notes: [
    'Dates compare as whole days (the time of day is dropped), so a launch at 15:00 on the last day counts and the period has end − start + 1 whole days.',
    'Launch dates outside the period are ignored; a launch cell that is not a date is an error naming the row.',
    'period_end before period_start, or a blank period bound, is a #VALUE! error.',
    'Row numbers in messages count from 1 at the top of the range.',
  ],
  impl: (launchDates, periodStart, periodEnd) => {
    const start = periodDay(periodStart, 'period_start', 'first');
    if (start instanceof CellError) return start;
    const end = periodDay(periodEnd, 'period_end', 'last');
    if (end instanceof CellError) return end;
    if (end < start) {
      return valueError(`period_end (${showDate(end)}) is before period_start (${showDate(start)}): check the two dates`);
    }
    let count = 0;
    const problem = eachRow([column('launch_dates', launchDates)], ([raw]) => {
      const d = readDate(raw, 'launch_dates');
      if (d instanceof CellError) return d;
      if (d === null) return undefined;
      const day = Math.floor(d);
      if (day >= start && day <= end) count++;
      return undefined;
    });
    if (problem !== undefined) return problem;
    return (count * 7) / (end - start + 1);
  },
};
