// The built sidebar page (dist/gsheets/sidebar.html, as HtmlService serves it) in Debian's Chromium, with
// google.script.run injected and wired to the built server bundle running on the fake spreadsheet in Node.
// The spreadsheet holds the quarterly plan inserted by the add-on's own menu item. Screenshots go to
// test-output/gsheets/. Skips with a message where /usr/bin/chromium is absent.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launch, skipNotice } from '../browser/helpers';
import { probe, userTypes } from './harness';
import { openSidebar, shot } from './sidebar-page';

skipNotice();

async function status(page: Page): Promise<string> {
  await page.locator('.ap-status').waitFor({ state: 'visible' });
  return (await page.locator('.ap-status').textContent()) ?? '';
}

describe.skipIf(!HAS_CHROMIUM)('the Sheets sidebar in Chromium, over google.script.run and the fake', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('prioritizes the backlog end to end: RICE preview, then Score and Rank written as live Sheets formulas', async () => {
    const { addon, page, errors } = await openSidebar(browser);
    expect(await page.locator('.ap-app').getAttribute('class')).toContain('ap-google');
    await page.locator('.ap-preview tbody tr').first().waitFor();
    await shot(page, '01-sheets-prioritize-setup');
    await page.locator('.ap-preview').scrollIntoViewIfNeeded();
    await shot(page, '02-sheets-prioritize-preview');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote Priority score and Priority rank beside Backlog \(Backlog!T4:U44\)/);
    await page.getByTestId('write-scores').scrollIntoViewIfNeeded();
    await shot(page, '03-sheets-prioritize-written');
    expect(probe(addon.ss, 'Backlog', 'T4')).toEqual({ value: 'Priority score' });
    expect(probe(addon.ss, 'Backlog', 'T5').formula).toBe('=AGILE_RICE(F5:F44, G5:G44, H5:H44, I5:I44)');
    expect(probe(addon.ss, 'Backlog', 'U5').formula).toBe('=AGILE_PRIORITY_RANK(T5:T44, I5:I44, "asc")');
    // M-118 (row 22): ranked first; the spilled RICE equals the template's own Score column (P).
    expect([probe(addon.ss, 'Backlog', 'A22').value, probe(addon.ss, 'Backlog', 'T22').value, probe(addon.ss, 'Backlog', 'U22').value]).toEqual(['M-118', 2000, 1]);
    expect(probe(addon.ss, 'Backlog', 'P22').value).toBe(2000);
    expect(addon.ss.writes.every((w) => w.locked)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('refuses to overwrite a cell the user typed, then notices an edit made after the preview', async () => {
    const { addon, page, errors } = await openSidebar(browser);
    await page.locator('.ap-preview tbody tr').first().waitFor();
    userTypes(addon.ss, 'Backlog', 'T7', 'keep me');
    await page.getByTestId('write-scores').click();
    expect(await status(page)).toMatch(/^Nothing was written: .* in 1 cell \(Backlog!T7\)/);
    await expect(page.locator('.ap-status-details li').allTextContents()).resolves.toEqual(['Backlog!T7']);
    expect(probe(addon.ss, 'Backlog', 'T4')).toEqual({ value: '' });
    expect(probe(addon.ss, 'Backlog', 'T7')).toEqual({ value: 'keep me' });
    await shot(page, '04-sheets-refused');
    userTypes(addon.ss, 'Backlog', 'T7', '');
    userTypes(addon.ss, 'Backlog', 'F5', 7000);
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/changed since it was read/);
    expect(probe(addon.ss, 'Backlog', 'T4')).toEqual({ value: '' });
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote Priority score and Priority rank/);
    // M-101: reach 7000 × 2 × 0.8 ÷ 8.
    expect(probe(addon.ss, 'Backlog', 'T5').value).toBe(1400);
    expect(errors).toEqual([]);
  });

  it('plans greedy and writes the owned Plan sheet', async () => {
    const { addon, page, errors } = await openSidebar(browser, 'menuPlanCapacity');
    await expect.poll(() => page.locator('.ap-tab[aria-selected="true"]').textContent()).toBe('Plan');
    await page.getByTestId('plan').click();
    await page.getByTestId('plan-total').waitFor();
    expect(await page.getByTestId('plan-total').textContent()).toMatch(/points planned in \d+ items/);
    await page.getByTestId('plan-total').scrollIntoViewIfNeeded();
    await shot(page, '05-sheets-plan-greedy');
    await page.getByTestId('write-plan').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote the Plan sheet/);
    const plan = addon.ss.getSheetByName('Plan')!;
    expect(plan.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['agile-playbook.sheet']);
    expect(plan.getRange('A1').getValue()).not.toBe('');
    expect(errors).toEqual([]);
  });

  it('plans optimally in the sidebar: the wasm from the server once, the worker from the page, progress, the same gap and time limit', async () => {
    const { addon, page, errors } = await openSidebar(browser, 'menuPlanCapacity');
    const calls: string[] = [];
    const call = addon.call;
    (addon as { call: typeof call }).call = (name, ...args) => (calls.push(name), call(name, ...args));
    await expect.poll(() => page.locator('.ap-tab[aria-selected="true"]').textContent()).toBe('Plan');
    await page.getByTestId('plan').click();
    const greedyTotal = await page.getByTestId('plan-total').textContent();
    await page.getByTestId('method').selectOption('optimal');
    await page.getByTestId('plan').click();
    await expect.poll(() => page.getByTestId('plan-progress').textContent()).toMatch(/^(Loading the solver…|Searching for the best plan…) \d+ s/);
    await page.locator('[data-testid="plan-compare"], .ap-status[data-kind="error"]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.ap-status').textContent()).toBe('');
    expect(await page.locator('.ap-results .ap-hint').first().textContent()).toMatch(/^Optimal \(HiGHS\): proved within [\d.]+% of the best possible plan/);
    const points = (t: string | null) => Number(/^([\d,.]+) points/.exec(t ?? '')?.[1]?.replace(/,/g, ''));
    expect(points(await page.getByTestId('plan-total').textContent())).toBeGreaterThanOrEqual(points(greedyTotal));
    await page.locator('.ap-bars').scrollIntoViewIfNeeded();
    await shot(page, '06-sheets-plan-optimal');
    const parts = calls.filter((c) => c === 'apPlannerWasm').length;
    expect(parts).toBeGreaterThan(1);
    // A second optimal plan reuses the solver: no second download.
    await page.getByTestId('plan').click();
    await page.locator('[data-testid="plan-compare"]').waitFor({ timeout: 60_000 });
    expect(calls.filter((c) => c === 'apPlannerWasm').length).toBe(parts);
    await page.getByTestId('write-plan').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote the Plan sheet/);
    expect(errors).toEqual([]);
  });

  it('cancels an optimal plan while the solver is still arriving', async () => {
    const { addon, page, errors } = await openSidebar(browser, 'menuPlanCapacity');
    // The server holds the first part of highs.wasm back, so the planner is visibly busy when Cancel is pressed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    await page.exposeFunction('__holdWasm', () => held);
    await page.evaluate(() => {
      const w = window as unknown as { __gasCall(n: string, a: string): Promise<string>; __holdWasm(): Promise<void> };
      const original = w.__gasCall;
      w.__gasCall = async (n, a) => (n === 'apPlannerWasm' ? w.__holdWasm().then(() => original(n, a)) : original(n, a));
    });
    await page.getByTestId('method').selectOption('optimal');
    await page.getByTestId('plan').click();
    await expect.poll(() => page.getByTestId('plan-progress').textContent()).toMatch(/^Loading the solver… \d+ s/);
    await page.getByTestId('cancel-plan').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toBe('Cancelled: the optimal plan was not computed.');
    release();
    expect(addon.ss.getSheetByName('Plan')).toBeNull();
    expect(errors).toEqual([]);
  });
});
