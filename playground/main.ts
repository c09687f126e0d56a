// The playground page (npm start): the workbook on the left, the sidebar on the right, running on an
// in-memory workbook. It opens the sample quarter (the quarterly-plan template from templates/), or any
// .xlsx picked or dropped, and downloads the workbook with what the sidebar wrote (formulas with results
// computed by the catalog).
// The browser build of exceljs, patched at install (patches/): the package's minified build is not.
import ExcelJS from 'exceljs/dist/exceljs.js';
import type { Workbook as XWorkbook } from 'exceljs';
import type { Bridge, WriteResult } from '../protocol/bridge';
import { h } from '../sidebar/ui/dom';
import { createGrid } from './grid';
import { MemoryBridge, PLAYGROUND_HOSTS } from './memory-bridge';
import { quarterlyPlanWorkbook } from './template';
import { type Workbook, workbookFromRows } from './workbook';
import { FileProblem } from './file-check';
import { type OpenedFile, openWorkbookFile, workbookFromData } from './open-file';
import type { OpenReply, OpenStage } from './open-worker';
import { writeXlsx } from './xlsx';

interface SidebarGlobal {
  mount(root: HTMLElement, bridge: Bridge, options?: object): { destroy(): void };
}

declare global {
  interface Window {
    AgilePlaybookSidebar?: SidebarGlobal;
  }
}

type Look = 'excel' | 'sheets';

const STAGES: Record<OpenStage, string> = { checking: 'checking the file', reading: 'reading the workbook', finishing: 'laying out the sheets' };

/**
 * Opens the file in playground/open-worker.ts, so a large workbook does not freeze the page; each stage is
 * reported. The worker starts with the page (its script parsed before the user picks a file) and is
 * reused; one file opens at a time. Where a worker cannot start (an old browser, a file:// page), the file
 * opens on the page instead.
 */
class FileReaderWorker {
  private worker: Worker | undefined;
  private busy: Promise<unknown> = Promise.resolve();

  constructor() {
    this.worker = this.start();
  }

  private start(): Worker | undefined {
    try {
      return new Worker('open-worker.js');
    } catch {
      return undefined;
    }
  }

  open(bytes: Uint8Array, fileName: string, onStage: (stage: OpenStage) => void): Promise<Omit<OpenedFile, 'original'> & { xlsx: boolean }> {
    const run = this.busy.then(() => this.once(bytes, fileName, onStage));
    this.busy = run.catch(() => undefined);
    return run;
  }

  private once(bytes: Uint8Array, fileName: string, onStage: (stage: OpenStage) => void): Promise<Omit<OpenedFile, 'original'> & { xlsx: boolean }> {
    const worker = (this.worker ??= this.start());
    if (!worker) return openWorkbookFile(ExcelJS, bytes, fileName).then((o) => ({ ...o, xlsx: !!o.original }));
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<OpenReply>) => {
        const m = e.data;
        if (m.kind === 'progress') return onStage(m.stage);
        if (m.kind === 'opened') resolve({ workbook: workbookFromData(m.data), notice: m.notice, xlsx: m.xlsx });
        else reject(m.problem ? new FileProblem(m.message) : new Error(m.message));
      };
      worker.onerror = (e) => {
        // A reader that stopped (out of memory, say) is replaced for the next file.
        worker.terminate();
        this.worker = undefined;
        reject(new Error(e.message || 'the file reader stopped'));
      };
      worker.postMessage({ bytes, fileName }, [bytes.buffer]);
    });
  }
}

/** Shows the sheet a write went to, so the user sees what the sidebar did. */
class PlaygroundBridge extends MemoryBridge {
  constructor(wb: Workbook, look: Look, private readonly onWritten: (r: WriteResult) => void) {
    super(wb, PLAYGROUND_HOSTS[look]);
  }
  override async writeColumns(...args: Parameters<MemoryBridge['writeColumns']>): Promise<WriteResult> {
    return this.tell(await super.writeColumns(...args));
  }
  override async writeSheet(...args: Parameters<MemoryBridge['writeSheet']>): Promise<WriteResult> {
    return this.tell(await super.writeSheet(...args));
  }
  override async insertTemplate(...args: Parameters<MemoryBridge['insertTemplate']>): Promise<WriteResult> {
    return this.tell(await super.insertTemplate(...args));
  }
  private tell(r: WriteResult): WriteResult {
    this.onWritten(r);
    return r;
  }
}

