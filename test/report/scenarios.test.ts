// The one-pager's scenarios section: the scenarios the user marked, with score, change, adds and drops,
// escaped, and a page that still prints on exactly one A4 and one Letter page in Chromium when every list
// is full and the scenarios are long.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_PAGER_LIMITS, renderOnePager } from '../../core/report/one-pager';
import type { OnePagerInput, ScenarioSummary } from '../../core/report/types';
import { sampleReport } from './sample';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(process.cwd(), 'test-output/report');
const present = existsSync(CHROMIUM);

const SCENARIOS: ScenarioSummary[] = [
  { name: '+4 Brand & Creative', change: '+4 Brand & Creative', score: 24396.7, delta: 910.3, added: ['M-131', 'M-134'], dropped: ['M-138', 'M-140'] },
  { name: 'Commit the London summit', change: 'commit M-113', score: 22141.9, delta: -1344.5, added: ['M-113', 'M-128'], dropped: ['M-112', 'M-127'] },
  { name: 'Ops over growth', change: 'Operations capped at 20%, Growth capped at 50%', score: 22884.4, delta: -602, added: ['M-134'], dropped: ['M-112', 'M-119', 'M-120', 'M-140'] },
];

const long = (s: string) => `${s} with a deliberately long name that goes on and on to test wrapping on the printed page`;

/** Every list at its cap, long text everywhere, and more scenarios than the page shows. */
function crowded(): OnePagerInput {
  const base = sampleReport();
  const n = <T,>(list: readonly T[], k: number) => Array.from({ length: k }, (_, i) => list[i % list.length]!);
  return {
    ...base,
    team: long('Growth Marketing, Demand Generation and Lifecycle'),
    scorecard: n(base.scorecard, 20).map((k) => ({ ...k, kpi: long(k.kpi), area: long(k.area ?? '') })),
    ranking: n(base.ranking, 20).map((p) => ({ ...p, item: long(p.item), team: long(p.team ?? '') })),
    plan: {
      items: n(base.plan.items, 80).map((p) => ({ ...p, item: long(p.item), reason: long(p.reason ?? '') })),
      teams: n(base.plan.teams, 12).map((t) => ({ ...t, team: long(t.team) })),
    },
    scenarios: n(SCENARIOS, 7).map((s, i) => ({
      ...s,
      name: long(`${s.name} ${i}`),
      change: long(s.change!),
      added: n(['M-101', 'M-102', 'M-103', 'M-104', 'M-105', 'M-106'], 6),
      ...(i === 2 ? { error: long('Min share for Brand (10%) cannot be met'), score: null, delta: null } : {}),
    })),
  };
}

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree nodes). */
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('the scenarios section', () => {
  it('is absent when no scenario is marked, and lists the marked ones with score, change, adds and drops', () => {
    expect(renderOnePager(sampleReport())).not.toContain('Scenarios against this plan');
    const html = renderOnePager({ ...sampleReport(), scenarios: SCENARIOS });
    expect(html).toContain('Scenarios against this plan');
    expect(html).toContain('+4 Brand &amp; Creative');
    expect(html).toContain('+910.3');
    expect(html).toContain('−1,344.5');
    expect(html).toContain('M-131, M-134');
    expect(html).toContain('M-112, M-119, M-120, M-140');
  });

  it('escapes what the user typed as a scenario name and shows at most the cap, counting the rest', () => {
    const hostile = { ...SCENARIOS[0]!, name: '<script>alert(1)</script>', change: '<img src=x onerror=alert(1)>' };
    const html = renderOnePager({ ...sampleReport(), scenarios: [hostile, ...SCENARIOS, ...SCENARIOS] });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain(`+ ${7 - ONE_PAGER_LIMITS.scenarios} more scenarios in the workbook`);
  });
});

describe.skipIf(!present)('the one-pager with scenarios in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => browser?.close());

  for (const [name, make] of [['sample-scenarios', () => ({ ...sampleReport(), scenarios: SCENARIOS })], ['crowded-scenarios', crowded]] as const) {
    it(`prints the ${name} quarter on exactly one A4 page and one Letter page`, async () => {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const html = renderOnePager(make());
      await page.setContent(html, { waitUntil: 'load' });
      writeFileSync(join(OUT, `one-pager-${name}.html`), html);
      await page.screenshot({ path: join(OUT, `one-pager-${name}.png`), fullPage: true });
      await expect(page.locator('table.scen tbody tr').count()).resolves.toBe(Math.min(make().scenarios!.length, ONE_PAGER_LIMITS.scenarios));
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        writeFileSync(join(OUT, `one-pager-${name}-${format}.pdf`), pdf);
        expect(pages(pdf), `${name} in ${format}`).toBe(1);
      }
      await page.close();
    });
  }
});
