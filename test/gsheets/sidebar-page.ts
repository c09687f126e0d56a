// The built Sheets sidebar page in Chromium, as the browser suites open it: a spreadsheet with the quarterly
// plan inserted by the add-on's own menu item, the sidebar page the menu item `menu` shows, and
// google.script.run wired to the built server bundle on the fake spreadsheet in Node.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../browser/helpers';
import { type LoadedAddon, loadAddon } from './harness';

export const SHOTS = join(ROOT, 'test-output/gsheets');
const URL = 'https://sidebar.gsheets.test/';

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** A spreadsheet with the quarterly plan, and the sidebar page opened from the menu item `menu`. */
export async function openSidebar(browser: Browser, menu = 'menuPrioritize'): Promise<{ addon: LoadedAddon; page: Page; errors: string[] }> {
  const addon = loadAddon();
  addon.ss.insertSheet('Sheet1');
  addon.call('menuInsertQuarterlyPlan');
  addon.call(menu);
  const html = addon.env.ui.sidebars[0]!.getContent();
  // Sheets shows add-on sidebars 300 px wide.
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.exposeFunction('__gasCall', (name: string, args: string) => {
    try {
      return JSON.stringify({ ok: true, value: addon.call(name, ...(JSON.parse(args) as unknown[])) });
    } catch (e) {
      return JSON.stringify({ ok: false, message: (e as { message?: string }).message ?? String(e) });
    }
  });
  // google.script.run as the page sees it: a builder, asynchronous, handlers called with JSON-like data.
  await page.addInitScript(() => {
    type H = ((v: unknown) => void) | undefined;
    const w = window as unknown as { __gasCall(n: string, a: string): Promise<string>; google: unknown };
    const make = (ok: H, fail: H): unknown =>
      new Proxy(
        {},
        {
          get(_, p) {
            if (p === 'withSuccessHandler') return (f: H) => make(f, fail);
            if (p === 'withFailureHandler') return (f: H) => make(ok, f);
            return (...args: unknown[]) =>
              void w.__gasCall(String(p), JSON.stringify(args)).then((r) => {
                const x = JSON.parse(r) as { ok: boolean; value?: unknown; message?: string };
                if (x.ok) ok?.(x.value);
                else fail?.(new Error(x.message));
              });
          },
        },
      );
    w.google = { script: { run: make(undefined, undefined) } };
  });
  // No network: the page is answered from memory, and any other request would fail the test.
  await page.route('**/*', (route) => (route.request().url() === URL ? route.fulfill({ contentType: 'text/html', body: html }) : route.abort()));
  await page.goto(URL);
  await page.locator('.ap-app').waitFor();
  return { addon, page, errors };
}
