// The playground on Univer (issue 14.6), in Debian's Chromium: what a user checks after the engine moved in.
// Every expected number comes from the template's own evaluator or the sample declaration
// (fixtures-engine/quarter-walk.ts), every place from the template's layout. Screenshots land under
// test-output/screenshots/engine-*.png (not committed).
//
// The contract the page gives these tests (playground/main.ts):
//   window.agilePlayground = { api /* Univer's FUniver facade */, book() /* the current LiveBook */,
//                              bridge() /* the MemoryBridge */, ready /* promise or true: first workbook open and computed */ }
// and its controls: Undo / Redo buttons, Sample quarter / Open / New / Download, the Look switch, a saved-state
// indicator, and the sidebar as it always was. Set ENGINE_PLAYGROUND_DIR to serve another built playground
// (a directory like dist/playground) instead of building this checkout's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCell } from '../../protocol/a1';
import { BENCH_COLUMNS, benchBacklog } from '../../bench/page-backlog';
import { BACKLOG } from '../../templates/sample/backlog';
import { inputColumns } from '../../templates/layout';
import { backlogSheet } from '../../templates/sheets-align';
import { quarterlyPlanWorkbook } from '../../playground/template';
import { LiveBook } from '../../playground/engine/live-book';
import { headlessEngine } from '../../playground/engine/headless';
import { parseInput, typeInto } from '../../playground/edit';
import { columnRightOf, quarterWalk, type Place, type WalkView } from './fixtures-engine/quarter-walk';
import { HAS_CHROMIUM, ROOT, SHOTS, build, launch, skipNotice } from './helpers';

skipNotice();

const PYTHON = '/usr/bin/python3';
const BIG = join(ROOT, 'test/browser/fixtures-engine/big_backlog.py');
const OTHER_DIR = process.env['ENGINE_PLAYGROUND_DIR'];

/** The item the walk edits, and the effort it types. */
const ITEM = 'M-118';
const NEW_EFFORT = 30;
const EFFORT_AT = inputColumns(backlogSheet.table!).findIndex((c) => c.header === 'Effort');
const ITEM_ROW = BACKLOG.findIndex((r) => r[0] === ITEM);
/** M-118's effort in the sample (the issue's 3). */
const WAS = BACKLOG[ITEM_ROW]![EFFORT_AT] as number;

type Value = string | number | boolean | null;

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

let browser: Browser | undefined;
let server: { url: string; close(): Promise<void> } | undefined;

