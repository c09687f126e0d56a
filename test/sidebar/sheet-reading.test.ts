// protocol/sheet-reading.ts: the one reading of a sheet's cells that the playground and the Sheets server
// share (issue 13.4). What a user checks: the table they see is the table the sidebar offers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../protocol/bridge';
import { readTables, readingNotes } from '../../protocol/sheet-reading';

function cells(rows: readonly (readonly Scalar[])[]) {
  return { rows: rows.length, cols: Math.max(0, ...rows.map((r) => r.length)), value: (r: number, c: number) => rows[r]?.[c] ?? '' };
}
const item = (i: number): Scalar[] => [`M-${100 + i}`, `Item ${i}`, 100 * i, 2, 0.8, i + 1];
const HEAD = ['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'];

describe('one reading of a sheet', () => {
  it('takes the header under a title (a merged title is one cell) and a label pair above a wider header', () => {
    const t = readTables(cells([['Q3 marketing backlog'], ['Owner', 'Dana'], HEAD, item(1), item(2)]));
    expect(t.map((x) => [x.headerRow, x.headers[0], x.bottom])).toEqual([[2, 'ID', 4]]);
  });

  it('keeps the items below a blank row inside a backlog, and says so', () => {
    const t = readTables(cells([HEAD, item(1), item(2), [], item(3), item(4)]));
    expect(t).toHaveLength(1);
    expect(t[0]!.bottom).toBe(5);
    expect(t[0]!.blankRows).toEqual([3]);
    expect(readingNotes(t[0]!)[0]).toMatch(/A blank row \(4\) inside the table/);
  });

  it('keeps two tables a blank row apart as two tables, and a captioned block after a gap as its own', () => {
    const t = readTables(cells([HEAD, item(1), [], ['Team', 'Capacity'], ['Web', 10], [], ['Your inputs'], ['KPI', 'Target'], ['Pipeline', 4]]));
    expect(t.map((x) => [x.headerRow, x.bottom])).toEqual([[0, 1], [3, 4], [7, 8]]);
  });

  it('leaves a totals row out of the data', () => {
    const t = readTables(cells([HEAD, item(1), item(2), ['Total', '', 300, '', '', 5]]));
    expect(t[0]!.bottom).toBe(2);
    expect(t[0]!.totalsRow).toBe(3);
    expect(readingNotes(t[0]!)).toContain('Row 4 is a totals row: it is not an item.');
  });

  it('counts hidden rows and does not read areas another table already holds', () => {
    const sheet = { ...cells([HEAD, item(1), item(2), item(3)]), hiddenRow: (r: number) => r === 2 };
    expect(readTables(sheet)[0]!.hiddenRows).toBe(1);
    expect(readTables({ ...sheet, taken: [{ top: 0, left: 0, bottom: 3, right: 5 }] })).toEqual([]);
  });

  it('property: any number of items with up to three blank rows between them reads as one table of them all', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        const rows: Scalar[][] = [HEAD];
        gaps.forEach((g, i) => {
          for (let k = 0; k < g && i > 0; k++) rows.push([]);
          rows.push(item(i));
        });
        const t = readTables(cells(rows));
        expect(t).toHaveLength(1);
        expect(t[0]!.bottom).toBe(rows.length - 1);
        expect(t[0]!.bottom - t[0]!.headerRow - t[0]!.blankRows.length).toBe(gaps.length);
      }),
    );
  });
});
