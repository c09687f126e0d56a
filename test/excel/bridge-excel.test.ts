// The Excel bridge against what real Excel does (issue 11) and the data-loss holes of issue 12, on the fake
// Excel that enforces Microsoft's documented limits (test/excel/fake-rules.test.ts pins each rule).
import { describe, expect, it } from 'vitest';
import { ExcelBridge, delayingForCellEdit } from '../../excel-addon/src/excel-bridge';
import { SETTINGS_KEY, memoryStore, settingsStore } from '../../excel-addon/src/ownership';
import type { Scalar } from '../../protocol/bridge';
import { staleReason } from '../../protocol/bridge';
import { FakeWorkbook, PAYLOAD_LIMIT_BYTES, fakeRun } from './fake/excel';
import { excelHarness } from './harness';

function sheetOf(model: FakeWorkbook, name: string, rows: readonly (readonly Scalar[])[], at = 0) {
  const s = model.sheet(name) ?? model.addSheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => s.cells.set(`${r + at},${c}`, { value: v })));
  return s;
}

/**
 * Excel.run on the fake, with `during` run at every sync after the batch queued a write: what happens in
 * Excel between the add-in's checks and the request that writes (a user's edit, a sheet protected).
 */
function atWritingSync(model: FakeWorkbook, during: () => void): ConstructorParameters<typeof ExcelBridge>[0] {
  return async (batch) =>
    fakeRun(model)(async (ctx) => {
      const c = ctx as unknown as { sent(v: unknown): void; sync(): Promise<void> };
      const sent = c.sent.bind(c);
      const sync = c.sync.bind(c);
      let writing = false;
      c.sent = (v) => {
        writing = true;
        sent(v);
      };
      c.sync = async () => {
        if (writing) during();
        return sync();
      };
      return batch(ctx);
    });
}

const BACKLOG_HEAD = ['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'];
const backlogRows = (n: number, from = 1): Scalar[][] => Array.from({ length: n }, (_, i) => [`B-${i + from}`, `Item ${i + from}`, 100 * (i + 1), 1, 0.5, 2]);

describe('Excel on the web limits: read only what an action needs', () => {
  it('lists, reads and writes a 40-row backlog beside a 300,000-row sheet, every request and response under 5 MB', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(40)]);
    model.addTable('Backlog', 'BacklogTable', 0, 0, 40, 5);
    const log = model.addSheet('Log');
    log.cells.set('0,0', { value: 'When' });
    log.cells.set('0,1', { value: 'What' });
    // 300,000 rows of 20 characters: 6 MB of values, more than one response may carry.
    for (let r = 1; r < 300_000; r++) log.cells.set(`${r},1`, { value: `import event ${String(r).padStart(7, '0')}` });
    const h = excelHarness(model);
    const tables = await h.bridge.listTables();
    expect(tables.map((t) => [t.name, t.rowCount])).toEqual([
      ['BacklogTable', 40],
      ['Log', 299_999],
    ]);
    // Listing read header rows only: nothing near the size of the log came back.
    expect(model.largest.response).toBeLessThan(20_000);
    const data = await h.bridge.readTable(tables[0]!.id);
    expect(data.rows).toHaveLength(40);
    const w = await h.bridge.writeColumns(tables[0]!.id, [{ header: 'Score', values: data.rows.map((_, i) => i) }], { basedOn: data.version });
    expect(w.ok).toBe(true);
    expect(model.largest.response).toBeLessThan(100_000);
    // And the log itself reads whole, in chunks that each stay under the limit.
    const all = await h.bridge.readTable(tables[1]!.id);
    expect(all.rows).toHaveLength(299_999);
    expect(all.rows.at(-1)).toEqual(['', 'import event 0299999']);
    expect(model.largest.response).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }, 60_000);
});

describe('a write bigger than one request', () => {
  it('writes a 60,000-row column of 7 MB in several requests, each under 5 MB', async () => {
    const model = new FakeWorkbook();
    const s = model.addSheet('Backlog');
    ['ID', 'Reach'].forEach((h, c) => s.cells.set(`0,${c}`, { value: h }));
    for (let r = 1; r <= 60_000; r++) {
      s.cells.set(`${r},0`, { value: `B-${r}` });
      s.cells.set(`${r},1`, { value: r });
    }
    model.addTable('Backlog', 'Big', 0, 0, 60_000, 1);
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const values = Array.from({ length: 60_000 }, (_, i) => `reason for row ${String(i + 1).padStart(6, '0')}: ${'a sentence long enough to make the column heavy, '.repeat(2)}`.trim());
    const w = await h.bridge.writeColumns(t!.id, [{ header: 'Reason', values }]);
    expect(w).toMatchObject({ ok: true, address: 'C1:C60001' });
    expect(model.largest.request).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(await h.cell('Backlog', 'C60001')).toEqual({ value: values.at(-1) });
    // The ledger knows every cell, so a rewrite in place passes.
    expect((await h.bridge.writeColumns(t!.id, [{ header: 'Reason', values }])).ok).toBe(true);
  }, 60_000);
});

