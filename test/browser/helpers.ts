// Shared set-up for the browser tests: Debian's Chromium through playwright-core (never a downloaded
// browser), the playground built and served on a free port, screenshots under test-output/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = join(ROOT, 'test-output/screenshots');

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

/** Builds dist/sidebar and dist/playground from the sources as they are now. */
export async function build(): Promise<BundleSizes> {
  const { buildSidebar } = (await import(join(ROOT, 'scripts/build-sidebar.mjs'))) as { buildSidebar(o: { quiet: boolean }): Promise<BundleSizes> };
  return buildSidebar({ quiet: true });
}

export async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const { serveDir } = (await import(join(ROOT, 'playground/server.mjs'))) as {
    serveDir(dir: string, o: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  return serveDir(join(ROOT, 'dist/playground'), { port: 0 });
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
