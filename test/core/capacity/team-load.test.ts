import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../../core/cells';
import { ALLOCATE, CAPACITY_ACCURACY, TEAM_LOAD } from '../../../core/capacity/functions';

const load = (...args: unknown[]) => TEAM_LOAD.impl(...args) as unknown[][];
const accuracy = (...args: unknown[]) => CAPACITY_ACCURACY.impl(...args);
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const teams = [['Team', 'Capacity', 'Lead'], ['Brand', 10, 'Ann'], ['', '', ''], ['Web', 8, 'Bo']];

describe('TEAM_LOAD', () => {
  it('divides planned effort by capacity for every teams row, header included, blank rows blank', () => {
    const backlog = [['ID', 'Effort', 'Team', 'Status'], ['A', 4, 'Brand', 'Planned'], ['B', 5, 'brand', 'Cut'], ['C', 6, 'Web', 'planned'], ['D', 1, 'Brand', 'Planned']];
    expect(load(teams, backlog)).toEqual([['Load'], [0.5], [''], [0.75]]);
  });

  it('counts every row when the backlog has no Status column', () => {
    const backlog = [['Effort', 'Team'], [4, 'Brand'], [6, 'Brand'], ['', ''], [2, 'Web']];
    expect(load(teams, backlog)).toEqual([['Load'], [1], [''], [0.25]]);
  });

  it('reads ALLOCATE output placed beside the backlog', () => {
    const backlog = [['ID', 'Score', 'Effort', 'Team'], ['A', 9, 7, 'Brand'], ['B', 5, 4, 'Brand'], ['C', 5, 8, 'Web']];
    const out = ALLOCATE.impl(backlog, teams) as unknown[][];
    const beside = backlog.map((r, k) => [...r, ...out[k]!]);
    expect(load(teams, beside)).toEqual([['Load'], [0.7], [''], [1]]);
  });

  it('needs no Team column with a single team', () => {
    expect(load([['Team', 'Capacity'], ['Brand', 8]], [['Effort'], [2], [2]])).toEqual([['Load'], [0.5]]);
  });

  it('makes a team\'s load an error when one of its counted rows has an unusable effort', () => {
    const backlog = [['ID', 'Effort', 'Team'], ['A', 'lots', 'Brand'], ['B', 2, 'Web']];
    const out = load(teams, backlog);
    expect(out[1]![0]).toBeInstanceOf(CellError);
    expect((out[1]![0] as CellError).message).toBe(
      'Effort of A is not usable (Effort "lots" is not a number: enter a number such as 12 or 50%): fix it in the backlog',
    );
    expect(out[3]).toEqual([0.25]);
  });

  it('gives 0 for a team with no capacity and nothing planned, an error when work is planned on it', () => {
    const t = [['Team', 'Capacity'], ['Brand', 0], ['Web', 0]];
    const out = load(t, [['Effort', 'Team'], [3, 'Web']]);
    expect(out[1]).toEqual([0]);
    expect((out[2]![0] as CellError).message).toBe('Web has a capacity of 0 but 3 is planned on it: give it a capacity or move the work');
  });

  it('fails the whole call on a negative capacity or a missing Effort column', () => {
    expect(() => load([['Team', 'Capacity'], ['Brand', -1]], [['Effort'], [1]])).toThrow(CallError);
    expect(() => load(teams, [['Team'], ['Brand']])).toThrow('backlog has no "Effort" column');
  });
});

describe('CAPACITY_ACCURACY', () => {
  it('is 1 − Σ|planned − actual| ÷ Σ planned', () => {
    expect(accuracy(col(10, 5, 5), col(8, 6, 5))).toBeCloseTo(1 - 3 / 20, 12);
  });

  it('counts only rows where both are numbers, and never goes below 0', () => {
    expect(accuracy(col(10, '', 'n/a', 4), col(10, 3, 2, ''))).toBe(1);
    expect(accuracy(col(1, 1), col(10, 10))).toBe(0);
  });

  it('never skips an error value', () => {
    const r = accuracy(col(10, 5), col(8, '#N/A'));
    expect(r).toBeInstanceOf(CellError);
    expect((r as CellError).message).toBe('actual in row 2 is an error (#N/A): fix the cell it comes from');
  });

  it('is an error when Σ planned is 0, including no usable rows', () => {
    expect(accuracy(col(0, 0), col(1, 2))).toBeInstanceOf(CellError);
    expect((accuracy(col('', ''), col('', '')) as CellError).message).toMatch(/^planned adds up to 0/);
  });

  it('rejects negative efforts and ranges of different heights', () => {
    expect((accuracy(col(-1, 2), col(1, 2)) as CellError).message).toBe('planned in row 1 must be 0 or more (got -1): efforts are never negative');
    expect(() => accuracy(col(1, 2), col(1, 2, 3))).toThrow('planned has 2 rows but actual has 3');
  });
});
