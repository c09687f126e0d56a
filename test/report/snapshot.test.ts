// "Snapshot to sheet": a values-only block in which hostile text stays text. Checked three ways: the block
// itself, a spreadsheet engine reading the block the way a host reads typed values (HyperFormula, tests
// only), and an .xlsx written the way a Node writer should (exceljs: apostrophe dropped, text cell).
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { isInertText } from '../../core/report/escape';
import { scorecardSnapshot, snapshotSheetName } from '../../core/report/snapshot';
import type { KpiRow } from '../../core/report/types';
import { ExcelJS } from '../templates/workbooks';
import { HOSTILE, sampleReport, sampleSeriesLabels } from './sample';

const hostileRows: KpiRow[] = HOSTILE.map((h, i) => ({ kpi: h, area: h, unit: '%', direction: 'higher', target: 0.9, actual: 0.8 + i / 100, attainment: 0.9, status: h, trend: 0.01, series: [0.5, null, 0.7] }));
const snap = scorecardSnapshot({ quarter: 'Q2 2026', team: '=HYPERLINK("http://x","y")', takenOn: '2026-06-26', scorecard: hostileRows, composite: 0.9 });

describe('scorecardSnapshot', () => {
  it('is a rectangular block of values with a number format per cell', () => {
    const width = snap.values[0]!.length;
    expect(snap.values.every((r) => r.length === width)).toBe(true);
    expect(snap.numberFormats.map((r) => r.length)).toEqual(snap.values.map(() => width));
    expect(snap.values[snap.headerRow]!.slice(0, 3)).toEqual(['KPI', 'Area', 'Unit']);
    expect(snap.values.flat().every((v) => typeof v === 'number' || typeof v === 'string')).toBe(true);
  });

  it('keeps numbers as numbers and blanks as ""', () => {
    const row = snap.values[snap.headerRow + 1]!;
    expect(row).toContain(0.9);
    expect(row).toContain('');
  });

  it('makes every text that starts with = + - @ inert with a leading apostrophe', () => {
    for (const v of snap.values.flat()) {
      if (typeof v === 'string' && /^[=+\-@]/.test(v)) throw new Error(`live formula text in the snapshot: ${v}`);
    }
    expect(snap.values.flat()).toContain(`'=HYPERLINK("http://x","y")`);
    expect(snap.values.flat()).toContain("'+1+2");
    expect(snap.values.flat()).toContain("'@SUM(A1)");
  });

  it('reads as text in a spreadsheet engine, formulas included', () => {
    const hf = HyperFormula.buildFromArray(snap.values as never, { licenseKey: 'gpl-v3' });
    snap.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const address = { sheet: 0, row: r, col: c };
        expect(hf.doesCellHaveFormula(address)).toBe(false);
        if (typeof v === 'string' && isInertText(v)) expect(hf.getCellValue(address)).toBe(v.slice(1));
      }),
    );
    hf.destroy();
  });

  it('writes to .xlsx as text cells, never as formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Scorecard 2026-06-26');
    snap.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof v === 'string' && isInertText(v) ? v.slice(1) : v === '' ? null : v;
        cell.numFmt = snap.numberFormats[r]![c]!;
      }),
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
    const texts: unknown[] = [];
    back.worksheets[0]!.eachRow((row) => row.eachCell((cell) => {
      expect(cell.formula).toBeFalsy();
      texts.push(cell.value);
    }));
    expect(texts).toContain('=HYPERLINK("http://x","y")');
    expect(texts).toContain('<script>alert(1)</script>');
  });

  it('snapshots the sample scorecard with its month headers', () => {
    const r = sampleReport();
    const s = scorecardSnapshot({ quarter: r.quarter, team: r.team, takenOn: '2026-06-26', scorecard: r.scorecard, composite: r.composite, seriesLabels: sampleSeriesLabels() });
    expect(s.values[s.headerRow]).toEqual(['KPI', 'Area', 'Unit', 'Direction', 'Baseline', 'Target', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Actual', 'Attainment', 'Status', 'Trend']);
    expect(s.values.length).toBe(s.headerRow + 1 + r.scorecard.length);
    expect(s.values[3]).toContain(r.composite);
  });
});

describe('snapshotSheetName', () => {
  it('never reuses an existing sheet name', () => {
    expect(snapshotSheetName('2026-06-26', ['Backlog'])).toBe('Scorecard 2026-06-26');
    expect(snapshotSheetName('2026-06-26', ['scorecard 2026-06-26'])).toBe('Scorecard 2026-06-26 (2)');
    expect(snapshotSheetName('2026-06-26', ['Scorecard 2026-06-26', 'Scorecard 2026-06-26 (2)'])).toBe('Scorecard 2026-06-26 (3)');
    expect(snapshotSheetName('a/b:c', [])).toBe('Scorecard a-b-c');
  });
});
