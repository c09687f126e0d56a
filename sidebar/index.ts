// The sidebar bundle's entry. Hosts load dist/sidebar/sidebar.js (and sidebar.css) and call
// AgilePlaybookSidebar.mount(element, bridge). The optimal planner's worker and highs.wasm are found
// beside this script unless the host says otherwise.
import { mountSidebar } from './app';
import type { Bridge } from '../protocol/bridge';
import type { SidebarOptions } from './context';

export type { Bridge, HostInfo, TableData, TableRef, WriteResult } from '../protocol/bridge';
export type { SidebarOptions } from './context';
export { QUARTERLY_PLAN, QUARTERLY_PLAN_FILE_NAME, QUARTERLY_PLAN_SHEETS } from './quarterly-plan';
// The sample is the quarterly-plan template now; the old names stay for hosts that imported them.
export { QUARTERLY_PLAN as SAMPLE_QUARTER, QUARTERLY_PLAN_FILE_NAME as SAMPLE_FILE_NAME } from './quarterly-plan';

// Read while the script runs: document.currentScript is null once loading is over.
const scriptUrl = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

export function mount(root: HTMLElement, bridge: Bridge, options: SidebarOptions = {}) {
  // An inline script (Sheets serves one HTML file) has no src: resolve against the page instead.
  const base = scriptUrl || location.href;
  const workerUrl = options.workerUrl ?? (options.createWorker ? undefined : new URL('planner-worker.js', base).href);
  return mountSidebar(root, bridge, { ...options, workerUrl });
}
