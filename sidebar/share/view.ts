// Share scorecard: the executive one-pager previewed in a sandboxed iframe, downloaded as one HTML file,
// printed (or saved as PDF from the print dialog), and a dated, values-only copy of the scorecard written
// to an owned sheet. The one-pager is built by core/report from the workbook's tables; the sidebar never
// puts its HTML into its own document, only into iframes without scripts.
import { renderOnePager, snapshotSheetName } from '../../core/report';
import type { SourceVersion, TableData } from '../../protocol/bridge';
import { type AppContext, type View, errorMessage } from '../context';
import { button, field, h, replaceChildren } from '../ui/dom';
import type { ScenarioSummary } from '../../core/report';
import { type ShareModel, type ShareTables, backlogGrid, findShareTables, setting, shareModel, snapshotSheet, todayIso } from './model';
import { scenarioSummaries } from './scenarios';

const SOURCE_TEXT: Record<ShareModel['source'], string> = {
  'plan sheet': 'The plan is the Plan sheet the planner wrote.',
  backlog: 'The plan is the Backlog’s own Status and Reason columns.',
  'greedy plan': 'No plan in the workbook yet: this is a greedy plan (ALLOCATE) computed now.',
  none: 'No backlog and teams found: the one-pager shows the scorecard only.',
};

/** A file name from the quarter: letters, digits and dashes only. */
const PAGE_WIDTH = 860;
const PAGE_HEIGHT = 1200;

export function htmlFileName(quarter: string): string {
  const slug = quarter.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `scorecard${slug ? `-${slug}` : ''}.html`;
}

