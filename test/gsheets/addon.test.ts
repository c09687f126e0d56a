// The built add-on (dist/gsheets) in a vm context over the fake: the menu in every authorization mode,
// the sidebar page, every server function, and the safety rules of DESIGN.md principle 5.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../browser/helpers';
import { CONTRACT_FIXTURE } from '../sidebar/bridge-contract';
import { createScriptRunBridge } from '../../gsheets-addon/client/script-run-bridge';
import type { TableData, TableRef, WriteResult } from '../../protocol/bridge';
import { loadAddon, probe, userTypes } from './harness';
import type { FakeSpreadsheet } from './fake/spreadsheet';

const MENU = ['Turn on =AGILE_ functions here', '---', 'Prioritize…', 'Plan capacity…', 'Scorecard…', 'Insert quarterly plan', 'Share scorecard…', '---', 'Help'];

/** Everything a user could see or the add-on could have changed, for "nothing changed" checks. */
function state(ss: FakeSpreadsheet): string {
  return JSON.stringify(ss.sheets.map((s) => [s.name, [...s.cells].sort(), s.metadata.map((m) => [m.getKey(), m.getValue()])]));
}

const backlogId = (addon: ReturnType<typeof loadAddon>) => (addon.call('apListTables') as TableRef[]).find((t) => t.sheet === 'Backlog')!.id;

describe('the add-on menu', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('onOpen in AuthMode.%s builds the add-on menu and touches nothing else', (mode) => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    addon.env.authMode = mode;
    const before = state(addon.ss);
    addon.call('onOpen', { authMode: mode });
    expect(addon.env.ui.menus).toHaveLength(1);
    expect(addon.env.ui.menus[0]!.map((i) => i.caption)).toEqual(MENU);
    for (const item of addon.env.ui.menus[0]!) if (item.fn) expect(typeof (addon.context as Record<string, unknown>)[item.fn]).toBe('function');
    expect(state(addon.ss)).toBe(before);
  });

  it('onInstall builds the same menu (Marketplace installs do not fire onOpen)', () => {
    const addon = loadAddon();
    addon.env.authMode = 'NONE';
    addon.call('onInstall', { authMode: 'NONE' });
    expect(addon.env.ui.menus[0]!.map((i) => i.caption)).toEqual(MENU);
  });

  it.each([
    ['menuPrioritize', 'prioritize'],
    ['menuPlanCapacity', 'plan'],
    ['menuScorecard', 'scorecard'],
    ['menuShareScorecard', 'share'],
  ])('%s opens the one sidebar page on the %s view', (fn, view) => {
    const addon = loadAddon();
    addon.call(fn);
    const page = addon.env.ui.sidebars[0]!;
    expect(page.getTitle()).toBe('Agile Playbook');
    expect(page.getContent()).toContain(`data-initial-view="${view}"`);
    expect(page.getContent()).not.toContain('<?');
  });

  it('Help explains the add-on in an alert, and what a new spreadsheet needs before =AGILE_ functions work', () => {
    const addon = loadAddon();
    addon.call('menuHelp');
    const help = addon.env.ui.alerts[0]!.join(' ');
    expect(help).toMatch(/RICE.*Plan sheet/s);
    expect(help).toContain('In a new spreadsheet, choose Extensions \u203a Agile Playbook \u203a Turn on =AGILE_ functions here once first');
  });

  it('the first menu item uses the add-on in this document and says the functions work now, changing nothing', () => {
    const addon = loadAddon();
    addon.ss.insertSheet('Sheet1');
    const before = JSON.stringify([...addon.ss.sheets[0]!.cells]);
    addon.call('menuEnableFunctions');
    expect(addon.env.ui.alerts[0]!.join(' ')).toMatch(/=AGILE_ functions work in this spreadsheet now/);
    expect(JSON.stringify([...addon.ss.sheets[0]!.cells])).toBe(before);
    expect(addon.ss.writes).toEqual([]);
  });
});

