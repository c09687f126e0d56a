// The browser bench's driver (bench/playground-driver.ts) on today's page: its home-made grid and evaluator.
// main.ts loads it only when the URL has ?bench=<rows>. The page offers no way in from outside, so the
// driver takes what a user's actions reach: it re-mounts the sidebar (as the Look switch does) to receive
// the Bridge the page hands it, opens the generated backlog into that Bridge's workbook before the page's
// first frame, and edits cells through the grid's own cell editor. Nothing here changes how the page works
// without ?bench.
import { cellA1, parseCell } from '../protocol/a1';
import type { Bridge, Scalar } from '../protocol/bridge';
import { BENCH_COLUMNS, WRITTEN_HEADERS, afterNextPaint, benchBacklog, expectedResults, rankAndWriteThrough } from '../bench/page-backlog';
import { BENCH_PARAM, BENCH_SHEET, type BenchOpened, type PlaygroundBenchDriver } from '../bench/playground-driver';
import { recalc } from './evaluate';
import { displayValue } from './grid';
import { type Sheet, Workbook } from './workbook';

const rows = Number(new URLSearchParams(location.search).get(BENCH_PARAM));
let bridge: Bridge | undefined;
let workbook: Workbook | undefined;

/** Replaces the page's workbook contents with the bench backlog, recalculated, and lets the grid redraw. */
function openBacklog(wb: Workbook): void {
  const backlog = benchBacklog(rows);
  wb.sheets.length = 0;
  wb.fileName = `bench-backlog-${rows}.xlsx`;
  const sheet = wb.addSheet(backlog.sheet);
  backlog.headers.forEach((h, c) => sheet.set(0, c, { value: h }));
  backlog.rows.forEach((row, r) => row.forEach((v, c) => v !== '' && sheet.set(r + 1, c, { value: v })));
  for (const f of backlog.formulas) {
    const at = parseCell(f.a1)!;
    sheet.set(at.row, at.col, { value: '', formula: f.formula });
  }
  recalc(wb);
  sheet.dirty.clear();
  wb.changed();
}

function backlogSheet(): Sheet {
  const sheet = workbook?.sheet(BENCH_SHEET);
  if (!sheet) throw new Error('the bench backlog is not open');
  return sheet;
}

/**
 * Checks every formula column against what the catalog computes from the sheet's inputs now (the two the
 * backlog opened with, and Score and Rank once written), and the grid's cells for `row` against the model.
 */
function verify(row: number): void {
  const sheet = backlogSheet();
  const inputs: Scalar[][] = [];
  for (let r = 1; r <= rows; r++) inputs.push(Array.from({ length: BENCH_COLUMNS.rank + 1 }, (_, c) => sheet.value(r, c)));
  const want = expectedResults(inputs);
  const columns: [number, Scalar[]][] = [
    [BENCH_COLUMNS.score, want.score],
    [BENCH_COLUMNS.rank, want.rank],
  ];
  if (sheet.value(0, BENCH_COLUMNS.rank + 1) === WRITTEN_HEADERS.score) columns.push([BENCH_COLUMNS.rank + 1, want.score], [BENCH_COLUMNS.rank + 2, want.rank]);
  for (const [col, values] of columns) {
    values.forEach((v, i) => {
      if (sheet.value(i + 1, col) !== v) throw new Error(`${cellA1(i + 1, col)} shows ${String(sheet.value(i + 1, col))}, not the ${String(v)} the catalog computes`);
    });
    const td = document.querySelector(`td[data-cell="${cellA1(row, col)}"]`);
    const shown = displayValue(sheet.get(row, col));
    if (td && td.textContent !== shown) throw new Error(`the grid shows ${td.textContent} in ${cellA1(row, col)}, not ${shown}`);
  }
}

const opened = new Promise<BenchOpened>((resolve, reject) => {
  if (!Number.isInteger(rows) || rows < 1) return reject(new Error(`?${BENCH_PARAM}= needs a whole number of rows, at least 1`));
  const api = window.AgilePlaybookSidebar;
  const select = document.querySelector<HTMLSelectElement>('[data-testid="look"]');
  if (!api || !select) return reject(new Error('the page has no sidebar or no Look switch to re-mount it'));
  // The sidebar bundle's global is read-only; the page reads window.AgilePlaybookSidebar on every mount.
  const mount = api.mount.bind(api);
  window.AgilePlaybookSidebar = { ...api, mount: (root: HTMLElement, b: Bridge, options?: object) => {
    bridge = b;
    // This driver knows only the home-made workbook; a page whose Bridge speaks to the engine needs its own.
    const held: unknown = (b as { workbook?: unknown }).workbook;
    if (!workbook && !(held instanceof Workbook)) reject(new Error("this page's Bridge is not over the home-made workbook: playground/bench-driver.ts must be written for its engine"));
    else if (!workbook && held instanceof Workbook) {
      workbook = held;
      try {
        openBacklog(held);
      } catch (e) {
        reject(e);
      }
      afterNextPaint().then((at) => {
        try {
          verify(1);
          resolve({ openMs: at, firstPaintMs: at });
        } catch (e) {
          reject(e);
        }
      }, reject);
    }
    return mount(root, b, options);
  } };
  // The page mounted the sidebar before this module ran; the Look switch's change mounts it again.
  select.dispatchEvent(new Event('change'));
});

const driver: PlaygroundBenchDriver = {
  rows,
  opened,

  async edit(a1, value) {
    await opened;
    const at = parseCell(a1);
    if (!at || at.row < 1 || at.row > rows || at.col < BENCH_COLUMNS.reach || at.col > BENCH_COLUMNS.effort) throw new Error(`${a1} is not an input cell of the bench backlog`);
    const td = document.querySelector<HTMLElement>(`td[data-cell="${a1}"]`);
    if (!td) throw new Error(`the grid does not show ${a1}, so it cannot be typed into`);
    // As a person does it: select the cell, open its editor, type, press Enter.
    td.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    td.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    const input = td.querySelector('input');
    if (!input) throw new Error(`double-clicking ${a1} opened no editor`);
    input.value = String(value);
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const t1 = await afterNextPaint();
    if (backlogSheet().value(at.row, at.col) !== value) throw new Error(`${a1} does not hold the ${value} typed`);
    verify(at.row);
    return t1 - t0;
  },

  async scrollTo(row) {
    await opened;
    const body = document.querySelector<HTMLTableSectionElement>('.pg-grid tbody');
    if (!body?.rows.length) throw new Error('the grid shows no rows');
    // The grid draws at most 2,000 rows: a row below them cannot be shown.
    const shown = Math.max(1, Math.min(row, body.rows.length));
    body.rows[shown - 1]!.scrollIntoView({ block: 'nearest' });
    return shown;
  },

  async rankAndWrite() {
    await opened;
    if (!bridge) throw new Error('the page gave the sidebar no Bridge');
    const t0 = performance.now();
    const result = await rankAndWriteThrough(bridge);
    if (!result.ok) throw new Error(result.reason);
    const t1 = await afterNextPaint();
    verify(1);
    return t1 - t0;
  },
};

window.agileBench = driver;
