import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { KPI_ATTAINMENT } from '../../core/kpi/attainment';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const att = (...args: unknown[]) => KPI_ATTAINMENT.impl(...args) as unknown[][];
const message = (v: unknown) => (v as CellError).message;

describe('KPI_ATTAINMENT', () => {
  it('divides actual by target when higher is better, and mirrors it when lower is better', () => {
    expect(att(col(90, 120), col(100, 100))).toEqual([[0.9], [1.2]]);
    expect(att(col(90, 120), col(100, 100), [['lower']])).toEqual([[1.1], [0.8]]);
  });

  it('measures from the baseline when one is given, in either direction', () => {
    // Leads: baseline 50, target 100, actual 60 → 10 of the 50 to go.
    expect(att([[60]], [[100]], undefined, [[50]])).toEqual([[0.2]]);
    // Churn: baseline 10%, target 5%, actual 8% → 2 of the 5 points.
    const [[churn]] = att([['8%']], [['5%']], [['lower']], [['10%']]) as [[number]];
    expect(churn).toBeCloseTo(0.4, 12);
  });

  it('reads direction words per row: higher/lower, +/-, 1/-1, any case', () => {
    const out = att(col(90, 90, 90, 90, 90, 90, 90), [[100]], col('Higher', ' LOWER ', '+', '-', 1, -1, '-1'));
    expect(out.map((r) => r[0])).toEqual([0.9, 1.1, 0.9, 1.1, 0.9, 1.1, 1.1]);
  });

  it('treats a blank direction cell as higher and a blank baseline cell as no baseline', () => {
    expect(att(col(90, 90), col(100, 100), col('', 'lower'), col(null, ''))).toEqual([[0.9], [1.1]]);
  });

  it('makes an unknown direction an error in its row only', () => {
    const out = att(col(90, 90), col(100, 100), col('up', 'higher'));
    expect(message(out[0]![0])).toBe('direction "up" is not a direction: use "higher" or "lower" (also + or -, 1 or -1)');
    expect(out[1]).toEqual([0.9]);
    expect(message(att([[1]], [[1]], [[true]])[0]![0])).toMatch(/^direction TRUE is not a direction/);
    expect(message(att([[1]], [[1]], [['toString']])[0]![0])).toMatch(/^direction "toString" is not a direction/);
  });

  it('is not clipped', () => {
    expect(att([[250]], [[100]])).toEqual([[2.5]]);
    expect(att([[-50]], [[100]])).toEqual([[-0.5]]);
  });

  it('refuses a target of 0 and a target equal to the baseline, and follows the formula for a negative target', () => {
    const out = att(col(5, 5, -5), col(0, 50, -10), undefined, col('', 50, ''));
    expect(out[0]![0]).toBeInstanceOf(CellError);
    expect(message(out[0]![0])).toMatch(/^target is 0/);
    expect(message(out[1]![0])).toMatch(/^target equals baseline \(50\)/);
    // The contract lists only those two as errors: actual ÷ target.
    expect(out[2]).toEqual([0.5]);
    // With a baseline a target of 0 is fine.
    expect(att([[5]], [[0]], undefined, [[10]])).toEqual([[0.5]]);
  });

  it('uses (actual − baseline) ÷ (target − baseline) with a baseline, whatever the direction says', () => {
    expect(att([[8]], [[5]], [['higher']], [[10]])).toEqual([[0.4]]);
    expect(att([[80]], [[100]], [['lower']], [[50]])).toEqual([[0.6]]);
  });

  it('leaves the empty rows under a one-cell target blank', () => {
    expect(att(col(80, ''), [[100]])).toEqual([[0.8], ['']]);
    expect(att([[80]], col(100, ''))).toEqual([[0.8], ['']]);
  });

  it('keeps blank rows blank and names the missing input in a partly blank row', () => {
    const out = att(col(90, '', '', 90, null), col(100, '', 100, '', undefined), col('lower', 'lower', '', '', 'x'));
    expect(out[0]).toEqual([1.1]);
    expect(out[1]).toEqual(['']);
    expect(message(out[2]![0])).toMatch(/^actual is blank in this row/);
    expect(message(out[3]![0])).toMatch(/^target is blank in this row/);
    // An unknown direction on a blank row does not matter: the row is blank.
    expect(out[4]).toEqual(['']);
  });

  it('names the argument and value of bad input', () => {
    const out = att(
      col('ninety', true, NaN, { code: '#VALUE!', message: 'x' }, '#N/A Not found', '1,5', 90),
      col(100, 100, 100, 100, 100, 100, { code: '#DIV/0!' }),
    );
    const msgs = out.map((r) => message(r[0]));
    expect(msgs[0]).toBe('actual "ninety" is not a number: enter a number such as 12 or 50%');
    expect(msgs[1]).toBe('actual is TRUE, not a number: enter a number');
    expect(msgs[2]).toBe('actual is NaN: enter a finite number');
    expect(msgs[3]).toBe('actual is an error (#VALUE!): fix the cell it comes from');
    expect(msgs[4]).toBe('actual is an error (#N/A): fix the cell it comes from');
    expect(msgs[5]).toMatch(/use a decimal point, as in 1.5/);
    expect(msgs[6]).toBe('target is an error (#DIV/0!): fix the cell it comes from');
    expect(message(att([[1]], [[1]], undefined, [['base']])[0]![0])).toMatch(/^baseline "base"/);
  });

  it('accepts Sheets bare single values and repeats one cell for every row', () => {
    expect(att(90, 100)).toEqual([[0.9]]);
    expect(att(col(50, 100), 100, 'higher', '')).toEqual([[0.5], [1]]);
  });

  it('fails the whole call when ranges differ in height or are not one column', () => {
    expect(() => att(col(1, 2), col(1, 2, 3))).toThrow(CallError);
    expect(() => att(col(1, 2), col(1, 2), col('higher', 'lower', 'higher'))).toThrow('actual has 2 rows but direction has 3');
    expect(() => att([[1, 2]], [[1]])).toThrow('actual must be one column');
  });

  it('is exactly 1 when actual equals target, in both directions, with or without baseline (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.constantFrom('higher', 'lower', '', '+', '-'),
        (t, d) => {
          expect(att([[t]], [[t]], [[d]])).toEqual([[1]]);
          const baseline = d === 'lower' || d === '-' ? t * 2 : t / 2;
          expect(att([[t]], [[t]], [[d]], [[baseline]])).toEqual([[1]]);
        },
      ),
    );
  });

  it('rises with actual when higher is better and falls when lower is better (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (a, b, t) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const [[h1], [h2]] = att(col(lo, hi), [[t]]) as number[][];
          const [[l1], [l2]] = att(col(lo, hi), [[t]], [['lower']]) as number[][];
          expect(h1!).toBeLessThanOrEqual(h2!);
          expect(l1!).toBeGreaterThanOrEqual(l2!);
        },
      ),
    );
  });
});