describe('tables with a totals row or without a header row', () => {
  it('never reads, scores or writes beside the totals row', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3), ['Total', '', 600, '', '', 6]]);
    model.addTable('Backlog', 'T', 0, 0, 4, 5, { showTotals: true });
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    expect(t).toMatchObject({ address: 'A1:F4', rowCount: 3 });
    const data = await h.bridge.readTable(t!.id);
    expect(data.rows.map((r) => r[0])).toEqual(['B-1', 'B-2', 'B-3']);
    const w = await h.bridge.writeColumns(t!.id, [{ header: 'Score', formula: { fn: 'CD3', args: [{ kind: 'columns', headers: ['Reach'] }, { kind: 'columns', headers: ['Effort'] }] }, values: [50, 100, 150] }]);
    expect(w).toMatchObject({ ok: true, address: 'G1:G4' });
    expect((await h.cell('Backlog', 'G2')).formula).toBe('=AGILE.CD3(C2:C4,F2:F4)');
    expect(await h.cell('Backlog', 'G5')).toEqual({ value: '' });
  });

  it('takes a table with its header row hidden by its column names, every row as data', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', backlogRows(3), 1);
    model.addTable('Backlog', 'T', 1, 0, 3, 5, { showHeaders: false, columns: BACKLOG_HEAD });
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const data = await h.bridge.readTable(t!.id);
    expect(data.headers).toEqual(BACKLOG_HEAD);
    expect(data.rows.map((r) => r[0])).toEqual(['B-1', 'B-2', 'B-3']);
  });
});

describe('writing beside a table never widens it, whatever AutoCorrect says', () => {
  for (const autoExpand of [false, true]) {
    it(`autoExpand ${autoExpand}: the table keeps its columns and the spill area stays empty`, async () => {
      const model = new FakeWorkbook();
      model.autoExpand = autoExpand;
      sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
      const table = model.addTable('Backlog', 'T', 0, 0, 3, 5);
      const h = excelHarness(model);
      const [t] = await h.bridge.listTables();
      const w = await h.bridge.writeColumns(t!.id, [{ header: 'Score', formula: { fn: 'CD3', args: [{ kind: 'columns', headers: ['Reach'] }, { kind: 'columns', headers: ['Effort'] }] }, values: [50, 100, 150] }]);
      expect(w.ok).toBe(true);
      expect(table).toMatchObject({ top: 0, left: 0, bottom: 3, right: 5 });
      expect(await h.cell('Backlog', 'G1')).toEqual({ value: 'Score' });
      expect((await h.cell('Backlog', 'G2')).formula).toBe('=AGILE.CD3(C2:C4,F2:F4)');
      expect(await h.cell('Backlog', 'G3')).toEqual({ value: '' });
    });
  }
});

describe('protected sheets and merged cells', () => {
  it('refuses on a protected sheet, in plain words, changing nothing', async () => {
    const model = new FakeWorkbook();
    const s = sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    s.protected = true;
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const w = await h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }]);
    expect(w).toMatchObject({ ok: false });
    if (!w.ok) expect(w.reason).toMatch(/^Nothing was written: .*Backlog, which is protected\. Unprotect it/);
    expect(h.store.ledger.sheets).toEqual({});
  });

  it('refuses to write into merged cells and names them', async () => {
    const model = new FakeWorkbook();
    const s = sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    s.merged.push({ top: 2, left: 6, bottom: 3, right: 7 });
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const w = await h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }]);
    expect(w).toMatchObject({ ok: false, refused: ['Backlog!G3:H4'] });
    if (!w.ok) expect(w.reason).toMatch(/merged cells \(Backlog!G3:H4\)\. Unmerge them/);
  });
});

