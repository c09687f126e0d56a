/// <reference types="office-js" />
// The shared runtime page's script (dist/excel/taskpane.js). taskpane.html loads office.js, the sidebar
// bundle, this file, then functions.js: the custom functions and the task pane live in this one JavaScript
// context (manifest: <Runtime lifetime="long">). "Open Agile Playbook" is a ShowTaskpane action on this page:
// Office shows the pane itself (Office.addin.showAsTaskpane is ignored for Marketplace installs, so no button
// relies on it). The view buttons run here (ribbon.ts) and switch the pane's view while it is shown.
import type { Bridge } from '../../protocol/bridge';
import type { SidebarOptions, ViewId } from '../../sidebar/context';
import { ExcelBridge, delayingForCellEdit } from './excel-bridge';
import { QUARTERLY_PLAN_SHEETS } from '../../sidebar/quarterly-plan';
import { fetchBase64 } from './insert-workbook';
import { settingsStore } from './ownership';
import { wireRibbon, type RibbonOffice } from './ribbon';

interface SidebarGlobal {
  mount(root: HTMLElement, bridge: Bridge, options?: SidebarOptions): { show(view: ViewId): Promise<void> };
}

const g = globalThis as unknown as { AgilePlaybookSidebar?: SidebarGlobal; CustomFunctions?: unknown; Office?: typeof Office };

// Outside Office (the page opened in a browser) office.js defines no CustomFunctions; functions.js would
// then stop with a ReferenceError. A stand-in that associates nothing keeps the page quiet; inside
// Excel the real one is always there, so this never replaces it.
if (g.CustomFunctions === undefined) {
  class OutsideExcelError extends Error {}
  g.CustomFunctions = { associate: () => undefined, Error: OutsideExcelError, ErrorCode: {} };
}

const VIEWS: readonly ViewId[] = ['prioritize', 'plan', 'scorecard', 'share', 'decide', 'insert'];

function showOutsideExcel(): void {
  document.body.classList.add('ap-not-in-excel');
  const el = document.getElementById('ap-outside');
  if (el) el.hidden = false;
}

function start(): void {
  const app = document.getElementById('app')!;
  const here = (file: string) => new URL(file, location.href).href;
  const file = here('agile-playbook-quarter.xlsx');
  const bridge = new ExcelBridge(delayingForCellEdit(Excel), settingsStore(Office.context.document.settings), {
    source: { sheetNames: QUARTERLY_PLAN_SHEETS, base64: () => fetchBase64(file) },
  });
  const asked = new URLSearchParams(location.search).get('view') as ViewId | null;
  const pane = g.AgilePlaybookSidebar!.mount(app, bridge, {
    workerUrl: here('planner-worker.js'),
    wasmUrl: here('highs.wasm'),
    initialView: asked && VIEWS.includes(asked) ? asked : 'prioritize',
  });
  // Office.actions, Office.ribbon and Office.addin exist in a shared runtime; a page without them (an older
  // office.js) keeps the pane working and only loses the view buttons.
  const office = Office as unknown as Partial<RibbonOffice>;
  if (office.actions && office.ribbon && office.addin) void wireRibbon(office as RibbonOffice, (view) => pane.show(view)).catch(() => undefined);
}

const domReady = new Promise<void>((resolve) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', () => resolve()) : resolve()));

if (g.Office === undefined || g.AgilePlaybookSidebar === undefined) {
  // office.js (or the sidebar bundle) did not load: no network, or the page opened from the file system.
  void domReady.then(showOutsideExcel);
} else {
  void Promise.all([Office.onReady(), domReady]).then(([info]) => (info.host === Office.HostType.Excel ? start() : showOutsideExcel()));
}
