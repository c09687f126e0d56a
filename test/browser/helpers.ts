// Shared set-up for the browser tests: Debian's Chromium through playwright-core (never a downloaded
// browser), the playground built and served on a free port, screenshots under test-output/screenshots/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = join(ROOT, 'test-output/screenshots');
/** The built playground the browser tests serve (see build). */
const SERVED = join(ROOT, 'test-output/playground-under-test');

export function skipNotice(): void {
  if (!HAS_CHROMIUM) {
    console.warn(`Skipping the browser tests: ${CHROMIUM} is absent. Install it with: apt-get install -y --no-install-recommends chromium`);
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface BundleSizes {
  readonly sidebarJs: number;
  readonly sidebarCss: number;
  readonly workerJs: number;
  readonly highsWasm: number;
}

/**
 * Builds dist/sidebar and dist/playground from the sources as they are now. Test files run in parallel
 * workers: a lock directory lets one build while the others wait, and a build that finished after a
 * waiter started counts for it too, so no test serves a file another worker is rewriting.
 */
export async function build(): Promise<BundleSizes> {
  const lock = join(ROOT, 'test-output/.sidebar-build.lock');
  const stamp = join(ROOT, 'test-output/.sidebar-build.json');
  mkdirSync(dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a crashed run is stale after two minutes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  try {
    if (existsSync(stamp)) {
      const last = JSON.parse(readFileSync(stamp, 'utf8')) as { at: number; sizes: BundleSizes };
      if (last.at >= started) return last.sizes;
    }
    const { buildSidebar } = (await import(join(ROOT, 'scripts/build-sidebar.mjs'))) as { buildSidebar(o: { quiet: boolean }): Promise<BundleSizes> };
    const sizes = await buildSidebar({ quiet: true });
    // Served from a copy: a full `npm run build` elsewhere empties dist/ first, which would pull the page
    // out from under a running test.
    rmSync(SERVED, { recursive: true, force: true });
    cpSync(join(ROOT, 'dist/playground'), SERVED, { recursive: true });
    writeFileSync(stamp, JSON.stringify({ at: Date.now(), sizes }));
    return sizes;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const { serveDir } = (await import(join(ROOT, 'playground/server.mjs'))) as {
    serveDir(dir: string, o: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  return serveDir(SERVED, { port: 0 });
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far: a test ends by expecting none. */
  readonly errors: string[];
}

export async function openPlayground(browser: Browser, url: string, query = ''): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url + query);
  await waitReady(page);
  await page.locator('.ap-app').waitFor();
  if (!query.includes('empty')) await page.locator('.ap-preview tbody tr').first().waitFor();
  return { page, errors };
}

/** Waits until the page has its first workbook open and computed (window.agilePlayground.ready). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { agilePlayground?: { isReady: boolean } }).agilePlayground?.isReady === true, null, { timeout: 60_000 });
}

/**
 * Serves the playground and starts Chromium once for the describe block it is called in, stops both after
 * it, and returns how to open a page on it.
 */
export function usePlayground(): (query?: string) => Promise<OpenedPage> {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return (query = '') => openPlayground(browser!, server!.url, query);
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The sidebar's status line text (the outcome of the last action). */
export async function statusText(page: Page): Promise<string> {
  const s = page.locator('.ap-status');
  await s.waitFor({ state: 'visible' });
  return (await s.textContent()) ?? '';
}

// The grid is Univer's canvas: the helpers below read and drive it through the page's engine
// (window.agilePlayground, playground/main.ts), and type with the real keyboard where a user types.

/** The workbook's sheets in tab order; hidden ones marked " (hidden)", as the sheet bar leaves them out. */
export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pg = (window as unknown as { agilePlayground: { api: any } }).agilePlayground;
    return pg.api.getActiveWorkbook().getSheets().map((s: any) => (s.isSheetHidden() ? `${s.getSheetName()} (hidden)` : s.getSheetName()));
  });
}

/** The sheet the grid shows. */
export async function activeSheet(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api.getActiveWorkbook().getActiveSheet().getSheetName());
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    const ws = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api.getActiveWorkbook().getSheetByName(n);
    if (!ws) throw new Error(`no sheet named ${n}`);
    ws.activate();
  }, name);
}

/** Waits until the engine has no calculation running and its results are in the cells. */
export async function calculated(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { agilePlayground: { book(): { calculated(): Promise<void> } } }).agilePlayground.book().calculated());
}

