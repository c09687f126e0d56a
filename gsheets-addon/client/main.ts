// The sidebar page's own script, inlined after the sidebar bundle (global AgilePlaybookSidebar) in
// dist/gsheets/sidebar.html. The optimal planner needs a worker and highs.wasm (3.4 MB), which one HtmlService
// page cannot carry sensibly: in Sheets the planner runs greedy, and choosing optimal says so.
import type { Bridge } from '../../protocol/bridge';
import type { SidebarOptions } from '../../sidebar/context';
import { type ScriptRun, createScriptRunBridge } from './script-run-bridge';

declare const AgilePlaybookSidebar: { mount(el: HTMLElement, bridge: Bridge, options?: SidebarOptions): unknown };
declare const google: { script: { run: ScriptRun } };

export const OPTIMAL_UNAVAILABLE =
  'The optimal planner (HiGHS) is not available in Google Sheets: choose Greedy, or use the Excel add-in or the playground for an optimal plan.';

function start(): void {
  const el = document.getElementById('agile-playbook');
  if (!el) return;
  const view = (el.dataset.initialView ?? 'prioritize') as SidebarOptions['initialView'];
  AgilePlaybookSidebar.mount(el, createScriptRunBridge(google.script.run), {
    initialView: view,
    createWorker: () => {
      throw new Error(OPTIMAL_UNAVAILABLE);
    },
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
