// The planner's Scenarios panel: scenarios read from a Scenarios table or built here, each planned greedily
// (on this thread, as SCENARIO_COMPARE plans) or optimally (in the worker, with progress and cancel), shown
// side by side; what more capacity buys per team; and the owned Scenarios sheet, values and formulas.
import { CHANGE_WORDS, type CapacityGains, type ScenarioResult, capacityGains, compareScenarios } from '../../core/capacity';
import type { TableData, TableRef } from '../../protocol/bridge';
import { type AppContext, errorMessage } from '../context';
import { loadBars } from '../ui/bars';
import { button, field, formatNumber, h, replaceChildren, select } from '../ui/dom';
import { headerFit, tablePicker } from '../ui/table-picker';
import { CancelledError, type Job, runOptimal } from './client';
import type { WorkerRequest } from './protocol';
import { type ScenarioRow, SCENARIO_HEADERS, gainSentence, rowsFromTable, scenarioGrid, scenarioSentence, scenariosSheet } from './scenarios-model';

/** What the planner has picked: the tables as planCapacity takes them, and the reads they came from. */
export interface PlannerInputs {
  readonly tables: WorkerRequest['tables'];
  readonly backlog: TableData;
  readonly teams: TableData;
  readonly mix?: TableData;
}

type Method = 'greedy' | 'optimal';

