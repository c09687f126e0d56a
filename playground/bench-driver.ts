// The browser bench's driver (bench/playground-driver.ts) on the engine page. main.ts opens the generated
// backlog in place of the sample when the URL has ?bench=<rows> (benchWorkbook) and loads this module,
// which reaches the page through window.agilePlayground. Edits go through the same command the grid's
// cell editor runs (LiveBook.type); every step ends when the engine has applied its results and a frame
// showing them was painted, and is checked against what the catalog computes.
import { cellA1, parseCell } from '../protocol/a1';
import type { Scalar } from '../protocol/bridge';
import { BENCH_COLUMNS, WRITTEN_HEADERS, afterNextPaint, benchBacklog, expectedResults, rankAndWriteThrough } from '../bench/page-backlog';
import { BENCH_PARAM, BENCH_SHEET, type BenchOpened, type PlaygroundBenchDriver } from '../bench/playground-driver';
import { type Workbook, workbookFromRows } from './workbook';

/** The ?bench= backlog as a transfer workbook, with its two spilled formulas in the page's spelling. */
export function benchWorkbook(rows: number, prefix: string): Workbook {
  const backlog = benchBacklog(rows, { prefix });
  const wb = workbookFromRows([{ name: backlog.sheet, rows: [backlog.headers, ...backlog.rows] }]);
  wb.fileName = `bench-backlog-${rows}.xlsx`;
  const sheet = wb.sheet(backlog.sheet)!;
  for (const f of backlog.formulas) {
    const at = parseCell(f.a1)!;
    sheet.set(at.row, at.col, { value: '', formula: f.formula });
  }
  sheet.dirty.clear();
  return wb;
}

const rows = Number(new URLSearchParams(location.search).get(BENCH_PARAM));

function handle() {
  const h = window.agilePlayground;
  if (!h) throw new Error('the page has no window.agilePlayground');
  return h;
}

/** Every formula column against what the catalog computes from the sheet's inputs now. */
function verify(): void {
  const sheet = handle().book().sheet(BENCH_SHEET);
  if (!sheet) throw new Error('the bench backlog is not open');
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
      const got = sheet.value(i + 1, col);
      const same = typeof v === 'number' && typeof got === 'number' ? Math.abs(v - got) <= 1e-9 * Math.max(1, Math.abs(v)) : got === v;
      if (!same) throw new Error(`${cellA1(i + 1, col)} shows ${String(got)}, not the ${String(v)} the catalog computes`);
    });
  }
}

/** The first frame painted after the grid's canvas exists: the backlog's cells drawn, results or not. */
const firstPaint = new Promise<number>((ok) => {
  const look = () => (document.querySelector('[data-testid="grid"] canvas') ? afterNextPaint().then(ok) : requestAnimationFrame(look));
  look();
});

const opened = (async (): Promise<BenchOpened> => {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`?${BENCH_PARAM}= needs a whole number of rows, at least 1`);
  while (!window.agilePlayground) await new Promise((r) => setTimeout(r, 20));
  await handle().ready;
  await handle().book().calculated();
  const at = await afterNextPaint();
  verify();
  return { openMs: at, firstPaintMs: Math.min(await firstPaint, at) };
})();

const driver: PlaygroundBenchDriver = {
  rows,
  opened,

  async edit(a1, value) {
    await opened;
    const at = parseCell(a1);
    if (!at || at.row < 1 || at.row > rows || at.col < BENCH_COLUMNS.reach || at.col > BENCH_COLUMNS.effort) throw new Error(`${a1} is not an input cell of the bench backlog`);
    const book = handle().book();
    const t0 = performance.now();
    await book.type(BENCH_SHEET, at.row, at.col, { value });
    const t1 = await afterNextPaint();
    if (book.sheet(BENCH_SHEET)!.value(at.row, at.col) !== value) throw new Error(`${a1} does not hold the ${value} typed`);
    verify();
    return t1 - t0;
  },

  async scrollTo(row) {
    await opened;
    const sheet = handle().api.getActiveWorkbook()?.getActiveSheet();
    if (!sheet) throw new Error('no sheet is shown');
    sheet.scrollToCell(Math.max(0, row - 1), 0);
    await afterNextPaint();
    return row;
  },

  async rankAndWrite() {
    await opened;
    const t0 = performance.now();
    const r = await rankAndWriteThrough(handle().bridge());
    if (!r.ok) throw new Error(`the write was refused: ${r.reason}`);
    await handle().book().calculated();
    const t1 = await afterNextPaint();
    verify();
    return t1 - t0;
  },
};

window.agileBench = driver;
