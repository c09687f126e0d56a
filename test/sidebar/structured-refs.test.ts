// Excel table formulas in the playground: structured references in A1 form for the engine, so a file's
// calculated columns compute live; the file's own spelling is what a download saves.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type TableGeometry, structuredToA1 } from '../../playground/engine/structured-refs';
import { readXlsx, writeXlsx } from '../../playground/xlsx';
import { built } from '../templates/workbooks';
import { liveBridge } from './live';

const BACKLOG: TableGeometry = { name: 'Backlog', sheet: 'Items', top: 3, left: 0, right: 4, bottom: 13, headerRow: true, totalsRow: true, headers: ['ID', 'Reach', 'Impact', 'Effort', 'Score'] };

describe('structured references in A1 form', () => {
  it('reads this-row, whole-column, span and special references, in both spellings Excel uses', () => {
    const at = (f: string, sheet = 'Items', row = 5) => structuredToA1(f, sheet, row, 4, [BACKLOG]);
    expect(at('=AGILE.RICE([@Reach],[@Impact],1,[@Effort])')).toBe('=AGILE.RICE(B6,C6,1,D6)');
    expect(at('=Backlog[[#This Row],[Reach]]*2')).toBe('=B6*2');
    expect(at('=SUM(Backlog[Reach])')).toBe('=SUM($B$5:$B$13)');
    expect(at('=SUM(Backlog[[Reach]:[Effort]])')).toBe('=SUM($B$5:$D$13)');
    expect(at('=ROWS(Backlog[#All])')).toBe('=ROWS($A$4:$E$14)');
    expect(at('=Backlog[[#Totals],[Score]]')).toBe('=$E$14');
    expect(at('=SUM(Backlog[Reach])', 'Summary')).toBe("=SUM(Items!$B$5:$B$13)");
    expect(at('="[not a ref]"&Backlog[@ID]')).toBe('="[not a ref]"&A6');
  });

  it('leaves a formula it cannot resolve alone: unknown tables and columns, this row outside the data', () => {
    expect(structuredToA1('=SUM(Other[Reach])', 'Items', 5, 4, [BACKLOG])).toBeUndefined();
    expect(structuredToA1('=SUM(Backlog[Budget])', 'Items', 5, 4, [BACKLOG])).toBeUndefined();
    expect(structuredToA1('=Backlog[@Reach]', 'Items', 13, 4, [BACKLOG])).toBeUndefined();
    expect(structuredToA1('=SUM(B2:B4)', 'Items', 5, 4, [BACKLOG])).toBeUndefined();
  });
});

describe('the Excel quarterly-plan file in the playground', () => {
  it('computes its table formulas live to the results Excel would cache, and saves them back as the file spelled them', async () => {
    const file = await built('excel');
    const opened = await readXlsx(ExcelJS, file.bytes, 'quarter.xlsx');
    const { book } = await liveBridge(opened.workbook);
    let compared = 0;
    for (const sheet of opened.workbook.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (!cell.formula?.includes('[') || typeof cell.value !== 'number') continue;
        const live = book.sheet(sheet.name)!.get(Math.floor(key / 16384), key % 16384);
        expect(live?.value, `${sheet.name} ${cell.formula}`).toBeCloseTo(cell.value, 9);
        expect(live?.formula).toBe(cell.formula);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, book.toWorkbook(), opened.original)).buffer as ArrayBuffer);
    const formulas = (wb: ExcelJS.Workbook) => wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []).map((v) => (v && typeof v === 'object' && 'formula' in v ? String(v.formula) : '')).filter((f) => f.includes('['))));
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(file.bytes.buffer as ArrayBuffer);
    expect(formulas(x)).toEqual(formulas(before));
  });
});
