// The one-pager in Chromium (Debian's, through playwright-core): a screenshot to look at, and PDFs that
// are exactly one page in A4 and in Letter, for the sample and for a quarter that fills every list with
// long text. Hostile text shows as text: no dialog, no script element, no request.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_PAGER_LIMITS, renderOnePager } from '../../core/report/one-pager';
import type { OnePagerInput } from '../../core/report/types';
import { hostileReport, sampleReport } from './sample';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(process.cwd(), 'test-output/report');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`Skipping the one-pager browser tests: ${CHROMIUM} is not installed (.ci/run installs it).`);

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree nodes). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function crowded(): OnePagerInput {
  const base = sampleReport();
  const long = (s: string) => `${s} with a deliberately long name that goes on and on to test wrapping on the printed page`;
  const n = <T,>(list: readonly T[], k: number) => Array.from({ length: k }, (_, i) => list[i % list.length]!);
  return {
    ...base,
    team: long('Growth Marketing, Demand Generation and Lifecycle for the whole of EMEA and North America'),
    scorecard: n(base.scorecard, 20).map((k) => ({ ...k, kpi: long(k.kpi), area: long(k.area ?? '') })),
    ranking: n(base.ranking, 20).map((p) => ({ ...p, item: long(p.item), team: long(p.team ?? '') })),
    plan: {
      items: n(base.plan.items, 80).map((p) => ({ ...p, item: long(p.item), reason: long(p.reason ?? '') })),
      teams: n(base.plan.teams, 12).map((t) => ({ ...t, team: long(t.team) })),
    },
  };
}

describe.skipIf(!present)('the one-pager in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => browser?.close());

  async function open(html: string) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const events = { dialogs: 0, requests: 0 };
    page.on('dialog', (d) => {
      events.dialogs++;
      void d.dismiss();
    });
    page.on('request', () => events.requests++);
    await page.setContent(html, { waitUntil: 'load' });
    return { page, events };
  }

  for (const [name, make] of [['sample', sampleReport], ['crowded', crowded]] as const) {
    it(`prints the ${name} quarter on exactly one A4 page and one Letter page`, async () => {
      const html = renderOnePager(make());
      const { page } = await open(html);
      writeFileSync(join(OUT, `one-pager-${name}.html`), html);
      await page.screenshot({ path: join(OUT, `one-pager-${name}.png`), fullPage: true });
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        writeFileSync(join(OUT, `one-pager-${name}-${format}.pdf`), pdf);
        expect(pdfPageCount(pdf), `${name} in ${format}`).toBe(1);
      }
      await page.close();
    });
  }

  it('shows every KPI of the sample with its sparkline', async () => {
    const input = sampleReport();
    const { page } = await open(renderOnePager(input));
    expect(await page.locator('svg.spark').count()).toBe(Math.min(input.scorecard.length, ONE_PAGER_LIMITS.kpis));
    expect(await page.locator('text=Composite score').count()).toBe(1);
    await page.close();
  });

  it('renders hostile text inertly: no dialog, no script, no image, no request, the text visible', async () => {
    const { page, events } = await open(renderOnePager(hostileReport()));
    await page.screenshot({ path: join(OUT, 'one-pager-hostile.png'), fullPage: true });
    expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, link, a').length)).toBe(0);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('=HYPERLINK("http://x","y")');
    expect(events).toEqual({ dialogs: 0, requests: 0 });
    await page.close();
  });
});
