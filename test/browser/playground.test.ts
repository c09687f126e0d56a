// The playground in Debian's Chromium: what a user checks, click by click, with a screenshot of each
// screen under test-output/screenshots/. Skips with a message where /usr/bin/chromium is absent.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleSizes,
  HAS_CHROMIUM,
  activeSheet,
  build,
  cellText,
  clearCell,
  formulaOf,
  openTab,
  selectCell,
  sheetNames,
  showSheet,
  shot,
  skipNotice,
  statusText,
  typeInCell,
  usePlayground,
} from './helpers';

skipNotice();

// One build for the whole file: the bundle checks and the browser tests use the same output.
let sizes: BundleSizes;
beforeAll(async () => {
  sizes = await build();
});

describe('the sidebar bundle', () => {
  // The target is 150 KB (bench/bundle-size.ts reports against it). The catalog's reference text stays out
  // of the sidebar (scripts/lib/catalog-text-strip.mjs), and so does the MIP builder: every optimal task runs
  // in the planner worker.
  it('stays under 150 KB minified without HiGHS, which only the planner worker loads', () => {
    expect(sizes.sidebarJs).toBeLessThan(150 * 1024);
    expect(sizes.highsWasm).toBeGreaterThan(1024 * 1024);
    expect(sizes.workerJs).toBeGreaterThan(50 * 1024);
  });
});

