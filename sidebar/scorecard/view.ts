// The scorecard view: the composite score, then every KPI with its status, attainment, latest actual
// against target, trend per period and sparkline, computed by the catalog from the scorecard table.
import { CellError, type Out } from '../../core/cells';
import { isNumber } from '../catalog-call';
import { type AppContext, type View, errorMessage } from '../context';
import type { Scalar } from '../../protocol/bridge';
import { formatValue } from '../../protocol/number-format';
import { formatPercent, h, replaceChildren } from '../ui/dom';
import { tablePicker } from '../ui/table-picker';
import { type KpiRow, computeScorecard, scorecardColumns } from './model';

function statusClass(s: Out): string {
  const text = typeof s === 'string' ? s.toLowerCase().replace(/\s+/g, '-') : 'error';
  return `ap-pill ap-status-${text}`;
}

function outText(v: Out, format: (n: number) => string): string {
  if (isNumber(v)) return format(v);
  if (v instanceof CellError) return v.code;
  return String(v);
}

function trendText(row: KpiRow): { text: string; good: boolean | null } {
  if (!isNumber(row.trend)) return { text: row.trend instanceof CellError ? 'not enough data' : '', good: null };
  const arrow = row.trend > 0.001 ? '▲' : row.trend < -0.001 ? '▼' : '▶';
  const good = row.trend === 0 ? null : (row.trend > 0) === (row.direction !== 'lower');
  return { text: `${arrow} ${(row.trend * 100).toFixed(1)}% per period`, good };
}

function kpiCard(row: KpiRow): HTMLElement {
  const trend = trendText(row);
  const error = [row.attainment, row.status].find((x): x is CellError => x instanceof CellError);
  // As the cells show them: their number format where the host gives it, else the KPI's unit (0.955 of a
  // '%' KPI reads 95.5%).
  const show = (v: Scalar, format: string) => (typeof v === 'number' ? formatValue(v, { format, unit: row.unit }) : String(v));
  const value = show(row.latest, row.latestFormat);
  const latest = row.latest === '' ? 'no actual yet' : row.period ? `${value} in ${row.period}` : `${value} now`;
  return h(
    'li',
    { class: 'ap-kpi' },
    h('div', { class: 'ap-kpi-head' }, h('span', { class: 'ap-kpi-name' }, row.name), h('span', { class: statusClass(row.status) }, outText(row.status, String))),
    h(
      'div',
      { class: 'ap-kpi-body' },
      h('span', { class: 'ap-kpi-attain', title: 'Attainment: 100% means the target is met' }, outText(row.attainment, formatPercent)),
      h('span', { class: 'ap-spark', 'aria-label': `Sparkline of ${row.series.length} periods` }, typeof row.spark === 'string' ? row.spark : ''),
      h('span', { class: trend.good === null ? 'ap-trend' : trend.good ? 'ap-trend ap-good' : 'ap-trend ap-bad' }, trend.text),
    ),
    h('div', { class: 'ap-hint' }, `${latest}; target ${show(row.target, row.targetFormat)} (${row.direction} is better)${row.owner ? ` · ${row.owner}` : ''}`),
    error ? h('div', { class: 'ap-error-text' }, error.message) : null,
  );
}

export function createScorecardView(ctx: AppContext): View {
  const picker = tablePicker('Scorecard table', ['KPI', 'Target', 'Baseline', 'Direction', 'Weight'], () => void load());
  const body = h('div', { class: 'ap-scorecard', 'aria-live': 'polite' });
  const el = h('section', { class: 'ap-view', 'aria-label': 'Scorecard' }, h('h2', {}, 'Scorecard'), picker.el, body);

  async function load(): Promise<void> {
    const id = picker.value();
    if (!id) return replaceChildren(body, h('p', { class: 'ap-hint' }, 'Pick a table with KPI, Direction, Baseline, Target, actuals by period, Weight and Owner.'));
    try {
      const t = await ctx.status.run('reading the scorecard', () => ctx.bridge.readTable(id));
      const cols = scorecardColumns(t);
      const card = computeScorecard(t, cols);
      if (card.rows.length === 0) return replaceChildren(body, h('ul', { class: 'ap-problems' }, ...card.problems.map((p) => h('li', {}, p))));
      const composite = card.composite;
      const counts = ['On track', 'At risk', 'Off track'].map((s) => `${card.rows.filter((r) => r.status === s).length} ${s.toLowerCase()}`);
      replaceChildren(
        body,
        h(
          'div',
          { class: 'ap-composite', 'data-testid': 'composite' },
          h('span', { class: 'ap-composite-value' }, outText(composite, formatPercent)),
          h('span', { class: 'ap-composite-label' }, 'Composite score (attainment, weighted, capped at 120%)'),
          h('span', { class: 'ap-hint' }, counts.join(' · ')),
        ),
        h('p', { class: 'ap-hint' }, `Actuals from ${cols.periods[0]} to ${cols.periods[cols.periods.length - 1]}; ${cols.actual ? `the ${cols.actual} column is the value now` : 'the latest filled period counts'}.`),
        ...card.problems.map((p) => h('p', { class: 'ap-warning' }, p)),
        h('ul', { class: 'ap-kpis', 'data-testid': 'kpis' }, ...card.rows.map(kpiCard)),
      );
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  return {
    id: 'scorecard',
    label: 'Scorecard',
    el,
    async activate() {
      picker.refresh(await ctx.listTables());
      await load();
    },
  };
}
