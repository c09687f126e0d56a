// The executive one-pager: a self-contained HTML page (inline CSS and SVG, no script, no external
// resource, a Content-Security-Policy that would block either) that prints on one A4 or Letter page.
// Lists are capped so any workbook fits that page; what is left out is counted, never silently dropped.
import { escapeHtml as e } from './escape';
import { type Tone, formatPercent, formatTrend, formatValue, num, statusTone, trendTone } from './format';
import { REPORT_CSS } from './styles';
import { TONE_INK, TONE_WASH, barPercent, compositeRing, sparkline, trendArrow } from './svg';
import type { KpiRow, OnePagerInput, PlanItem, ScenarioSummary, TeamLoad } from './types';

export const ONE_PAGER_LIMITS = { kpis: 12, priorities: 8, cut: 8, teams: 8, scenarios: 4 } as const;

/** Longest text shown per field: a pasted paragraph must not push the page onto a second sheet. */
const CLIP = { name: 60, area: 40, item: 90, team: 28, reason: 120, status: 24, header: 80 } as const;

function clip(v: unknown, max: number): string {
  const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function pill(text: string, tone: Tone, cls = 'pill'): string {
  return `<span class="${cls}" style="color:${TONE_INK[tone]};background:${TONE_WASH[tone]}">${e(text)}</span>`;
}

/** KPI_STATUS's default thresholds, applied to the composite. */
function compositeTone(score: number | null): Tone {
  if (score === null) return 'idle';
  return score >= 0.95 ? 'good' : score >= 0.8 ? 'warn' : 'bad';
}

function more(shown: number, total: number, what: string): string {
  return total > shown ? `<p class="more">+ ${e(total - shown)} more ${e(what)} in the workbook</p>` : '';
}

function kpiRow(k: KpiRow): string {
  const tone = statusTone(k.status);
  const tTone = trendTone(k.trend, k.direction);
  const att = num(k.attainment);
  const status = clip(k.status, CLIP.status) || 'No data';
  return `<tr>
<td class="kpi"><b>${e(clip(k.kpi, CLIP.name))}</b>${k.area ? `<small>${e(clip(k.area, CLIP.area))}</small>` : ''}</td>
<td class="num">${e(formatValue(k.target, k.unit))}</td>
<td class="num"><b>${e(formatValue(k.actual, k.unit))}</b></td>
<td class="att num"><span class="track"><i style="width:${barPercent(att, 1.2)}%;background:${TONE_INK[tone]}"></i><u style="left:${barPercent(1, 1.2)}%"></u></span>${e(formatPercent(att))}</td>
<td>${pill(status, tone)}</td>
<td class="trend num">${trendArrow(k.trend, tTone)}${e(formatTrend(k.trend))}</td>
<td>${sparkline(k.series, tone)}</td>
</tr>`;
}

function priorityRow(p: PlanItem, i: number): string {
  const rank = num(p.rank) ?? i + 1;
  const status = clip(p.status, CLIP.status);
  return `<tr><td class="rank">${e(rank)}</td><td class="id clip">${e(clip(p.id, CLIP.team))}</td><td class="clip">${e(clip(p.item, CLIP.item))}</td><td class="muted team clip">${e(clip(p.team, CLIP.team))}</td><td>${status ? pill(status, statusTone(status)) : ''}</td></tr>`;
}

function loadRow(t: TeamLoad): string {
  const load = num(t.load);
  const tone: Tone = load === null ? 'idle' : load > 1 ? 'bad' : load >= 0.85 ? 'good' : 'warn';
  const detail = num(t.planned) !== null && num(t.capacity) !== null ? ` <span class="muted">${e(formatValue(t.planned, 'number'))}/${e(formatValue(t.capacity, 'number'))}</span>` : '';
  return `<div class="load"><span class="team">${e(clip(t.team, CLIP.team))}</span><span class="bar"><i style="width:${barPercent(load, 1.5)}%;background:${TONE_INK[tone]}"></i><u style="left:${barPercent(1, 1.5)}%"></u></span><span class="num"><b>${e(formatPercent(load))}</b>${detail}</span></div>`;
}

function cutRow(p: PlanItem): string {
  return `<tr><td class="id clip">${e(clip(p.id, CLIP.team))}</td><td class="clip">${e(clip(p.item, CLIP.item))}</td><td class="muted team clip">${e(clip(p.team, CLIP.team))}</td><td class="clip">${e(clip(p.reason, CLIP.reason))}</td></tr>`;
}

function ids(list: readonly string[]): string {
  if (list.length === 0) return '<span class="none">none</span>';
  const shown = list.slice(0, 4).map((x) => clip(x, CLIP.team)).join(', ');
  return e(list.length > 4 ? `${shown} +${list.length - 4}` : shown);
}

function scenarioRow(s: ScenarioSummary): string {
  const delta = num(s.delta);
  const tone: Tone = s.error || delta === null ? 'idle' : delta > 1e-9 ? 'good' : delta < -1e-9 ? 'bad' : 'idle';
  // One line per scenario (name, then its change, muted), so the section costs the page as little as a cut row.
  const change = s.change && s.change !== s.name ? ` <span class="muted">${e(clip(s.change, CLIP.reason))}</span>` : '';
  if (s.error) return `<tr><td class="clip"><b>${e(clip(s.name, CLIP.name))}</b>${change}</td><td colspan="4" class="clip muted">${e(clip(s.error, CLIP.reason))}</td></tr>`;
  const signed = delta === null ? '–' : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatValue(Math.abs(delta), 'number')}`;
  return `<tr><td class="clip"><b>${e(clip(s.name, CLIP.name))}</b>${change}</td><td class="num">${e(formatValue(s.score, 'number'))}</td><td class="num">${pill(signed, tone)}</td><td class="clip">${ids(s.added)}</td><td class="clip">${ids(s.dropped)}</td></tr>`;
}

/** Column widths for a fixed table layout, so long text is cut short with an ellipsis instead of wrapping. */
function cols(widths: readonly string[]): string {
  return widths.map((w) => (w ? `<col style="width:${w}">` : '<col>')).join('');
}

const byRank = (a: PlanItem, b: PlanItem) => (num(a.rank) ?? Infinity) - (num(b.rank) ?? Infinity);

/** The one-pager as a complete HTML document. */
export function renderOnePager(input: OnePagerInput): string {
  const L = ONE_PAGER_LIMITS;
  const composite = num(input.composite);
  const cTone = compositeTone(composite);
  const tally = new Map<Tone, number>();
  for (const k of input.scorecard) tally.set(statusTone(k.status), (tally.get(statusTone(k.status)) ?? 0) + 1);
  const chips = ([['good', 'on track'], ['warn', 'at risk'], ['bad', 'off track'], ['idle', 'no data']] as const)
    .filter(([t]) => tally.get(t))
    .map(([t, word]) => pill(`${tally.get(t)} ${word}`, t, 'chip'))
    .join('');

  const items = input.plan.items;
  const planned = items.filter((p) => /^planned$/i.test(String(p.status ?? '').trim()));
  const cut = items.filter((p) => /^cut$/i.test(String(p.status ?? '').trim())).sort(byRank);
  const effort = (list: readonly PlanItem[]) => list.reduce((s, p) => s + (num(p.effort) ?? 0), 0);
  const capacity = input.plan.teams.reduce((s, t) => s + (num(t.capacity) ?? 0), 0);
  const planLine = `${planned.length} of ${items.length} items planned · ${cut.length} cut`
    + (capacity > 0 ? ` · ${formatValue(effort(planned), 'number')} of ${formatValue(capacity, 'number')} capacity used` : '');

  const kpis = input.scorecard.slice(0, L.kpis);
  const top = input.ranking.slice(0, L.priorities);
  const teams = input.plan.teams.slice(0, L.teams);
  const scenarios = (input.scenarios ?? []).slice(0, L.scenarios);
  // Each scenario row takes about a cut row's height and a bit: the cut list gives way so the page stays one page.
  const cutShown = cut.slice(0, scenarios.length ? Math.max(1, L.cut - scenarios.length - 3) : L.cut);
  const quarter = clip(input.quarter, CLIP.status);
  const team = clip(input.team, CLIP.header);
  const title = `${quarter} · ${team}`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Quarterly scorecard · ${title}`)}</title>