describe.skipIf(!HAS_CHROMIUM)('the playground in Chromium', () => {
  const open = usePlayground();

  it('opens the sample quarter, which is the quarterly-plan template: its sheets, formulas and cached values', async () => {
    const { page, errors } = await open();
    expect(await sheetNames(page)).toEqual(['Start here', 'Outcomes', 'Backlog', 'Ranking', 'Guardrails', 'Decisions', 'Teams', 'Mix', 'Scenarios', 'Scorecard', 'Retro']);
    expect(await page.getByTestId('file-name').textContent()).toBe('agile-playbook-quarter.xlsx');
    expect(await cellText(page, 'A2')).toMatch(/^Fieldstone Analytics · Growth Marketing · Q2 2026/);
    await showSheet(page, 'Backlog');
    expect(await cellText(page, 'A4')).toBe('ID');
    expect(await cellText(page, 'A5')).toBe('M-101');
    // The template's own spilled catalog formulas, in the Excel look's spelling, computed by the engine.
    expect(await formulaOf(page, 'P5')).toBe('=AGILE.RICE(F5:F64, G5:G64, H5:H64, I5:I64)');
    // The template formats scores and reach as #,##0: the grid shows them as a person reads them.
    expect(await cellText(page, 'P5')).toBe('1,200');
    expect(await formulaOf(page, 'R4')).toBe('=AGILE.ALLOCATE(A4:P64, Teams!A4:C9, Mix!A4:C8)');
    expect(['Planned', 'Cut']).toContain(await cellText(page, 'R5'));
    await selectCell(page, 'A5');
    expect(await page.locator('.ap-app').getAttribute('class')).toContain('ap-fluent');
    await shot(page, '01-playground-sample');
    expect(errors).toEqual([]);
  });

  it('ranks the backlog: RICE preview, then Score and Rank written as live AGILE. formulas', async () => {
    const { page, errors } = await open();
    await expect(page.locator('.ap-preview tbody tr').count()).resolves.toBe(12);
    expect(await page.locator('.ap-preview tbody tr').first().textContent()).toContain('M-118');
    await expect(page.locator('.ap-chart .ap-dot').count()).resolves.toBe(40);
    await page.locator('.ap-preview').scrollIntoViewIfNeeded();
    await shot(page, '02-prioritize-rice');
    await page.getByTestId('write-scores').click();
    // The template already has Score and Rank: the sidebar's own columns get names of their own.
    expect(await statusText(page)).toMatch(/^Wrote Priority score and Priority rank beside Backlog \(Backlog!T4:U44\)/);
    expect(await cellText(page, 'T4')).toBe('Priority score');
    expect(await formulaOf(page, 'T5')).toBe('=AGILE.RICE(F5:F44,G5:G44,H5:H44,I5:I44)');
    expect(await formulaOf(page, 'U5')).toBe('=AGILE.PRIORITY_RANK(T5:T44,I5:I44,"asc")');
    // M-118 (row 22) is ranked first; its RICE matches the template's own Score column (P).
    expect([await cellText(page, 'A22'), await cellText(page, 'T22'), await cellText(page, 'U22')]).toEqual(['M-118', '2,000.0', '1']);
    expect(await cellText(page, 'P22')).toBe('2,000');
    await selectCell(page, 'T12');
    await shot(page, '03-prioritize-written');
    expect(errors).toEqual([]);
  });

  it('weighs criteria with sliders and directions from the keyboard, and the ranking follows', async () => {
    const { page, errors } = await open();
    await page.getByTestId('framework').selectOption('WEIGHTED');
    const first = () => page.locator('.ap-preview tbody tr').first().textContent();
    const before = await first();
    // The template's Reach is not a criterion until ticked; ticking it enables its weight and direction.
    await page.locator('[data-criterion="Reach"] input[type="checkbox"]').check();
    await page.locator('[data-criterion="Effort"] input[type="checkbox"]').check();
    const slider = page.getByLabel('Weight of Reach');
    await slider.focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-criterion="Reach"] output').textContent()).toBe('10');
    await expect.poll(first).not.toBe(before);
    await page.getByLabel('Direction of Effort', { exact: true }).selectOption('higher');
    await page.locator('[data-criterion="Effort"]').scrollIntoViewIfNeeded();
    await shot(page, '04-prioritize-weighted');
    expect(errors).toEqual([]);
  });

  it('refuses to write over a cell the user typed beside the table, names it, and changes nothing', async () => {
    const { page, errors } = await open();
    await showSheet(page, 'Backlog');
    await typeInCell(page, 'T7', 'keep me');
    await page.getByTestId('write-scores').click();
    const status = await statusText(page);
    expect(status).toMatch(/^Nothing was written: writing Priority score and Priority rank beside Backlog would overwrite data the add-in did not write, in 1 cell \(Backlog!T7\)/);
    await expect(page.locator('.ap-status-details li').allTextContents()).resolves.toEqual(['Backlog!T7']);
    expect(await cellText(page, 'T4')).toBe('');
    expect(await cellText(page, 'T5')).toBe('');
    expect(await cellText(page, 'U4')).toBe('');
    expect(await cellText(page, 'T7')).toBe('keep me');
    await shot(page, '05-refused');

    // Cleared, then an input edited after the preview was computed: the stale scores are refused once,
    // the table is read again, and the next write has the new numbers.
    await clearCell(page, 'T7');
    expect(await cellText(page, 'T7')).toBe('');
    // M-101: reach 6000 → 7000, so RICE 7000 × 2 × 0.8 ÷ 8 = 1400.
    await typeInCell(page, 'F5', '7000');
    expect(await cellText(page, 'F5')).toBe('7,000');
    await page.getByTestId('write-scores').click();
    expect(await statusText(page)).toMatch(/^Nothing was written: Backlog changed after these results were computed from it\. Recompute, then write again\./);
    await expect(page.getByTestId('status-action').textContent()).resolves.toBe('Recompute');
    expect(await cellText(page, 'T4')).toBe('');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote Priority score and Priority rank/);
    expect(await cellText(page, 'T5')).toBe('1,400.0');
    // The template's own Score recalculated from the same edit.
    expect(await cellText(page, 'P5')).toBe('1,400');
    expect(errors).toEqual([]);
  });

  it('plans greedy, then optimal in the worker with a comparison, cut list and load bars, then writes the Plan sheet', async () => {
    const { page, errors } = await open();
    await page.getByTestId('write-scores').click();
    await statusText(page);
    await openTab(page, 'Plan');
    await expect(page.getByTestId('score-column').inputValue()).resolves.toBe('Score');
    await page.getByTestId('plan').click();
    await page.getByTestId('plan-total').waitFor();
    expect(await page.getByTestId('plan-total').textContent()).toMatch(/points planned in \d+ items/);
    const greedyTotal = await page.getByTestId('plan-total').textContent();
    await expect(page.locator('.ap-bar').count()).resolves.toBe(5);
    expect(await page.getByTestId('cut-list').locator('li').count()).toBeGreaterThan(3);
    await page.getByTestId('plan-total').scrollIntoViewIfNeeded();
    await shot(page, '06-plan-greedy');

    await page.getByTestId('method').selectOption('optimal');
    await page.getByTestId('plan').click();
    // Either the comparison or an error in the status line: a failure then says what went wrong.
    await page.locator('[data-testid="plan-compare"], .ap-status[data-kind="error"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.ap-status').textContent()).toBe('');
    const sentence = (await page.getByTestId('plan-compare').textContent()) ?? '';
    expect(sentence).toMatch(/^The optimal (plan adds [\d.,]+ points .* by planning M-\d+.* instead of M-\d+|plan is the greedy plan)/);
    expect(await page.locator('.ap-results .ap-hint').first().textContent()).toMatch(/^Optimal \(HiGHS\): proved within [\d.]+% of the best possible plan/);
    // On the template's backlog the optimal plan may equal the greedy one; it never scores less.
    const points = (t: string | null) => Number(/^([\d,.]+) points/.exec(t ?? '')?.[1]?.replace(/,/g, ''));
    expect(points(await page.getByTestId('plan-total').textContent())).toBeGreaterThanOrEqual(points(greedyTotal));
    await page.locator('.ap-bars').scrollIntoViewIfNeeded();
    await shot(page, '07-plan-optimal');

    await page.getByTestId('write-plan').click();
    expect(await statusText(page)).toMatch(/^Wrote the Plan sheet/);
    await expect.poll(() => activeSheet(page)).toBe('Plan');
    expect(await cellText(page, 'F1')).toBe('Status');
    // M-101 is Done in the template: finished work is never cut (issue 13.5).
    expect(await cellText(page, 'F2')).toBe('Done');
    await shot(page, '08-plan-sheet');
    expect(errors).toEqual([]);
  });

  it('refuses to write a plan computed from an older backlog, and Recompute plans from the backlog as it is now', async () => {
    const { page, errors } = await open();
    await openTab(page, 'Plan');
    await page.getByTestId('plan').click();
    await page.getByTestId('plan-total').waitFor();
    // M-102's effort from 6 to 500 after planning: the plan on screen no longer describes the backlog.
    await showSheet(page, 'Backlog');
    expect(await cellText(page, 'A6')).toBe('M-102');
    await typeInCell(page, 'I6', '500');
    await page.getByTestId('write-plan').click();
    // The template's Teams table computes its load from the backlog, so it changed too.
    expect(await statusText(page)).toMatch(/^Nothing was written: Backlog(, \w+)* changed after these results were computed from (it|them)\. Recompute, then write again\./);
    expect(await sheetNames(page)).not.toContain('Plan');
    await shot(page, '08b-plan-stale');
    await page.getByTestId('status-action').click();
    await expect.poll(() => page.getByTestId('cut-list').textContent()).toContain('M-102');
    await page.getByTestId('write-plan').click();
    expect(await statusText(page)).toMatch(/^Wrote the Plan sheet/);
    await expect.poll(() => activeSheet(page)).toBe('Plan');
    const row = await Promise.all(['A', 'E', 'F'].map(async (c) => {
      for (let r = 2; r < 60; r++) if ((await cellText(page, `A${r}`)) === 'M-102') return cellText(page, `${c}${r}`);
      return '';
    }));
    // As the grid shows it: the Plan sheet's Effort column has a one-decimal format.
    expect(row).toEqual(['M-102', '500.0', 'Cut']);
    expect(errors).toEqual([]);
  });

  it('shows the optimal planner working, and cancels it', async () => {
    const { page, errors } = await open();
    // Hold the solver's download so the planner is visibly busy when Cancel is pressed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/highs.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await openTab(page, 'Plan');
    // Only score columns are offered (never Reach, issue 13.5): the template's own Score.
    await page.getByTestId('score-column').selectOption('Score');
    await page.getByTestId('method').selectOption('optimal');
    await page.getByTestId('plan').click();
    await expect.poll(() => page.getByTestId('plan-progress').textContent()).toMatch(/^Loading the solver… \d s/);
    await shot(page, '09-plan-working');
    await page.getByTestId('cancel-plan').click();
    expect(await statusText(page)).toBe('Cancelled: the optimal plan was not computed.');
    await page.getByTestId('plan-progress').waitFor({ state: 'hidden' });
    release();
    expect(errors.filter((e) => !/highs\.wasm|Failed to load resource/.test(e))).toEqual([]);
  });

  it('reads the scorecard and answers who decides, all from the keyboard', async () => {
    const { page, errors } = await open();
    await page.locator('.ap-tabs [role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.ap-tabs [aria-selected="true"]').textContent()).toBe('Scorecard');
    await expect.poll(() => page.getByTestId('kpis').locator('li').count()).toBe(11);
    expect(await page.getByTestId('composite').textContent()).toMatch(/^94%Composite score/);
    // The six leadership KPIs first, as the template's Scorecard computes them (Goal contribution: 127% of target).
    expect(await page.locator('.ap-kpi').first().textContent()).toMatch(/^Goal contribution\s*On track\s*127%/);
    await shot(page, '10-scorecard');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.ap-tabs [aria-selected="true"]').textContent()).toBe('Decide');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Campaign spend');
    await page.keyboard.press('Tab');
    await page.keyboard.type('60000');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('decision-owner').textContent()).toBe('CMO decides.');
    await shot(page, '11-decide');
    expect(errors).toEqual([]);
  });

  it('looks like a Google add-on and writes bare Sheets formulas when the host is Sheets', async () => {
    const { page, errors } = await open('?look=sheets');
    expect(await page.locator('.ap-app').getAttribute('class')).toContain('ap-google');
    await page.getByTestId('write-mode').selectOption('formulas');
    await page.getByTestId('write-scores').click();
    await statusText(page);
    expect(await formulaOf(page, 'T5')).toBe('=AGILE_RICE(F5:F44, G5:G44, H5:H44, I5:I44)');
    // The sample itself opened in the Sheets spelling.
    expect(await formulaOf(page, 'P5')).toBe('=AGILE_RICE(F5:F64, G5:G64, H5:H64, I5:I64)');
    await shot(page, '12-sheets-look');
    expect(errors).toEqual([]);
  });

  it('downloads the workbook with formulas and the cached results the catalog computed', async () => {
    const { page, errors } = await open();
    await page.getByTestId('write-scores').click();
    await statusText(page);
    await openTab(page, 'Plan');
    await page.getByTestId('plan').click();
    await page.getByTestId('plan-total').waitFor();
    await page.getByTestId('write-plan').click();
    await statusText(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('agile-playbook-quarter.xlsx');
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(file!);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const backlog = wb.getWorksheet('Backlog')!;
    // Every catalog call is stored as Excel stores an add-in's function (issue 13.3): one form throughout.
    expect(backlog.getCell('T5').value).toMatchObject({ formula: '_xldudf_AGILE_RICE(F5:F44,G5:G44,H5:H44,I5:I44)', result: 1200, ref: 'T5:T44' });
    expect(backlog.getCell('T22').value).toBe(2000);
    expect(backlog.getCell('U22').value).toBe(1);
    expect((backlog.getCell('U5').value as { formula: string }).formula).toBe('_xldudf_AGILE_PRIORITY_RANK(T5:T44,I5:I44,"asc")');
    // The template's own formulas travel with their cached results, in the same form.
    expect(backlog.getCell('P5').value).toMatchObject({ formula: '_xldudf_AGILE_RICE(F5:F64, G5:G64, H5:H64, I5:I64)', result: 1200 });
    const plan = wb.getWorksheet('Plan')!;
    expect(plan.getRow(1).values).toEqual([undefined, 'ID', 'Item', 'Team', 'Score', 'Effort', 'Status', 'Reason']);
    expect(plan.getCell('A2').value).toBe('M-101');
    expect(errors).toEqual([]);
  });

  it('downloads an opened .xlsx with what was typed in the grid, keeping the file’s own styles and widths', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Ideas');
    ws.addRows([['ID', 'Item', 'Reach'], ['I-1', 'Webinar', 400], ['I-2', 'Ebook', 100]]);
    ws.getCell('A1').font = { bold: true };
    ws.getColumn(2).width = 40;
    const { page, errors } = await open();
    await page.getByTestId('open-file').setInputFiles({ name: 'ideas.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await src.xlsx.writeBuffer()) });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('ideas.xlsx');
    await expect.poll(() => page.getByTestId('download-state').textContent()).toBe('No edits to download');
    await typeInCell(page, 'C2', '999');
    await typeInCell(page, 'D2', '=C2*2');
    expect(await cellText(page, 'D2')).toBe('1998');
    expect(await page.getByTestId('download-state').textContent()).toBe('Edits not downloaded');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    await expect.poll(() => page.getByTestId('download-state').textContent()).toBe('No edits to download');
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync((await download.path())!);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const out = wb.getWorksheet('Ideas')!;
    expect(out.getCell('C2').value).toBe(999);
    expect(out.getCell('D2').value).toMatchObject({ formula: 'C2*2', result: 1998 });
    expect(out.getCell('C3').value).toBe(100);
    expect(out.getCell('A1').font?.bold).toBe(true);
    expect(out.getColumn(2).width).toBe(40);
    expect(errors).toEqual([]);
  });

  it('opens an .xlsx the user picks, and one the user drops', async () => {
    const src = new ExcelJS.Workbook();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    src.addWorksheet('Ideas').addRows([['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'], ['I-1', hostile, 100, 1, '50%', 2], ['I-2', 'Webinar', 400, 2, 0.8, 8]]);
    const bytes = Buffer.from(await src.xlsx.writeBuffer());
    const { page, errors } = await open();
    await page.getByTestId('open-file').setInputFiles({ name: 'ideas.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('ideas.xlsx');
    await expect.poll(() => sheetNames(page)).toEqual(['Ideas']);
    await expect.poll(() => page.locator('.ap-preview tbody tr').count()).toBe(2);
    // Workbook text is shown as text, never parsed as HTML.
    expect(await page.locator('.ap-preview tbody tr').nth(1).textContent()).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot(page, '13-opened-file');

    const drop = await page.evaluateHandle((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'dropped.xlsx'));
      return dt;
    }, bytes.toString('base64'));
    await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('dropped.xlsx');
    expect(errors).toEqual([]);
  });
});
