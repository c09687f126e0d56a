// The Sheets bridge's writes on the built server (dist/gsheets on the fake): text stays text in every
// spreadsheet zone, ownership proves the cells still hold what was written and costs the same whatever a
// block's size, a table's write never touches another table's column, a write computed from a table that
// changed is refused, and number formats land with the values.
import { describe, expect, it } from 'vitest';
import { createScriptRunBridge, SEVERAL_ACCOUNTS } from '../../gsheets-addon/client/script-run-bridge';
import { type TableData, type TableRef, type WriteResult, staleReason } from '../../protocol/bridge';
import type { WorkbookFixture } from '../sidebar/bridge-contract';
import { loadAddon, scriptRun, userTypes } from './harness';
import { METADATA_LIMIT, metadataSize } from './fake/metadata';
import type { FakeSpreadsheet } from './fake/spreadsheet';

const ZONES = ['America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Pacific/Auckland'];

/** Everything a user could see or the add-on could have changed, for "nothing changed" checks. */
const state = (ss: FakeSpreadsheet) => JSON.stringify(ss.sheets.map((s) => [s.name, [...s.cells].sort(), s.metadata.map((m) => [m.getKey(), m.getValue()])]));
const tables = (addon: ReturnType<typeof loadAddon>) => addon.call('apListTables') as TableRef[];
const values = (ss: FakeSpreadsheet, sheet: string, a1: string) => ss.getSheetByName(sheet)!.getRange(a1).getValues();

// Text a planning sheet holds that typing would turn into something else: IDs, labels, codes.
const TRICKY = ['00042', '1e3', '12%', 'TRUE', '007', '2026-01-15', '1/2', '3-4', '#N/A pending', ' +HYPERLINK("http://x")', '\t+1+1', '\u00a0-1+1', '=1+1', "'quoted", 'Q1 launch'];

describe.each(ZONES)('text stays text, in a spreadsheet in %s', (zone) => {
  it('on an owned sheet (the Plan) and beside a table, read back exactly as sent', () => {
    const addon = loadAddon({ sheets: [{ name: 'Backlog', rows: [['ID', 'Item'], ...TRICKY.map((t, i) => [`B-${i}`, 'x'])] }] }, { timeZone: zone });
    const plan = addon.call('apWriteSheet', { name: 'Plan', rows: [['ID', 'Note'], ...TRICKY.map((t) => [t, t])] }, {}) as WriteResult;
    expect(plan.ok).toBe(true);
    expect(values(addon.ss, 'Plan', `A2:B${TRICKY.length + 1}`)).toEqual(TRICKY.map((t) => [t, t]));
    expect(addon.ss.getSheetByName('Plan')!.getRange(`A2:B${TRICKY.length + 1}`).getFormulas().flat().filter(Boolean)).toEqual([]);
    const [t] = tables(addon);
    const beside = addon.call('apWriteColumns', t!.id, [{ header: 'Code', values: TRICKY }], {}) as WriteResult;
    expect(beside.ok).toBe(true);
    expect(values(addon.ss, 'Backlog', `C2:C${TRICKY.length + 1}`).flat()).toEqual(TRICKY);
  });
});

describe('two tables a blank row apart on one sheet', () => {
  const fixture: WorkbookFixture = {
    sheets: [
      {
        name: 'Backlog',
        rows: [
          ['ID', 'Reach', 'Impact', 'Confidence', 'Effort', 'Owner'],
          ['U-1', 100, 1, 1, 1, 'Ana'],
          ['U-2', 200, 1, 1, 1, 'Ben'],
          ['', '', '', '', '', ''],
          ['ID', 'Reach', 'Impact', 'Confidence', 'Effort', 'Owner'],
          ['L-1', 300, 1, 1, 1, 'Cy'],
          ['L-2', 400, 1, 1, 1, 'Di'],
          ['L-3', 500, 1, 1, 1, 'Ed'],
        ],
      },
    ],
  };

  it('writing beside the upper keeps the lower table\'s column and its ownership record', () => {
    const addon = loadAddon(fixture);
    const [upper, lower] = tables(addon);
    expect([upper!.address, lower!.address]).toEqual(['A1:F3', 'A5:F8']);
    expect((addon.call('apWriteColumns', lower!.id, [{ header: 'Score', values: [3, 4, 5] }], {}) as WriteResult).ok).toBe(true);
    const records = () => addon.ss.getSheetByName('Backlog')!.metadata.length;
    expect(records()).toBe(1);
    const up = addon.call('apWriteColumns', upper!.id, [{ header: 'Score', values: [1, 2] }], {}) as WriteResult;
    expect(up.ok).toBe(true);
    expect(values(addon.ss, 'Backlog', 'G1:G8').flat()).toEqual(['Score', 1, 2, '', 'Score', 3, 4, 5]);
    expect(records()).toBe(2);
    // The lower table still owns its Score column: it is rewritten in place, not refused or duplicated.
    const lowerNow = tables(addon).find((t) => t.address.startsWith('A5'))!;
    expect((addon.call('apReadTable', lowerNow.id) as TableData).ownedColumns).toEqual(['Score']);
    expect((addon.call('apWriteColumns', lowerNow.id, [{ header: 'Score', values: [6, 7, 8] }], {}) as WriteResult).ok).toBe(true);
    expect(values(addon.ss, 'Backlog', 'G1:H8').flat()).toEqual(['Score', '', 1, '', 2, '', '', '', 'Score', '', 6, '', 7, '', 8, '']);
  });
});

