// The sidebar page's own script, inlined after the sidebar bundle (global AgilePlaybookSidebar) in
// dist/gsheets/sidebar.html. The optimal planner's worker script is inlined too (script#ap-planner-worker,
// type text/plain); its highs.wasm comes from the server when first needed (planner-worker.ts).
import type { Bridge } from '../../protocol/bridge';
import type { SidebarOptions } from '../../sidebar/context';
import { createSheetsPlannerWorker } from './planner-worker';
import { type ScriptRun, createScriptRunBridge } from './script-run-bridge';

declare const AgilePlaybookSidebar: { mount(el: HTMLElement, bridge: Bridge, options?: SidebarOptions): unknown };
declare const google: { script: { run: ScriptRun } };

function start(): void {
  const el = document.getElementById('agile-playbook');
  if (!el) return;
  const view = (el.dataset.initialView ?? 'prioritize') as SidebarOptions['initialView'];
  const workerSource = document.getElementById('ap-planner-worker')?.textContent ?? '';
  AgilePlaybookSidebar.mount(el, createScriptRunBridge(google.script.run), {
    initialView: view,
    createWorker: () => createSheetsPlannerWorker(google.script.run, workerSource),
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
