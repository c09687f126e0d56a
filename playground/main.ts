// The playground page (npm start): Univer's grid on the left (every formula live, undo, the engine's
// calculation in a worker: engine/page-engine.ts), the sidebar on the right speaking to the same workbook
// through the MemoryBridge. It opens the sample quarter on a first visit, keeps the workbook in this
// browser (persist.ts) so a reload reopens it, opens any .xlsx picked or dropped, and downloads the
// workbook with what the sidebar wrote. Replacing or leaving a workbook with edits not downloaded asks first.
// The browser build of exceljs, patched at install (patches/): the package's minified build is not.
import ExcelJS from 'exceljs/dist/exceljs.js';
import { IUndoRedoService } from '@univerjs/core';
import type { Bridge, WriteResult } from '../protocol/bridge';
import { h } from '../sidebar/ui/dom';
import { ask } from './confirm-dialog';
import { LiveBook } from './engine/live-book';
import { type PageEngine, pageEngine } from './engine/page-engine';
import { FileProblem } from './file-check';
import { MemoryBridge, PLAYGROUND_HOSTS } from './memory-bridge';
import { type OpenedFile, openWorkbookFile, workbookFromData } from './open-file';
import type { OpenReply, OpenStage } from './open-worker';
import { type Kept, loadKept, saveProblem, storeKept } from './persist';
import { quarterlyPlanWorkbook } from './template';
import { type Workbook, workbookFromRows } from './workbook';
import { writeXlsx } from './xlsx';

interface SidebarGlobal {
  mount(root: HTMLElement, bridge: Bridge, options?: object): { destroy(): void };
}

/** What the browser tests (and a curious developer's console) reach: see README's playground paragraph. */
export interface PlaygroundHandle {
  readonly api: PageEngine['api'];
  readonly engine: PageEngine;
  book(): LiveBook;
  bridge(): MemoryBridge;
  /** Resolves once the first workbook is open, computed and the sidebar mounted. */
  readonly ready: Promise<void>;
  isReady: boolean;
}

declare global {
  interface Window {
    AgilePlaybookSidebar?: SidebarGlobal;
    agilePlayground?: PlaygroundHandle;
  }
}

type Look = 'excel' | 'sheets';

const STAGES: Record<OpenStage, string> = { checking: 'checking the file', reading: 'reading the workbook', finishing: 'laying out the sheets' };
/** From this many rows the page says what opening and recalculating cost. */
const LARGE_ROWS = 20_000;
const SAVE_DELAY_MS = 500;