describe('Insert quarterly plan', () => {
  it('adds the template sheets with live formulas whose results spill, then refuses a second insert', () => {
    const addon = loadAddon();
    addon.ss.insertSheet('Sheet1');
    addon.call('menuInsertQuarterlyPlan');
    expect(addon.env.ui.alerts[0]!.join(' ')).toMatch(/^Agile Playbook Inserted the quarterly plan/);
    const names = addon.ss.sheets.map((s) => s.name);
    expect(names).toEqual(['Sheet1', 'Start here', 'Outcomes', 'Backlog', 'Ranking', 'Guardrails', 'Decisions', 'Teams', 'Mix', 'Scenarios', 'Scorecard', 'Retro']);
    const backlog = addon.ss.getSheetByName('Backlog')!;
    const formulas = backlog.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas.some((f) => /^=AGILE_RICE\(/.test(f))).toBe(true);
    // No spilled result is blocked by a value the insert wrote into its range.
    for (const s of addon.ss.sheets) expect(s.getDataRange().getValues().flat().filter((v) => v === '#REF!')).toEqual([]);
    expect(addon.ss.writes.every((w) => w.locked)).toBe(true);
    const before = state(addon.ss);
    addon.call('menuInsertQuarterlyPlan');
    expect(addon.env.ui.alerts[1]!.join(' ')).toMatch(/Nothing was inserted/);
    expect(state(addon.ss)).toBe(before);
  });
});

describe('the server functions', () => {
  it('insert the quarterly plan the sidebar names (template: quarterly-plan) from the declaration', () => {
    const addon = loadAddon();
    const r = addon.call('apInsertTemplate', { name: 'the quarterly plan', template: 'quarterly-plan', sheets: [{ name: 'Backlog', rows: [] }] }) as WriteResult;
    expect(r).toMatchObject({ ok: true, sheet: 'Start here' });
    expect(addon.ss.sheets).toHaveLength(11);
    expect(addon.ss.getSheetByName('Backlog')!.getFrozenRows()).toBeGreaterThan(0);
  });

  it('list named ranges and detected tables, and read dates as ISO text', () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    const teams = addon.ss.getSheetByName('Teams')!;
    teams.getRange('D1:E3').setValues([['Milestone', 'Due'], ['Launch', new Date('2026-03-31T12:00:00Z')], ['Review', new Date('2026-04-15T12:00:00Z')]]);
    addon.ss.setNamedRange('Milestones', teams.getRange('D1:E3'));
    const tables = addon.call('apListTables') as TableRef[];
    expect(tables.map((t) => `${t.name} ${t.sheet}!${t.address}`)).toEqual(['Milestones Teams!D1:E3', 'Backlog Backlog!A1:F4', 'Teams A1:B3 Teams!A1:B3', 'Teams D1:E3 Teams!D1:E3']);
    const data = addon.call('apReadTable', 'named:Milestones') as TableData;
    expect(data.rows).toEqual([['Launch', '2026-03-31'], ['Review', '2026-04-15']]);
  });

  it('round-trip: write columns, read them back as owned, write a sheet, insert a template', () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    const id = backlogId(addon);
    const read = addon.call('apReadTable', id) as TableData;
    const w = addon.call('apWriteColumns', id, [{ header: 'Score', values: [3, 2, 1] }], { basedOn: read.version }) as WriteResult;
    expect(w).toMatchObject({ ok: true, sheet: 'Backlog', address: 'G1:G4' });
    expect((addon.call('apReadTable', id) as TableData).ownedColumns).toEqual(['Score']);
    expect(addon.call('apWriteSheet', { name: 'Plan', rows: [['ID', 'Status'], ['B-1', 'Planned']] })).toMatchObject({ ok: true, address: 'A1:B2' });
    expect(addon.ss.getSheetByName('Plan')!.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['agile-playbook.sheet']);
    expect(addon.call('apInsertTemplate', { name: 'x', sheets: [{ name: 'Notes', rows: [['A'], [1]] }] })).toMatchObject({ ok: true });
    expect(probe(addon.ss, 'Notes', 'A2')).toEqual({ value: 1 });
    // Every change the add-on made was under the document lock, and the lock was released after each.
    expect(addon.ss.writes.length).toBeGreaterThan(0);
    expect(addon.ss.writes.every((x) => x.locked)).toBe(true);
    expect(addon.ss.lockHolder).toBeUndefined();
  });

  it('writes each column block with one setValues', () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    addon.call('apWriteColumns', backlogId(addon), [{ header: 'Score', values: [3, 2, 1] }, { header: 'Rank', values: [1, 2, 3] }], {});
    expect(addon.ss.writes.map((x) => `${x.method} ${x.a1}`)).toEqual(['setValues G1:H4']);
  });
});

