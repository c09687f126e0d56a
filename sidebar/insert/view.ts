// Insert: add the quarterly-plan template's sheets to the workbook (never over sheets that hold data), so
// a team starts its quarter from the playbook's structure and realistic sample numbers.
import { QUARTERLY_PLAN } from '../quarterly-plan';
import type { TemplateSpec } from '../../protocol/bridge';
import { type AppContext, type View, errorMessage } from '../context';
import { button, h } from '../ui/dom';

export function createInsertView(ctx: AppContext, templates: readonly TemplateSpec[] = [QUARTERLY_PLAN]): View {
  const el = h(
    'section',
    { class: 'ap-view', 'aria-label': 'Insert' },
    h('h2', {}, 'Insert'),
    ...templates.map((t) =>
      h(
        'div',
        { class: 'ap-card' },
        h('h3', {}, t.name.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())),
        h('p', { class: 'ap-hint' }, `Adds the sheets ${t.sheets.map((s) => s.name).join(', ')}. Sheets of those names that hold data are never overwritten.`),
        button(`Insert ${t.name.replace(/^the /, '')}`, () => void insert(t), { class: 'ap-button' }),
      ),
    ),
  );

  async function insert(t: TemplateSpec): Promise<void> {
    try {
      ctx.reportWrite(await ctx.status.run(`inserting ${t.name}`, () => ctx.bridge.insertTemplate(t)));
    } catch (e) {
      ctx.status.show(errorMessage(e), 'error');
    }
  }

  return { id: 'insert', label: 'Insert', el, activate: async () => undefined };
}
