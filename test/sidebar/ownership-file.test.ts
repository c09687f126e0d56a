// Issue 12.1: ownership carried by a saved file proves nothing by itself. A cell is the add-in's after
// reopening only while it still holds what the add-in wrote (the digest its defined name records), so a
// value typed over it in Excel, or a file whose AgilePlaybook names cover a user's column, stays the user's.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MemoryBridge } from '../../playground/memory-bridge';
import { liveBridge } from './live';
import { readXlsx, writeXlsx } from '../../playground/xlsx';
import { workbookFromRows } from '../../playground/workbook';

const ROWS = [
  ['ID', 'Reach', 'Effort', 'Budget'],
  ['A', 10, 1, 1000],
  ['B', 20, 2, 1000],
];

async function reopen(bytes: Uint8Array, edit?: (x: ExcelJS.Workbook) => void): Promise<MemoryBridge> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes.buffer as ArrayBuffer);
  edit?.(x);
  const opened = await readXlsx(ExcelJS, new Uint8Array(await x.xlsx.writeBuffer()), 'q3.xlsx');
  return (await liveBridge(opened.workbook)).bridge;
}

describe('ownership in a saved file', () => {
  it('a value typed over a written cell in Excel is the user\'s after reopening: the next write refuses', async () => {
    const { book, bridge } = await liveBridge(workbookFromRows([{ name: 'Ideas', rows: ROWS }]));
    const t = (await bridge.listTables())[0]!;
    expect((await bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2] }])).ok).toBe(true);
    const saved = await writeXlsx(ExcelJS, book.toWorkbook());
    const again = await reopen(saved, (x) => {
      x.getWorksheet('Ideas')!.getCell('E3').value = 'CMO: keep this!';
    });
    const t2 = (await again.listTables())[0]!;
    const result = await again.writeColumns(t2.id, [{ header: 'Score', values: [5, 6] }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refused).toEqual(['Ideas!E3']);
    expect(again.workbook.sheet('Ideas')!.value(2, 4)).toBe('CMO: keep this!');
    // Untouched, the reopened column is still the add-in's to rewrite.
    const untouched = await reopen(saved);
    expect((await untouched.writeColumns((await untouched.listTables())[0]!.id, [{ header: 'Score', values: [5, 6] }])).ok).toBe(true);
  });

  it("a file whose AgilePlaybook.owned name covers the user's Budget column does not make it overwritable", async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Ideas');
    ws.addRows(ROWS);
    // The name as earlier builds saved it (no digest), and one with a digest that does not match the cells.
    src.definedNames.add('Ideas!$D$1:$D$3', 'AgilePlaybook.owned');
    src.definedNames.add('Ideas!$D$1:$D$3', 'AgilePlaybook.owned.cols.4x1abcde');
    const bridge = await reopen(new Uint8Array(await src.xlsx.writeBuffer()));
    const t = (await bridge.listTables())[0]!;
    expect((await bridge.readTable(t.id)).ownedColumns).toEqual([]);
    const result = await bridge.writeColumns(t.id, [{ header: 'Budget', values: [0, 0] }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Ideas already has a column named "Budget" that the add-in did not write/);
    const sheet = bridge.workbook.sheet('Ideas')!;
    expect([sheet.value(1, 3), sheet.value(2, 3)]).toEqual([1000, 1000]);
    expect(sheet.value(0, 4)).toBe('');
  });

  it('the Plan sheet written before saving is rewritten whole after reopening, a user note there is kept', async () => {
    const { book, bridge } = await liveBridge(workbookFromRows([{ name: 'Ideas', rows: ROWS }]));
    expect((await bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['A', 'Planned'], ['B', 'Cut']] })).ok).toBe(true);
    const again = await reopen(await writeXlsx(ExcelJS, book.toWorkbook()), (x) => {
      x.getWorksheet('Plan')!.getCell('D1').value = 'reviewed';
    });
    expect((await again.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['A', 'Cut']] })).ok).toBe(true);
    const plan = again.workbook.sheet('Plan')!;
    expect([plan.value(1, 1), plan.value(2, 0), plan.value(0, 3)]).toEqual(['Cut', '', 'reviewed']);
  });
});
