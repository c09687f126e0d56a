// The prioritization wizard: table → framework → columns (or criteria and weights) → live ranked preview
// and chart → Score and Rank written beside the table as live formulas or as values.
import { type TableData, columnHeaderProblem } from '../../protocol/bridge';
import { isNumber } from '../catalog-call';
import { type AppContext, type View, errorMessage } from '../context';
import { valueEffortChart } from '../ui/chart';
import { button, field, h, replaceChildren, select } from '../ui/dom';
import { tablePicker } from '../ui/table-picker';
import { FRAMEWORKS, type FrameworkId, findFramework } from './frameworks';
import { autoLabels, autoMap, defaultCriteria } from './mapping';
import { criteriaEditor, headerChoices, mappingEditor, previewTable } from './parts';
import { type Preview, type Setup, type WriteMode, columnWrites, computePreview, hasRowErrors } from './preview';

const PREVIEW_ROWS = 12;

export function createPrioritizeView(ctx: AppContext): View {
  let table: TableData | undefined;
  let setup: Setup | undefined;
  let preview: Preview | undefined;
  let mode: WriteMode = 'formulas';
  let showAll = false;
  let loadedId = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const picker = tablePicker('Backlog table', ['ID', 'Effort', 'Reach', 'Impact', 'Item'], () => void load());
  const reread = button('Read the table again', () => void load(), { class: 'ap-link', 'data-testid': 'reread' });
  const framework = select(
    FRAMEWORKS.map((f) => ({ value: f.id, label: f.label })),
    'RICE',
    (v) => setFramework(v as FrameworkId),
    { 'data-testid': 'framework' },
  );
  const summary = h('p', { class: 'ap-hint' });
  const inputs = h('div', { class: 'ap-inputs' });
  const rowLabels = h('details', { class: 'ap-details' });
  const previewEl = h('div', { class: 'ap-preview-box', 'aria-live': 'polite' });
  const chartEl = h('div', { class: 'ap-chart-box' });
  const scoreHeader = h('input', { type: 'text', value: 'Score', 'data-testid': 'score-header' });
  const rankHeader = h('input', { type: 'text', value: 'Rank', 'data-testid': 'rank-header' });
  const formulaHint = h('code', { class: 'ap-formula' });
  const writeButton = button('Write Score and Rank', () => void write(), { class: 'ap-button ap-primary', 'data-testid': 'write-scores' });
  const modeChoice = select(
    [
      { value: 'formulas', label: 'Live formulas' },
      { value: 'values', label: 'Values only' },
    ],
    mode,
    (v) => {
      mode = v as WriteMode;
      renderFormulaHint();
    },
    { 'data-testid': 'write-mode' },
  );

  const el = h(
    'section',
    { class: 'ap-view', 'aria-label': 'Prioritize' },
    h('h2', {}, 'Rank the backlog'),
    picker.el,
    reread,
    field('Framework', framework),
    summary,
    inputs,
    rowLabels,
    h('h3', {}, 'Preview'),
    previewEl,
    chartEl,
    h('h3', {}, 'Write beside the table'),
    field('Write as', modeChoice),
    h('div', { class: 'ap-row2' }, field('Score column', scoreHeader), field('Rank column', rankHeader)),
    formulaHint,
    h('div', { class: 'ap-actions' }, writeButton),
  );
  scoreHeader.addEventListener('input', renderFormulaHint);

  async function load(): Promise<void> {
    const id = picker.value();
    if (!id) {
      table = undefined;
      render();
      return;
    }
    try {
      table = await ctx.status.run('reading the table', () => ctx.bridge.readTable(id));
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
      return;
    }
    // What the host's reading stepped over (blank rows kept in, a totals row left out), said once per table.
    if (loadedId !== id && table.ref.notes?.length) ctx.status.show(`${table.ref.name}: ${table.ref.notes.join(' ')}`, 'info');
    // Coming back to the same table keeps the user's mapping and weights; a new table starts afresh.
    if (setup && loadedId === id) return render();
    loadedId = id;
    setup = undefined;
    const taken = (name: string) => table!.headers.some((x) => x.toLowerCase() === name.toLowerCase()) && !table!.ownedColumns.some((x) => x.toLowerCase() === name.toLowerCase());
    scoreHeader.value = taken('Score') ? 'Priority score' : 'Score';
    rankHeader.value = taken('Rank') ? 'Priority rank' : 'Rank';
    setFramework(framework.value as FrameworkId);
  }

  function setFramework(id: FrameworkId): void {
    framework.value = id;
    const fw = findFramework(id);
    summary.textContent = fw.summary;
    if (!table) return render();
    const headers = table.headers.filter((x) => !table!.ownedColumns.includes(x));
    const mapping = autoMap(fw, headers);
    setup = {
      framework: id,
      mapping,
      criteria: setup?.criteria.length && setup.criteria.every((c) => headers.includes(c.header)) ? setup.criteria : defaultCriteria(table),
      iceMethod: setup?.iceMethod ?? 'multiply',
      labels: autoLabels(headers, fw, mapping),
      topN: setup?.topN ?? null,
    };
    render();
  }

  function update(change: Partial<Setup>): void {
    if (!setup) return;
    setup = { ...setup, ...change };
    clearTimeout(timer);
    // Sliders fire on every step; recomputing at most every 120 ms keeps them smooth on long backlogs.
    timer = setTimeout(renderPreview, 120);
  }

  function render(): void {
    if (!table || !setup) {
      replaceChildren(inputs, h('p', { class: 'ap-hint' }, 'Pick the table that holds your backlog: a header row over one row per item.'));
      replaceChildren(previewEl);
      replaceChildren(chartEl);
      return;
    }
    const fw = findFramework(setup.framework);
    const headers = table.headers.filter((x) => !table!.ownedColumns.includes(x));
    if (fw.id === 'WEIGHTED') {
      replaceChildren(inputs, criteriaEditor(setup.criteria, (i, c) => update({ criteria: setup!.criteria.map((x, j) => (j === i ? c : x)) })));
    } else {
      const onMap = (key: string, header: string) => {
        const labels = key === fw.effortKey ? { ...setup!.labels, effortHeader: header } : setup!.labels;
        update({ mapping: { ...setup!.mapping, [key]: header }, labels });
      };
      const parts: HTMLElement[] = [mappingEditor(fw, headers, setup.mapping, onMap)];
      if (fw.id === 'ICE') {
        parts.push(field('Combine', select([{ value: 'multiply', label: 'Multiply (I × C × E)' }, { value: 'average', label: 'Average ((I + C + E) ÷ 3)' }], setup.iceMethod, (v) => update({ iceMethod: v as Setup['iceMethod'] }))));
      }
      replaceChildren(inputs, ...parts);
    }
    const choices = headerChoices(headers);
    const topN = h('input', { type: 'number', min: 1, max: 100, value: setup.topN ?? '', placeholder: '10', 'data-testid': 'top-n' });
    topN.addEventListener('change', () => update({ topN: topN.value ? Math.max(1, Math.floor(Number(topN.value))) : null }));
    replaceChildren(
      rowLabels,
      h('summary', {}, 'Row labels, effort and top N'),
      field('ID column', select(choices, setup.labels.idHeader, (v) => update({ labels: { ...setup!.labels, idHeader: v } }))),
      field('Name column', select(choices, setup.labels.labelHeader, (v) => update({ labels: { ...setup!.labels, labelHeader: v } }))),
      field('Effort column', select(choices, setup.labels.effortHeader, (v) => update({ labels: { ...setup!.labels, effortHeader: v } })), 'Breaks ties in the rank (cheaper first) and is the chart’s x axis.'),
      field('Top N for rank confidence', topN, 'Rank confidence: how often an item stays in the top N when each weight varies ±25% (2,000 trials).'),
    );
    renderPreview();
  }

  function renderPreview(): void {
    if (!table || !setup) return;
    preview = computePreview(table, setup);
    const p = preview;
    if (p.problems.length && p.rows.length === 0) {
      replaceChildren(previewEl, h('ul', { class: 'ap-problems' }, ...p.problems.map((x) => h('li', {}, x))));
      replaceChildren(chartEl);
      writeButton.disabled = true;
      renderFormulaHint();
      return;
    }
    writeButton.disabled = false;
    const more = p.rows.length > PREVIEW_ROWS;
    const toggle = more ? button(showAll ? 'Show fewer' : `Show all ${p.rows.length}`, () => ((showAll = !showAll), renderPreview()), { class: 'ap-link' }) : null;
    const errors = hasRowErrors(p) ? h('p', { class: 'ap-warning' }, 'Some rows have errors: they are shown at the bottom with the reason; fix them in the table.') : null;
    replaceChildren(
      previewEl,
      errors,
      ...p.problems.map((x) => h('p', { class: 'ap-warning' }, x)),
      previewTable(p, showAll ? p.rows.length : PREVIEW_ROWS),
      toggle,
      p.confidenceNote ? h('p', { class: 'ap-hint' }, p.confidenceNote) : null,
    );
    const points = p.rows
      .filter((r) => isNumber(r.score) && r.effort !== null)
      .map((r) => ({ id: r.id, label: r.label, effort: r.effort!, score: r.score as number, top: isNumber(r.rank) && r.rank <= p.topN }));
    replaceChildren(chartEl, points.length ? valueEffortChart(points, setup.labels.effortHeader || 'Effort') : h('p', { class: 'ap-hint' }, 'Choose an effort column to see score against effort.'));
    renderFormulaHint();
  }

  function renderFormulaHint(): void {
    if (!setup || mode === 'values') {
      formulaHint.textContent = mode === 'values' ? 'Writes the numbers as they are now; they will not update.' : '';
      return;
    }
    const fw = findFramework(setup.framework);
    const prefix = ctx.bridge.host.functionPrefix;
    const args = fw.id === 'WEIGHTED' ? 'criteria, weights, directions' : fw.inputs.map((i) => setup!.mapping[i.key] || '?').join(', ');
    formulaHint.textContent = `=${prefix}${fw.fn}(${args}) and =${prefix}PRIORITY_RANK(${scoreHeader.value || 'Score'}…)`;
  }

  async function write(): Promise<void> {
    if (!table || !setup || !preview) return;
    const headers = { score: scoreHeader.value.trim() || 'Score', rank: rankHeader.value.trim() || 'Rank' };
    const writes = columnWrites(preview, setup, mode, headers);
    // The bridge refuses these too; saying so here names the problem before anything is sent (a Score
    // column named after one of its own inputs would read itself; two columns of one name are ambiguous).
    const clash = columnHeaderProblem(table.ref, table.ownedColumns, writes);
    if (clash) return ctx.status.show(clash, 'error');
    try {
      const source = { tableId: table.ref.id, version: table.version };
      const result = await ctx.status.run('writing the scores', () => ctx.bridge.writeColumns(table!.ref.id, writes, { basedOn: table!.version, sources: [source] }));
      const written = ctx.reportWrite(result, () => void load());
      // After a write, or a refusal because the table changed, read it again: the next preview and write
      // must start from what is in the workbook now.
      if (written || (!result.ok && (result.stale || result.refused.length === 0))) {
        table = await ctx.bridge.readTable(table.ref.id);
        if (!written) renderPreview();
      }
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  return {
    id: 'prioritize',
    label: 'Prioritize',
    el,
    async activate() {
      picker.refresh(await ctx.listTables());
      await load();
    },
  };
}