describe('the ownership ledger', () => {
  function fakeSettings(initial?: unknown) {
    const stored = new Map<string, unknown>(initial ? [[SETTINGS_KEY, structuredClone(initial)]] : []);
    let saved: unknown = structuredClone(initial ?? null);
    const settings = {
      get: (k: string) => stored.get(k) ?? null,
      set: (k: string, v: unknown) => void stored.set(k, v),
      saveAsync: (cb: (r: { status: string }) => void) => {
        saved = structuredClone(stored.get(SETTINGS_KEY) as object);
        cb({ status: 'succeeded' });
      },
    };
    (globalThis as { Office?: unknown }).Office = { AsyncResultStatus: { Succeeded: 'succeeded' } };
    return { settings: settings as unknown as Office.Settings, stored, saved: () => saved };
  }

  it('is a copy on read: a write that fails at sync leaves the settings exactly as they were', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    const table = model.addTable('Backlog', 'T', 0, 0, 3, 5);
    const { settings, stored } = fakeSettings();
    const bridge = new ExcelBridge(fakeRun(model), settingsStore(settings));
    const [t] = await bridge.listTables();
    expect((await bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(true);
    // The user deletes the last row: G4 is left over from the longer write, the next write's to clear.
    table.bottom = 2;
    for (let c = 0; c < 6; c++) model.sheet('Backlog')!.cells.delete(`3,${c}`);
    const before = JSON.stringify(stored.get(SETTINGS_KEY));
    expect(before).toContain('"G4"');
    // A second write that Excel rejects at the sync that writes (the sheet got protected after the checks).
    const failing = new ExcelBridge(
      atWritingSync(model, () => {
        model.sheet('Backlog')!.protected = true;
      }),
      settingsStore(settings),
    );
    await expect(failing.writeColumns(t!.id, [{ header: 'Score', values: [7, 8] }, { header: 'Rank', values: [1, 2] }])).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(JSON.stringify(stored.get(SETTINGS_KEY))).toBe(before);
  });
});

describe('issue 12: nothing the user typed is lost', () => {
  it('two tables a blank row apart: writing beside the upper keeps the lower table\'s column (12.2)', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(2), [], BACKLOG_HEAD, ...backlogRows(3, 10)]);
    const h = excelHarness(model);
    const tables = await h.bridge.listTables();
    expect(tables.map((t) => t.address)).toEqual(['A1:F3', 'A5:F8']);
    expect((await h.bridge.writeColumns(tables[1]!.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(true);
    expect((await h.bridge.writeColumns(tables[0]!.id, [{ header: 'Score', values: [9, 8] }])).ok).toBe(true);
    expect(await Promise.all(['G5', 'G6', 'G7', 'G8'].map((a) => h.cell('Backlog', a)))).toEqual([{ value: 'Score' }, { value: 1 }, { value: 2 }, { value: 3 }]);
    // A longer earlier write of the same table is still cleared when it shrinks.
    expect((await h.bridge.writeColumns(tables[0]!.id, [{ header: 'Score', values: [5, 4] }])).ok).toBe(true);
    expect(await h.cell('Backlog', 'G5')).toEqual({ value: 'Score' });
  });

  it('writing the Plan sheet removes only what the Plan sheet write wrote (12.3)', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Plan', [['ID', 'Item'], ['U-1', 'Mine'], ['U-2', 'Also mine']], 0);
    const plan = model.sheet('Plan')!;
    // The user's table sits at K1:L3; the add-in wrote Score beside it in M1:M3.
    for (const [a, b] of [[0, 0], [1, 1], [2, 2]] as const) {
      plan.cells.set(`${a},10`, { value: ['ID', 'U-1', 'U-2'][a]! });
      plan.cells.set(`${b},11`, { value: ['Name', 'x', 'y'][b]! });
    }
    for (const k of ['0,0', '0,1', '1,0', '1,1', '2,0', '2,1']) plan.cells.delete(k);
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    expect((await h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2] }])).ok).toBe(true);
    expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['B-1', 'Planned'], ['B-2', 'Cut']] })).ok).toBe(true);
    expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['B-1', 'Planned']] })).ok).toBe(true);
    expect(await Promise.all(['M1', 'M2', 'M3'].map((a) => h.cell('Plan', a)))).toEqual([{ value: 'Score' }, { value: 1 }, { value: 2 }]);
    expect(await h.cell('Plan', 'A3')).toEqual({ value: '' });
  });

  it('text written stays text: IDs and items such as 00042, 1e3, 12%, TRUE, 007 (12.7)', async () => {
    const model = new FakeWorkbook();
    const h = excelHarness(model);
    const ids = ['00042', '1e3', '12%', 'TRUE', '007', '=SUM(A1)', '+1+1', ' -1'];
    expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID'], ...ids.map((v) => [v])] })).ok).toBe(true);
    const s = model.sheet('Plan')!;
    expect(ids.map((_, i) => s.get(i + 1, 0)?.value)).toEqual(ids);
    expect(ids.map((_, i) => s.get(i + 1, 0)?.formula)).toEqual(ids.map(() => undefined));
    // And a rewrite recognises them as its own (the fingerprints match what Excel kept).
    expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID'], ...ids.map((v) => [v])] })).ok).toBe(true);
  });

  it('refuses with stale: true, changing nothing, when a source table changed since it was read (sources)', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const read = await h.bridge.readTable(t!.id);
    await h.type('Backlog', 'F3', 500);
    const sources = [{ tableId: t!.id, version: read.version }];
    const w = await h.bridge.writeSheet({ name: 'Plan', rows: [['ID'], ['B-1']] }, { sources });
    expect(w).toEqual({ ok: false, refused: [], reason: staleReason(['Backlog']), stale: true });
    expect(model.sheet('Plan')).toBeUndefined();
    const c = await h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }], { sources });
    expect(c).toMatchObject({ ok: false, stale: true });
    expect(await h.cell('Backlog', 'G1')).toEqual({ value: '' });
    const fresh = await h.bridge.readTable(t!.id);
    expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID'], ['B-1']] }, { sources: [{ tableId: t!.id, version: fresh.version }] })).ok).toBe(true);
  });

  it('applies ColumnWrite.numberFormat and SheetWrite.columnFormats to the data cells, not the header', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(2)]);
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    expect((await h.bridge.writeColumns(t!.id, [{ header: 'Share', values: [0.25, 0.5], numberFormat: '0.0%' }])).ok).toBe(true);
    const s = model.sheet('Backlog')!;
    expect([s.get(0, 6)!.format ?? 'General', s.get(1, 6)!.format, s.get(2, 6)!.format]).toEqual(['General', '0.0%', '0.0%']);
    expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Due'], ['B-1', 46000]], columnFormats: [undefined, 'yyyy-mm-dd'] })).ok).toBe(true);
    const p = model.sheet('Plan')!;
    expect([p.get(0, 1)!.format ?? 'General', p.get(1, 1)!.format, p.get(1, 0)!.format ?? 'General']).toEqual(['General', 'yyyy-mm-dd', 'General']);
    // SheetWrite.cellFormats, where rows differ (a snapshot: one KPI in %, the next in $).
    const snap = { name: 'Snap', rows: [['KPI', 'Target'], ['Win rate', 0.4], ['Pipeline', 250000]], cellFormats: [[], [undefined, '0%'], [undefined, '$#,##0']] };
    expect((await h.bridge.writeSheet(snap)).ok).toBe(true);
    const q = model.sheet('Snap')!;
    expect([q.get(1, 1)!.format, q.get(2, 1)!.format, q.get(1, 0)!.format ?? 'General']).toEqual(['0%', '$#,##0', 'General']);
  });

  it('serialises the pane\'s writes: two writes from the same read never both pass the version check (12.6)', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const read = await h.bridge.readTable(t!.id);
    const [a, b] = await Promise.all([
      h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }], { basedOn: read.version }),
      h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [4, 5, 6] }], { basedOn: read.version }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(await h.cell('Backlog', 'G2')).toEqual({ value: 1 });
  });

  it('an edit landing between the check and the write is kept: the write is put back and refused (12.6)', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    model.addTable('Backlog', 'T', 0, 0, 3, 5);
    const store = memoryStore();
    let typed = false;
    // The user types into G3 after the bridge checked the target, just before its write reaches Excel.
    const bridge = new ExcelBridge(
      atWritingSync(model, () => {
        if (typed) return;
        typed = true;
        model.sheet('Backlog')!.put(2, 6, 'CMO: keep this!');
      }),
      store,
    );
    const [t] = await bridge.listTables();
    const w = await bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }]);
    expect(w).toMatchObject({ ok: false, refused: ['Backlog!G3'] });
    if (!w.ok) expect(w.reason).toMatch(/^Nothing was written: Backlog!G3 changed while writing Score beside T was under way, so every cell was put back/);
    const s = model.sheet('Backlog')!;
    expect(s.get(2, 6)?.value).toBe('CMO: keep this!');
    expect([0, 1, 3].map((r) => s.get(r, 6)?.value ?? '')).toEqual(['', '', '']);
    expect(store.ledger).toEqual({ v: 1, sheets: {} });
  });

  it('a refused write leaves a memory ledger untouched as well', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(2)]);
    const store = memoryStore();
    const bridge = new ExcelBridge(fakeRun(model), store);
    const [t] = await bridge.listTables();
    model.sheet('Backlog')!.put(2, 6, 'typed');
    expect((await bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2] }])).ok).toBe(false);
    expect(store.ledger).toEqual({ v: 1, sheets: {} });
  });
});

