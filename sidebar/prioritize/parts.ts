// Pieces of the prioritization wizard's screen: the column mapping for formula frameworks, the criteria
// editor (tick, weight slider, direction) for weighted criteria, and the ranked preview table.
import { CellError } from '../../core/cells';
import { isNumber } from '../catalog-call';
import { type Choice, field, formatNumber, formatPercent, h, select, uid } from '../ui/dom';
import type { Framework } from './frameworks';
import type { Criterion, Mapping } from './mapping';
import type { Preview } from './preview';

export function headerChoices(headers: readonly string[], none = '(not used)'): Choice[] {
  return [{ value: '', label: none }, ...headers.filter(Boolean).map((x) => ({ value: x, label: x }))];
}

export function mappingEditor(fw: Framework, headers: readonly string[], mapping: Mapping, onChange: (key: string, header: string) => void): HTMLElement {
  const choices = headerChoices(headers, '(choose a column)');
  return h(
    'div',
    { class: 'ap-mapping' },
    ...fw.inputs.map((input) =>
      field(input.label, select(choices, mapping[input.key] ?? '', (v) => onChange(input.key, v), { 'data-input': input.key, title: input.help })),
    ),
  );
}

export function criteriaEditor(criteria: readonly Criterion[], onChange: (i: number, c: Criterion) => void): HTMLElement {
  if (criteria.length === 0) return h('p', { class: 'ap-hint' }, 'This table has no numeric columns to weigh.');
  return h(
    'fieldset',
    { class: 'ap-criteria' },
    h('legend', {}, 'Criteria, weights and directions'),
    ...criteria.map((c, i) => {
      const id = uid('crit');
      // The latest state of this row: each control changes one field and keeps the others.
      let current = c;
      const emit = (next: Criterion) => {
        current = next;
        onChange(i, next);
      };
      const use = h('input', { type: 'checkbox', id, checked: c.use });
      const out = h('output', { for: `${id}-w`, class: 'ap-weight-value' }, String(c.weight));
      const slider = h('input', { type: 'range', id: `${id}-w`, min: 0, max: 10, step: 1, value: c.weight, disabled: !c.use, 'aria-label': `Weight of ${c.header}` });
      slider.addEventListener('input', () => {
        out.textContent = slider.value;
        emit({ ...current, weight: Number(slider.value) });
      });
      const dir = select(
        [
          { value: 'higher', label: 'Higher better' },
          { value: 'lower', label: 'Lower better' },
        ],
        c.direction,
        (v) => emit({ ...current, direction: v as Criterion['direction'] }),
        { 'aria-label': `Direction of ${c.header}`, disabled: !c.use },
      );
      const row = h('div', { class: c.use ? 'ap-criterion' : 'ap-criterion ap-off', 'data-criterion': c.header });
      // Toggled in place rather than re-rendered, so keyboard focus stays on the checkbox.
      use.addEventListener('change', () => {
        slider.disabled = !use.checked;
        dir.disabled = !use.checked;
        row.classList.toggle('ap-off', !use.checked);
        emit({ ...current, use: use.checked });
      });
      row.append(
        h('label', { for: id, class: 'ap-check' }, use, h('span', {}, c.header)),
        h('div', { class: 'ap-criterion-controls' }, slider, out, dir),
      );
      return row;
    }),
  );
}

function scoreText(v: unknown): string {
  if (isNumber(v)) return formatNumber(v);
  if (v instanceof CellError) return v.code;
  return v === '' ? '' : String(v);
}

/** The ranked list: rank, item, score and how often it stays in the top N. */
export function previewTable(preview: Preview, limit: number): HTMLElement {
  const rows = preview.rows.slice(0, limit);
  const table = h(
    'table',
    { class: 'ap-table ap-preview' },
    h('caption', { class: 'ap-sr' }, 'Ranked preview'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Item'),
        h('th', { scope: 'col', class: 'ap-num' }, 'Score'),
        h('th', { scope: 'col', class: 'ap-num', title: `Share of trials in which the item stays in the top ${preview.topN} when each weight varies ±25%` }, `Top ${preview.topN}`),
      ),
    ),
  );
  const body = h('tbody');
  for (const r of rows) {
    const error = r.score instanceof CellError ? r.score : null;
    const conf = r.confidence;
    body.append(
      h(
        'tr',
        { class: error ? 'ap-row-error' : isNumber(r.rank) && r.rank <= preview.topN ? 'ap-row-top' : '' },
        h('td', { class: 'ap-num' }, isNumber(r.rank) ? String(r.rank) : '–'),
        h('td', {}, h('span', { class: 'ap-id' }, r.id), r.label ? ` ${r.label}` : '', error ? h('div', { class: 'ap-error-text' }, error.message) : null),
        h('td', { class: 'ap-num' }, scoreText(r.score)),
        h(
          'td',
          { class: 'ap-num' },
          conf === null
            ? ''
            : h(
                'span',
                { class: 'ap-conf', title: `${formatPercent(conf)} of trials in the top ${preview.topN}` },
                h('span', { class: 'ap-conf-track', 'aria-hidden': 'true' }, h('span', { class: 'ap-conf-bar', style: `width:${Math.round(conf * 100)}%` })),
                h('span', { class: 'ap-conf-text' }, formatPercent(conf)),
              ),
        ),
      ),
    );
  }
  table.append(body);
  return table;
}