describe('ownership proves the cells still hold what was written', () => {
  const budget: WorkbookFixture = { sheets: [{ name: 'Budget', rows: [['Item', 'Owner', 'Budget'], ['Ads', 'Ana', 1000], ['Events', 'Ben', 2500]] }] };

  it('a record that claims cells it did not write (a copied or hand-made record) makes nothing overwritable', () => {
    const addon = loadAddon(budget);
    const sheet = addon.ss.getSheetByName('Budget')!;
    // A record for column C as an older version or another file might carry: right place, wrong digest.
    sheet.addDeveloperMetadata('agile-playbook.column', JSON.stringify({ r: 0, c: 2, n: 3, w: 1, d: 'abc.def' }));
    const [t] = tables(addon);
    const before = state(addon.ss);
    // The record does not make the column ours: the table reports no owned column, so the write of a
    // "Budget" column is refused as a user's column of that name.
    expect((addon.call('apReadTable', t!.id) as { ownedColumns: string[] }).ownedColumns).toEqual([]);
    const result = addon.call('apWriteColumns', t!.id, [{ header: 'Budget', values: [0, 0] }], {}) as WriteResult;
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/already has a column named "Budget" that the add-in did not write/) });
    expect(state(addon.ss)).toBe(before);
    expect(values(addon.ss, 'Budget', 'C2:C3')).toEqual([[1000], [2500]]);
  });

  it('a value typed into a written column makes that column the user\'s: the next write is refused, nothing changes', () => {
    const addon = loadAddon(budget);
    const [t] = tables(addon);
    expect((addon.call('apWriteColumns', t!.id, [{ header: 'Score', values: [1, 2] }], {}) as WriteResult).ok).toBe(true);
    userTypes(addon.ss, 'Budget', 'D3', 'CMO: keep this!');
    const before = state(addon.ss);
    const again = addon.call('apWriteColumns', tables(addon)[0]!.id, [{ header: 'Score', values: [3, 4] }], {}) as WriteResult;
    expect(again.ok).toBe(false);
    expect(state(addon.ss)).toBe(before);
    expect(values(addon.ss, 'Budget', 'D3')).toEqual([['CMO: keep this!']]);
  });

  it('an owned sheet edited by the user is refused, and a note beside it survives a rewrite', () => {
    const addon = loadAddon();
    const rows = [['ID', 'Status'], ['M-1', 'Planned'], ['M-2', 'Cut']];
    expect((addon.call('apWriteSheet', { name: 'Plan', rows }, {}) as WriteResult).ok).toBe(true);
    userTypes(addon.ss, 'Plan', 'D1', 'note for the CMO');
    expect((addon.call('apWriteSheet', { name: 'Plan', rows: rows.slice(0, 2) }, {}) as WriteResult).ok).toBe(true);
    expect(values(addon.ss, 'Plan', 'A1:D3')).toEqual([
      ['ID', 'Status', '', 'note for the CMO'],
      ['M-1', 'Planned', '', ''],
      ['', '', '', ''],
    ]);
    userTypes(addon.ss, 'Plan', 'B2', 'Planned (agreed)');
    const before = state(addon.ss);
    expect((addon.call('apWriteSheet', { name: 'Plan', rows }, {}) as WriteResult).ok).toBe(false);
    expect(state(addon.ss)).toBe(before);
  });

  it('costs the same for any block: a 20,000 × 8 Plan sheet and 200 column blocks stay inside 30,000 characters, keys counted', () => {
    const addon = loadAddon({ sheets: [{ name: 'Backlog', rows: [['ID', 'Item'], ['B-1', 'a'], ['B-2', 'b']] }] }, { calculate: false });
    const rows = [['ID', 'Item', 'Team', 'Effort', 'Score', 'Status', 'Reason', 'Category'], ...Array.from({ length: 20_000 }, (_, i) => [`M-${i}`, `Item ${i}`, 'Web', i % 9, i / 3, i % 2 ? 'Planned' : 'Cut', i % 2 ? '' : 'Web is full', 'Growth'])];
    const plan = addon.call('apWriteSheet', { name: 'Plan', rows }, {}) as WriteResult;
    expect(plan.ok).toBe(true);
    const planSheet = addon.ss.getSheetByName('Plan')!;
    expect(metadataSize(planSheet)).toBeLessThan(100);
    // And rewritten in place: the record proves the whole block is still the add-in's.
    expect((addon.call('apWriteSheet', { name: 'Plan', rows: rows.slice(0, 10_001) }, {}) as WriteResult).ok).toBe(true);
    expect(planSheet.getLastRow()).toBe(10_001);

    const columns = Array.from({ length: 200 }, (_, i) => ({ header: `Scenario ${i + 1}`, values: [i, i + 1] }));
    const [t] = tables(addon).filter((x) => x.sheet === 'Backlog');
    expect((addon.call('apWriteColumns', t!.id, columns, {}) as WriteResult).ok).toBe(true);
    const backlog = addon.ss.getSheetByName('Backlog')!;
    expect(backlog.metadata).toHaveLength(200);
    expect(metadataSize(backlog)).toBeLessThan(METADATA_LIMIT);
    // All 200 still recognised as the add-in's, so rewriting them replaces rather than refuses.
    const again = tables(addon).find((x) => x.sheet === 'Backlog')!;
    expect((addon.call('apReadTable', again.id) as TableData).ownedColumns).toHaveLength(200);
    expect((addon.call('apWriteColumns', again.id, columns.map((c) => ({ ...c, values: [7, 8] })), {}) as WriteResult).ok).toBe(true);
    expect(backlog.metadata).toHaveLength(200);
  });
});

