// The planner's Scenarios panel in the Sheets sidebar (dist/gsheets/sidebar.html, 300 px wide, as Sheets
// shows add-on sidebars) in Debian's Chromium, over the google.script.run fake wired to the built server
// bundle on the fake spreadsheet: the quarterly plan inserted by the add-on's menu, its Scenarios table
// compared greedily (the figures SCENARIO_COMPARE gives, computed here with the catalog), optimally in the
// sidebar's worker, what more capacity buys, and the owned comparison sheet written with a live
// =AGILE_SCENARIO_COMPARE, refused once a source table changed. Screenshots go to test-output/gsheets/.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scalar } from '../../protocol/bridge';
import { HAS_CHROMIUM, launch, skipNotice } from '../browser/helpers';
import { clippedControls, expectedScenarios, signedPoints, templateCellA1 } from '../browser/scenario-expected';
import { type LoadedAddon, userTypes } from './harness';
import { openSidebar, shot } from './sidebar-page';

skipNotice();

/** A cell of the fake spreadsheet as SCENARIO_COMPARE would receive it (dates as serial numbers). */
function cellOf(addon: LoadedAddon) {
  return (sheet: string, row: number, col: number): Scalar => {
    const v = addon.ss.getSheetByName(sheet)!.getRange(row, col).getValue() as unknown;
    return v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : (v as Scalar);
  };
}

const points = (t: string | undefined) => Number(/([\d,.]+) points/.exec(t ?? '')?.[1]?.replace(/,/g, ''));

describe.skipIf(!HAS_CHROMIUM)('the Scenarios panel in the Sheets sidebar, over google.script.run and the fake', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('compares the template\'s scenarios greedy (as SCENARIO_COMPARE) and optimal in the worker, shows what capacity buys, and writes the comparison sheet once', async () => {
    const { addon, page, errors } = await openSidebar(browser, 'menuPlanCapacity');
    await expect.poll(() => page.locator('.ap-tab[aria-selected="true"]').textContent()).toBe('Plan');
    const panel = page.locator('section[aria-label="Scenarios"]');
    await expect.poll(() => page.getByTestId('scenario-name').count()).toBe(4);
    // Nothing in the 300 px sidebar is wider than the sidebar (the cards scroll inside their own strip).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    // Every change word, target and value reads whole at 300 px (before the fix: "add cap", "Brand & C").
    expect(await page.evaluate(clippedControls)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'scenarios-01-rows');

    const expected = expectedScenarios('sheets', cellOf(addon));
    expect(expected.map((e) => e.name)).toEqual(['Base', '+4 Brand & Creative', 'Commit the London summit', 'Ops over growth']);
    await page.getByTestId('compare-scenarios').click();
    await page.getByTestId('scenario-cards').waitFor();
    const cards = await page.getByTestId('scenario-card').allTextContents();
    expect(cards).toHaveLength(expected.length);
    cards.forEach((c, i) => expect(c.startsWith(expected[i]!.card), `${c} starts with ${expected[i]!.card}`).toBe(true));
    const sentences = await page.getByTestId('scenario-sentences').locator('li').allTextContents();
    sentences.forEach((s, i) => {
      const e = expected[i + 1]!;
      expect(s).toContain(`: ${signedPoints(e.change)} points, plans ${e.added[0]}`);
    });
    await page.getByTestId('scenario-cards').scrollIntoViewIfNeeded();
    await shot(page, 'scenarios-02-greedy');

    await page.getByTestId('scenario-method').selectOption('optimal');
    await page.getByTestId('compare-scenarios').click();
    await expect.poll(() => page.getByTestId('scenario-progress').textContent()).toMatch(/^Comparing scenarios: (starting the solver…|\d+ of 4 plans solved…)/);
    await page.getByTestId('scenario-progress').scrollIntoViewIfNeeded();
    await shot(page, 'scenarios-03-optimal-progress');
    await page.locator('.ap-status[data-kind="error"]').or(page.locator('.ap-hint', { hasText: /^Optimal \(HiGHS\): every scenario solved within/ })).first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.ap-status').textContent()).toBe('');
    const optimal = await page.getByTestId('scenario-card').allTextContents();
    expect(optimal).toHaveLength(expected.length);
    optimal.forEach((c, i) => {
      expect(c.startsWith(expected[i]!.name)).toBe(true);
      // The optimal planner honours min shares the greedy walk ignores; where it cannot, the card says so.
      if (/points in/.test(c)) expect(points(c)).toBeGreaterThanOrEqual(points(cards[i]) * (1 - 0.005) - 1e-6);
      else expect(c).toMatch(/cannot be met|infeasible/i);
    });
    await page.getByTestId('scenario-cards').scrollIntoViewIfNeeded();
    await shot(page, 'scenarios-04-optimal');

    await page.getByTestId('gain-step').fill('2');
    await page.getByTestId('run-gains').click();
    await page.getByTestId('gain-chart').waitFor({ timeout: 90_000 });
    const teams = await page.getByTestId('gain-chart').locator('.ap-bar-team').allTextContents();
    expect(teams).toHaveLength(5);
    const gains = (await page.getByTestId('gain-chart').locator('.ap-bar-value').allTextContents()).map((v) => Number(v.replace(/[^\d.−-]/g, '').replace('−', '-')));
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(await page.locator('.ap-status').textContent()).toBe('');
    await page.getByTestId('gain-chart').scrollIntoViewIfNeeded();
    await shot(page, 'scenarios-05-capacity-gains');

    await page.getByTestId('write-scenarios').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Wrote the Scenario comparison sheet/);
    const sheet = addon.ss.getSheetByName('Scenario comparison')!;
    expect(sheet).not.toBeNull();
    const formulas = sheet.getDataRange().getFormulas().flat().filter((f) => f !== '');
    const compare = formulas.find((f) => f.startsWith('=AGILE_SCENARIO_COMPARE('));
    expect(compare).toMatch(/^=AGILE_SCENARIO_COMPARE\(Backlog!A\d+:[A-Z]+\d+, Teams!A\d+:[A-Z]+\d+, A1:D5, Mix!A\d+:[A-Z]+\d+\)$/);
    expect(formulas.some((f) => f.startsWith('=AGILE.'))).toBe(false);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([['Scenario', 'Change', 'Target', 'Value'], ['+4 Brand & Creative', 'add capacity', 'Brand & Creative', 4]]);
    await page.locator('.ap-status').scrollIntoViewIfNeeded();
    await shot(page, 'scenarios-06-written');

    // A source table changes after the comparison: the next write is refused, and the sheet stays as written.
    const before = sheet.getDataRange().getFormulas();
    userTypes(addon.ss, 'Teams', templateCellA1('sheets', 'Teams', 'Capacity', 1), 40);
    await page.getByTestId('write-scenarios').click();
    await expect.poll(() => page.locator('.ap-status').textContent()).toMatch(/^Nothing was written: Teams changed after these results were computed from it\. Recompute, then write again\./);
    expect(sheet.getDataRange().getFormulas()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