export function createShareView(ctx: AppContext): View {
  const quarter = h('input', { type: 'text', placeholder: 'This quarter', 'data-testid': 'share-quarter' });
  const team = h('input', { type: 'text', placeholder: 'Marketing', 'data-testid': 'share-team' });
  // sandbox="" : no scripts, no forms, no same-origin access. The one-pager needs none of them.
  const frame = h('iframe', { sandbox: '', title: 'Preview of the executive one-pager', class: 'ap-share-frame', 'data-testid': 'share-preview' });
  // The page is A4-wide (about 860 px with its margins): the frame keeps that width and is scaled down to
  // the sidebar's, so the preview shows the whole page as it will print.
  const page = h('div', { class: 'ap-share-page' }, frame);
  const fit = () => {
    const scale = Math.min(1, (page.clientWidth || PAGE_WIDTH) / PAGE_WIDTH);
    frame.style.transform = `scale(${scale})`;
    page.style.height = `${Math.round(PAGE_HEIGHT * scale)}px`;
  };
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(fit).observe(page);
  const note = h('p', { class: 'ap-hint', 'data-testid': 'share-source' });
  const actions = h(
    'div',
    { class: 'ap-actions' },
    button('Download HTML', () => download(), { class: 'ap-button ap-primary', 'data-testid': 'share-download' }),
    button('Print or save as PDF', () => print(), { class: 'ap-button', 'data-testid': 'share-print' }),
    button('Snapshot to sheet', () => void snapshot(), { class: 'ap-button', 'data-testid': 'share-snapshot' }),
  );
  const body = h('div', { class: 'ap-share' });
  // The scenarios of the workbook's Scenarios table; the ones ticked here go on the page.
  const scenarioList = h('div', { 'data-testid': 'share-scenarios' });
  let scenarios: ScenarioSummary[] = [];
  const marked = new Set<string>();
  const el = h(
    'section',
    { class: 'ap-view', 'aria-label': 'Share' },
    h('h2', {}, 'Share scorecard'),
    h('p', { class: 'ap-hint' }, 'A one-page summary for executives: the scorecard, the top priorities, team load and what was cut.'),
    field('Quarter', quarter),
    field('Team', team),
    body,
  );
  let model: ShareModel | undefined;
  /** The reads the model (and so the snapshot) was computed from. */
  let sources: SourceVersion[] = [];
  let html = '';
  const settings = () => ({ quarter: quarter.value.trim() || 'This quarter', team: team.value.trim() || 'Marketing' });

  function renderScenarioList(): void {
    if (scenarios.length === 0) return replaceChildren(scenarioList);
    replaceChildren(
      scenarioList,
      h('h3', {}, 'Scenarios on the page'),
      h('p', { class: 'ap-hint' }, 'From the Scenarios table, compared with the plan as SCENARIO_COMPARE does. Tick the ones to show.'),
      ...scenarios.map((s) => {
        const box = h('input', { type: 'checkbox', 'data-testid': 'share-scenario' });
        box.checked = marked.has(s.name);
        box.addEventListener('change', () => {
          if (box.checked) marked.add(s.name);
          else marked.delete(s.name);
          render();
        });
        return h('label', { class: 'ap-check', style: 'display:block' }, box, ` ${s.name}`);
      }),
    );
  }

  function render(): void {
    if (!model) return;
    model = { ...model, input: { ...model.input, ...settings(), scenarios: scenarios.filter((s) => marked.has(s.name)) } };
    html = renderOnePager(model.input);
    frame.srcdoc = html;
  }
  quarter.addEventListener('change', render);
  team.addEventListener('change', render);

  async function load(): Promise<void> {
    const tables = await ctx.listTables();
    const ids = findShareTables(tables);
    if (!ids.scorecard) {
      model = undefined;
      return replaceChildren(body, h('p', { class: 'ap-hint' }, 'No scorecard table found: add one with KPI, Direction, Baseline, Target, actuals by period and Weight (Insert adds the quarterly plan, which has one).'));
    }
    const read = async (id: string | undefined): Promise<TableData | undefined> => (id ? ctx.bridge.readTable(id) : undefined);
    const [scorecard, backlog, teams, mix, plan, config, scen] = await ctx.status.run('reading the scorecard, plan and ranking', () =>
      Promise.all([read(ids.scorecard), read(ids.backlog), read(ids.teams), read(ids.mix), read(ids.plan), read(ids.settings), read(ids.scenarios)]),
    );
    const t: ShareTables = { scorecard: scorecard!, backlog, teams, mix, plan, settings: config, scenarios: scen };
    sources = [scorecard, backlog, teams, mix, plan, config, scen].flatMap((x) => (x ? [{ tableId: x.ref.id, version: x.version }] : []));
    scenarios = backlog ? await scenarioSummaries(scen, backlogGrid(t).grid, teams, mix) : [];
    for (const name of [...marked]) if (!scenarios.some((s) => s.name === name)) marked.delete(name);
    renderScenarioList();
    // The workbook's own quarter and team, unless the user typed others.
    if (!quarter.value) quarter.value = setting(config, 'Quarter');
    if (!team.value) team.value = setting(config, 'Team');
    model = shareModel(t, { ...settings(), asOf: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) });
    note.textContent = `${SOURCE_TEXT[model.source]} ${model.problems.join(' ')}`.trim();
    replaceChildren(body, actions, note, scenarioList, page);
    render();
    fit();
  }

  function download(): void {
    if (!html) return;
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const a = h('a', { href: url, download: htmlFileName(settings().quarter) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    ctx.status.show(`Downloaded ${a.download}: one self-contained HTML file.`, 'success');
  }

  // The preview frame is fully sandboxed, so it cannot be asked to print. A second, hidden frame may be
  // reached (allow-same-origin) and may open the print dialog (allow-modals) but still runs no script.
  function print(): void {
    if (!html) return;
    const printer = h('iframe', { sandbox: 'allow-same-origin allow-modals', title: 'One-pager for printing', class: 'ap-print-frame', 'data-testid': 'share-print-frame' });
    printer.addEventListener('load', () => {
      try {
        printer.contentWindow?.focus();
        printer.contentWindow?.print();
        ctx.status.show('Opened the print dialog: choose a printer, or “Save as PDF”. The page fits A4 and Letter.', 'info');
      } catch (e) {
        ctx.status.show(`Could not print: ${errorMessage(e)}. Download the HTML and print it from the browser.`, 'error');
      }
      setTimeout(() => printer.remove(), 60_000);
    });
    printer.srcdoc = html;
    document.body.append(printer);
  }

  async function snapshot(): Promise<void> {
    if (!model) return;
    try {
      const takenOn = todayIso();
      const existing = [...new Set((await ctx.listTables()).map((t) => t.sheet))];
      const name = snapshotSheetName(takenOn, existing);
      const snapshot = snapshotSheet(model, settings(), takenOn, name);
      // The snapshot is computed from the tables load() read: refused, with Recompute, when one changed since.
      const written = await ctx.status.run(`writing the ${name} sheet`, () => ctx.bridge.writeSheet(snapshot, { sources }));
      ctx.reportWrite(written, () => void load().catch((e) => ctx.status.show(errorMessage(e), 'error')));
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  return {
    id: 'share',
    label: 'Share',
    el,
    async activate() {
      try {
        await load();
      } catch (e) {
        ctx.status.show(errorMessage(e), 'error');
      }
    },
  };
}
