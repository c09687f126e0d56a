// The capacity planner: backlog, teams and mix tables; greedy or optimal; team load bars, total score,
// the greedy-versus-optimal sentence, the cut list with reasons; the plan written to an owned Plan sheet.
import type { CapacityPlan } from '../../core/capacity';
import type { SourceVersion, TableData } from '../../protocol/bridge';
import { type AppContext, type View, errorMessage } from '../context';
import { loadBars } from '../ui/bars';
import { button, field, formatNumber, h, replaceChildren, select } from '../ui/dom';
import { tablePicker } from '../ui/table-picker';
import { CancelledError, type PlanJob, planGreedy, planOptimal } from './client';
import { createScenariosPanel } from './scenarios-view';
import { type RowInfo, comparisonSentence, cutList, planSheet, planTables, rowInfo, scoreCandidates, solverLine } from './model';

export function createPlannerView(ctx: AppContext): View {
  let method: 'greedy' | 'optimal' = 'greedy';
  let job: PlanJob | undefined;
  let result: { plan: CapacityPlan; method: 'greedy' | 'optimal'; info: RowInfo[] } | undefined;
  let backlog: TableData | undefined;
  /** The reads the current plan was computed from: the Plan sheet write is refused when any changed since. */
  let sources: SourceVersion[] = [];

  const backlogPicker = tablePicker('Backlog table', ['ID', 'Effort', 'Team', 'Score'], () => void loadBacklog());
  const teamsPicker = tablePicker('Teams table', ['Team', 'Capacity'], () => undefined);
  const mixPicker = tablePicker('Mix table (optional)', ['Category', 'Max share'], () => undefined, { optional: true });
  const scoreSelect = h('select', { 'data-testid': 'score-column' });
  const methodSelect = select(
    [
      { value: 'greedy', label: 'Greedy: priority order (instant)' },
      { value: 'optimal', label: 'Optimal: most total score (HiGHS)' },
    ],
    method,
    (v) => {
      method = v as typeof method;
      optimalSettings.hidden = method !== 'optimal';
    },
    { 'data-testid': 'method' },
  );
  const timeLimit = h('input', { type: 'number', min: 1, max: 120, value: 10, 'data-testid': 'time-limit' });
  const gap = h('input', { type: 'number', min: 0, max: 20, step: 0.1, value: 0.5, 'data-testid': 'gap' });
  const optimalSettings = h('div', { class: 'ap-row2' }, field('Time limit (s)', timeLimit), field('MIP gap (%)', gap));
  optimalSettings.hidden = true;
  const planButton = button('Plan the quarter', () => void plan(), { class: 'ap-button ap-primary', 'data-testid': 'plan' });
  const progress = h('div', { class: 'ap-progress', hidden: true, 'data-testid': 'plan-progress' });
  const results = h('div', { class: 'ap-results', 'aria-live': 'polite' });
  const writeButton = button('Write the Plan sheet', () => void write(), { class: 'ap-button', 'data-testid': 'write-plan', disabled: true });

  // The Scenarios panel plans from the tables picked here, read fresh each time it runs.
  const scenarios = createScenariosPanel(ctx, async () => {
    const teamsId = teamsPicker.value();
    const backlogId = backlogPicker.value();
    if (!backlogId || !teamsId) return void ctx.status.show('Pick the backlog and the teams tables above.', 'error');
    if (!scoreSelect.value) return void ctx.status.show('The backlog has no score column: rank it in Prioritize first.', 'error');
    const mixId = mixPicker.value();
    const [b, teams, mix] = await ctx.status.run('reading the tables', () =>
      Promise.all([read(backlogId), read(teamsId), mixId ? read(mixId) : Promise.resolve(undefined)]),
    );
    return { tables: planTables(b, teams, mix, scoreSelect.value), backlog: b, teams, mix };
  });

  const el = h(
    'section',
    { class: 'ap-view', 'aria-label': 'Plan capacity' },
    h('h2', {}, 'Plan the quarter'),
    backlogPicker.el,
    field('Score column', scoreSelect, 'Rank the backlog first if it has no score.'),
    teamsPicker.el,
    mixPicker.el,
    field('Method', methodSelect),
    optimalSettings,
    h('div', { class: 'ap-actions' }, planButton),
    progress,
    results,
    h('div', { class: 'ap-actions' }, writeButton),
    scenarios.el,
  );

  async function read(id: string): Promise<TableData> {
    return ctx.bridge.readTable(id);
  }

  async function loadBacklog(): Promise<void> {
    const id = backlogPicker.value();
    backlog = id ? await read(id) : undefined;
    const previous = scoreSelect.value;
    const candidates = backlog ? scoreCandidates(backlog) : [];
    scoreSelect.replaceChildren(...(candidates.length ? candidates : ['']).map((c) => h('option', { value: c }, c || 'No score column yet')));
    if (candidates.includes(previous)) scoreSelect.value = previous;
  }

  /** The progress line of an optimal plan: what it is doing, time used of the limit, and Cancel. */
  function startProgress(limit: number): { stage(text: string, timed: boolean): void; stop(): void } {
    const bar = h('progress', { max: limit, value: 0, 'aria-label': 'Time used of the time limit' });
    const label = h('span', { class: 'ap-progress-text' });
    const cancel = button('Cancel', () => job?.cancel(), { class: 'ap-button', 'data-testid': 'cancel-plan' });
    replaceChildren(progress, h('span', { class: 'ap-spinner', 'aria-hidden': 'true' }), label, bar, cancel);
    progress.hidden = false;
    let text = '';
    let started = performance.now();
    let limited = false;
    const show = () => {
      const s = (performance.now() - started) / 1000;
      // The time limit bounds the search only; loading the solver is counted apart.
      if (limited) bar.value = Math.min(s, limit);
      else bar.removeAttribute('value');
      label.textContent = limited ? `${text} ${s.toFixed(0)} s of at most ${limit} s` : `${text} ${s.toFixed(0)} s`;
    };
    const tick = setInterval(show, 250);
    return {
      stage(t, timed) {
        text = t;
        limited = timed;
        started = performance.now();
        show();
      },
      stop() {
        clearInterval(tick);
        progress.hidden = true;
        replaceChildren(progress);
      },
    };
  }

  async function plan(): Promise<void> {
    const teamsId = teamsPicker.value();
    if (!backlog || !teamsId) return ctx.status.show('Pick the backlog and the teams tables.', 'error');
    if (!scoreSelect.value) return ctx.status.show('The backlog has no score column: rank it in Prioritize first, or pick the column that holds the score.', 'error');
    planButton.disabled = true;
    writeButton.disabled = true;
    ctx.status.clear();
    try {
      const id = backlog.ref.id;
      const mixId = mixPicker.value();
      const [fresh, teams, mix] = await ctx.status.run('reading the tables', () =>
        Promise.all([read(id), read(teamsId), mixId ? read(mixId) : Promise.resolve(undefined)]),
      );
      backlog = fresh;
      sources = [fresh, teams, ...(mix ? [mix] : [])].map((t) => ({ tableId: t.ref.id, version: t.version }));
      const tables = planTables(backlog, teams, mix, scoreSelect.value, { finished: 'commit' });
      const info = rowInfo(backlog, scoreSelect.value);
      const greedy = await planGreedy(tables);
      if (method === 'greedy') {
        result = { plan: greedy, method, info };
        render(greedy, null, info);
      } else {
        const limit = Math.max(1, Number(timeLimit.value) || 10);
        const prog = startProgress(limit);
        prog.stage('Starting the solver…', false);
        const settings = { timeLimitSeconds: limit, gap: Math.max(0, Number(gap.value) || 0.5) / 100 };
        try {
          job = planOptimal(tables, settings, ctx.options, (stage) =>
            stage === 'loading' ? prog.stage('Loading the solver…', false) : prog.stage('Searching for the best plan…', true),
          );
          const optimal = await job.promise;
          result = { plan: optimal, method, info };
          render(optimal, greedy, info);
        } finally {
          job = undefined;
          prog.stop();
        }
      }
      writeButton.disabled = false;
    } catch (e) {
      if (e instanceof CancelledError) ctx.status.show('Cancelled: the optimal plan was not computed.', 'warning');
      else ctx.status.show(errorMessage(e), 'error');
    } finally {
      planButton.disabled = false;
    }
  }

  function render(p: CapacityPlan, greedy: CapacityPlan | null, info: readonly RowInfo[]): void {
    const cuts = cutList(p, info);
    const planned = p.rows.filter((r) => r.status === 'Planned').length;
    replaceChildren(
      results,
      h('p', { class: 'ap-total', 'data-testid': 'plan-total' }, h('strong', {}, `${formatNumber(p.value)} points`), ` planned in ${planned} items; ${cuts.length} cut.`),
      h('p', { class: 'ap-hint' }, solverLine(p)),
      greedy ? h('p', { class: 'ap-compare', 'data-testid': 'plan-compare' }, comparisonSentence(greedy, p)) : null,
      h('h3', {}, 'Team load'),
      loadBars(p.teams),
      h('h3', {}, `Cut (${cuts.length})`),
      cuts.length
        ? h('ul', { class: 'ap-cuts', 'data-testid': 'cut-list' }, ...cuts.map((c) => h('li', { class: c.status === 'Error' ? 'ap-row-error' : '' }, h('span', { class: 'ap-id' }, c.id), c.label ? ` ${c.label}` : '', h('div', { class: 'ap-reason' }, c.reason))))
        : h('p', { class: 'ap-hint' }, 'Everything fits.'),
    );
  }

  async function write(): Promise<void> {
    if (!result) return;
    const sheet = planSheet(result.plan, result.info, result.method);
    try {
      const written = await ctx.status.run('writing the plan', () => ctx.bridge.writeSheet(sheet, { sources }));
      ctx.reportWrite(written, () => void plan());
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  return {
    id: 'plan',
    label: 'Plan',
    el,
    async activate() {
      const tables = await ctx.listTables();
      // The Plan sheet the planner wrote is not a backlog or teams table to pick.
      const pickable = tables.filter((t) => t.sheet.toLowerCase() !== 'plan');
      backlogPicker.refresh(pickable);
      teamsPicker.refresh(pickable);
      mixPicker.refresh(pickable);
      scenarios.refresh(tables.filter((t) => t.sheet.toLowerCase() !== 'plan'));
      await loadBacklog();
    },
  };
}
