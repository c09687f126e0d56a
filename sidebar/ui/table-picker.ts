// A labelled select of the workbook's tables. It keeps the user's choice across refreshes and, until the
// user chooses, picks the table that looks most like what the view needs (by its headers).
import type { TableRef } from '../../protocol/bridge';
import { normalizeHeader } from '../../core/table';
import { field, h } from './dom';

export interface TablePicker {
  readonly el: HTMLElement;
  readonly select: HTMLSelectElement;
  /** The chosen table's id, or '' for none. */
  value(): string;
  refresh(tables: readonly TableRef[]): void;
}

/** How well a table's headers fit: the number of wanted headers present. */
export function headerFit(t: TableRef, wanted: readonly string[]): number {
  const have = new Set(t.headers.map(normalizeHeader));
  return wanted.filter((w) => have.has(w.toLowerCase())).length;
}

export function tablePicker(label: string, wanted: readonly string[], onChange: () => void, opts: { optional?: boolean; hint?: string } = {}): TablePicker {
  const select = h('select');
  let chosenByUser = false;
  select.addEventListener('change', () => {
    chosenByUser = true;
    onChange();
  });
  const el = field(label, select, opts.hint);
  return {
    el,
    select,
    value: () => select.value,
    refresh(tables) {
      const previous = select.value;
      select.replaceChildren();
      if (opts.optional || tables.length === 0) {
        select.append(h('option', { value: '' }, tables.length === 0 ? 'No tables found' : 'None'));
      }
      for (const t of tables) select.append(h('option', { value: t.id }, `${t.name} (${t.rowCount} rows)`));
      const best = [...tables].map((t) => ({ t, fit: headerFit(t, wanted) })).sort((a, b) => b.fit - a.fit)[0];
      const keep = chosenByUser && tables.some((t) => t.id === previous);
      if (keep) select.value = previous;
      else if (best && best.fit > 0) select.value = best.t.id;
      else if (!opts.optional && tables[0]) select.value = tables[0].id;
      else select.value = '';
    },
  };
}