describe('a write computed from other tables (WriteOptions.sources)', () => {
  const fixture: WorkbookFixture = {
    sheets: [
      { name: 'Backlog', rows: [['ID', 'Score', 'Effort', 'Team'], ['M-101', 9, 3, 'Web'], ['M-102', 8, 6, 'Web']] },
      { name: 'Teams', rows: [['Team', 'Capacity'], ['Web', 10]] },
    ],
  };

  it('is refused unchanged, marked stale and naming the table, when a source changed since it was read', () => {
    const addon = loadAddon(fixture);
    const all = tables(addon);
    const sources = all.map((t) => ({ tableId: t.id, version: (addon.call('apReadTable', t.id) as TableData).version }));
    userTypes(addon.ss, 'Backlog', 'C3', 500);
    const before = state(addon.ss);
    const plan = addon.call('apWriteSheet', { name: 'Plan', rows: [['ID', 'Status'], ['M-102', 'Planned']] }, { sources }) as WriteResult;
    expect(plan).toEqual({ ok: false, refused: [], reason: staleReason(['Backlog']), stale: true });
    const teams = all.find((t) => t.sheet === 'Teams')!;
    const beside = addon.call('apWriteColumns', teams.id, [{ header: 'Load', values: [0.9] }], { sources }) as WriteResult;
    expect(beside).toMatchObject({ ok: false, stale: true });
    expect(state(addon.ss)).toBe(before);
    const fresh = all.map((t) => ({ tableId: t.id, version: (addon.call('apReadTable', t.id) as TableData).version }));
    expect((addon.call('apWriteSheet', { name: 'Plan', rows: [['ID', 'Status'], ['M-102', 'Cut']] }, { sources: fresh }) as WriteResult).ok).toBe(true);
  });

  it('goes through the sidebar client too (writeSheet with options over google.script.run)', async () => {
    const addon = loadAddon(fixture);
    const bridge = createScriptRunBridge(addon.run);
    const [backlog] = await bridge.listTables();
    const read = await bridge.readTable(backlog!.id);
    userTypes(addon.ss, 'Backlog', 'B2', 1);
    const result = await bridge.writeSheet({ name: 'Plan', rows: [['ID'], ['M-101']] }, { sources: [{ tableId: backlog!.id, version: read.version }] });
    expect(result).toMatchObject({ ok: false, stale: true });
    expect(addon.ss.getSheetByName('Plan')).toBeNull();
  });
});