async function serveBuilt(): Promise<{ url: string; close(): Promise<void> }> {
  const { serveDir } = (await import(join(ROOT, 'playground/server.mjs'))) as {
    serveDir(dir: string, o: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  if (OTHER_DIR) return serveDir(resolve(OTHER_DIR), { port: 0 });
  await build();
  return serveDir(join(ROOT, 'test-output/playground-under-test'), { port: 0 });
}

/**
 * Waits until the page says its first workbook is open and computed (ready: a promise, or isReady). A page
 * that throws and still has no handle 15 s later has failed to start: say so then, with its errors.
 */
async function whenReady(page: Page, errors: readonly string[], timeout = 180_000): Promise<void> {
  const started = Date.now();
  let firstError: number | undefined;
  for (;;) {
    const state = await page.evaluate(() => {
      const w = window as unknown as { agilePlayground?: { ready?: Promise<void>; isReady?: boolean }; __apReady?: boolean };
      const ap = w.agilePlayground;
      if (!ap) return 'absent';
      if (ap.isReady === true || w.__apReady) return 'ready';
      void ap.ready?.then(() => (w.__apReady = true));
      return 'starting';
    });
    if (state === 'ready') return;
    if (errors.length && firstError === undefined) firstError = Date.now();
    const why = state === 'absent' ? 'window.agilePlayground is undefined: this page does not give the tests its engine' : 'agilePlayground.ready has not resolved';
    // The handle is set as soon as the engine exists, seconds after load; a page without it after 30 s has none.
    const absentTooLong = state === 'absent' && ((firstError !== undefined && Date.now() - firstError > 15_000) || Date.now() - started > 30_000);
    if (absentTooLong || Date.now() - started > timeout) {
      throw new Error(`the playground never became ready (${why}; page errors: ${errors.join(' | ') || 'none'})`);
    }
    await page.waitForTimeout(200);
  }
}

/** A fresh browser profile (its own IndexedDB), the playground opened in it and ready. */
async function openFresh(query = ''): Promise<Opened> {
  const context = await browser!.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(server!.url + query);
  await whenReady(page, errors);
  return { context, page, errors };
}

async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `engine-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

function rc(a1: string): { row: number; col: number } {
  const p = parseCell(a1);
  if (!p) throw new Error(`bad address ${a1}`);
  return p;
}

/** What the workbook holds in a cell (a spilled cell shows its formula's result), through the page's LiveBook. */
async function value(page: Page, where: Place): Promise<Value> {
  const { row, col } = rc(where.a1);
  return page.evaluate(
    ([s, r, c]) => {
      const ap = (window as unknown as { agilePlayground: { book(): { sheet(n: string): { value(r: number, c: number): Value } | undefined } } }).agilePlayground;
      const sheet = ap.book().sheet(s as string);
      if (!sheet) throw new Error(`the workbook has no sheet ${s}`);
      return sheet.value(r as number, c as number);
    },
    [where.sheet, row, col] as const,
  );
}

const values = (page: Page, places: readonly Place[]) => Promise.all(places.map((p) => value(page, p)));

/** Waits for the engine to finish calculating (LiveBook.calculated). */
async function calculated(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { agilePlayground: { book(): { calculated(): Promise<void> } } }).agilePlayground.book().calculated());
}

/** Shows a sheet and scrolls the cell into view, as a person clicking the tab and scrolling would see it. */
async function showCell(page: Page, where: Place): Promise<void> {
  const { row, col } = rc(where.a1);
  await page.evaluate(
    ([s, a, r, c]) => {
      const api = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api;
      const ws = api.getActiveWorkbook().getSheetByName(s);
      if (!ws) throw new Error(`the grid has no sheet ${s}`);
      ws.activate();
      ws.scrollToCell?.(Math.max(0, (r as number) - 3), Math.max(0, (c as number) - 4));
      ws.getRange(a).activate();
    },
    [where.sheet, where.a1, row, col] as const,
  );
  await page.waitForTimeout(300);
}

/**
 * Gives the grid the keyboard when it does not have it (a person clicks into the grid before typing): one
 * click on the grid's largest canvas. A click while the grid already has focus would select another cell.
 */
async function focusGrid(page: Page): Promise<void> {
  const inGrid = await page.evaluate(() => {
    const grid = document.querySelector('[data-testid="grid"]');
    return !!grid && !!document.activeElement && grid.contains(document.activeElement);
  });
  if (inGrid) return;
  const canvases = page.locator('[data-testid="grid"] canvas');
  const n = await canvases.count();
  let best: { x: number; y: number; area: number } | undefined;
  for (let i = 0; i < n; i++) {
    const b = await canvases.nth(i).boundingBox();
    if (b && (!best || b.width * b.height > best.area)) best = { x: b.x + b.width / 2, y: b.y + b.height / 2, area: b.width * b.height };
  }
  if (!best) throw new Error('the page shows no grid canvas inside [data-testid="grid"]');
  await page.mouse.click(best.x, best.y);
}

/** The formula a cell holds, as the formula bar shows it. */
async function formulaAt(page: Page, where: Place): Promise<string> {
  return page.evaluate(([s, a]) => {
    const api = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api;
    return String(api.getActiveWorkbook().getSheetByName(s).getRange(a).getFormula() ?? '');
  }, [where.sheet, where.a1] as const);
}

/** Selects a cell, types into it and presses Enter: what a person does. */
async function typeAt(page: Page, where: Place, text: string): Promise<void> {
  await showCell(page, where);
  await focusGrid(page);
  await showCell(page, where);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await calculated(page);
}

const button = (page: Page, name: RegExp) => page.getByRole('button', { name });

/** The saved-state indicator's text. */
async function savedState(page: Page): Promise<string> {
  const el = page.getByTestId('save-state');
  await el.waitFor({ state: 'visible' });
  return ((await el.textContent()) ?? '').trim();
}

async function statusText(page: Page): Promise<string> {
  const s = page.locator('.ap-status');
  await s.waitFor({ state: 'visible', timeout: 300_000 });
  return (await s.textContent()) ?? '';
}

type Read = (where: Place) => Promise<Value>;

/** Whether the workbook shows M-118's numbers as the template computes them for this effort. */
async function expectWalk(read: Read, w: WalkView): Promise<void> {
  const all = (ps: readonly Place[]) => Promise.all(ps.map(read));
  await expect.poll(() => all([w.item.score, w.item.rank, w.item.status]), { timeout: 20_000 }).toEqual([w.values.score, w.values.rank, w.values.status]);
  expect(await all(w.rankingIdCells)).toEqual(w.rankingIds);
  expect(await read(w.stability)).toBeCloseTo(w.stabilityValue as number, 9);
  for (const t of w.teams) {
    const [capacity, load, planned] = (await all([t.capacity, t.load, t.planned])) as number[];
    // Planned effort is Load × Capacity on the sheet: the two agree, and both are the template's numbers.
    expect({ team: t.team, planned: planned!, loadTimesCapacity: load! * capacity! }).toEqual({ team: t.team, planned: expect.closeTo(load! * capacity!, 9), loadTimesCapacity: expect.closeTo(t.values.planned as number, 9) });
    expect(load).toBeCloseTo(t.values.load as number, 9);
  }
}

function bigFile(rows: number, plain: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ap-engine-'));
  const file = join(dir, `backlog-${rows}.xlsx`);
  execFileSync(PYTHON, [BIG, String(rows), file, ...(plain ? ['--plain'] : [])], { stdio: 'pipe' });
  return file;
}

async function openFile(page: Page, file: string, name: string): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
}

async function fileName(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { agilePlayground: { book(): { fileName: string } } }).agilePlayground.book().fileName);
}

const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const t = Date.now();
  try {
    return await run();
  } finally {
    console.info(`[engine-playground] ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
};

// The walk on the engine the page runs, without the page: it proves the expectation is one the engine meets,
// so a failure in the browser below is the page's, not the arithmetic's.
describe('the M-118 walk on the headless engine', () => {
  it(`effort ${NEW_EFFORT} moves Ranking, Priority stability and the Teams load as the template computes them`, async () => {
    const book = await LiveBook.open(headlessEngine(), quarterlyPlanWorkbook());
    const read: Read = async (p) => {
      const { row, col } = rc(p.a1);
      return book.sheet(p.sheet)!.value(row, col);
    };
    const before = quarterWalk(ITEM);
    const after = quarterWalk(ITEM, NEW_EFFORT);
    await expectWalk(read, before);
    const { row, col } = rc(after.item.effort.a1);
    await typeInto(book, 'Backlog', row, col, parseInput(String(NEW_EFFORT)));
    await expectWalk(read, after);
    book.dispose();
  }, 60_000);
});

describe.skipIf(!HAS_CHROMIUM)('the playground on the spreadsheet engine, in Chromium', () => {
  beforeAll(async () => {
    server = await serveBuilt();
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const before = quarterWalk(ITEM);
  const after = quarterWalk(ITEM, NEW_EFFORT);

  it(`the M-118 walk: effort ${NEW_EFFORT} typed into Backlog updates its score, rank and status, the Ranking sheet, Priority stability and the Teams load`, async () => {
    // The walk is worth walking only if the edit moves what the issue saw stuck.
    expect(after.rankingIds[0]).not.toBe(ITEM);
    expect(after.stabilityValue).not.toBe(before.stabilityValue);
    expect(after.teams.map((t) => t.values.planned)).not.toEqual(before.teams.map((t) => t.values.planned));

    const { context, page, errors } = await openFresh();
    // The sample as opened: M-118 first, stability as the template computed it.
    await expectWalk((p) => value(page, p), before);
    expect(await value(page, before.rankingFirst)).toBe(ITEM);
    expect(await value(page, before.item.effort)).toBe(WAS);

    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    expect(await value(page, after.item.effort)).toBe(NEW_EFFORT);
    await expectWalk((p) => value(page, p), after);
    expect(await value(page, after.rankingFirst)).not.toBe(ITEM);

    await showCell(page, after.item.effort);
    await shot(page, '01-walk-backlog');
    await showCell(page, after.rankingFirst);
    await shot(page, '02-walk-ranking');
    await showCell(page, after.stability);
    await shot(page, '03-walk-scorecard');
    await showCell(page, after.teams[0]!.planned);
    await shot(page, '04-walk-teams');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('typed built-in formulas compute and follow their inputs: arithmetic, SUM, VLOOKUP, and a catalog function in the Look of the host', async () => {
    const { context, page, errors } = await openFresh();
    const effort = before.item.effort;
    const { col: effortCol } = rc(effort.a1);
    // Backlog: the Effort column of the sample's items, and an empty column well right of the table.
    const backlogTop = rc(before.item.effort.a1).row - BACKLOG.findIndex((r) => r[0] === ITEM);
    const efforts = BACKLOG.map((r) => r[EFFORT_AT] as number);
    const effortCells = `${effort.a1.replace(/\d+$/, '')}${backlogTop + 1}:${effort.a1.replace(/\d+$/, '')}${backlogTop + BACKLOG.length}`;
    const at = (a1: string): Place => ({ sheet: 'Backlog', a1 });
    // The sample's rows hold the inputs in declaration order, and the layout puts Effort where they say.
    expect(effortCol).toBe(EFFORT_AT);
    expect(await value(page, at('X5'))).toBe('');

    await typeAt(page, at('X5'), `=${effort.a1}*2`);
    await typeAt(page, at('X6'), `=SUM(${effortCells})`);
    await typeAt(page, at('X7'), `=VLOOKUP("${ITEM}",A${backlogTop + 1}:${before.item.score.a1.replace(/\d+$/, '')}${backlogTop + BACKLOG.length},${rc(before.item.score.a1).col + 1},FALSE)`);
    await typeAt(page, at('X8'), `=AGILE.RICE(F${rc(effort.a1).row + 1},G${rc(effort.a1).row + 1},H${rc(effort.a1).row + 1},${effort.a1})`);
    // What was typed is what the cells hold (the formula bar shows it back).
    expect(await Promise.all(['X5', 'X6', 'X7', 'X8'].map((a) => formulaAt(page, at(a))))).toEqual([
      `=${effort.a1}*2`,
      `=SUM(${effortCells})`,
      `=VLOOKUP("${ITEM}",A${backlogTop + 1}:${before.item.score.a1.replace(/\d+$/, '')}${backlogTop + BACKLOG.length},${rc(before.item.score.a1).col + 1},FALSE)`,
      `=AGILE.RICE(F${rc(effort.a1).row + 1},G${rc(effort.a1).row + 1},H${rc(effort.a1).row + 1},${effort.a1})`,
    ]);
    await expect.poll(() => values(page, ['X5', 'X6', 'X7', 'X8'].map(at)), { timeout: 20_000 }).toEqual([WAS * 2, efforts.reduce((a, b) => a + b, 0), before.values.score, before.values.score]);
    await showCell(page, at('X5'));
    await shot(page, '05-typed-formulas');

    // The Look switch: in the Google Sheets look the catalog is typed with Sheets' names.
    await page.getByTestId('look').selectOption('sheets');
    const rice = `=AGILE_RICE(F${rc(effort.a1).row + 1},G${rc(effort.a1).row + 1},H${rc(effort.a1).row + 1},${effort.a1})`;
    await typeAt(page, at('X9'), rice);
    expect(await formulaAt(page, at('X9'))).toBe(rice);
    await expect.poll(() => value(page, at('X9')), { timeout: 20_000 }).toBe(before.values.score);

    // They are live: the walk's edit moves all four.
    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    await expect.poll(() => values(page, ['X5', 'X6', 'X7', 'X8', 'X9'].map(at)), { timeout: 20_000 }).toEqual([NEW_EFFORT * 2, efforts.reduce((a, b) => a + b, 0) - WAS + NEW_EFFORT, after.values.score, after.values.score, after.values.score]);
    await showCell(page, at('X5'));
    await shot(page, '06-typed-formulas-after-edit');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('undoes and redoes a typed edit with Ctrl+Z / Ctrl+Y and with the buttons, the formulas following', async () => {
    const { context, page, errors } = await openFresh();
    const item = [after.item.effort, after.item.score, after.item.rank];
    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    await expect.poll(() => values(page, item), { timeout: 20_000 }).toEqual([NEW_EFFORT, after.values.score, after.values.rank]);

    await page.keyboard.press('Control+z');
    await expect.poll(() => values(page, item), { timeout: 20_000 }).toEqual([WAS, before.values.score, before.values.rank]);
    expect(await value(page, before.rankingFirst)).toBe(ITEM);
    await page.keyboard.press('Control+y');
    await expect.poll(() => values(page, item), { timeout: 20_000 }).toEqual([NEW_EFFORT, after.values.score, after.values.rank]);

    await button(page, /^Undo/).click();
    await expect.poll(() => values(page, item), { timeout: 20_000 }).toEqual([WAS, before.values.score, before.values.rank]);
    await shot(page, '07-undo-button');
    await button(page, /^Redo/).click();
    await expect.poll(() => values(page, item), { timeout: 20_000 }).toEqual([NEW_EFFORT, after.values.score, after.values.rank]);
    await expectWalk((p) => value(page, p), after);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('undoes a sidebar write as one step (every written cell goes) and redoes it whole', async () => {
    const { context, page, errors } = await openFresh();
    await page.locator('.ap-preview tbody tr').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('write-scores').click();
    const status = await statusText(page);
    const m = /\(Backlog!([A-Z]+)(\d+):([A-Z]+)(\d+)\)/.exec(status);
    expect(m, `the status line names the written range: ${status}`).not.toBeNull();
    const [, c1, r1, c2, r2] = m!;
    // Beside the template's table, never over its computed columns (Status and Reason spill to its last one).
    expect(c1, `the write lands right of the Backlog table: ${status}`).toBe(columnRightOf('Backlog'));
    const top = Number(r1);
    const bottom = Number(r2);
    const written: Place[] = [];
    for (let r = top; r <= bottom; r++) for (const c of [c1!, c2!]) written.push({ sheet: 'Backlog', a1: `${c}${r}` });
    const itemRow = rc(after.item.effort.a1).row + 1;
    const itemCells: Place[] = [c1!, c2!].map((c) => ({ sheet: 'Backlog', a1: `${c}${itemRow}` }));
    // The sidebar's Score and Rank for M-118 are the template's own.
    await expect.poll(() => values(page, itemCells), { timeout: 30_000 }).toEqual([before.values.score, before.values.rank]);
    const full = await values(page, written);
    expect(full.every((v) => v !== '')).toBe(true);
    await showCell(page, itemCells[0]!);
    await shot(page, '08-sidebar-written');

    await button(page, /^Undo/).click();
    await expect.poll(async () => (await values(page, written)).filter((v) => v !== '').length, { timeout: 20_000 }).toBe(0);
    await showCell(page, itemCells[0]!);
    await shot(page, '09-sidebar-write-undone');
    await button(page, /^Redo/).click();
    await expect.poll(() => values(page, written), { timeout: 20_000 }).toEqual(full);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('keeps the workbook over a reload: the edit and its results come back, and the page says it is saved', async () => {
    const { context, page, errors } = await openFresh();
    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    await expectWalk((p) => value(page, p), after);
    await expect.poll(() => savedState(page), { timeout: 30_000 }).toMatch(/^saved/i);
    const name = await fileName(page);
    await page.reload();
    await whenReady(page, errors);
    expect(await fileName(page)).toBe(name);
    expect(await value(page, after.item.effort)).toBe(NEW_EFFORT);
    await expectWalk((p) => value(page, p), after);
    // Reopening recalculates (spilled cells are not in the snapshot), which the page saves again: it settles on saved.
    await expect.poll(() => savedState(page), { timeout: 30_000 }).toMatch(/^saved/i);
    // Moving around the grid changes nothing: the indicator stays on saved (the cell editor's own document
    // is rewritten on each selection, and is not the workbook).
    const seen: string[] = [];
    await focusGrid(page);
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
      seen.push(await savedState(page));
    }
    for (const s of seen) expect(s).toMatch(/^saved/i);
    await showCell(page, after.item.effort);
    await shot(page, '10-after-reload');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('asks before the sample replaces a workbook with unsaved edits, and warns before leaving the page', async () => {
    const { context, page, errors } = await openFresh();
    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    await expect.poll(() => value(page, after.item.effort)).toBe(NEW_EFFORT);

    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    // The page asks in a modal dialog of its own (playground/confirm-dialog.ts); "Keep editing" keeps the edit.
    const question = page.getByTestId('confirm');
    const replacers: [string, () => Promise<void>][] = [
      ['Sample quarter', () => button(page, /^Sample/).click()],
      ['New', () => button(page, /^New$/).click()],
      ['Open', () => openFile(page, bigFile(10, true), 'small.xlsx')],
    ];
    for (const [label, replace] of replacers) {
      await replace();
      // ${label} asks before replacing an edited workbook.
      await question.waitFor({ state: 'visible', timeout: 10_000 });
      if (label === 'Sample quarter') await shot(page, '11-asks-before-replacing');
      await page.getByTestId('confirm-no').click();
      await question.waitFor({ state: 'hidden' });
      await calculated(page);
      expect(await value(page, after.item.effort), `${label}, answered "keep editing", leaves the edit`).toBe(NEW_EFFORT);
    }
    expect(await fileName(page)).toBe('agile-playbook-quarter.xlsx');

    await button(page, /^Sample/).click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => value(page, after.item.effort), { timeout: 60_000 }).toBe(WAS);
    await calculated(page);
    await expectWalk((p) => value(page, p), before);

    // An edit not downloaded: closing the tab raises the browser's leave-page dialog.
    expect(asked, 'the page asks in its own dialog, never with confirm()').toEqual([]);
    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.filter((a) => a.startsWith('beforeunload')).length, { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('does not warn on leaving once the edits are downloaded', async () => {
    const { context, page, errors } = await openFresh();
    await typeAt(page, after.item.effort, String(NEW_EFFORT));
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, /^Download/).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('opens a 20,000-item backlog, ranks it (prioritize → write) and plans it (capacity planner → write) from the sidebar', async () => {
    const rows = 20_000;
    const file = bigFile(rows, false);
    const { context, page, errors } = await openFresh();
    await timed('20,000 rows: open', async () => {
      await openFile(page, file, 'backlog-20000.xlsx');
      await expect.poll(() => fileName(page), { timeout: 300_000 }).toBe('backlog-20000.xlsx');
      await calculated(page);
    });
    const backlog = (a1: string): Place => ({ sheet: 'Backlog', a1 });
    expect(await value(page, backlog(`A${rows + 1}`))).toBe(`I-${rows}`);
    await page.locator('.ap-preview tbody tr').first().waitFor({ timeout: 300_000 });
    await shot(page, '12-20000-opened');

    const status = await timed('20,000 rows: write scores', async () => {
      await page.getByTestId('write-scores').click();
      await expect.poll(() => page.locator('.ap-status').textContent(), { timeout: 300_000 }).toMatch(/^(Wrote|Nothing)/);
      return (await page.locator('.ap-status').textContent()) ?? '';
    });
    expect(status).toMatch(/^Wrote .*\(Backlog!H1:I20001\)/);
    await calculated(page);
    // Item i: RICE = reach × impact × confidence ÷ effort with the generator's formulas.
    const rice = (i: number) => ((100 + ((i * 37) % 5000)) * [0.25, 0.5, 1, 2, 3][i % 5]! * [0.5, 0.8, 1][i % 3]!) / (1 + (i % 8));
    for (const i of [1, 7, 12_345, rows]) expect(await value(page, backlog(`H${i + 1}`))).toBeCloseTo(rice(i), 6);
    const ranks = (await values(page, [2, 3, 4, rows + 1].map((r) => backlog(`I${r}`)))) as number[];
    for (const r of ranks) expect(r).toBeGreaterThanOrEqual(1);
    for (const r of ranks) expect(r).toBeLessThanOrEqual(rows);
    await showCell(page, backlog(`H${rows + 1}`));
    await shot(page, '13-20000-ranked');

    await page.locator('.ap-tabs').getByRole('tab', { name: 'Plan', exact: true }).click();
    await timed('20,000 rows: plan (greedy)', async () => {
      await page.getByTestId('plan').click();
      await page.getByTestId('plan-total').waitFor({ timeout: 300_000 });
    });
    expect(await page.getByTestId('plan-total').textContent()).toMatch(/points planned in [\d,]+ items/);
    await shot(page, '14-20000-planned');
    await timed('20,000 rows: write the plan', async () => {
      await page.getByTestId('write-plan').click();
      await expect.poll(() => page.locator('.ap-status').textContent(), { timeout: 300_000 }).toMatch(/^(Wrote|Nothing)/);
    });
    expect(await page.locator('.ap-status').textContent()).toMatch(/^Wrote the Plan sheet/);
    expect(await value(page, { sheet: 'Plan', a1: 'A1' })).toBe('ID');
    await shot(page, '15-20000-plan-sheet');
    expect(errors).toEqual([]);
    await context.close();
  }, 900_000);

  it('takes a scroll to the last item and an Undo while a 20,000-item backlog recalculates, and ends consistent', async () => {
    const rows = 20_000;
    const { context, page, errors } = await openFresh(`?bench=${rows}`);
    await page.waitForFunction(() => !!window.agileBench, null, { timeout: 60_000 });
    await page.evaluate(() => window.agileBench!.opened);
    const effort = benchBacklog(1).rows[0]![BENCH_COLUMNS.effort] as number;
    // The click on Undo and the scroll happen when the engine says a calculation started (its formula
    // worker is computing), so they are made during one by construction, whatever this machine's speed.
    const during = await page.evaluate(
      async ({ effort, last }) => {
        const ap = (window as unknown as { agilePlayground: { api: any; book(): { type(s: string, r: number, c: number, v: { value: number }): Promise<void>; calculated(): Promise<void> } } }).agilePlayground;
        const formula = ap.api.getFormula();
        const seen = { undone: false, scrolled: false };
        // Undo during the edit's calculation, the scroll during the undo's (an undo shows the cell it
        // changed, as Excel's does, so a scroll before it would be taken back).
        const started = formula.calculationStart(() => {
          if (!seen.undone) {
            (document.querySelector('[data-testid="undo"]') as HTMLButtonElement).click();
            seen.undone = true;
          } else if (!seen.scrolled) {
            ap.api.getActiveWorkbook().getActiveSheet().scrollToCell(last, 0);
            seen.scrolled = true;
          }
        });
        await ap.book().type('Backlog', 1, 6, { value: effort + 5 });
        // Undo's own recalculation, then every result settled.
        await new Promise((ok) => setTimeout(ok, 400));
        await ap.book().calculated();
        started.dispose?.();
        const visible = ap.api.getActiveWorkbook().getActiveSheet().getVisibleRange?.();
        return { ...seen, visible: visible ? { top: visible.startRow as number, bottom: visible.endRow as number } : undefined };
      },
      { effort, last: rows },
    );
    expect(during).toMatchObject({ undone: true, scrolled: true });
    expect(await value(page, { sheet: 'Backlog', a1: 'G2' }), 'the edit is undone').toBe(effort);
    expect(during.visible!.bottom, 'the grid shows the last item').toBeGreaterThanOrEqual(rows);
    await shot(page, '17-20000-undone-while-calculating');
    // Typing the original effort again checks every score and rank against the catalog (the bench driver's verify).
    await page.evaluate((v) => window.agileBench!.edit('G2', v), effort);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('opens a 100,000-row file and scrolls to its last row, which shows its value', async () => {
    const rows = 100_000;
    const file = bigFile(rows, true);
    const { context, page, errors } = await openFresh();
    await timed('100,000 rows: open', async () => {
      await openFile(page, file, 'rows-100000.xlsx');
      await expect.poll(() => fileName(page), { timeout: 600_000 }).toBe('rows-100000.xlsx');
      await calculated(page);
    });
    const last: Place = { sheet: 'Rows', a1: `C${rows + 1}` };
    expect(await value(page, { sheet: 'Rows', a1: `A${rows + 1}` })).toBe(`I-${rows}`);
    expect(await value(page, last)).toBe(rows * 3);
    // As a person does: click into the grid on A2, then Ctrl+↓ jumps to the last filled row.
    await timed('100,000 rows: Ctrl+Down to the last row', async () => {
      await showCell(page, { sheet: 'Rows', a1: 'A2' });
      await focusGrid(page);
      await showCell(page, { sheet: 'Rows', a1: 'A2' });
      await page.keyboard.press('Control+ArrowDown');
      await page.waitForTimeout(1000);
    });
    const where = await page.evaluate(() => {
      const api = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api;
      const ws = api.getActiveWorkbook().getActiveSheet();
      const sel = ws.getSelection?.()?.getActiveRange?.() ?? ws.getActiveRange?.();
      const visible = ws.getVisibleRange?.();
      return { row: sel?.getRow?.() as number | undefined, visible: visible ? { top: visible.startRow as number, bottom: visible.endRow as number } : undefined };
    });
    expect(where.row).toBe(rows);
    // The viewport shows it (getVisibleRange is the sheets-ui facade's view of what is on screen).
    expect(where.visible, 'the grid reports what rows it shows').toBeDefined();
    expect(where.visible!.top).toBeLessThanOrEqual(rows);
    expect(where.visible!.bottom).toBeGreaterThanOrEqual(rows);
    await shot(page, '16-100000-last-row');
    expect(errors).toEqual([]);
    await context.close();
  }, 900_000);
});