<style>${REPORT_CSS}</style>
</head><body><main class="page">
<header><div>
<div class="eyebrow">${e(quarter)} · Quarterly scorecard</div>
<h1>${e(team)}</h1>
<div class="chips">${chips}</div>
</div><div class="composite"><div class="label"><b>Composite score</b>weighted attainment</div>${compositeRing(composite, cTone, formatPercent(composite))}</div></header>
<section><h2>KPIs: target, actual and trend</h2>
<table class="kpis"><colgroup>${cols(['', '15mm', '17mm', '27mm', '20mm', '18mm', '24mm'])}</colgroup><thead><tr><th>KPI</th><th class="num">Target</th><th class="num">Actual</th><th class="num">Attainment</th><th>Status</th><th class="num">Trend</th><th>Readings</th></tr></thead>
<tbody>${kpis.map(kpiRow).join('')}</tbody></table>${more(kpis.length, input.scorecard.length, 'KPIs')}</section>
<div class="cols">
<section><h2>Top priorities</h2>
${top.length ? `<table><colgroup>${cols(['5mm', '12mm', '', '26mm', '18mm'])}</colgroup><tbody>${top.map(priorityRow).join('')}</tbody></table>` : '<p class="muted">No ranked items.</p>'}${more(top.length, input.ranking.length, 'ranked items')}</section>
<section><h2>Team load</h2>
${teams.map(loadRow).join('') || '<p class="muted">No teams.</p>'}${more(teams.length, input.plan.teams.length, 'teams')}
<p class="more">${e(planLine)}</p></section>
</div>
${scenarios.length ? `<section><h2>Scenarios against this plan</h2>
<table class="scen"><colgroup>${cols(['', '20mm', '22mm', '38mm', '38mm'])}</colgroup><thead><tr><th>Scenario</th><th class="num">Score</th><th class="num">vs plan</th><th>Adds</th><th>Drops</th></tr></thead>
<tbody>${scenarios.map(scenarioRow).join('')}</tbody></table>${more(scenarios.length, input.scenarios!.length, 'scenarios')}</section>` : ''}
<section><h2>What was cut, and why</h2>
${cutShown.length ? `<table class="cut"><colgroup>${cols(['13mm', '58mm', '30mm', ''])}</colgroup><tbody>${cutShown.map(cutRow).join('')}</tbody></table>` : '<p class="muted">Nothing was cut: every item fits.</p>'}${more(cutShown.length, cut.length, 'cut items')}</section>
<footer><span>${e(title)}</span><span>${e(input.asOf ? `Data as of ${clip(input.asOf, CLIP.status)}` : '')}</span><span>Agile Playbook</span></footer>
</main></body></html>
`;
}
