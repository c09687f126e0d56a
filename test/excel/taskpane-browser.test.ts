// taskpane.html in Debian's Chromium, with office.js routed to stand-ins (there is no network, and no
// Excel): outside Office it says "open this in Excel"; as the shared runtime page it associates every
// custom function; with a fake Excel it runs the wizard end to end, ribbon commands included.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, ROOT, launch, skipNotice } from '../browser/helpers';

const BASE = 'https://localhost:3000/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SHOTS = join(ROOT, 'test-output/excel');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.wasm': 'application/wasm', '.xlsx': 'application/octet-stream' };

skipNotice();

const RECORDING_CF = `window.__associated = {};
window.CustomFunctions = {
  associate(id, fn) { window.__associated[id] = fn; },
  Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
};`;

const OUTSIDE = `window.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null, platform: null }) };`;

function insideExcel(fake: string): string {
  return `${fake}
const model = FakeExcelKit.seed();
window.__model = model;
window.Excel = { run: FakeExcelKit.fakeRun(model) };
const settings = new Map();
window.__actions = {};
window.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    document: { settings: { get: (k) => (settings.has(k) ? JSON.parse(settings.get(k)) : null), set: (k, v) => settings.set(k, JSON.stringify(v)), saveAsync: (cb) => cb({ status: 'succeeded' }) } },
    requirements: { isSetSupported: () => false },
  },
  actions: { associate: (name, fn) => { window.__actions[name] = fn; } },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
${RECORDING_CF}`;
}

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

  async function open(officeJs: string | null, query = ''): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return officeJs === null ? route.abort('internetdisconnected') : route.fulfill({ contentType: 'text/javascript', body: officeJs });
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
    return { page, context, errors };
  }

  it('outside Office shows a clear "open this in Excel" state, without errors', async () => {
    const { page, context, errors } = await open(OUTSIDE);
    await page.locator('#ap-outside').waitFor({ state: 'visible' });
    expect(await page.locator('#ap-outside').textContent()).toMatch(/Open this in Excel/);
    expect(await page.locator('.ap-app').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, '01-outside-excel.png') });
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
    const { page, context, errors } = await open(`${RECORDING_CF}\n${OUTSIDE}`);
    await page.locator('#ap-outside').waitFor({ state: 'visible' });
    const ids = (JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8')) as { functions: { id: string }[] }).functions.map((f) => f.id).sort();
    expect(await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated).sort())).toEqual(ids);
    // And they compute, in this page, as Excel would call them (2-D arrays in and out).
    expect(await page.evaluate(() => (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated.CD3!([[600], [90]], [[2], [3]]))).toEqual([[300], [30]]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with a fake Excel: prioritizes, plans and writes, opened from the ribbon commands', async () => {
    const { page, context, errors } = await open(insideExcel(fake));
    await page.locator('.ap-app').waitFor();
    expect(await page.locator('.ap-host').textContent()).toBe('Excel');
    await page.locator('.ap-preview tbody tr').first().waitFor();
    await page.screenshot({ path: join(SHOTS, '02-fake-excel-prioritize.png') });

    await page.getByTestId('write-scores').click();
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

    // The ribbon's Plan capacity button: the command opens the pane at the Plan view.
    await page.evaluate(() => new Promise<void>((done) => (window as unknown as { __actions: Record<string, (e: object) => void> }).__actions.showPlan!({ completed: done })));
    await expect.poll(() => page.locator('.ap-tabs [aria-selected="true"]').textContent()).toBe('Plan');
    await page.getByTestId('plan').click();
    await page.getByTestId('plan-total').waitFor();
    expect(await page.getByTestId('plan-total').textContent()).toMatch(/planned in [1-8] items/);
    await page.getByTestId('write-plan').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote the Plan sheet/);
    expect(await page.evaluate(() => (window as unknown as { __model: { sheet(n: string): unknown } }).__model.sheet('Plan') !== undefined)).toBe(true);
    await page.screenshot({ path: join(SHOTS, '04-fake-excel-plan.png') });

    // Insert quarterly plan where ExcelApi 1.13 is missing: a clear message, nothing inserted.
    await page.evaluate(() => new Promise<void>((done) => (window as unknown as { __actions: Record<string, (e: object) => void> }).__actions.insertQuarterlyPlan!({ completed: done })));
    await expect.poll(() => page.locator('.ap-tabs [aria-selected="true"]').textContent()).toBe('Insert');
    expect(await page.locator('#ap-notice').textContent()).toMatch(/needs ExcelApi 1\.13/);
    await page.screenshot({ path: join(SHOTS, '05-fake-excel-insert-unsupported.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
