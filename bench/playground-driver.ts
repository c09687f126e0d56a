// The contract between the playground page and the browser benchmark (bench/playground-page.ts, issue 14
// point 4). Every playground page the bench measures (today's home-made grid, and the engine-backed page
// that replaces it) implements it the same way, so the figures of the two compare step for step.
//
// A page implements it only when its URL has `?bench=<rows>`: it then opens the generated backlog of that
// many items (bench/page-backlog.ts, `benchBacklog(rows)`) instead of the sample, and sets
// `window.agileBench` as early as it can (before the backlog has finished opening). Every figure is in
// milliseconds measured inside the page with performance.now(), so the bench's own round trips to the
// browser never count. Nothing here names a grid, an engine or a host API: a page is free to meet each
// promise however its engine works, as long as the promise resolves when a user would see the result.
//
// Today's home-made grid implements it in playground/bench-driver.ts at commit d086d8e (the runner's
// LEGACY_COMMIT; read it with `git show d086d8e:playground/bench-driver.ts`), loaded by one line at the end of
// that commit's playground/main.ts: `if (new URLSearchParams(location.search).has('bench')) void
// import('./bench-driver');`. The engine-backed page needs its own driver and that line.

/** The query parameter that turns the driver on: `?bench=2000` opens a 2,000-item backlog. */
export const BENCH_PARAM = 'bench';

/** The name of the one sheet the bench backlog lives on. */
export const BENCH_SHEET = 'Backlog';

export interface BenchOpened {
  /** From navigation start (performance.now()'s origin) until every formula of the backlog shows its computed result. */
  readonly openMs: number;
  /**
   * From navigation start until the backlog's cells were first painted (the first frame after the grid
   * drew them, with or without computed results yet). Never more than openMs.
   */
  readonly firstPaintMs: number;
}

export interface PlaygroundBenchDriver {
  /** The number of backlog items this page opened (the `?bench=` value). */
  readonly rows: number;
  /**
   * Resolves once the generated backlog is open and every formula in it shows its computed result, and
   * the frame showing them has been painted. Rejects with a message a person can act on when the page
   * could not open it.
   */
  readonly opened: Promise<BenchOpened>;
  /**
   * Sets one input cell of the Backlog sheet (an A1 address such as "G2") to `value` the way a user's
   * edit does (typed, committed, counted as the user's), and resolves with the milliseconds from the
   * commit until every formula that reads the cell, directly or through other formulas, shows its new
   * result in a painted frame. Rejects when a formula does not show the result the catalog computes.
   */
  edit(a1: string, value: number): Promise<number>;
  /**
   * Scrolls the grid so the 1-based sheet row `row` is visible, and resolves with the row now visible
   * nearest to it: `row` itself, or a smaller number when the grid cannot show `row` (the bench reports
   * that rather than a scroll that never got there). It resolves once the scroll is applied; the bench
   * counts frames itself.
   */
  scrollTo(row: number): Promise<number>;
  /**
   * What the sidebar's Prioritize step does, through the Bridge the page gives the sidebar: listTables,
   * readTable of the Backlog table, the core's RICE score and PRIORITY_RANK, and writeColumns of Score
   * and Rank as live formulas beside the table (bench/page-backlog.ts, `rankAndWriteThrough`). Resolves
   * with the milliseconds from the first Bridge call until both written columns show their computed
   * results in a painted frame; rejects when the write is refused.
   */
  rankAndWrite(): Promise<number>;
}

declare global {
  interface Window {
    agileBench?: PlaygroundBenchDriver;
  }
}
