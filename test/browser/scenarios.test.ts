// The planner's Scenarios panel in the playground, in Debian's Chromium: scenarios built in the panel,
// compared greedily and optimally (in the worker, with progress), what more capacity buys, and the owned
// Scenarios sheet with live SCENARIO_COMPARE and CAPACITY_VALUE. Screenshots under test-output/screenshots/.
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, activeSheet, build, cellText, formulaOf, openTab, shot, skipNotice, statusText, usePlayground } from './helpers';
import type { Page } from 'playwright-core';

skipNotice();
beforeAll(async () => {
  await build();
});

/** Fills change row i of the panel (adding rows as needed). */
async function change(page: Page, i: number, scenario: string, word: string, target: string, value: string): Promise<void> {
  while ((await page.getByTestId('scenario-name').count()) <= i) await page.getByTestId('add-change').click();
  await page.getByTestId('scenario-name').nth(i).fill(scenario);
  await page.getByTestId('scenario-change').nth(i).selectOption(word);
  await page.getByTestId('scenario-target').nth(i).fill(target);
  await page.getByTestId('scenario-value').nth(i).fill(value);
}

/** Removes every change row, so a test builds its scenarios from nothing. */
async function clearRows(page: Page): Promise<void> {
  while ((await page.getByTestId('scenario-name').count()) > 1) await page.getByRole('button', { name: /^Remove change/ }).first().click();
}

