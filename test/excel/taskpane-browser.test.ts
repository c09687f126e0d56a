// taskpane.html in Debian's Chromium with Microsoft's own office.js (@microsoft/office-js, served in place of
// the CDN the page references; there is no network and no Excel): outside Office the real Office.onReady
// runs and the page says "open this in Excel"; as the shared runtime page it associates every custom
// function; with the fake Excel object model injected after the real library has loaded, it runs the
// wizard end to end.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, ROOT, launch, skipNotice } from '../browser/helpers';

const BASE = 'https://localhost:3000/';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS = `${CDN}office.js`;
/** Microsoft's copy of what the CDN serves under lib/1/hosted/: office.js and the files it loads itself. */
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const SHOTS = join(ROOT, 'test-output/excel');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.wasm': 'application/wasm', '.xlsx': 'application/octet-stream' };

skipNotice();

const RECORDING_CF = `window.__associated = {};
window.CustomFunctions = {
  associate(id, fn) { window.__associated[id] = fn; },
  Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
};`;

/**
 * Runs after the real office.js (appended to it): Excel's object model is the fake, and Office reports an
 * Excel host with document settings, as Office does once the page runs inside Excel. The real library's
 * enums (HostType, AsyncResultStatus) stay as it defines them.
 */
function insideExcel(fake: string): string {
  return `${fake}
const model = FakeExcelKit.seed();
window.__model = model;
window.Excel = { run: FakeExcelKit.fakeRun(model) };
const settings = new Map();
Office.onReady = () => Promise.resolve({ host: Office.HostType.Excel, platform: Office.PlatformType.OfficeOnline });
Object.defineProperty(Office, 'context', { configurable: true, value: {
  document: { settings: { get: (k) => (settings.has(k) ? JSON.parse(settings.get(k)) : null), set: (k, v) => settings.set(k, JSON.stringify(v)), saveAsync: (cb) => cb({ status: Office.AsyncResultStatus.Succeeded }) } },
  requirements: { isSetSupported: () => false },
} });
${RECORDING_CF}`;
}

const REAL_OFFICE_JS = existsSync(join(OFFICE_DIST, 'office.js')) ? readFileSync(join(OFFICE_DIST, 'office.js'), 'utf8') : '';

