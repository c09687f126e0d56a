// The sidebar shell: a header, tabs for the views, and the status line. The look follows the host the
// Bridge reports (Google's add-on style or Fluent); tabs follow the WAI-ARIA tabs pattern so the whole
// sidebar works from the keyboard.
import type { Bridge, WriteResult } from '../protocol/bridge';
import type { AppContext, SidebarOptions, View, ViewId } from './context';
import { createDecideView } from './decide/view';
import { createInsertView } from './insert/view';
import { createPlannerView } from './planner/view';
import { createPrioritizeView } from './prioritize/view';
import { createScorecardView } from './scorecard/view';
import { createShareView } from './share/view';
import { h } from './ui/dom';
import { createStatus } from './ui/status';

export interface MountedSidebar {
  show(view: ViewId): Promise<void>;
  destroy(): void;
}

export function mountSidebar(root: HTMLElement, bridge: Bridge, options: SidebarOptions = {}): MountedSidebar {
  const status = createStatus();
  const ctx: AppContext = {
    bridge,
    status,
    options,
    listTables: () => status.run('reading the workbook', () => bridge.listTables()),
    reportWrite(result: WriteResult, recompute?: () => void) {
      if (result.ok) status.show(result.message, 'success');
      else if (result.stale && recompute) status.show(result.reason, 'warning', [], { label: 'Recompute', run: recompute });
      else status.show(result.reason, 'error', result.refused);
      return result.ok;
    },
  };
  const views: View[] = [createPrioritizeView(ctx), createPlannerView(ctx), createScorecardView(ctx), createShareView(ctx), createDecideView(ctx), createInsertView(ctx)];
  const tabs = views.map((v) =>
    h('button', { type: 'button', role: 'tab', id: `ap-tab-${v.id}`, 'aria-controls': `ap-panel-${v.id}`, 'aria-selected': 'false', tabindex: -1, class: 'ap-tab' }, v.label),
  );
  const panels = views.map((v) => {
    const panel = h('div', { role: 'tabpanel', id: `ap-panel-${v.id}`, 'aria-labelledby': `ap-tab-${v.id}`, class: 'ap-panel', hidden: true });
    panel.append(v.el);
    return panel;
  });
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Agile Playbook', class: 'ap-tabs' }, ...tabs);
  const app = h(
    'div',
    { class: `ap-app ap-${bridge.host.style}`, 'data-host': bridge.host.kind },
    h('header', { class: 'ap-header' }, h('h1', {}, 'Agile Playbook'), h('span', { class: 'ap-host' }, bridge.host.label)),
    // Tabs and status stay in view, so the outcome of a write shows next to wherever the user clicked.
    h('div', { class: 'ap-sticky' }, tablist, status.el),
    ...panels,
  );
  root.replaceChildren(app);

  let current = -1;
  async function select(i: number, focus = false): Promise<void> {
    if (i === current) return;
    current = i;
    tabs.forEach((t, j) => {
      t.setAttribute('aria-selected', String(i === j));
      t.tabIndex = i === j ? 0 : -1;
      panels[j]!.hidden = i !== j;
    });
    if (focus) tabs[i]!.focus();
    status.clear();
    try {
      await views[i]!.activate();
    } catch (e) {
      status.show(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  tabs.forEach((t, i) => t.addEventListener('click', () => void select(i)));
  tablist.addEventListener('keydown', (e) => {
    const n = tabs.length;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1 + n, Home: 0, End: n - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    void select(moves[e.key]! % n, true);
  });

  void select(Math.max(0, views.findIndex((v) => v.id === (options.initialView ?? 'prioritize'))));
  return {
    show: (id) => select(views.findIndex((v) => v.id === id)),
    destroy: () => root.replaceChildren(),
  };
}
