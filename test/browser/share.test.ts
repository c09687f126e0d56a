// Issue 7 in the playground, in Debian's Chromium: Insert quarterly plan (never over sheets that hold data)
// and Share scorecard (the one-pager previewed without scripts, downloaded self-contained, printed, and a
// dated, values-only snapshot sheet where formula-like text stays text). Screenshots 14-17.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_QUARTER } from '../sidebar/northwind';
import { HAS_CHROMIUM, activeSheet, build, cellText, formulaCount, formulaOf, openTab, ownedCell, sheetNames, shot, showSheet, skipNotice, statusText, typeInCell, usePlayground } from './helpers';

skipNotice();

const HOSTILE = '=HYPERLINK("http://x","y")';
const SHEETS = ['Start here', 'Outcomes', 'Backlog', 'Ranking', 'Guardrails', 'Decisions', 'Teams', 'Mix', 'Scenarios', 'Scorecard', 'Retro'];

beforeAll(async () => {
  await build();
});

async function openShare(page: Page): Promise<void> {
  await openTab(page, 'Share');
  await page.getByTestId('share-preview').waitFor();
  await expect.poll(() => page.frameLocator('[data-testid="share-preview"]').locator('body').textContent()).toContain('Priority stability');
}

describe.skipIf(!HAS_CHROMIUM)('Insert quarterly plan and Share scorecard in Chromium', () => {
  const open = usePlayground();

  it('inserts the quarterly plan into a workbook, then refuses to insert it over sheets that hold data', async () => {
    const { page, errors } = await open('?empty');
    await expect.poll(() => sheetNames(page)).toEqual(['Sheet1']);
    await openTab(page, 'Insert');
    await page.getByRole('button', { name: 'Insert quarterly plan' }).click();
    // The engine computes the eleven sheets' formulas before the sidebar reports.
    await expect.poll(() => page.locator('.ap-status').textContent(), { timeout: 30_000 }).toBe(`Inserted the quarterly plan: ${SHEETS.join(', ')}.`);
    await expect.poll(() => sheetNames(page)).toEqual(['Sheet1', ...SHEETS]);
    await showSheet(page, 'Backlog');
    // Inserted in the Excel look, the template's catalog calls are in Excel's spelling.
    expect(await formulaOf(page, 'P5')).toBe('=AGILE.RICE(F5:F64, G5:G64, H5:H64, I5:I64)');
    await typeInCell(page, 'B5', 'my own item');

    await page.getByRole('button', { name: 'Insert quarterly plan' }).click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Nothing was inserted: inserting the quarterly plan needs sheets named "Start here", "Outcomes", "Backlog", .*"Retro" that already hold data\. Rename or delete them/);
    const refused = await page.locator('.ap-status-details li').allTextContents();
    expect(refused).toContain('Backlog!A1:S44');
    expect(refused).toContain("'Start here'!A1:B17");
    expect(refused).toHaveLength(SHEETS.length);
    await expect.poll(async () => (await sheetNames(page)).length).toBe(SHEETS.length + 1);
    expect(await cellText(page, 'B5')).toBe('my own item');
    await shot(page, '14-insert-refused');
    expect(errors).toEqual([]);
  });

  it('previews the one-pager of the sample quarter in a sandboxed frame without scripts', async () => {
    const { page, errors } = await open();
    await openShare(page);
    const frame = page.getByTestId('share-preview');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await page.getByTestId('share-quarter').inputValue()).toBe('Q2 2026');
    expect(await page.getByTestId('share-team').inputValue()).toBe('Growth Marketing · Fieldstone Analytics');
    expect(await page.getByTestId('share-source').textContent()).toMatch(/Backlog’s own Status and Reason/);
    const doc = page.frameLocator('[data-testid="share-preview"]');
    await expect(doc.locator('script').count()).resolves.toBe(0);
    const text = (await doc.locator('body').textContent()) ?? '';
    expect(text).toContain('Q2 2026');
    expect(text).toContain('94%');
    expect(text).toMatch(/M-118/);
    await expect(doc.locator('svg').count()).resolves.toBeGreaterThan(10);
    await shot(page, '15-share-preview');

    // Print opens the dialog from a second frame that still runs no script.
    await page.getByTestId('share-print').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Opened the print dialog/);
    expect(await page.getByTestId('share-print-frame').getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(errors).toEqual([]);
  });

  it('downloads the one-pager as one self-contained HTML file, with hostile text inert', async () => {
    const { page, errors } = await open();
    await showSheet(page, 'Scorecard');
    await typeInCell(page, 'A14', `'${HOSTILE}`);
    expect(await formulaOf(page, 'A14')).toBe(HOSTILE);
    await openShare(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download').click()]);
    expect(download.suggestedFilename()).toBe('scorecard-q2-2026.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|<link\b/i);
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).not.toContain(HOSTILE);
    expect(errors).toEqual([]);
  });

  it('snapshots the scorecard to a dated, owned, values-only sheet where formula-like text stays text', async () => {
    const { page, errors } = await open();
    await showSheet(page, 'Scorecard');
    await typeInCell(page, 'A14', `'${HOSTILE}`);
    await openShare(page);
    await page.getByTestId('share-snapshot').click();
    const status = await statusText(page);
    expect(status).toMatch(/^Wrote the Scorecard \d{4}-\d{2}-\d{2} sheet \('Scorecard \d{4}-\d{2}-\d{2}'!A1:P17\)/);
    const name = /the (Scorecard \d{4}-\d{2}-\d{2}) sheet/.exec(status)![1]!;
    await expect.poll(() => activeSheet(page)).toBe(name);
    expect(await cellText(page, 'A1')).toBe('Scorecard snapshot · Q2 2026 · Growth Marketing · Fieldstone Analytics');
    expect(await cellText(page, 'A2')).toBe(`Taken on ${name.slice(10)}. Values only: no formulas and no working data.`);
    expect(await cellText(page, 'A6')).toBe('KPI');
    // The hostile KPI is the first row: text in the cell, no formula, nothing evaluated.
    expect(await cellText(page, 'A7')).toBe(HOSTILE);
    expect(await formulaOf(page, 'A7')).toBe(HOSTILE);
    expect(await formulaCount(page)).toBe(0);
    expect(await ownedCell(page, 'A7')).toBe(true);
    await shot(page, '16-share-snapshot');

    // A second snapshot the same day gets its own sheet; the first is never overwritten.
    await page.getByTestId('share-snapshot').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(new RegExp(`^Wrote the ${name} \\(2\\) sheet`));

    // Saved as a text cell, never a formula.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync((await download.path())!);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const snap = wb.getWorksheet(name)!;
    expect(snap.getCell('A7').value).toBe(HOSTILE);
    expect(snap.getCell('A7').type).toBe(ExcelJS.ValueType.String);
    expect(typeof snap.getCell('B4').value).toBe('number');
    expect(errors).toEqual([]);
  });

  it('shares a workbook with no plan yet, planning it greedily on the fly (Sheets look)', async () => {
    // A plain workbook (the unit tests' small fixture): a scorecard of actuals, a backlog without scores, teams.
    const src = new ExcelJS.Workbook();
    for (const sheet of SAMPLE_QUARTER.sheets) src.addWorksheet(sheet.name).addRows(sheet.rows.map((r) => r.map((v) => (typeof v === 'object' ? v.value : v))));
    const bytes = Buffer.from(await src.xlsx.writeBuffer());
    const { page, errors } = await open('?look=sheets');
    await page.getByTestId('open-file').setInputFiles({ name: 'plain.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('plain.xlsx');
    await openTab(page, 'Share');
    await expect.poll(() => page.getByTestId('share-source').textContent()).toMatch(/greedy plan \(ALLOCATE\) computed now/);
    const doc = page.frameLocator('[data-testid="share-preview"]');
    await expect.poll(() => doc.locator('body').textContent()).toMatch(/Planned/);
    await expect(doc.locator('script').count()).resolves.toBe(0);
    expect(await page.locator('.ap-app').getAttribute('class')).toContain('ap-google');
    await shot(page, '17-share-greedy-sheets-look');
    expect(errors).toEqual([]);
  });
});
