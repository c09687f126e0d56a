// "Who decides?": a decision type, a budget and a risk level, answered by DECISION_OWNER over the
// guardrails table, so the answer is the one the sheet's own formulas would give.
import { CellError } from '../../core/cells';
import { matchKey } from '../../core/keys';
import { normalizeHeader } from '../../core/table';
import type { Scalar, TableData } from '../../protocol/bridge';
import { callSingle } from '../catalog-call';
import { type AppContext, type View, errorMessage } from '../context';
import { button, field, h, replaceChildren, select, uid } from '../ui/dom';
import { tablePicker } from '../ui/table-picker';

export function decisionTypes(t: TableData): string[] {
  const i = t.headers.findIndex((x) => normalizeHeader(x) === 'decision type');
  const types = t.rows.map((r) => String(r[i] ?? '').trim()).filter((x) => x && x !== '*');
  // One entry per type as DECISION_OWNER matches them (matchKey): "Campaign" and "campaign\u200b" are one.
  const byKey = new Map<string, string>();
  for (const x of types) if (!byKey.has(matchKey(x))) byKey.set(matchKey(x), x);
  return [...byKey.values()];
}

export function whoDecides(t: TableData, type: string, budget: Scalar, risk: string): { ok: boolean; text: string } {
  const grid = [t.headers.slice(), ...t.rows.map((r) => r.slice())];
  const r = callSingle('DECISION_OWNER', [[type]], [[budget]], [[risk]], grid);
  if (!r.ok) return { ok: false, text: r.message };
  if (r.value instanceof CellError) return { ok: false, text: r.value.message };
  return { ok: true, text: String(r.value) };
}

export function createDecideView(ctx: AppContext): View {
  let table: TableData | undefined;
  const picker = tablePicker('Guardrails table', ['Decision type', 'Max budget', 'Max risk', 'Owner'], () => void load());
  const listId = uid('types');
  const typeInput = h('input', { type: 'text', list: listId, placeholder: 'e.g. Paid media', 'data-testid': 'decision-type' });
  const types = h('datalist', { id: listId });
  const budget = h('input', { type: 'number', min: 0, step: 100, placeholder: '0', 'data-testid': 'decision-budget' });
  const risk = select(
    ['Low', 'Medium', 'High'].map((x) => ({ value: x, label: x })),
    'Low',
    () => answer(),
    { 'data-testid': 'decision-risk' },
  );
  const result = h('div', { class: 'ap-answer', role: 'status', 'aria-live': 'polite', 'data-testid': 'decision-owner' });
  const form = h(
    'form',
    { class: 'ap-form' },
    field('Decision type', typeInput),
    types,
    field('Budget at stake', budget),
    field('Risk', risk),
    h('div', { class: 'ap-actions' }, button('Who decides?', () => answer(), { class: 'ap-button ap-primary', type: 'submit' })),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    answer();
  });
  typeInput.addEventListener('input', () => answer());
  budget.addEventListener('input', () => answer());
  const el = h('section', { class: 'ap-view', 'aria-label': 'Decision check' }, h('h2', {}, 'Who decides?'), picker.el, form, result);

  function answer(): void {
    if (!table) return replaceChildren(result);
    if (!typeInput.value.trim()) return replaceChildren(result, h('p', { class: 'ap-hint' }, 'Type or pick a decision type.'));
    const a = whoDecides(table, typeInput.value.trim(), budget.value === '' ? 0 : Number(budget.value), risk.value);
    replaceChildren(result, a.ok ? h('p', { class: 'ap-owner' }, h('strong', {}, a.text), ' decides.') : h('p', { class: 'ap-warning' }, a.text));
  }

  async function load(): Promise<void> {
    const id = picker.value();
    table = undefined;
    if (id) {
      try {
        table = await ctx.bridge.readTable(id);
      } catch (e) {
        ctx.status.show(errorMessage(e), 'error');
      }
    }
    replaceChildren(types, ...(table ? decisionTypes(table) : []).map((x) => h('option', { value: x })));
    answer();
  }

  return {
    id: 'decide',
    label: 'Decide',
    el,
    async activate() {
      picker.refresh(await ctx.listTables());
      await load();
    },
  };
}
