// FUNCTIONS.md "Finite numbers only" (issue 12.10): ISO years are read as written and a year before 1900 is
// a row error, since neither host shows such dates. Date.UTC alone reads 0026 as 1926.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError, readDate } from '../../core/cells';
import { findFunction } from '../../core/catalog';

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('ISO years', () => {
  it('CYCLE_TIME("0026-01-05", "2026-01-15") is an error naming the year, not 36,535 days', () => {
    const out = findFunction('CYCLE_TIME')!.impl('0026-01-05', '2026-01-15');
    expect(out).toBeInstanceOf(CellError);
    expect((out as CellError).message).toMatch(/start_dates "0026-01-05" is in the year 26, before 1900, which spreadsheets cannot show as a date: check the year/);
  });

  it('every year before 1900 is refused; from 1900 on the date is the one written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const v = readDate(iso(y, m, d), 'start');
        if (y < 1900) return v instanceof CellError && v.message.includes(`the year ${y}, before 1900`);
        const back = new Date(Date.UTC(1899, 11, 30) + (v as number) * 86_400_000);
        return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
      }),
    );
  });
});
