// What the Excel bridge does beyond the shared contract: Excel tables first, columns beside a table kept out
// of it (so results spill), text written as typed text values, ownership surviving a reopen (the ledger in
// document settings) and lost the moment a user types over a cell.
import { describe, expect, it } from 'vitest';
import { ExcelBridge } from '../../excel-addon/src/excel-bridge';
import { memoryStore } from '../../excel-addon/src/ownership';
import { CONTRACT_FIXTURE } from '../sidebar/bridge-contract';
import { QUARTERLY_PLAN, QUARTERLY_PLAN_SHEETS } from '../../sidebar/quarterly-plan';
import { FakeWorkbook, fakeRun } from './fake/excel';
import { excelHarness, workbookFrom } from './harness';

function withTable() {
  const model = workbookFrom(CONTRACT_FIXTURE);
  model.addTable('Backlog', 'BacklogTable', 0, 0, 3, 5);
  return excelHarness(model);
}

describe('ExcelBridge', () => {
  it('lists Excel tables by name and sheets without a table by their used range', async () => {
    const h = withTable();
    const tables = await h.bridge.listTables();
    expect(tables.map((t) => [t.name, t.sheet, t.address])).toEqual([
      ['BacklogTable', 'Backlog', 'A1:F4'],
      ['Teams', 'Teams', 'A1:B3'],
    ]);
  });

  it('writes a spilled formula right of an Excel table, outside it, and leaves the spill area empty', async () => {
    const h = withTable();
    const t = (await h.bridge.listTables())[0]!;
    const result = await h.bridge.writeColumns(t.id, [{ header: 'Score', formula: { fn: 'CD3', args: [{ kind: 'columns', headers: ['Reach'] }, { kind: 'columns', headers: ['Effort'] }] }, values: [300, 250, 3000] }]);
    expect(result).toMatchObject({ ok: true, address: 'G1:G4' });
    expect(await h.cell('Backlog', 'G2')).toEqual({ value: '', formula: '=AGILE.CD3(C2:C4,F2:F4)' });
    expect(await h.cell('Backlog', 'G3')).toEqual({ value: '' });
    expect(h.model.sheet('Backlog')!.tables[0]).toMatchObject({ right: 5 });
    const data = await h.bridge.readTable(t.id);
    expect(data.headers.at(-1)).toBe('Score');
    expect(data.ownedColumns).toEqual(['Score']);
  });

  it('writes formula-like text as text, without a Text format on the cell', async () => {
    const h = withTable();
    const t = (await h.bridge.listTables())[0]!;
    await h.bridge.writeColumns(t.id, [{ header: 'Note', values: ['=1+1', 'plain', 5] }]);
    const s = h.model.sheet('Backlog')!;
    expect([1, 2, 3].map((r) => s.get(r, 6)!.value)).toEqual(['=1+1', 'plain', 5]);
    expect([1, 2, 3].map((r) => s.get(r, 6)!.format ?? 'General')).toEqual(['General', 'General', 'General']);
    expect(s.get(1, 6)!.formula).toBeUndefined();
  });

  it('refuses with nothing changed, and writes nothing to the ledger', async () => {
    const h = withTable();
    const t = (await h.bridge.listTables())[0]!;
    await h.type('Backlog', 'G4', 'keep me');
    const before = JSON.stringify([...h.model.sheet('Backlog')!.cells]);
    const result = await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }]);
    expect(result).toMatchObject({ ok: false, refused: ['Backlog!G4'] });
    expect(JSON.stringify([...h.model.sheet('Backlog')!.cells])).toBe(before);
    expect(h.store.ledger.sheets).toEqual({});
  });

  it('recognises its own sheet and columns after the workbook is reopened (ledger in the document)', async () => {
    const h = withTable();
    const t = (await h.bridge.listTables())[0]!;
    await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }]);
    await h.bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['B-1', 'Planned']] });
    const planId = h.model.sheet('Plan')!.id;
    expect(h.store.ledger.sheets[planId]?.owned).toBe(true);
    // A new bridge over the same workbook and the same saved ledger: what a reopened workbook gives.
    const reopened = new ExcelBridge(fakeRun(h.model), memoryStore(structuredClone(h.store.ledger)));
    expect((await reopened.readTable(t.id)).ownedColumns).toEqual(['Score']);
    expect((await reopened.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['B-2', 'Cut']] })).ok).toBe(true);
    // A renamed owned sheet is still the add-in's: the ledger keys sheets by id.
    h.model.sheet('Plan')!.name = 'Plan (old)';
    expect((await reopened.writeSheet({ name: 'Plan (old)', rows: [['ID']] })).ok).toBe(true);
  });

  it('treats a spilled cell as its own only while the formula cell still holds its formula', async () => {
    const h = withTable();
    const t = (await h.bridge.listTables())[0]!;
    const score = { header: 'Score', formula: { fn: 'CD3', args: [{ kind: 'columns' as const, headers: ['Reach'] }, { kind: 'number' as const, value: 2 }] }, values: [600, 250, 1500] };
    expect((await h.bridge.writeColumns(t.id, [score])).ok).toBe(true);
    // As Excel would show the spill: values in G3:G4 without formulas of their own.
    const s = h.model.sheet('Backlog')!;
    s.cells.set('2,6', { value: 250 });
    s.cells.set('3,6', { value: 1500 });
    expect((await h.bridge.writeColumns(t.id, [score])).ok).toBe(true);
    // The user replaces the formula: the spilled values are no longer the add-in's.
    s.cells.set('1,6', { value: 'manual' });
    s.cells.set('2,6', { value: 250 });
    expect((await h.bridge.writeColumns(t.id, [score])).ok).toBe(false);
  });
});

describe('ExcelBridge: the quarterly plan', () => {
  const source = { sheetNames: QUARTERLY_PLAN_SHEETS, base64: async () => 'UEsDBA==' };
  const bridgeOn = (model: FakeWorkbook) => new ExcelBridge(fakeRun(model), memoryStore(), { source });

  it('inserts the built workbook with insertWorksheetsFromBase64', async () => {
    const model = workbookFrom({ sheets: [{ name: 'Notes', rows: [['x']] }] });
    const result = await bridgeOn(model).insertTemplate(QUARTERLY_PLAN);
    expect(result.ok).toBe(true);
    expect(model.inserted).toEqual([{ base64: 'UEsDBA==', options: { positionType: 'End', sheetNamesToInsert: [...QUARTERLY_PLAN_SHEETS] } }]);
    expect(model.sheets.map((s) => s.name)).toEqual(['Notes', ...QUARTERLY_PLAN_SHEETS]);
  });

  it('inserts nothing when one of its sheet names is taken, and says which', async () => {
    const model = workbookFrom({ sheets: [{ name: 'teams', rows: [] }] });
    const result = await bridgeOn(model).insertTemplate(QUARTERLY_PLAN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/"Teams"/);
    expect(model.inserted).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual(['teams']);
  });
});
