// Opening files in the playground page (issue 13.8, issue 12.13): the file is read in a worker, the page
// answers while it opens, a bad file gets its sentence, CSV imports, and a workbook with a calculated
// column opens (exceljs #1240, patched in the browser build too).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, build, skipNotice, usePlayground } from './helpers';

skipNotice();
beforeAll(async () => {
  await build();
});

describe.skipIf(!HAS_CHROMIUM)('opening files in the playground', () => {
  const open = usePlayground();
  const notice = (page: import('playwright-core').Page) => page.locator('.pg-notice').textContent();

  it('reads the file in a worker, says what a bad file is, and imports CSV', async () => {
    const { page, errors } = await open();
    await page.getByTestId('open-file').setInputFiles({ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0, 5]) });
    await expect.poll(() => notice(page)).toMatch(/“notes\.xlsx” is not an \.xlsx workbook/);
    // The file reader is a worker the page starts when it loads, so opening never blocks the page.
    expect(page.workers().some((w) => w.url().endsWith('/open-worker.js'))).toBe(true);
    const csv = Buffer.from('ID,Item,Reach,Impact,Confidence,Effort\nC-1,Webinar,4000,2,80%,6\nC-2,Ebook,900,1,50%,2\n');
    await page.getByTestId('open-file').setInputFiles({ name: 'ideas.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(() => notice(page)).toBe('Imported ideas.csv into the sheet ideas; the download saves it as ideas.xlsx.');
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('ideas.xlsx');
    expect(errors).toEqual([]);
  });

  it('opens a workbook whose table has a calculated column and a totals row, and lists it', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Backlog');
    ws.addTable({
      name: 'Backlog',
      ref: 'A1',
      totalsRow: true,
      columns: [{ name: 'ID', totalsRowLabel: 'Total' }, { name: 'Reach', totalsRowFunction: 'sum' }, { name: 'Effort' }, { name: 'Per week' }],
      rows: [['A', 100, 2, { formula: 'Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]', result: 50 }], ['B', 300, 3, { formula: 'Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]', result: 100 }]],
    });
    // exceljs keeps the calculated column's formula on the column model (with the patch it also writes it).
    (ws.getTable('Backlog') as unknown as { table: { columns: { calculatedColumnFormula?: string }[] } }).table.columns[3]!.calculatedColumnFormula = 'Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]';
    const { page, errors } = await open();
    await page.getByTestId('open-file').setInputFiles({ name: 'calc.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await src.xlsx.writeBuffer()) });
    await expect.poll(() => notice(page)).toBe('Opened calc.xlsx.');
    // The table picker offers the table with its two items: the totals row is not one.
    await expect.poll(async () => (await page.locator('select option').allTextContents()).filter((t) => t.startsWith('Backlog'))).toEqual(['Backlog (2 rows)']);
    expect(errors).toEqual([]);
  });
});
