// Issue 12.14: the playground's evaluator survives long dependency chains and deep nesting. A chain of
// 1,000 catalog formulas computes; a formula nested 2,000 deep is a clear error in its cell, not "Maximum
// call stack size exceeded" for the whole file. (Whichever evaluator the playground uses keeps this test.)
import { describe, expect, it } from 'vitest';
import { recalc } from '../../playground/evaluate';
import { parseFormula } from '../../playground/formula-parse';
import { workbookFromRows } from '../../playground/workbook';

describe('recalculation depth', () => {
  it('a chain of 1,000 catalog formulas, each reading the one above, computes to the end', () => {
    const wb = workbookFromRows([{ name: 'Chain', rows: [[1000]] }]);
    const sheet = wb.sheet('Chain')!;
    // Written bottom-up, so the first formula recalc meets needs the whole chain above it first.
    for (let r = 1000; r >= 1; r--) sheet.set(r, 0, { value: '', formula: `=AGILE.CD3(A${r}, 1)` });
    expect(() => recalc(wb)).not.toThrow();
    expect(sheet.value(1000, 0)).toBe(1000);
    expect(sheet.value(500, 0)).toBe(1000);
  });

  it('a chain through a cycle keeps the cycle from looping and the rest computes', () => {
    const wb = workbookFromRows([{ name: 'S', rows: [[5]] }]);
    const sheet = wb.sheet('S')!;
    sheet.set(0, 1, { value: 0, formula: '=AGILE.CD3(B2, 1)' });
    sheet.set(1, 1, { value: 0, formula: '=AGILE.CD3(B1, 1)' });
    sheet.set(0, 2, { value: '', formula: '=AGILE.CD3(A1, 1)' });
    expect(() => recalc(wb)).not.toThrow();
    expect(sheet.value(0, 2)).toBe(5);
  });

  it('a formula nested 2,000 deep is an error in its own cell that says why, and the other cells compute', () => {
    const deep = `=${'AGILE.CD3('.repeat(2000)}1${', 1)'.repeat(2000)}`;
    const wb = workbookFromRows([{ name: 'S', rows: [[4]] }]);
    const sheet = wb.sheet('S')!;
    sheet.set(0, 1, { value: '', formula: deep });
    sheet.set(0, 2, { value: '', formula: '=AGILE.CD3(A1, 2)' });
    expect(() => recalc(wb)).not.toThrow();
    expect(String(sheet.value(0, 1))).toMatch(/^#VALUE! this formula nests functions more than \d+ levels deep/);
    expect(sheet.value(0, 2)).toBe(2);
  });

  it('nesting within the limit still evaluates', () => {
    const nested = `=${'AGILE.CD3('.repeat(60)}8${', 1)'.repeat(60)}`;
    expect(() => parseFormula(nested)).not.toThrow();
    const wb = workbookFromRows([{ name: 'S', rows: [[1]] }]);
    wb.sheet('S')!.set(0, 1, { value: '', formula: nested });
    recalc(wb);
    expect(wb.sheet('S')!.value(0, 1)).toBe(8);
  });
});