describe('safety: nothing the user typed is lost', () => {
  it('refuses a write that would overwrite user data, names the cells and changes nothing', () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    userTypes(addon.ss, 'Backlog', 'H4', 'call Sam');
    userTypes(addon.ss, 'Backlog', 'G2', 12);
    const before = state(addon.ss);
    const r = addon.call('apWriteColumns', backlogId(addon), [{ header: 'Score', values: [1, 2, 3] }], {}) as WriteResult;
    // G2 blocks Score; the table now runs to G (G2 is data), so Score would go to H, where H4 is the user's.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/Nothing was written: .*(G2|H4)/);
    expect(state(addon.ss)).toBe(before);
    expect(addon.ss.writes).toEqual([]);
  });

  it('detects a concurrent edit between the sidebar read and the write', () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    const id = backlogId(addon);
    const read = addon.call('apReadTable', id) as TableData;
    userTypes(addon.ss, 'Backlog', 'F3', 9);
    const before = state(addon.ss);
    const r = addon.call('apWriteColumns', id, [{ header: 'Score', values: [1, 2, 3] }], { basedOn: read.version }) as WriteResult;
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/changed since it was read/) });
    expect(state(addon.ss)).toBe(before);
  });

  it('neutralises formula injection in columns, owned sheets and templates', () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    const evil = ['=IMPORTXML("http://x.test","//a")', '+1+1', '@me'];
    addon.call('apWriteColumns', backlogId(addon), [{ header: '=Note', values: evil }], {});
    addon.call('apWriteSheet', { name: 'Plan', rows: [['-Reason'], ['=HYPERLINK("http://x.test")']] });
    addon.call('apInsertTemplate', { name: 't', sheets: [{ name: 'T', rows: [['+cmd'], ['-2 risky']] }] });
    const cells = [
      ['Backlog', 'G1'], ['Backlog', 'G2'], ['Backlog', 'G3'], ['Backlog', 'G4'], ['Plan', 'A1'], ['Plan', 'A2'], ['T', 'A1'], ['T', 'A2'],
    ].map(([s, a]) => probe(addon.ss, s!, a!));
    expect(cells).toEqual(['=Note', ...evil, '-Reason', '=HYPERLINK("http://x.test")', '+cmd', '-2 risky'].map((value) => ({ value })));
  });

  it('reports a busy lock and server errors to the sidebar as messages', async () => {
    const addon = loadAddon(CONTRACT_FIXTURE);
    const bridge = createScriptRunBridge(addon.run);
    await expect(bridge.readTable('Nowhere!A1')).rejects.toThrow('The table Nowhere!A1 is no longer there: pick the table again.');
    addon.ss.lockHolder = 'another script';
    await expect(bridge.writeSheet({ name: 'Plan', rows: [['x']] })).rejects.toThrow(/Another Agile Playbook write is still running/);
    expect(addon.ss.getSheetByName('Plan')).toBeNull();
    // It waited the whole 10 s for the other write to finish before saying so.
    expect(addon.env.waitedMs).toBe(10_000);
  });
});

describe('the optimal planner\'s wasm, served by the built server', () => {
  it('hands highs.wasm out in parts that join to the file, and refuses a part that does not exist', () => {
    const addon = loadAddon();
    const first = addon.call('apPlannerWasm', 0) as { parts: number; text: string };
    expect(first.parts).toBeGreaterThan(1);
    const all = [first.text, ...Array.from({ length: first.parts - 1 }, (_, i) => (addon.call('apPlannerWasm', i + 1) as { text: string }).text)].join('');
    expect(Buffer.from(all, 'base64').equals(readFileSync(join(ROOT, 'dist/sidebar/highs.wasm')))).toBe(true);
    expect(() => addon.call('apPlannerWasm', first.parts)).toThrow(/reload the sidebar/);
  });
});
