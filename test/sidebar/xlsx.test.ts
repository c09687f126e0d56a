// The playground's .xlsx round trip with exceljs: what the sidebar wrote comes back as formulas with
// cached results the catalog computed; ownership survives, so a reopened file still protects user data;
// the user's own formatting survives a save.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { liveBridge } from './live';
import { readXlsx, writeXlsx } from '../../playground/xlsx';
import { computePreview, columnWrites } from '../../sidebar/prioritize/preview';
import { autoLabels, autoMap, defaultCriteria } from '../../sidebar/prioritize/mapping';
import { findFramework } from '../../sidebar/prioritize/frameworks';
import { sampleBridge, sampleTable } from './fixtures';

async function rankedSample() {
  const { wb, bridge } = await sampleBridge();
  const t = await sampleTable('Backlog', bridge);
  const fw = findFramework('RICE');
  const mapping = autoMap(fw, t.headers);
  const setup = { framework: 'RICE' as const, mapping, criteria: defaultCriteria(t), iceMethod: 'multiply' as const, labels: autoLabels(t.headers, fw, mapping), topN: null };
  const writes = columnWrites(computePreview(t, setup), setup, 'formulas', { score: 'Score', rank: 'Rank' });
  const result = await bridge.writeColumns(t.ref.id, writes, { basedOn: t.version });
  expect(result.ok).toBe(true);
  return { wb, bridge, t };
}

describe('saving and reopening .xlsx', () => {
  it('saves written columns as formulas with the results the catalog computed', async () => {
    const { wb } = await rankedSample();
    const bytes = await writeXlsx(ExcelJS, wb.toWorkbook());
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = x.getWorksheet('Backlog')!;
    expect(ws.getCell('T1').value).toBe('Score');
    expect(ws.getCell('U1').value).toBe('Rank');
    const score = ws.getCell('T2').value as { formula: string; result: number; shareType?: string; ref?: string };
    // Stored as Excel stores an add-in's function (it shows AGILE.RICE; LibreOffice shows the cached result).
    expect(score.formula).toBe('_xldudf_AGILE_RICE(F2:F41,G2:G41,H2:H41,I2:I41)');
    expect(score.result).toBeCloseTo((6000 * 2 * 0.8) / 6, 9);
    expect(score).toMatchObject({ shareType: 'array', ref: 'T2:T41' });
    expect(ws.getCell('T3').value).toBe(640);
    const rank = ws.getCell('U2').value as { formula: string; result: number };
    expect(rank.formula).toBe('_xldudf_AGILE_PRIORITY_RANK(T2:T41,I2:I41,"asc")');
    const ranks = Array.from({ length: 40 }, (_, i) => (i === 0 ? rank.result : (ws.getCell(`U${i + 2}`).value as number)));
    expect([...ranks].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('reopens with the formulas live and the add-in columns still its own', async () => {
    const { wb } = await rankedSample();
    const opened = await readXlsx(ExcelJS, await writeXlsx(ExcelJS, wb.toWorkbook()), 'q3.xlsx');
    const bridge = (await liveBridge(opened.workbook, 'excel')).bridge;
    const t = await sampleTable('Backlog', bridge);
    expect(t.ownedColumns).toEqual(['Score', 'Rank']);
    const s = bridge.workbook.sheet('Backlog')!;
    expect(s.get(1, 19)!.formula).toBe('=AGILE.RICE(F2:F41,G2:G41,H2:H41,I2:I41)');
    expect(s.get(2, 19)!.spillFrom).toBeDefined();
    // Writing the same columns again is allowed: they are the add-in's.
    const again = await bridge.writeColumns(t.ref.id, [{ header: 'Score', values: t.rows.map(() => 1) }]);
    expect(again.ok).toBe(true);
  });

  it('keeps what it does not model when saving an opened file, and writes text as text', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Ideas');
    ws.addRows([['ID', 'Reach', 'Impact', 'Confidence', 'Effort'], ['X', 10, 1, '80%', 2], ['Y', 20, 2, 0.5, 4]]);
    ws.getCell('A1').font = { bold: true, color: { argb: 'FFC00000' } };
    ws.getColumn(2).width = 31;
    src.addWorksheet('Notes').getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
    const opened = await readXlsx(ExcelJS, new Uint8Array(await src.xlsx.writeBuffer()), 'ideas.xlsx');
    const bridge = (await liveBridge(opened.workbook, 'sheets')).bridge;
    const t = await sampleTable('Ideas', bridge);
    await bridge.writeColumns(t.ref.id, [{ header: 'Note', values: ['=HYPERLINK("http://x")', '@all'] }]);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, bridge.workbook.toWorkbook(), opened.original)).buffer as ArrayBuffer);
    const ideas = x.getWorksheet('Ideas')!;
    expect(ideas.getCell('A1').font?.color?.argb).toBe('FFC00000');
    expect(ideas.getColumn(2).width).toBe(31);
    expect(ideas.getCell('F2').value).toBe('=HYPERLINK("http://x")');
    expect(ideas.getCell('F2').type).toBe(ExcelJS.ValueType.String);
    expect(x.getWorksheet('Notes')!.getCell('B2').value).toMatchObject({ formula: 'SUM(1,2)', result: 3 });
  });
});