export function createScenariosPanel(ctx: AppContext, readInputs: () => Promise<PlannerInputs | undefined>) {
  let rows: ScenarioRow[] = [{ scenario: '', change: 'add capacity', target: '', value: '' }];
  let method: Method = 'greedy';
  let job: Job<unknown> | undefined;
  let compared: { results: ScenarioResult[]; rows: ScenarioRow[]; method: Method; inputs: PlannerInputs } | undefined;
  let gains: (CapacityGains & { method: Method }) | undefined;

  const picker = tablePicker('Scenarios table (optional)', [...SCENARIO_HEADERS], () => void loadTable(), {
    optional: true,
    hint: 'Scenario, Change, Target, Value: pick one to start from it, or build the scenarios below.',
  });
  const list = h('div', { class: 'ap-scenario-rows', 'data-testid': 'scenario-rows' });
  const addRow = button('Add a change', () => {
    const last = rows[rows.length - 1];
    rows = [...rows, { scenario: last?.scenario ?? '', change: 'add capacity', target: '', value: '' }];
    renderRows();
  }, { class: 'ap-button', 'data-testid': 'add-change' });
  const methodSelect = select(
    [
      // Short enough to read in Sheets' 300 px sidebar; the field's hint says the rest.
      { value: 'greedy', label: 'Greedy (instant)' },
      { value: 'optimal', label: 'Optimal (HiGHS)' },
    ],
    method,
    (v) => (method = v as Method),
    { 'data-testid': 'scenario-method' },
  );
  const timeLimit = h('input', { type: 'number', min: 1, max: 300, value: 10, 'data-testid': 'scenario-time-limit' });
  const compareButton = button('Compare scenarios', () => void runCompare(), { class: 'ap-button ap-primary', 'data-testid': 'compare-scenarios' });
  const progress = h('div', { class: 'ap-progress', hidden: true, 'data-testid': 'scenario-progress' });
  const results = h('div', { 'aria-live': 'polite', 'data-testid': 'scenario-results' });
  const writeButton = button('Write the Scenario comparison sheet', () => void write(), { class: 'ap-button', 'data-testid': 'write-scenarios', disabled: true });
  const step = h('input', { type: 'number', min: 0, step: 'any', placeholder: '10% of each team', 'data-testid': 'gain-step' });
  const gainButton = button('Show what more capacity buys', () => void runGains(), { class: 'ap-button', 'data-testid': 'run-gains' });
  const gainResults = h('div', { 'aria-live': 'polite', 'data-testid': 'gain-results' });

  const el = h(
    'section',
    { class: 'ap-card', 'aria-label': 'Scenarios' },
    h('h3', {}, 'Scenarios'),
    h('p', { class: 'ap-hint' }, 'Compare the plan with what-ifs: more capacity, a commitment, a different mix. Rows with the same name make one scenario.'),
    picker.el,
    list,
    h('div', { class: 'ap-actions' }, addRow),
    h('div', { class: 'ap-row2 ap-scenario-settings' }, field('Plan each scenario', methodSelect), field('Time limit, all (s)', timeLimit)),
    h('p', { class: 'ap-hint' }, 'Greedy gives the figures SCENARIO_COMPARE gives in the sheet; optimal finds the most score for each scenario.'),
    h('div', { class: 'ap-actions' }, compareButton),
    progress,
    results,
    h('div', { class: 'ap-actions' }, writeButton),
    h('h3', {}, 'What more capacity buys'),
    field('Extra capacity per team (Effort units)', step, 'Each team alone gets this much more; the plan is re-solved for each.'),
    h('div', { class: 'ap-actions' }, gainButton),
    gainResults,
  );

  function renderRows(): void {
    const input = (value: string, placeholder: string, on: (v: string) => void, testid: string) => {
      const x = h('input', { type: 'text', value, placeholder, 'data-testid': testid, 'aria-label': placeholder });
      x.addEventListener('input', () => on(x.value));
      return x;
    };
    replaceChildren(
      list,
      ...rows.map((r, i) => {
        const set = (patch: Partial<ScenarioRow>) => (rows[i] = { ...rows[i]!, ...patch });
        const change = select(CHANGE_WORDS.map((w) => ({ value: w, label: w })), CHANGE_WORDS.includes(r.change as never) ? r.change : 'add capacity', (v) => set({ change: v }), {
          'data-testid': 'scenario-change',
          'aria-label': 'Change',
        });
        // Two lines per change (three in a sidebar under 360 px: see .ap-scenario-change in styles.css).
        return h(
          'div',
          { class: 'ap-scenario-row' },
          h(
            'div',
            { class: 'ap-scenario-name' },
            input(r.scenario, 'Scenario', (v) => set({ scenario: v }), 'scenario-name'),
            button('×', () => {
              rows = rows.filter((_, k) => k !== i);
              renderRows();
            }, { class: 'ap-button', 'aria-label': `Remove change ${i + 1}`, title: 'Remove this change' }),
          ),
          h(
            'div',
            { class: 'ap-scenario-change' },
            change,
            input(r.target, 'Target', (v) => set({ target: v }), 'scenario-target'),
            input(String(r.value), 'Value', (v) => set({ value: v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v }), 'scenario-value'),
          ),
        );
      }),
    );
  }

  async function loadTable(): Promise<void> {
    const id = picker.value();
    if (!id) return;
    try {
      const t = await ctx.bridge.readTable(id);
      const read = rowsFromTable(t);
      if (read.length) rows = read;
      renderRows();
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  /** The progress line: solves done of all, and Cancel. */
  function startProgress(what: string): { set(done: number, total: number): void; stop(): void } {
    const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Plans done' });
    const label = h('span', { class: 'ap-progress-text' }, `${what}: starting the solver…`);
    const cancel = button('Cancel', () => job?.cancel(), { class: 'ap-button', 'data-testid': 'cancel-scenarios' });
    replaceChildren(progress, h('span', { class: 'ap-spinner', 'aria-hidden': 'true' }), label, bar, cancel);
    progress.hidden = false;
    return {
      set(done, total) {
        bar.max = total;
        bar.value = done;
        label.textContent = `${what}: ${done} of ${total} plans solved…`;
      },
      stop() {
        progress.hidden = true;
        replaceChildren(progress);
      },
    };
  }

  async function optimal<T>(inputs: PlannerInputs, task: WorkerRequest['task'], what: string): Promise<T> {
    const prog = startProgress(what);
    try {
      const settings = { timeLimitSeconds: Math.max(1, Number(timeLimit.value) || 10), gap: 0.005 };
      job = runOptimal<T>(inputs.tables, settings, task!, ctx.options, () => undefined, (d, t) => prog.set(d, t));
      return (await job.promise) as T;
    } finally {
      job = undefined;
      prog.stop();
    }
  }

  async function busy(buttons: HTMLButtonElement[], run: () => Promise<void>): Promise<void> {
    for (const b of buttons) b.disabled = true;
    ctx.status.clear();
    try {
      await run();
    } catch (e) {
      if (e instanceof CancelledError) ctx.status.show('Cancelled: the optimal plans were not computed.', 'warning');
      else ctx.status.show(errorMessage(e), 'error');
    } finally {
      compareButton.disabled = gainButton.disabled = false;
    }
  }

  async function runCompare(): Promise<void> {
    await busy([compareButton, gainButton, writeButton], async () => {
      const inputs = await readInputs();
      if (!inputs) return;
      const grid = scenarioGrid(rows);
      if (grid.length < 2) return ctx.status.show('Add a change first: a scenario name, what changes, its target and value.', 'error');
      const snapshot = rows.map((r) => ({ ...r }));
      const res =
        method === 'greedy'
          ? await compareScenarios(inputs.tables, grid)
          : await optimal<ScenarioResult[]>(inputs, { kind: 'scenarios', scenarios: grid }, 'Comparing scenarios');
      compared = { results: res, rows: snapshot, method, inputs };
      renderResults();
      writeButton.disabled = false;
    });
  }

  function renderResults(): void {
    if (!compared) return;
    const base = compared.results[0]!;
    replaceChildren(
      results,
      h(
        'div',
        { class: 'ap-scenarios', 'data-testid': 'scenario-cards', style: 'display:flex;gap:8px;overflow-x:auto;padding-bottom:4px' },
        ...compared.results.map((r) =>
          h(
            'div',
            { class: r.error ? 'ap-card ap-row-error' : 'ap-card', 'data-testid': 'scenario-card', style: 'flex:0 0 158px;margin:0;padding:8px' },
            h('div', { class: 'ap-id' }, r.name),
            r.error
              ? h('p', { class: 'ap-reason' }, r.error)
              : h(
                  'div',
                  {},
                  h('p', { class: 'ap-total' }, h('strong', {}, `${formatNumber(r.value)} points`), ` in ${r.items} items`),
                  r === base ? h('p', { class: 'ap-hint' }, 'The plan as the tables stand.') : h('p', { class: r.change < 0 ? 'ap-hint ap-bad' : 'ap-hint' }, `${r.change >= 0 ? '+' : '−'}${formatNumber(Math.abs(r.change))} vs base`),
                  loadBars(r.teams),
                ),
          ),
        ),
      ),
      h('ul', { class: 'ap-cuts', 'data-testid': 'scenario-sentences' }, ...compared.results.slice(1).map((r) => h('li', {}, scenarioSentence(r, compared!.rows)))),
      h('p', { class: 'ap-hint' }, compared.method === 'optimal' ? optimalNote(compared.results) : 'Greedy: the figures SCENARIO_COMPARE gives in the sheet.'),
    );
  }

  async function runGains(): Promise<void> {
    await busy([compareButton, gainButton], async () => {
      const inputs = await readInputs();
      if (!inputs) return;
      const s = step.value.trim() === '' ? undefined : Number(step.value);
      if (s !== undefined && !(s >= 0)) return ctx.status.show('Extra capacity must be a number, 0 or more, in Effort units.', 'error');
      const g =
        method === 'greedy'
          ? await capacityGains(inputs.tables, { step: s })
          : await optimal<CapacityGains>(inputs, { kind: 'gains', step: s }, 'What more capacity buys');
      gains = { ...g, method };
      renderGains();
    });
  }

  function renderGains(): void {
    if (!gains) return;
    const sorted = [...gains.teams].sort((a, b) => b.gain - a.gain);
    const top = Math.max(1e-9, ...sorted.map((g) => g.gain));
    replaceChildren(
      gainResults,
      h(
        'ul',
        { class: 'ap-bars', 'aria-label': 'Extra score per team', 'data-testid': 'gain-chart' },
        ...sorted.map((g) =>
          h(
            'li',
            { class: 'ap-bar' },
            h('div', { class: 'ap-bar-head' }, h('span', { class: 'ap-bar-team' }, g.team), h('span', { class: 'ap-bar-value' }, `${g.gain >= 0 ? '+' : '−'}${formatNumber(Math.abs(g.gain))} points`)),
            h('div', { class: 'ap-bar-track' }, h('div', { class: 'ap-bar-fill', style: `width:${(Math.max(0, g.gain) / top) * 100}%` })),
            h('div', { class: 'ap-reason' }, gainSentence(g)),
          ),
        ),
      ),
      h(
        'p',
        { class: 'ap-hint' },
        gains.method === 'optimal'
          ? `Optimal: each team re-solved with HiGHS, in ${gains.seconds.toFixed(1)} s in all. Each plan is within ${(gains.gap * 100).toFixed(2)}% of its best, so a gain under about ${formatNumber(gains.gap * gains.base)} points is within the solver's tolerance.`
          : 'Greedy: the figures CAPACITY_VALUE gives in the sheet; the greedy walk can, rarely, gain less with more room. Optimal re-solves each.',
      ),
    );
  }

  async function write(): Promise<void> {
    if (!compared) return;
    const { inputs } = compared;
    const src = { backlog: inputs.backlog.ref, teams: inputs.teams.ref, mix: inputs.mix?.ref };
    const sheet = scenariosSheet(compared.rows, compared.results, compared.method, src, gains);
    const sources = [inputs.backlog, inputs.teams, ...(inputs.mix ? [inputs.mix] : [])].map((t) => ({ tableId: t.ref.id, version: t.version }));
    try {
      ctx.reportWrite(await ctx.status.run('writing the Scenarios sheet', () => ctx.bridge.writeSheet(sheet, { sources })));
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  renderRows();
  return {
    el,
    refresh(tables: readonly TableRef[]) {
      picker.refresh(tables);
      // Only a table with all four headers is a Scenarios table (a scorecard has a Target too).
      const chosen = tables.find((t) => t.id === picker.value());
      if (chosen && headerFit(chosen, [...SCENARIO_HEADERS]) < SCENARIO_HEADERS.length) picker.select.value = '';
      else if (chosen && rows.every((r) => r.scenario === '' && r.target === '')) void loadTable();
    },
  };
}

function optimalNote(results: readonly ScenarioResult[]): string {
  const gaps = results.map((r) => r.solver?.gap ?? 0);
  const stopped = results.filter((r) => r.solver?.status === 'time-limit').length;
  const worst = `${(Math.max(0, ...gaps) * 100).toFixed(2)}%`;
  return `Optimal (HiGHS): every scenario solved within ${worst} of its best possible plan${stopped ? `; ${stopped} stopped at the time limit` : ''}.`;
}