describe('the user is typing in a cell (cell edit mode)', () => {
  const CELL_EDIT = 'https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit';

  it(`the pane's reads and writes wait for Enter instead of failing ("Batch waits; then runs after edit is committed or canceled", ${CELL_EDIT})`, async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    model.addTable('Backlog', 'T', 0, 0, 3, 5);
    const excel = { run: fakeRun(model) };
    // What the pane did before: Excel.run(batch), whose batches fail while the user edits.
    model.startEditing();
    await expect(new ExcelBridge((batch) => excel.run(batch), memoryStore()).listTables()).rejects.toMatchObject({ code: 'InvalidOperation' });
    const bridge = new ExcelBridge(delayingForCellEdit(excel), memoryStore());
    const listing = bridge.listTables();
    await expect.poll(() => model.waitingForEdit).toBe(1);
    model.stopEditing();
    const [t] = await listing;
    expect(t).toMatchObject({ name: 'T', rowCount: 3 });
    model.startEditing();
    const writing = bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }]);
    await expect.poll(() => model.waitingForEdit).toBe(1);
    expect(model.sheet('Backlog')!.get(0, 6)).toBeUndefined();
    model.stopEditing();
    expect(await writing).toMatchObject({ ok: true, address: 'G1:G4' });
    expect(model.sheet('Backlog')!.get(3, 6)).toEqual({ value: 3 });
  });

  it('a write that waited for the edit refuses when the committed edit landed in its target, keeping what was typed', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    model.addTable('Backlog', 'T', 0, 0, 3, 5);
    const bridge = new ExcelBridge(delayingForCellEdit({ run: fakeRun(model) }), memoryStore());
    const [t] = await bridge.listTables();
    // The user is typing a note into G3, right where the Score column would go.
    model.startEditing();
    const writing = bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }]);
    await expect.poll(() => model.waitingForEdit).toBe(1);
    model.sheet('Backlog')!.put(2, 6, 'ask Dana');
    model.stopEditing();
    const w = await writing;
    expect(w).toMatchObject({ ok: false });
    if (!w.ok) expect(w.reason).toMatch(/G3/);
    expect(model.sheet('Backlog')!.get(2, 6)).toEqual({ value: 'ask Dana' });
    expect(model.sheet('Backlog')!.get(0, 6)).toBeUndefined();
  });
});

