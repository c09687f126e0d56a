// FUNCTIONS.md "Finite numbers only" (issue 12.9): an input that is not a finite number is a row error, and
// so is a result that overflows or is not a number. Never Infinity or NaN in a cell, from any function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError, readNumber } from '../../core/cells';
import { CATALOG, findFunction } from '../../core/catalog';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const BIG = 1e308;
const DENORMAL = 5e-324;

/** Calls that overflowed (or made NaN) before the catalog guarded its results, one per function the audit named. */
const OVERFLOWS: [string, unknown[]][] = [
  ['RICE', [col(BIG, 10), col(10, 1), col(1, 1), col(1, 2)]],
  ['ICE', [col(BIG, 2), col(10, 2), col(10, 2)]],
  ['WSJF', [col(BIG, 1), col(BIG, 1), col(0, 1), col(1, 1)]],
  ['CD3', [col(1, 6), col(DENORMAL, 2)]],
  ['MARKETING_ROI', [col(BIG, 300), col(DENORMAL, 100)]],
  ['KPI_ATTAINMENT', [col(BIG, 90), col(DENORMAL, 100)]],
  ['KPI_TREND', [[[BIG, -BIG, BIG, -BIG], [1, 2, 3, 4]]]],
  ['TEAM_LOAD', [[['Team', 'Capacity'], ['Web', DENORMAL]], [['ID', 'Effort', 'Team', 'Status'], ['A', BIG, 'Web', 'Planned']]]],
  ['CAPACITY_ACCURACY', [col(BIG, BIG), col(0, 0)]],
  ['GOAL_CONTRIBUTION', [col('Pipeline', 'Brand'), col(BIG, BIG)]],
];

function numbersIn(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  return Array.isArray(v) ? v.flatMap(numbersIn) : [];
}

function errorsIn(v: unknown): CellError[] {
  if (v instanceof CellError) return [v];
  return Array.isArray(v) ? v.flatMap(errorsIn) : [];
}

describe('results that are not finite numbers', () => {
  it.each(OVERFLOWS)('%s: an overflow is a row error with a message, the other rows still compute', (name, args) => {
    const out = findFunction(name)!.impl(...args);
    expect(numbersIn(out).every(Number.isFinite)).toBe(true);
    const errors = errorsIn(out);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/overflows|not a number/);
    expect(errors[0]!.message).toMatch(/check the inputs/);
    if (Array.isArray(out) && out.length > 1 && findFunction(name)!.result === 'column') expect(out.at(-1)![0]).toEqual(expect.any(Number));
  });

  it('no row-wise function returns Infinity or NaN, whatever finite or extreme numbers it gets', () => {
    const extreme = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(BIG, -BIG, DENORMAL, -DENORMAL, 0, Infinity, NaN));
    const rowwise = CATALOG.filter((f) => ['RICE', 'ICE', 'WSJF', 'CD3', 'MARKETING_ROI', 'KPI_ATTAINMENT'].includes(f.name));
    fc.assert(
      fc.property(fc.constantFrom(...rowwise), fc.array(extreme, { minLength: 4, maxLength: 4 }), (spec, xs) => {
        const args = spec.params.filter((p) => !p.optional).map((_, i) => col(xs[i]));
        const out = spec.impl(...args);
        return numbersIn(out).every(Number.isFinite);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('inputs that are not finite numbers', () => {
  it('a text of 400 nines is an error naming the argument, not Infinity', () => {
    const nines = '9'.repeat(400);
    const x = readNumber(nines, 'reach');
    expect(x).toBeInstanceOf(CellError);
    expect((x as CellError).message).toMatch(/^reach "9{30,}\.\.\." is too large to be a number: enter a number below 1e308$/);
    expect(findFunction('RICE')!.impl(col(nines), col(1), col(1), col(1))).toEqual([[expect.any(CellError)]]);
    expect(readNumber(`-${nines}%`, 'reach')).toBeInstanceOf(CellError);
  });

  it('a capacity of 400 nines does not give a team infinite room: ALLOCATE says which capacity is wrong', () => {
    const call = () => findFunction('ALLOCATE')!.impl([['ID', 'Score', 'Effort'], ['A', 1, 5]], [['Team', 'Capacity'], ['Web', '9'.repeat(400)]]);
    expect(call).toThrow(CallError);
    expect(call).toThrow(/^Capacity of Web "9+\.\.\." is too large to be a number/);
  });

  it('Infinity and NaN passed as numbers are errors', () => {
    for (const bad of [Infinity, -Infinity, NaN]) expect(readNumber(bad, 'effort')).toBeInstanceOf(CellError);
  });
});