describe('number formats travel with the values', () => {
  it('ColumnWrite.numberFormat formats the written data cells, not the header', () => {
    const addon = loadAddon({ sheets: [{ name: 'Backlog', rows: [['ID', 'Reach'], ['B-1', 10], ['B-2', 20]] }] });
    const [t] = tables(addon);
    expect((addon.call('apWriteColumns', t!.id, [{ header: 'Share', values: [0.25, 0.75], numberFormat: '0%' }], {}) as WriteResult).ok).toBe(true);
    expect(addon.ss.getSheetByName('Backlog')!.getRange('C1:C3').getNumberFormats().flat()).toEqual(['0.###############', '0%', '0%']);
  });

  it('SheetWrite.columnFormats formats each column below its header', () => {
    const addon = loadAddon();
    const sheet = { name: 'Plan', rows: [['ID', 'Load', 'Due'], ['M-1', 0.5, '2026-04-01']], columnFormats: [undefined, '0.0%', 'yyyy-mm-dd'] };
    expect((addon.call('apWriteSheet', sheet, {}) as WriteResult).ok).toBe(true);
    expect(addon.ss.getSheetByName('Plan')!.getRange('A1:C2').getNumberFormats()).toEqual([
      ['0.###############', '0.###############', '0.###############'],
      ['0.###############', '0.0%', 'yyyy-mm-dd'],
    ]);
  });

  it('SheetWrite.cellFormats formats cells one by one where rows differ (a snapshot: one KPI in %, the next in $)', () => {
    const addon = loadAddon();
    const rows = [['KPI', 'Target'], ['Win rate', 0.4], ['Pipeline', 250000]];
    const sheet = { name: 'Snap', rows, cellFormats: [[undefined, undefined], [undefined, '0%'], [undefined, '$#,##0']] };
    expect((addon.call('apWriteSheet', sheet, {}) as WriteResult).ok).toBe(true);
    expect(addon.ss.getSheetByName('Snap')!.getRange('A1:B3').getNumberFormats()).toEqual([
      ['0.###############', '0.###############'],
      ['0.###############', '0%'],
      ['0.###############', '$#,##0'],
    ]);
  });
});

describe('the sidebar client', () => {
  it('explains PERMISSION_DENIED (several Google accounts) instead of showing the raw error', async () => {
    const run = scriptRun(() => {
      throw new Error('ScriptError: We\u2019re sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.');
    });
    const bridge = createScriptRunBridge(run);
    await expect(bridge.listTables()).rejects.toThrow(SEVERAL_ACCOUNTS);
    expect(SEVERAL_ACCOUNTS).toMatch(/more than one[\s\S]*one account only/);
  });

  it('passes any other server error through as its message', async () => {
    const bridge = createScriptRunBridge(scriptRun(() => {
      throw new Error('The table Backlog!A1 is no longer there: pick the table again.');
    }));
    await expect(bridge.readTable('x')).rejects.toThrow('The table Backlog!A1 is no longer there: pick the table again.');
  });
});

describe('an owned sheet write removes only what that owned sheet write wrote (issue 12.3)', () => {
  it('a Score column the add-in wrote beside a user\'s table on a sheet named Plan survives the planner\'s writes', () => {
    const addon = loadAddon({ sheets: [{ name: 'Plan', rows: [['', '', '', '', '', '', '', '', '', '', '', 'Item', 'Reach'], ['', '', '', '', '', '', '', '', '', '', '', 'Ads', 10], ['', '', '', '', '', '', '', '', '', '', '', 'SEO', 20]] }] });
    const [t] = tables(addon);
    expect(t!.address).toBe('L1:M3');
    expect((addon.call('apWriteColumns', t!.id, [{ header: 'Score', values: [1, 2] }], {}) as WriteResult).ok).toBe(true);
    const rows = (n: number) => [['ID', 'Status'], ...Array.from({ length: n }, (_, i) => [`M-${i}`, 'Planned'])];
    expect((addon.call('apWriteSheet', { name: 'Plan', rows: rows(4) }, {}) as WriteResult).ok).toBe(true);
    // A shorter plan clears the rows its own last write left, and nothing of the Score column.
    expect((addon.call('apWriteSheet', { name: 'Plan', rows: rows(1) }, {}) as WriteResult).ok).toBe(true);
    expect(values(addon.ss, 'Plan', 'A1:B5')).toEqual([['ID', 'Status'], ['M-0', 'Planned'], ['', ''], ['', ''], ['', '']]);
    expect(values(addon.ss, 'Plan', 'N1:N3').flat()).toEqual(['Score', 1, 2]);
  });
});