describe('a read Excel answers with null (over its cell limit)', () => {
  it('reads the table whole in smaller chunks when a chunk comes back null', async () => {
    // The bridge's 50,000-cell chunks are far under 5,000,000; "In some cases, Range.values returns null
    // instead" (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices)
    // names no bound, so the fake's limit is lowered below one chunk: the worse case.
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(12_000)]);
    model.addTable('Backlog', 'T', 0, 0, 12_000, 5);
    model.overLimitRead = 'null';
    model.readLimitCells = 20_000;
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    const data = await h.bridge.readTable(t!.id);
    expect(data.rows).toHaveLength(12_000);
    expect(data.rows.at(-1)).toEqual(['B-12000', 'Item 12000', 1_200_000, 1, 0.5, 2]);
  }, 60_000);

  it('never takes a null read for empty cells: a write whose target read stays null writes nothing and says why', async () => {
    const model = new FakeWorkbook();
    sheetOf(model, 'Backlog', [BACKLOG_HEAD, ...backlogRows(3)]);
    model.addTable('Backlog', 'T', 0, 0, 3, 5);
    const s = model.sheet('Backlog')!;
    s.put(2, 6, 'ask Dana');
    const h = excelHarness(model);
    const [t] = await h.bridge.listTables();
    // Now even one row of the sheet comes back null.
    model.overLimitRead = 'null';
    model.readLimitCells = 3;
    await expect(h.bridge.writeColumns(t!.id, [{ header: 'Score', values: [1, 2, 3] }])).rejects.toThrow(/^Excel sent back no cells for Backlog!A1:G1, as it does for a read it finds too big\. Nothing was changed\./);
    expect(s.get(2, 6)).toEqual({ value: 'ask Dana' });
    expect(s.get(0, 6)).toBeUndefined();
    expect(h.store.ledger.sheets).toEqual({});
  });
});