/**
 * Opens the file in playground/open-worker.ts, so a large workbook does not freeze the page; each stage is
 * reported. The worker starts with the page and is reused; one file opens at a time. Where a worker cannot
 * start (an old browser, a file:// page), the file opens on the page instead.
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
  constructor(book: LiveBook, look: Look, private readonly onWritten: (r: WriteResult) => void) {
    super(book, PLAYGROUND_HOSTS[look]);
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

const seconds = (ms: number): string => (ms < 1000 ? 'under a second' : `about ${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`);

/** The rows in use on the workbook's biggest sheet. */
function rowsOf(book: LiveBook): number {
  return Math.max(0, ...book.model().getSheets().map((ws) => ws.getLastRowWithContent() + 1));
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  let look: Look = params.get('look') === 'sheets' ? 'sheets' : 'excel';
  const prefix = (l: Look) => (l === 'sheets' ? 'AGILE_' : 'AGILE.');
  const reader = new FileReaderWorker();

  // ---- the page's parts ----
  const gridEl = h('div', { class: 'pg-grid', 'data-testid': 'grid' });
  const aside = h('aside', { class: 'pg-sidebar', 'aria-label': 'Agile Playbook sidebar' });
  const fileName = h('span', { class: 'pg-file', 'data-testid': 'file-name' });
  const notice = h('span', { class: 'pg-notice', role: 'status', 'aria-live': 'polite', 'data-testid': 'notice' });
  const saveState = h('span', { class: 'pg-state', 'data-testid': 'save-state', role: 'status' });
  const downloadState = h('span', { class: 'pg-state', 'data-testid': 'download-state' });
  const calcState = h('span', { class: 'pg-calc', 'data-testid': 'calc-state', role: 'status', 'aria-live': 'polite' });
  const calcBar = h('progress', { class: 'pg-progress', 'aria-label': 'Calculating', max: 1 });
  calcBar.hidden = true;
  const openBar = h('progress', { class: 'pg-progress', 'aria-label': 'Opening the file' });
  openBar.hidden = true;
  const fileInput = h('input', { type: 'file', accept: '.xlsx,.csv,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'pg-open', class: 'pg-hidden-input', 'data-testid': 'open-file' });
  const lookSelect = h('select', { id: 'pg-look', 'data-testid': 'look' }, h('option', { value: 'excel' }, 'Excel (Fluent)'), h('option', { value: 'sheets' }, 'Google Sheets'));
  lookSelect.value = look;
  const button = (label: string, onClick: () => void, testid: string, title?: string) => {
    const b = h('button', { type: 'button', class: 'pg-button', 'data-testid': testid, title }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const undoButton = button('Undo', () => void engine.api.undo(), 'undo', 'Undo (Ctrl+Z)');
  const redoButton = button('Redo', () => void engine.api.redo(), 'redo', 'Redo (Ctrl+Y)');
  undoButton.disabled = redoButton.disabled = true;

  const bar = h(
    'header',
    { class: 'pg-top' },
    h('strong', { class: 'pg-title' }, 'Agile Playbook playground'),
    fileName,
    h('span', { class: 'pg-spacer' }),
    undoButton,
    redoButton,
    h('label', { for: 'pg-open', class: 'pg-button', tabindex: 0, role: 'button' }, 'Open .xlsx or .csv…'),
    fileInput,
    button('New', () => void replace(() => Promise.resolve({ wb: workbookFromRows([{ name: 'Sheet1', rows: [] }]) }), 'a new, empty workbook'), 'new'),
    button('Sample quarter', () => void replace(() => Promise.resolve({ wb: quarterlyPlanWorkbook(prefix(look)) }), 'the sample quarter'), 'open-sample'),
    button('Download .xlsx', () => void download(), 'download'),
    h('label', { for: 'pg-look', class: 'pg-look-label' }, 'Look'),
    lookSelect,
  );
  const info = h('div', { class: 'pg-info' }, openBar, notice, h('span', { class: 'pg-spacer' }), calcBar, calcState, h('span', { class: 'pg-states' }, saveState, downloadState));
  const main = h('main', { class: 'pg-main' }, h('section', { class: 'pg-left', 'aria-label': 'Workbook' }, gridEl), aside);
  document.body.dataset['look'] = look;
  document.getElementById('app')!.replaceChildren(bar, info, main, h('div', { class: 'pg-drop-hint', 'aria-hidden': 'true' }, 'Drop an .xlsx file to open it'));
  bar.querySelector('label.pg-button')!.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') (e.preventDefault(), fileInput.click());
  });

  // ---- the engine and the workbook's state ----
  const engine = pageEngine(gridEl, prefix(look));
  let book: LiveBook;
  let bridge: MemoryBridge;
  let sidebar: { destroy(): void } | undefined;
  /** The .xlsx the workbook came from: the download writes the changes into it. */
  let originalBytes: Uint8Array | undefined;
  /** Edits since the workbook was opened or last downloaded. */
  let edited = false;
  /** While a workbook opens, the engine's own changes are not the user's edits. */
  let opening = true;

  const showDownloaded = () => {
    downloadState.textContent = edited ? 'Edits not downloaded' : 'No edits to download';
    downloadState.dataset['state'] = edited ? 'edited' : 'clean';
  };
  const showSave = (state: 'saved' | 'saving' | 'failed', reason = '') => {
    saveState.dataset['state'] = state;
    saveState.textContent = state === 'saved' ? 'Saved in this browser' : state === 'saving' ? 'Saving…' : `Not saved: ${reason}`;
  };

  // Saving: debounced after every change, then at idle, one save at a time.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  const saveNow = (): Promise<void> =>
    (saving = saving.then(async () => {
      saveTimer = undefined;
      try {
        const kept: Kept = { book: book.save(), ...(originalBytes ? { original: originalBytes } : {}), edited, savedAt: Date.now() };
        await storeKept(kept);
        if (!saveTimer) showSave('saved');
      } catch (e) {
        showSave('failed', saveProblem(e));
      }
    }));
  const scheduleSave = () => {
    showSave('saving');
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => void }).requestIdleCallback;
      if (idle) idle(() => void saveNow(), { timeout: 2000 });
      else void saveNow();
    }, SAVE_DELAY_MS);
  };

  // What counts as an edit: anything that changes the undo history (typed edits, the sidebar's writes,
  // undo and redo). The engine's calculated results are not edits.
  const undoService = engine.univer.__getInjector().get(IUndoRedoService);
  undoService.undoRedoStatus$.subscribe((s) => {
    undoButton.disabled = s.undos === 0;
    redoButton.disabled = s.redos === 0;
    if (opening || (s.undos === 0 && s.redos === 0)) return;
    if (!edited) {
      edited = true;
      showDownloaded();
    }
  });

  // Calculation progress: the worker reports how many formulas are done; the page says how long it took.
  const formula = engine.api.getFormula();
  let calcStarted = 0;
  let lastCalcMs = 0;
  formula.calculationStart(() => {
    calcStarted = performance.now();
    calcBar.hidden = false;
    calcBar.removeAttribute('value');
    calcState.dataset['state'] = 'calculating';
    calcState.textContent = 'Calculating…';
  });
  formula.calculationProcessing((p) => {
    // A progress report can arrive after the end: it is then old news.
    if (calcState.dataset['state'] !== 'calculating') return;
    const total = p.totalFormulasToCalculate + p.totalArrayFormulasToCalculate;
    const done = p.completedFormulasCount + p.completedArrayFormulasCount;
    if (total > 0) {
      calcBar.max = total;
      calcBar.value = done;
      calcState.textContent = `Calculating: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} formulas…`;
    }
  });
  const calcDone = () => {
    if (calcState.dataset['state'] !== 'calculating') return;
    lastCalcMs = calcStarted ? performance.now() - calcStarted : 0;
    calcBar.hidden = true;
    calcState.dataset['state'] = 'done';
    calcState.textContent = lastCalcMs >= 1000 ? `Recalculated in ${(lastCalcMs / 1000).toFixed(1)} s` : '';
  };
  formula.calculationEnd(() => void engine.api.getFormula().onCalculationResultApplied().then(calcDone));

  function mountSidebar(): void {
    sidebar?.destroy();
    const sidebarApi = window.AgilePlaybookSidebar;
    bridge = new PlaygroundBridge(book, look, (r) => {
      if (r.ok && r.sheet) engine.api.getWorkbook(book.unitId)?.getSheetByName(r.sheet)?.activate();
    });
    if (!sidebarApi) {
      aside.textContent = 'The sidebar script (sidebar/sidebar.js) did not load.';
      return;
    }
    sidebar = sidebarApi.mount(aside, bridge);
  }

  /** Makes `next` the page's workbook: the sidebar, the saved copy and the states follow it. */
  function adopt(next: LiveBook, bytes: Uint8Array | undefined, wasEdited: boolean): void {
    const old = book as LiveBook | undefined;
    book = next;
    originalBytes = bytes;
    edited = wasEdited;
    fileName.textContent = next.fileName;
    old?.dispose();
    engine.setPrefix(prefix(look));
    next.onChange(scheduleSave);
    mountSidebar();
    showDownloaded();
  }

  /** Opens a transfer workbook in the engine and says what a large one costs (`t0`: when the user asked). */
  async function openLive(wb: Workbook, t0 = performance.now()): Promise<LiveBook> {
    opening = true;
    try {
      const engineStart = performance.now();
      const next = await LiveBook.open(engine, wb);
      costNotice(next, t0, engineStart);
      return next;
    } finally {
      opening = false;
    }
  }

  let cost = '';
  /**
   * Measured, not guessed: the whole open (reading the file included), and the first full calculation,
   * which is the most an edit can cost (an edit recalculates only what depends on it).
   */
  function costNotice(next: LiveBook, t0: number, engineStart: number): void {
    const now = performance.now();
    const full = calcStarted >= engineStart ? now - calcStarted : 0;
    calcDone();
    const rows = rowsOf(next);
    cost = rows > LARGE_ROWS ? `${rows.toLocaleString('en-US')} rows: opening took ${seconds(now - t0)}; recalculating every formula takes ${seconds(full)}, which is the most an edit costs (progress shows at the top right).` : '';
  }

  /** Sample, New and Open replace the workbook: with edits not downloaded, the user is asked first. */
  async function replace(load: () => Promise<{ wb: Workbook; bytes?: Uint8Array; notice?: string } | undefined>, what: string): Promise<void> {
    if (edited) {
      const yes = await ask(
        `Replace ${book.fileName}?`,
        `${book.fileName} has edits that were not downloaded. Opening ${what} replaces it in this browser, and those edits are lost. Download it first to keep them.`,
        `Replace with ${what}`,
      );
      if (!yes) return;
    }
    const t0 = performance.now();
    const got = await load();
    if (!got) return;
    const next = await openLive(got.wb, t0);
    adopt(next, got.bytes, false);
    notice.textContent = [got.notice ?? '', cost].filter(Boolean).join(' ');
    await saveNow();
  }

  async function readFile(file: File): Promise<{ wb: Workbook; bytes?: Uint8Array; notice: string } | undefined> {
    notice.textContent = `Opening ${file.name}…`;
    openBar.hidden = false;
    const size = file.size >= 1024 * 1024 ? ` (${(file.size / 1024 / 1024).toFixed(1)} MB)` : '';
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const kept = bytes.slice();
      const opened = await reader.open(bytes, file.name, (stage) => (notice.textContent = `Opening ${file.name}${size}: ${STAGES[stage]}…`));
      notice.textContent = `Opening ${file.name}${size}: calculating every formula…`;
      return { wb: opened.workbook, ...(opened.xlsx ? { bytes: kept } : {}), notice: opened.notice };
    } catch (e) {
      // FileProblem messages are already the sentence to show; anything else is said with the file's name.
      notice.textContent = e instanceof FileProblem ? e.message : `Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`;
      return undefined;
    } finally {
      openBar.hidden = true;
    }
  }
  const openFile = (file: File) => void replace(() => readFile(file), file.name);

  async function download(): Promise<void> {
    notice.textContent = 'Preparing the download…';
    await book.calculated();
    let original;
    if (originalBytes) {
      // Reopened from this browser: read the file's cells again, so only what changed is rewritten onto it.
      if (!book.hasSource) book.setSource((await reader.open(originalBytes.slice(), book.fileName, () => undefined)).workbook);
      original = new ExcelJS.Workbook();
      await original.xlsx.load(originalBytes.slice().buffer as ArrayBuffer);
    }
    // toWorkbook lists what changed since the file was opened: the download writes only that onto the file.
    const bytes = await writeXlsx(ExcelJS, book.toWorkbook(), original, { look });
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = h('a', { href: url, download: book.fileName.replace(/(\.xlsx)?$/i, '.xlsx') });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notice.textContent = `Downloaded ${a.download}.`;
    edited = false;
    showDownloaded();
    await saveNow();
  }

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) openFile(f);
    fileInput.value = '';
  });
  lookSelect.addEventListener('change', () => {
    look = lookSelect.value as Look;
    document.body.dataset['look'] = look;
    engine.setPrefix(prefix(look));
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
    if (f) openFile(f);
  });
  window.addEventListener('beforeunload', (e) => {
    if (!edited) return;
    // The workbook is kept in this browser, but edits not downloaded exist nowhere else.
    e.preventDefault();
    e.returnValue = '';
  });

  let markReady: () => void = () => undefined;
  const handle: PlaygroundHandle = {
    api: engine.api,
    engine,
    book: () => book,
    bridge: () => bridge,
    ready: new Promise<void>((ok) => (markReady = ok)),
    isReady: false,
  };
  window.agilePlayground = handle;

  // ---- the first workbook: the one kept in this browser, else the sample (or an empty one with ?empty) ----
  // ?bench=<rows> opens the bench's generated backlog instead and drives the page for npm run bench.
  const bench = params.has('bench');
  if (bench) void import('./bench-driver');
  let kept: Kept | undefined;
  try {
    if (!bench) kept = await loadKept();
  } catch (e) {
    showSave('failed', saveProblem(e));
  }
  if (kept) {
    notice.textContent = `Reopened ${kept.book.fileName} as it was kept in this browser.`;
    opening = true;
    const t0 = performance.now();
    try {
      const restored = await LiveBook.restore(engine, kept.book);
      costNotice(restored, t0, t0);
      adopt(restored, kept.original, kept.edited);
      if (cost) notice.textContent += ` ${cost}`;
      showSave('saved');
    } catch (e) {
      notice.textContent = `The workbook kept in this browser could not be reopened (${e instanceof Error ? e.message : String(e)}); the sample quarter is open instead.`;
      kept = undefined;
    } finally {
      opening = false;
    }
  }
  if (!kept) {
    const benchRows = Number(params.get('bench'));
    const first = bench ? (await import('./bench-driver')).benchWorkbook(benchRows, prefix(look)) : params.has('empty') ? workbookFromRows([{ name: 'Sheet1', rows: [] }]) : quarterlyPlanWorkbook(prefix(look));
    adopt(await openLive(first), undefined, false);
    if (cost) notice.textContent = cost;
    await saveNow();
  }
  handle.isReady = true;
  document.body.dataset['ready'] = 'true';
  markReady();
}

void start();
