// Calls as a user makes them, in Sheets form (2-D arrays, "" for blanks, Date objects, error text from
// other cells), with what the cell must show. host-calls.test.ts runs each in both built add-ins.
import { CALL, E, NA, type Want } from './host-form';

export interface HostCase {
  fn: string;
  title: string;
  args: unknown[];
  want: Want;
  /** Numeric input cells ([argument index, row, column]) where any bad value must give an error, never a number. */
  poison?: [number, number, number?][];
  /** False where a blank in a poisoned cell is allowed (skipped), not an error. */
  blankIsError?: boolean;
}

const col = (...xs: unknown[]) => xs.map((x) => [x]);
void NA;

export const HOST_CASES: HostCase[] = [
  {
    fn: 'RICE',
    title: 'scores a backlog, percentages read as shares, the empty row at the bottom stays blank',
    args: [col(1000, 500, ''), col(2, 1, ''), col('80%', 0.5, ''), col(4, 2, '')],
    want: [[400], [125], ['']],
    poison: [[0, 0], [1, 1], [2, 0], [3, 1]],
  },
  { fn: 'RICE', title: 'one cell of each', args: [1000, 2, 0.8, 4], want: [[400]] },
  {
    fn: 'RICE',
    title: 'confidence typed as 80 suggests 80%',
    args: [col(10), col(1), col(80), col(1)],
    want: [[E(/confidence must be from 0 to 1 \(got 80\).*type 80%/)]],
  },
  {
    fn: 'RICE',
    title: 'zero effort and negative reach are row errors; the good row still scores',
    args: [col(10, -1, 10), col(1, 1, 1), col(1, 1, 1), col(0, 1, 2)],
    want: [[E(/effort must be greater than 0 \(got 0\)/)], [E(/reach must be 0 or more \(got -1\)/)], [5]],
  },
  {
    fn: 'RICE',
    title: 'a partly blank row names the missing input',
    args: [col(10, 20), col(1, ''), col(1, 1), col(1, 1)],
    want: [[10], [E(/impact is blank in this row/)]],
  },
  {
    fn: 'RICE',
    title: 'an error in another cell stays an error',
    args: [col(10, '#N/A'), col(1, 1), col(1, 1), col(1, 1)],
    want: [[10], [E(/reach is an error \(#N\/A\)/)]],
  },
  {
    fn: 'RICE',
    title: 'ranges of different heights fail the call',
    args: [col(1, 2), col(1, 2, 3), 1, 1],
    want: CALL(/reach has 2 rows but impact has 3/),
  },
  {
    fn: 'RICE',
    title: 'a two-column range where a column is expected fails the call',
    args: [[[1, 2]], 1, 1, 1],
    want: CALL(/reach must be one column/),
  },
  {
    fn: 'ICE',
    title: 'multiplies by default, averages on request',
    args: [col(8, 5), col(7, 5), col(6, 5)],
    want: [[336], [125]],
    poison: [[0, 0], [1, 1], [2, 0]],
  },
  { fn: 'ICE', title: 'average', args: [col(8, 5), col(7, 5), col(6, 5), 'Average'], want: [[7], [5]] },
  { fn: 'ICE', title: 'an unknown method word fails the call', args: [col(8), col(7), col(6), 'sum'], want: CALL(/method "sum" is not an option: use "multiply", "average"/) },
  {
    fn: 'WSJF',
    title: '(value + criticality + risk) ÷ size',
    args: [col(8, 3), col(5, 2), col(3, 1), col(4, 0)],
    want: [[4], [E(/job_size must be greater than 0/)]],
    poison: [[0, 0], [1, 0], [2, 0], [3, 0]],
  },
  {
    fn: 'CD3',
    title: 'cost of delay ÷ duration',
    args: [col(12000, 5000), col(3, '1.5')],
    want: [[4000], [5000 / 1.5]],
    poison: [[0, 0], [1, 1]],
  },
  {
    fn: 'MARKETING_ROI',
    title: '(revenue − cost) ÷ cost; zero cost is an error',
    args: [col(150000, 90000, 1000), col(50000, 100000, 0)],
    want: [[2], [-0.1], [E(/cost must be greater than 0/)]],
    poison: [[0, 0], [1, 1]],
  },
];
