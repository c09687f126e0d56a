// The one-pager's input read from the template's own sample quarter, through the same table reader the
// sidebar uses, plus hostile text for the escaping tests.
import type { Out } from '../../core/cells';
import { reportInputFromTables, seriesLabels } from '../../core/report/from-tables';
import type { OnePagerInput } from '../../core/report/types';
import { evaluate } from '../../templates/evaluate';
import { QUARTER } from '../../templates/quarter';

function table(ev: ReturnType<typeof evaluate>, name: string): Out[][] {
  const t = ev.layout.tables.get(name)!;
  return [t.decl.columns.map((c) => c.header), ...ev.grids.get(name)!];
}

export function sampleTables() {
  const ev = evaluate(QUARTER, 'excel');
  return {
    scorecard: table(ev, 'Scorecard'),
    backlog: table(ev, 'Backlog'),
    teams: table(ev, 'Teams'),
    composite: ev.fields.get('Scorecard!composite'),
    quarter: String(ev.fields.get('Scorecard!quarter')),
    team: String(ev.fields.get('Scorecard!team')),
  };
}

export function sampleReport(): OnePagerInput {
  const t = sampleTables();
  return reportInputFromTables(t, { quarter: t.quarter, team: t.team, composite: t.composite, asOf: '26 June 2026' });
}

export const sampleSeriesLabels = () => seriesLabels(sampleTables().scorecard);

export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "' onmouseover='alert(3)",
  '=HYPERLINK("http://x","y")',
  '+1+2',
  '-2+3',
  '@SUM(A1)',
  '</style><script>alert(4)</script>',
];

/** The sample with hostile text in every string field the page shows. */
export function hostileReport(): OnePagerInput {
  const base = sampleReport();
  const h = (i: number) => HOSTILE[i % HOSTILE.length]!;
  return {
    ...base,
    quarter: h(0),
    team: h(1),
    asOf: h(2),
    scorecard: base.scorecard.map((k, i) => ({ ...k, kpi: h(i), area: h(i + 1), unit: h(i + 2), status: i % 2 ? h(i) : k.status })),
    plan: {
      items: base.plan.items.map((p, i) => ({ ...p, id: h(i), item: h(i + 3), team: h(i + 1), reason: h(i + 5) })),
      teams: base.plan.teams.map((t, i) => ({ ...t, team: h(i + 4) })),
    },
    ranking: base.ranking.map((p, i) => ({ ...p, item: h(i + 6), status: h(i + 7) })),
  };
}