describe.skipIf(!HAS_CHROMIUM)('taskpane.html in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let fake: string;

  beforeAll(async () => {
    const dist = join(ROOT, 'dist/excel');
    if (!existsSync(join(dist, 'taskpane.js'))) throw new Error('dist/excel/taskpane.js is missing: run `npm run build` first');
    // A copy: another build may rewrite dist while the browser reads it.
    dir = mkdtempSync(join(tmpdir(), 'excel-addin-'));
    cpSync(dist, dir, { recursive: true });
    const bundled = await esbuild.build({ entryPoints: [join(import.meta.dirname, 'fake/browser.ts')], bundle: true, format: 'iife', write: false, logLevel: 'warning' });
    fake = bundled.outputFiles[0]!.text;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The page with the real office.js, `after` appended to it (null: the CDN is unreachable). */
  async function open(after: string | null, query = ''): Promise<{ page: Page; context: BrowserContext; errors: string[]; officeFiles: string[] }> {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const officeFiles: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(CDN)) {
        if (after === null) return route.abort('internetdisconnected');
        const path = decodeURIComponent(new URL(url).pathname.slice(new URL(CDN).pathname.length));
        officeFiles.push(path);
        if (url === OFFICE_JS) return route.fulfill({ contentType: 'text/javascript', body: `${REAL_OFFICE_JS}\n${after}` });
        const file = join(OFFICE_DIST, path);
        if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
      }
      if (!url.startsWith(BASE)) return route.abort('blockedbyclient');
      const file = join(dir, decodeURIComponent(new URL(url).pathname));
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${BASE}taskpane.html${query}`);
    return { page, context, errors, officeFiles };
  }

  it('serves Microsoft\'s office.js, while the page keeps referencing the CDN', () => {
    expect(REAL_OFFICE_JS.length).toBeGreaterThan(10_000);
    expect(REAL_OFFICE_JS).toMatch(/onReady/);
    expect(readFileSync(join(dir, 'taskpane.html'), 'utf8')).toContain(`<script src="${OFFICE_JS}"></script>`);
  });

  it('outside Office the real Office.onReady runs and the page shows "open this in Excel", without errors', async () => {
    const { page, context, errors, officeFiles } = await open('');
    await page.locator('#ap-outside').waitFor({ state: 'visible' });
    expect(await page.locator('#ap-outside').textContent()).toMatch(/Open this in Excel/);
    expect(await page.locator('.ap-app').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, '01-outside-excel.png') });
    expect(officeFiles[0]).toBe('office.js');
    expect(await page.evaluate(() => typeof (window as unknown as { Office: { onReady: unknown } }).Office.onReady)).toBe('function');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the same state when office.js cannot load at all (no network)', async () => {
    const { page, context, errors } = await open(null);
    await page.locator('#ap-outside').waitFor({ state: 'visible' });
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('as the shared runtime page, associates every custom function id in functions.json', async () => {
    const { page, context, errors } = await open(RECORDING_CF);
    await page.locator('#ap-outside').waitFor({ state: 'visible' });
    const ids = (JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8')) as { functions: { id: string }[] }).functions.map((f) => f.id).sort();
    expect(await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated).sort())).toEqual(ids);
    // And they compute, in this page, as Excel would call them (2-D arrays in and out).
    expect(await page.evaluate(() => (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated.CD3!([[600], [90]], [[2], [3]]))).toEqual([[300], [30]]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with the fake Excel injected after the real office.js: prioritizes, plans and writes', async () => {
    const { page, context, errors } = await open(insideExcel(fake));
    await page.locator('.ap-app').waitFor();
    expect(await page.locator('.ap-host').textContent()).toBe('Excel');
    await page.locator('.ap-preview tbody tr').first().waitFor();
    await page.screenshot({ path: join(SHOTS, '02-fake-excel-prioritize.png') });

    // The user is still typing in a cell when they click Write: taskpane.ts's Excel.run waits for Enter
    // (delayForCellEdit; without it "the batch fails immediately if the user is editing",
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
    type Editing = { __model: { startEditing(): void; stopEditing(): void; waitingForEdit: number; sheet(n: string): { get(r: number, c: number): unknown } } };
    await page.evaluate(() => (window as unknown as Editing).__model.startEditing());
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as Editing).__model.waitingForEdit)).toBe(1);
    expect(await page.locator('.ap-status').textContent()).not.toMatch(/InvalidOperation|invalid|failed|error/i);
    expect(await page.evaluate(() => (window as unknown as Editing).__model.sheet('Backlog').get(0, 7))).toBeUndefined();
    await page.evaluate(() => (window as unknown as Editing).__model.stopEditing());
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote .* beside Backlog \(Backlog!H1:I9\)/);
    const formulas = await page.evaluate(() => {
      const s = (window as unknown as { __model: { sheet(n: string): { get(r: number, c: number): { formula?: string } | undefined } } }).__model.sheet('Backlog');
      return [s.get(1, 7)?.formula, s.get(1, 8)?.formula];
    });
    expect(formulas[0]).toBe('=AGILE.RICE(D2:D9,E2:E9,F2:F9,G2:G9)');
    expect(formulas[1]).toMatch(/^=AGILE\.PRIORITY_RANK\(H2:H9/);
    await page.screenshot({ path: join(SHOTS, '03-fake-excel-written.png') });
    // The fake does not recalculate formulas (Excel would fill the spill): write the scores again as values,
    // which also rewrites the add-in's own columns in place, so the planner has numbers to plan with.
    await page.getByTestId('write-mode').selectOption('values');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote .* beside Backlog \(Backlog!H1:I9\)/);
    expect(await page.evaluate(() => (window as unknown as { __model: { sheet(n: string): { get(r: number, c: number): unknown } } }).__model.sheet('Backlog').get(2, 7))).toMatchObject({ value: 750 });

    // The ribbon's buttons only show the pane (ShowTaskpane); the tabs switch views.
    await page.locator('.ap-tabs [role="tab"]', { hasText: 'Plan' }).click();
    await expect.poll(() => page.locator('.ap-tabs [aria-selected="true"]').textContent()).toBe('Plan');
    await page.getByTestId('plan').click();
    await page.getByTestId('plan-total').waitFor();
    expect(await page.getByTestId('plan-total').textContent()).toMatch(/planned in [1-8] items/);
    await page.getByTestId('write-plan').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote the Plan sheet/);
    expect(await page.evaluate(() => (window as unknown as { __model: { sheet(n: string): unknown } }).__model.sheet('Plan') !== undefined)).toBe(true);
    await page.screenshot({ path: join(SHOTS, '04-fake-excel-plan.png') });

    expect(errors).toEqual([]);
    await context.close();
  });
});