describe.skipIf(!HAS_CHROMIUM)('the Scenarios panel in Chromium', () => {
  const open = usePlayground();

  it('starts from the template\'s Scenarios table and compares its three worked scenarios', async () => {
    const { page, errors } = await open();
    await openTab(page, 'Plan');
    await expect.poll(() => page.getByTestId('scenario-name').count()).toBe(4);
    expect(await page.getByTestId('scenario-name').first().inputValue()).toBe('+4 Brand & Creative');
    await page.getByTestId('compare-scenarios').click();
    await page.getByTestId('scenario-cards').waitFor();
    await expect(page.getByTestId('scenario-card').count()).resolves.toBe(4);
    const sentences = await page.getByTestId('scenario-sentences').locator('li').allTextContents();
    // The same figures the template's SCENARIO_COMPARE caches on the sample.
    expect(sentences).toEqual([
      '+4 Brand & Creative: +910 points, plans M-131 and M-134, instead of M-138 and M-140.',
      'commit M-113: −1,345 points, plans M-113 and M-128, instead of M-112 and M-127.',
      'Operations capped at 20%, Growth capped at 50%: −602 points, plans M-134, instead of M-112, M-119, M-120 and 1 more.',
    ]);
    await page.getByTestId('scenario-cards').scrollIntoViewIfNeeded();
    await shot(page, '29-scenarios-template');
    expect(errors).toEqual([]);
  });

  it('compares three scenarios side by side, greedy then optimal, and says what each adds and drops', async () => {
    const { page, errors } = await open();
    await openTab(page, 'Plan');
    await expect.poll(() => page.getByTestId('scenario-name').count()).toBe(4);
    await clearRows(page);
    await change(page, 0, '+2 Brand', 'add capacity', 'Brand & Creative', '2');
    await change(page, 1, 'Commit M-124', 'commit', 'M-124', '');
    await change(page, 2, 'Brand cap 10%', 'max share', 'Brand', '10%');
    await page.getByTestId('compare-scenarios').click();
    await page.getByTestId('scenario-cards').waitFor();
    await expect(page.getByTestId('scenario-card').count()).resolves.toBe(4);
    const cards = await page.getByTestId('scenario-card').allTextContents();
    expect(cards[0]).toMatch(/^Base[\d,.]+ points in \d+ items/);
    // Each card carries its own load bars: five teams each.
    await expect(page.getByTestId('scenario-card').nth(1).locator('.ap-bar').count()).resolves.toBe(5);
    const sentences = await page.getByTestId('scenario-sentences').locator('li').allTextContents();
    expect(sentences[0]).toMatch(/^\+2 Brand & Creative: (\+[\d,.]+ points, plans M-\d+|the same plan as the base)/);
    expect(sentences[1]).toMatch(/^commit M-124: /);
    expect(sentences[2]).toMatch(/^Brand capped at 10%: /);
    await page.getByTestId('scenario-cards').scrollIntoViewIfNeeded();
    await shot(page, '30-scenarios-greedy');

    await page.getByTestId('scenario-method').selectOption('optimal');
    await page.getByTestId('compare-scenarios').click();
    await page.getByTestId('scenario-progress').waitFor({ state: 'visible' });
    await page.locator('.ap-status[data-kind="error"]').or(page.locator('.ap-hint', { hasText: /^Optimal \(HiGHS\): every scenario solved within/ })).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.ap-status').textContent()).toBe('');
    const points = (t: string | undefined) => Number(/([\d,.]+) points/.exec(t ?? '')?.[1]?.replace(/,/g, ''));
    const optimalCards = await page.getByTestId('scenario-card').allTextContents();
    // The optimal planner honours the mix's min shares, which a 10% Brand cap leaves no room for: that
    // scenario says so in its own card, and every other one scores at least its greedy plan.
    expect(optimalCards[3]).toMatch(/^Brand cap 10%Min share for Brand \(10%\) cannot be met/);
    optimalCards.slice(0, 3).forEach((c, i) => expect(points(c)).toBeGreaterThanOrEqual(points(cards[i]) - 1e-6));
    await shot(page, '31-scenarios-optimal');
    expect(errors).toEqual([]);
  });

  it('a scenario naming an unknown team shows its error in its own card; the others still compare', async () => {
    const { page, errors } = await open();
    await openTab(page, 'Plan');
    await expect.poll(() => page.getByTestId('scenario-name').count()).toBe(4);
    await clearRows(page);
    await change(page, 0, 'Typo', 'capacity', 'Brnad', '30');
    await change(page, 1, 'Everyone +20%', 'grow capacity', '*', '20%');
    await page.getByTestId('compare-scenarios').click();
    await page.getByTestId('scenario-cards').waitFor();
    const cards = await page.getByTestId('scenario-card').allTextContents();
    expect(cards[1]).toMatch(/Typo: Team "Brnad" is not in the teams table/);
    expect(cards[2]).toMatch(/points in \d+ items/);
    expect(errors).toEqual([]);
  });

  it('shows what more capacity buys, optimal and sorted, then writes the Scenarios sheet with live formulas', async () => {
    const { page, errors } = await open();
    await openTab(page, 'Plan');
    await expect.poll(() => page.getByTestId('scenario-name').count()).toBe(4);
    await clearRows(page);
    await change(page, 0, '+4 Content', 'add capacity', 'Content', '4');
    await page.getByTestId('compare-scenarios').click();
    await page.getByTestId('scenario-cards').waitFor();
    await page.getByTestId('gain-step').fill('4');
    await page.getByTestId('scenario-method').selectOption('optimal');
    await page.getByTestId('run-gains').click();
    await page.getByTestId('gain-chart').waitFor({ timeout: 60_000 });
    const values = await page.getByTestId('gain-chart').locator('.ap-bar-value').allTextContents();
    expect(values).toHaveLength(5);
    const nums = values.map((v) => Number(v.replace(/[^\d.−-]/g, '').replace('−', '-')));
    expect([...nums].sort((a, b) => b - a)).toEqual(nums);
    nums.forEach((n) => expect(n).toBeGreaterThanOrEqual(0));
    const reasons = await page.getByTestId('gain-chart').locator('.ap-reason').allTextContents();
    expect(reasons[0]).toMatch(/^\+4 [A-Za-z &]+: (\+[\d,.]+ points, plans M-\d+|nothing more fits)/);
    await page.getByTestId('gain-chart').scrollIntoViewIfNeeded();
    await shot(page, '32-capacity-gains');

    await page.getByTestId('write-scenarios').click();
    expect(await statusText(page)).toMatch(/^Wrote the Scenario comparison sheet/);
    await expect.poll(() => activeSheet(page)).toBe('Scenario comparison');
    expect([await cellText(page, 'A1'), await cellText(page, 'A2'), await cellText(page, 'B2')]).toEqual(['Scenario', '+4 Content', 'add capacity']);
    expect(await formulaOf(page, 'A5')).toMatch(/^=AGILE\.SCENARIO_COMPARE\(Backlog!A4:\w+,Teams!A4:\w+,A1:D2,Mix!A4:\w+\)$/);
    // The live comparison spills: Base then the scenario, with the greedy figures the panel showed.
    expect([await cellText(page, 'A6'), await cellText(page, 'A7')]).toEqual(['Base', '+4 Content']);
    await shot(page, '33-scenarios-sheet');
    expect(errors).toEqual([]);
  });

  it('puts the scenarios the user ticks in Share on the one-pager, and only those', async () => {
    const { page, errors } = await open();
    await openTab(page, 'Share');
    const doc = page.frameLocator('[data-testid="share-preview"]');
    await expect.poll(() => doc.locator('body').textContent()).toContain('Priority stability');
    await expect(page.getByTestId('share-scenario').count()).resolves.toBe(3);
    expect(await doc.locator('body').textContent()).not.toContain('Scenarios against this plan');
    await page.getByTestId('share-scenario').nth(0).check();
    await page.getByTestId('share-scenario').nth(1).check();
    await expect.poll(() => doc.locator('table.scen tbody tr').count()).toBe(2);
    const rows = await doc.locator('table.scen tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^\+4 Brand & Creative.*24,396\.69\+910\.3M-131, M-134M-138, M-140$/);
    expect(rows[1]).toMatch(/^Commit the London summit commit M-113.*22,141\.87−1,344\.52M-113, M-128M-112, M-127$/);
    await page.getByTestId('share-preview').scrollIntoViewIfNeeded();
    await shot(page, '34-share-scenarios');
    expect(errors).toEqual([]);
  });
});
