// The Office.js surfaces besides Excel.run, against office-addin-mock: the ownership ledger in the
// document's settings (what makes owned sheets and columns recognisable after reopening the workbook), and
// Office.addin as a Marketplace install sees it. The Excel.run side is tested on test/excel/fake: office-addin-mock is a property bag
// and cannot model collections loaded as `items/name`, used ranges or getRangeByIndexes geometry.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExcelBridge } from '../../excel-addon/src/excel-bridge';
import { SETTINGS_KEY, settingsStore } from '../../excel-addon/src/ownership';
import { CONTRACT_FIXTURE } from '../sidebar/bridge-contract';
import { fakeRun } from './fake/excel';
import { fakeAddin } from './fake/office';
import { workbookFrom } from './harness';

async function mockOffice() {
  const saved = new Map<string, unknown>();
  const stored = new Map<string, unknown>();
  const mock = new OfficeMockObject({
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      document: {
        settings: {
          get: (k: string) => stored.get(k) ?? null,
          set: (k: string, v: unknown) => void stored.set(k, structuredClone(v)),
          saveAsync: (cb: (r: { status: string }) => void) => {
            for (const [k, v] of stored) saved.set(k, structuredClone(v));
            cb({ status: 'succeeded' });
          },
        },
      },
    },
  });
  // office-addin-mock enforces load/sync on every property, enums included.
  mock.load('AsyncResultStatus/Succeeded,AsyncResultStatus/Failed');
  await mock.sync();
  const office = mock as unknown as typeof Office;
  vi.stubGlobal('Office', office);
  return { office, saved, stored };
}

afterEach(() => vi.unstubAllGlobals());

describe('the ownership ledger in Office.context.document.settings', () => {
  it('is saved with the document after a write and recognises owned columns and sheets when reopened', async () => {
    const { office, saved, stored } = await mockOffice();
    const model = workbookFrom(CONTRACT_FIXTURE);
    const bridge = new ExcelBridge(fakeRun(model), settingsStore(office.context.document.settings));
    const backlog = (await bridge.listTables()).find((t) => t.sheet === 'Backlog')!;
    expect((await bridge.writeColumns(backlog.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(true);
    expect((await bridge.writeSheet({ name: 'Plan', rows: [['ID'], ['B-1']] })).ok).toBe(true);
    const ledger = saved.get(SETTINGS_KEY) as { sheets: Record<string, { owned?: boolean; cells: Record<string, string>; by?: object }> };
    expect(ledger.sheets[model.sheet('Plan')!.id]).toEqual({ owned: true, cells: { A1: 'v:"ID"', A2: 'v:"B-1"' }, by: { sheet: ['A1', 'A2'] } });
    expect(ledger.sheets[model.sheet('Backlog')!.id]!.cells).toMatchObject({ G1: 'v:"Score"', G4: 'v:3' });

    // Reopened: only what saveAsync persisted is there.
    stored.clear();
    for (const [k, v] of saved) stored.set(k, v);
    const again = new ExcelBridge(fakeRun(model), settingsStore(office.context.document.settings));
    expect((await again.readTable(backlog.id)).ownedColumns).toEqual(['Score']);
    expect((await again.writeSheet({ name: 'Plan', rows: [['ID'], ['B-2']] })).ok).toBe(true);
  });

  it('refuses without saving anything, so a refusal leaves the document untouched', async () => {
    const { office, saved } = await mockOffice();
    const model = workbookFrom(CONTRACT_FIXTURE);
    model.sheet('Backlog')!.put(1, 6, 'typed');
    const bridge = new ExcelBridge(fakeRun(model), settingsStore(office.context.document.settings));
    const backlog = (await bridge.listTables()).find((t) => t.sheet === 'Backlog')!;
    expect((await bridge.writeColumns(backlog.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(false);
    expect(saved.size).toBe(0);
  });

  it('starts empty on a workbook that holds no ledger or a foreign value under the key', async () => {
    const { office, stored } = await mockOffice();
    stored.set(SETTINGS_KEY, 'garbage');
    expect(await settingsStore(office.context.document.settings).load()).toEqual({ v: 1, sheets: {} });
  });
});

describe('the ribbon without showAsTaskpane', () => {
  // "As of February 23rd, 2026, the `showAsTaskpane` method no longer applies to add-ins published in the
  // Microsoft Marketplace. Calls to `showAsTaskpane` are ignored and won't open the task pane. The
  // `showAsTaskpane` method only applies to add-ins that are centrally deployed or sideloaded."
  // (https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in)
  it('the fake ignores showAsTaskpane for a Marketplace install, as Office does', async () => {
    const installed = fakeAddin({ marketplace: true });
    await installed.showAsTaskpane();
    expect(installed.visible).toBe(false);
    const sideloaded = fakeAddin({ marketplace: false });
    await sideloaded.showAsTaskpane();
    expect(sideloaded.visible).toBe(true);
  });

  it('no code of the pane calls it, so nothing depends on a call Office may ignore', () => {
    const built = readFileSync(join(import.meta.dirname, '../../dist/excel/taskpane.js'), 'utf8');
    expect(built).not.toMatch(/showAsTaskpane/);
    for (const f of readdirSync(join(import.meta.dirname, '../../excel-addon/src'))) {
      expect(readFileSync(join(import.meta.dirname, '../../excel-addon/src', f), 'utf8'), f).not.toMatch(/showAsTaskpane\(/);
    }
  });
});