/** What the grid shows in a cell of the sheet on screen: the cell as the engine renders it (spills and number formats included). */
export async function cellText(page: Page, a1: string): Promise<string> {
  return page.evaluate((ref) => {
    const api = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api;
    const ws = api.getActiveWorkbook().getActiveSheet();
    const r = ws.getRange(ref);
    const cell = ws.getSheet().getCell(r.getRow(), r.getColumn());
    const v = cell?.v;
    if (v === undefined || v === null) return '';
    if (cell.t === 3 /* CellValueType.BOOLEAN */) return v === 1 || v === true || String(v).toUpperCase() === 'TRUE' ? 'TRUE' : 'FALSE';
    return String(v);
  }, a1);
}

/** Selects a cell (scrolled into view) and returns what the formula bar shows for it: the formula, else the content. */
export async function formulaOf(page: Page, a1: string): Promise<string> {
  await selectCell(page, a1);
  return page.evaluate((ref) => {
    const r = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api.getActiveWorkbook().getActiveSheet().getRange(ref);
    const f = r.getFormula();
    if (f) return f;
    const v = r.getValue();
    return v === null || v === undefined ? '' : String(v);
  }, a1);
}

/** How many cells of the sheet on screen hold a formula. */
export async function formulaCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ws = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api.getActiveWorkbook().getActiveSheet();
    return (ws.getDataRange().getFormulas() as string[][]).flat().filter((f) => !!f).length;
  });
}

/** Whether the add-in wrote a cell of the sheet on screen (and it is unchanged since): the bridge's ownership. */
export async function ownedCell(page: Page, a1: string): Promise<boolean> {
  return page.evaluate((ref) => {
    const pg = (window as unknown as { agilePlayground: { api: any; book(): any } }).agilePlayground;
    const ws = pg.api.getActiveWorkbook().getActiveSheet();
    const r = ws.getRange(ref);
    return pg.book().sheet(ws.getSheetName())?.get(r.getRow(), r.getColumn())?.owned === true;
  }, a1);
}

/** Selects a cell of the sheet on screen and scrolls it into view. */
export async function selectCell(page: Page, a1: string): Promise<void> {
  await page.evaluate((ref) => {
    const ws = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api.getActiveWorkbook().getActiveSheet();
    const r = ws.getRange(ref);
    r.activate();
    ws.scrollToCell(r.getRow(), r.getColumn());
  }, a1);
}

/** Types into a cell with the keyboard, as a person does (the grid's editor opens on the first key), and waits for the results. */
export async function typeInCell(page: Page, a1: string, text: string): Promise<void> {
  await focusGrid(page);
  await selectCell(page, a1);
  const before = await rawCell(page, a1);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await changed(page, a1, before);
}

/** Clears a cell with the Delete key. */
export async function clearCell(page: Page, a1: string): Promise<void> {
  await focusGrid(page);
  await selectCell(page, a1);
  const before = await rawCell(page, a1);
  await page.keyboard.press('Delete');
  await changed(page, a1, before);
}

const rawCell = (page: Page, a1: string): Promise<string> =>
  page.evaluate((ref) => {
    const ws = (window as unknown as { agilePlayground: { api: any } }).agilePlayground.api.getActiveWorkbook().getActiveSheet();
    const r = ws.getRange(ref);
    return JSON.stringify(ws.getSheet().getCellRaw(r.getRow(), r.getColumn()) ?? null);
  }, a1);

/** The grid applies a typed edit a moment after Enter: wait for it (up to five seconds on a loaded machine; an edit that changes nothing waits that long), then for the results. */
async function changed(page: Page, a1: string, before: string): Promise<void> {
  for (let i = 0; i < 100 && (await rawCell(page, a1)) === before; i++) await page.waitForTimeout(50);
  await calculated(page);
}

/** Puts the keyboard in the grid (a click on its canvas), so keys go to the spreadsheet. */
async function focusGrid(page: Page): Promise<void> {
  // Already there: a second click on the same spot would be a double-click, which opens a cell's editor.
  if (await page.evaluate(() => !!document.activeElement?.closest('[data-testid="grid"]'))) return;
  // The largest canvas is the cells' (the formula bar has its own, small one).
  const boxes = await page.getByTestId('grid').locator('canvas').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  const box = boxes.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!box || box.width === 0) throw new Error('the grid has no canvas');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.ap-tabs').getByRole('tab', { name: label, exact: true }).click();
}
