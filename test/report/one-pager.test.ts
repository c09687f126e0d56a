// The one-pager as text: self-contained, every string escaped, every list capped, the sample quarter shown.
import { describe, expect, it } from 'vitest';
import { escapeHtml, inertText, isInertText } from '../../core/report/escape';
import { ONE_PAGER_LIMITS, renderOnePager } from '../../core/report/one-pager';
import type { OnePagerInput } from '../../core/report/types';
import { HOSTILE, hostileReport, sampleReport } from './sample';

const TAGS = new Set(['colgroup', 'col', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'div', 'h1', 'h2', 'span', 'b', 'br', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'small', 'p', 'i', 'u', 'footer', 'svg', 'polyline', 'circle', 'path', 'text']);
const ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'style', 'width', 'height', 'viewbox', 'role', 'aria-label', 'aria-hidden', 'points', 'fill', 'stroke', 'stroke-width', 'stroke-linejoin', 'stroke-linecap', 'stroke-dasharray', 'cx', 'cy', 'r', 'd', 'transform', 'x', 'y', 'text-anchor', 'font-size', 'font-weight']);

/** Every tag and attribute name in the markup (text between tags is skipped, as a browser would). */
function markup(html: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/^<!doctype html>/i, '');
  for (const m of body.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    tags.add(m[1]!.toLowerCase());
    for (const a of m[2]!.matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)) attributes.add(a[1]!.toLowerCase());
  }
  return { tags, attributes };
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and double-quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
  });
});

describe('inertText', () => {
  it('prefixes an apostrophe to text a spreadsheet would read as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', '#N/A']) {
      expect(inertText(s)).toBe(`'${s}`);
      expect(isInertText(inertText(s))).toBe(true);
    }
    for (const s of ['Pipeline', "'=1", '', 'a=b']) expect(inertText(s)).toBe(s);
  });
});

describe('the one-pager', () => {
  const input = sampleReport();
  const html = renderOnePager(input);

  it('shows the quarter, the team, the composite and every KPI with its status', () => {
    expect(html).toContain('Q2 2026');
    expect(html).toContain('Growth Marketing · Fieldstone Analytics');
    expect(html).toMatch(/composite score 9\d%/);
    for (const k of input.scorecard) {
      expect(html).toContain(escapeHtml(k.kpi));
      expect(html).toContain(`>${escapeHtml(k.status)}</span>`);
    }
    expect(html).toContain('What was cut, and why');
    expect(html).toContain(escapeHtml('Content has 1 of 36 left; this needs 4'));
  });

  it('draws an SVG sparkline per KPI and a trend arrow', () => {
    expect(html.match(/<svg class="spark"/g)).toHaveLength(input.scorecard.length);
    expect(html.match(/<svg class="arrow"/g)!.length).toBe(input.scorecard.length);
  });

  it('is self-contained: no script, no external resource, a policy that forbids both', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|src=|href=/i);
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;`);
    const { tags, attributes } = markup(html);
    expect([...tags].filter((t) => !TAGS.has(t))).toEqual([]);
    expect([...attributes].filter((a) => !ATTRIBUTES.has(a))).toEqual([]);
  });

  it('has a print stylesheet with page margins and no page-breaking inside rows', () => {
    expect(html).toContain('@page{margin:11mm}');
    expect(html).toMatch(/@media print\{[^]*break-inside:avoid/);
  });
});

describe('hostile text in every field', () => {
  const html = renderOnePager(hostileReport());

  it('renders as text: no tag, attribute or script comes from the data', () => {
    const { tags, attributes } = markup(html);
    expect([...tags].filter((t) => !TAGS.has(t))).toEqual([]);
    expect([...attributes].filter((a) => !ATTRIBUTES.has(a))).toEqual([]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).toContain('&#39; onmouseover=&#39;alert(3)');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('keeps every hostile string visible, escaped', () => {
    for (const h of HOSTILE) expect(html).toContain(escapeHtml(h));
  });
});

describe('lists are capped so the page stays one page', () => {
  it('says how many KPIs, priorities, teams and cut items are left out', () => {
    const base = sampleReport();
    const many = <T,>(list: readonly T[], n: number) => Array.from({ length: n }, (_, i) => list[i % list.length]!);
    const big: OnePagerInput = {
      ...base,
      scorecard: many(base.scorecard, 30),
      ranking: many(base.ranking, 60),
      plan: { items: many(base.plan.items, 200), teams: many(base.plan.teams, 12) },
    };
    const html = renderOnePager(big);
    expect(html.match(/<svg class="spark"/g)).toHaveLength(ONE_PAGER_LIMITS.kpis);
    expect(html).toContain(`+ ${30 - ONE_PAGER_LIMITS.kpis} more KPIs in the workbook`);
    expect(html).toContain(`+ ${60 - ONE_PAGER_LIMITS.priorities} more ranked items`);
    expect(html).toContain(`+ ${12 - ONE_PAGER_LIMITS.teams} more teams`);
    expect(html).toMatch(/\+ \d+ more cut items/);
  });

  it('copes with an empty quarter', () => {
    const html = renderOnePager({ quarter: 'Q3 2026', team: 'New team', scorecard: [], plan: { items: [], teams: [] }, ranking: [] });
    expect(html).toContain('No ranked items.');
    expect(html).toContain('Nothing was cut');
    expect(html).toContain('composite score —');
  });
});