function start(): void {
  const params = new URLSearchParams(location.search);
  let look: Look = params.get('look') === 'sheets' ? 'sheets' : 'excel';
  let workbook: Workbook = params.has('empty') ? workbookFromRows([{ name: 'Sheet1', rows: [] }]) : quarterlyPlanWorkbook();
  let original: XWorkbook | undefined;
  const reader = new FileReaderWorker();
  /** The opened file's bytes: a download reads them into exceljs once and saves the changes into them. */
  let originalBytes: Uint8Array | undefined;
  let sidebar: { destroy(): void } | undefined;

  const grid = createGrid();
  const aside = h('aside', { class: 'pg-sidebar', 'aria-label': 'Agile Playbook sidebar' });
  const fileName = h('span', { class: 'pg-file', 'data-testid': 'file-name' });
  const notice = h('span', { class: 'pg-notice', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { class: 'pg-progress', 'aria-label': 'Opening the file' });
  progress.hidden = true;
  const fileInput = h('input', { type: 'file', accept: '.xlsx,.csv,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'pg-open', class: 'pg-hidden-input', 'data-testid': 'open-file' });
  const lookSelect = h('select', { id: 'pg-look', 'data-testid': 'look' }, h('option', { value: 'excel' }, 'Excel (Fluent)'), h('option', { value: 'sheets' }, 'Google Sheets'));
  lookSelect.value = look;

  function mountSidebar(): void {
    sidebar?.destroy();
    const api = window.AgilePlaybookSidebar;
    if (!api) {
      aside.textContent = 'The sidebar script (sidebar/sidebar.js) did not load.';
      return;
    }
    const bridge = new PlaygroundBridge(workbook, look, (r) => {
      if (r.ok && r.sheet) grid.showSheet(r.sheet);
    });
    sidebar = api.mount(aside, bridge);
  }

  function open(wb: Workbook, from?: XWorkbook, bytes?: Uint8Array): void {
    workbook = wb;
    original = from;
    originalBytes = bytes;
    fileName.textContent = wb.fileName;
    grid.setWorkbook(wb);
    mountSidebar();
  }

  async function openFile(file: File): Promise<void> {
    notice.textContent = `Opening ${file.name}…`;
    progress.hidden = false;
    const size = file.size >= 1024 * 1024 ? ` (${(file.size / 1024 / 1024).toFixed(1)} MB)` : '';
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const kept = bytes.slice();
      const opened = await reader.open(bytes, file.name, (stage) => (notice.textContent = `Opening ${file.name}${size}: ${STAGES[stage]}…`));
      open(opened.workbook, undefined, opened.xlsx ? kept : undefined);
      notice.textContent = opened.notice;
    } catch (e) {
      // FileProblem messages are already the sentence to show; anything else is said with the file's name.
      notice.textContent = e instanceof FileProblem ? e.message : `Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      progress.hidden = true;
    }
  }

  async function download(): Promise<void> {
    notice.textContent = 'Preparing the download…';
    if (!original && originalBytes) {
      original = new ExcelJS.Workbook();
      await original.xlsx.load(originalBytes.buffer as ArrayBuffer);
    }
    const bytes = await writeXlsx(ExcelJS, workbook, original, { look });
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = h('a', { href: url, download: workbook.fileName.replace(/(\.xlsx)?$/i, '.xlsx') });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notice.textContent = `Downloaded ${a.download}.`;
  }

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void openFile(f);
    fileInput.value = '';
  });
  lookSelect.addEventListener('change', () => {
    look = lookSelect.value as Look;
    document.body.dataset['look'] = look;
    mountSidebar();
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('pg-dropping');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('pg-dropping'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('pg-dropping');
    const f = e.dataTransfer?.files[0];
    if (f) void openFile(f);
  });

  const button = (label: string, onClick: () => void, testid: string) => {
    const b = h('button', { type: 'button', class: 'pg-button', 'data-testid': testid }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const bar = h(
    'header',
    { class: 'pg-top' },
    h('strong', { class: 'pg-title' }, 'Agile Playbook playground'),
    fileName,
    h('label', { for: 'pg-open', class: 'pg-button', tabindex: 0, role: 'button' }, 'Open .xlsx or .csv…'),
    fileInput,
    button('Sample quarter', () => open(quarterlyPlanWorkbook()), 'open-sample'),
    button('Download .xlsx', () => void download(), 'download'),
    h('label', { for: 'pg-look', class: 'pg-look-label' }, 'Look'),
    lookSelect,
    progress,
    notice,
  );
  const main = h('main', { class: 'pg-main' }, h('section', { class: 'pg-left', 'aria-label': 'Workbook' }, grid.el), aside);
  document.body.dataset['look'] = look;
  document.getElementById('app')!.replaceChildren(bar, main, h('div', { class: 'pg-drop-hint', 'aria-hidden': 'true' }, 'Drop an .xlsx file to open it'));
  // The label acts as the Open button; Enter and Space open the picker like a button would.
  bar.querySelector('label.pg-button')!.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') (e.preventDefault(), fileInput.click());
  });
  open(workbook);
}

start();
