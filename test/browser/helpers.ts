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
  await page.locator('.ap-app').waitFor();
  if (!query.includes('empty')) await page.locator('.ap-preview tbody tr').first().waitFor();
  return { page, errors };
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

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(`.pg-tab[data-sheet="${name}"]`).click();
}

export async function cellText(page: Page, a1: string): Promise<string> {
  return (await page.locator(`td[data-cell="${a1}"]`).textContent()) ?? '';
}

/** Selects a cell and returns what the formula bar shows for it (the formula, for a formula cell). */
export async function formulaOf(page: Page, a1: string): Promise<string> {
  await page.locator(`td[data-cell="${a1}"]`).click();
  return (await page.getByTestId('formula-bar').textContent()) ?? '';
}

export async function typeInCell(page: Page, a1: string, text: string): Promise<void> {
  await page.locator(`td[data-cell="${a1}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.ap-tabs').getByRole('tab', { name: label, exact: true }).click();
}
