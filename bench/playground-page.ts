// The playground page in Debian's Chromium (issue 14 point 4): open, first paint, scroll frame time,
// edit-to-updated-formulas and rank-and-write at 40, 2,000, 20,000 and 100,000 backlog items, each also as
// a ratio to the 40-item figure of the same page, for today's home-made grid (built from LEGACY_COMMIT)
// and for the current tree's dist/playground. Each page implements bench/playground-driver.ts; a page
// without window.agileBench is reported and skipped. Every step has its own time limit and is reported as
// "did not finish" rather than waited on. BENCH_PLAYGROUND_SIZES=40,2000 limits the sizes;
// BENCH_PLAYGROUND_STEP_S sets the limit per step (default 180 s).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { BENCH_COLUMNS, benchBacklog } from './page-backlog';
import type { BenchOpened } from './playground-driver';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
/** The commit whose playground is "today's home-made grid": the grid, parser and evaluator, with its bench driver. */
export const LEGACY_COMMIT = 'd086d8efb8db53bbb6a515999745d10aa5377402';
const SIZES = (process.env['BENCH_PLAYGROUND_SIZES'] ?? '40,2000,20000,100000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const STEP_S = Number(process.env['BENCH_PLAYGROUND_STEP_S'] ?? 180);
const SCROLL_STEPS = 60;

interface Figures {
  readonly rows: number;
  open?: number;
  firstPaint?: number;
  /** After open, until frames run under 50 ms again. */
  settle?: number;
  scrollMedian?: number;
  scrollWorst?: number;
  /** The last row the grid could show, when it is short of the last row. */
  scrollReached?: number;
  edit?: number;
  /** The longest frame while the three edits recalculated: the page must keep painting meanwhile. */
  editWorst?: number;
  rankAndWrite?: number;
  /** Why a figure is missing. */
  readonly notes: string[];
  /** A step ran out of time or failed: larger sizes are not tried on this page. */
  stopped?: boolean;
}

class OutOfTime extends Error {}

/**
 * framesDuring(run) in the page: runs `run`, whose result is the milliseconds the step took (the driver's
 * own figure, which ends before it checks the sheet), and gives that with the longest frame painted within
 * those milliseconds. A page whose thread is blocked paints no frame, so the gap shows it.
 */
const FRAMES_DURING = `globalThis.framesDuring = async (run) => {
  const stamps = [];
  let on = true;
  const tick = (t) => { stamps.push(t); if (on) requestAnimationFrame(tick); };
  const start = performance.now();
  requestAnimationFrame(tick);
  try {
    const value = await run();
    const end = start + value;
    let worst = 0, last = start;
    for (const t of stamps) { if (t > end) break; worst = Math.max(worst, t - last); last = t; }
    return { value, worst: Math.max(worst, end - last) };
  } finally { on = false; }
};`;
declare global {
  function framesDuring(run: () => Promise<number>): Promise<{ value: number; worst: number }>;
}

function limit<T>(p: Promise<T>, seconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const out = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new OutOfTime(`did not finish in ${seconds} s`)), seconds * 1000)));
  return Promise.race([p, out]).finally(() => clearTimeout(timer));
}

function why(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.replace(/^page\.evaluate: (Error: )?/, '');
}

/** Scrolls from the top to the last row in equal steps, one step a frame, and times every frame meanwhile. */
function scrollRun(page: Page, lastRow: number) {
  return page.evaluate(
    async ({ lastRow, steps }) => {
      const d = window.agileBench!;
      await d.scrollTo(1);
      const stamps: number[] = [];
      let on = true;
      const tick = (t: number) => {
        stamps.push(t);
        if (on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      let reached = 1;
      for (let i = 1; i <= steps; i++) {
        const want = 1 + Math.round((i * (lastRow - 1)) / steps);
        reached = await d.scrollTo(want);
        await new Promise((ok) => requestAnimationFrame(ok));
        // A grid that cannot show the row will not move further: its frames from here on are not scrolling.
        if (reached < want) break;
      }
      await new Promise((ok) => requestAnimationFrame(ok));
      on = false;
      const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!).sort((a, b) => a - b);
      return { median: gaps[gaps.length >> 1] ?? 0, worst: gaps[gaps.length - 1] ?? 0, reached };
    },
    { lastRow, steps: SCROLL_STEPS },
  );
}

/**
 * Milliseconds after `opened` until the page is quiet (ten frames in a row under 50 ms, as what opening
 * leaves behind finishes: the sidebar reading the table, a worker's results), so the scroll is timed on a
 * settled page. Gives up after 60 s and says so.
 */
function settle(page: Page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    let calm = 0;
    let last = t0;
    while (calm < 10 && performance.now() - t0 < 60_000) {
      const t = await new Promise<number>((ok) => requestAnimationFrame(ok));
      calm = t - last < 50 ? calm + 1 : 0;
      last = t;
    }
    return { ms: performance.now() - t0, quiet: calm >= 10 };
  });
}

async function measureSize(browser: Browser, url: string, rows: number): Promise<Figures | 'no driver'> {
  const f: Figures = { rows, notes: [] };
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    if (f.stopped) return undefined;
    try {
      return await limit(run(), STEP_S);
    } catch (e) {
      f.notes.push(`${name}: ${why(e)}`);
      // A step out of time leaves the page busy: the later steps and sizes would only wait on it.
      if (e instanceof OutOfTime || name === 'load' || name === 'open') f.stopped = true;
      return undefined;
    }
  };
  // tsx names the functions it compiles with a __name helper the page does not have.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await context.addInitScript(FRAMES_DURING);
  try {
    const page = await context.newPage();
    await step('load', () => page.goto(`${url}?bench=${rows}`, { waitUntil: 'load', timeout: STEP_S * 1000 }));
    if (f.stopped) return f;
    const has = await page.waitForFunction(() => !!window.agileBench, null, { timeout: 15_000 }).then(() => true, () => false);
    if (!has) return 'no driver';
    const opened = await step('open', () => page.evaluate(() => window.agileBench!.opened) as Promise<BenchOpened>);
    if (opened) ((f.open = opened.openMs), (f.firstPaint = opened.firstPaintMs));
    const quiet = await step('settle', () => settle(page));
    if (quiet) f.settle = quiet.ms;
    if (quiet && !quiet.quiet) f.notes.push('settle: frames still over 50 ms 60 s after opening');
    const scroll = await step('scroll', () => scrollRun(page, rows + 1));
    if (scroll) {
      f.scrollMedian = scroll.median;
      f.scrollWorst = scroll.worst;
      if (scroll.reached < rows + 1) f.scrollReached = scroll.reached;
    }
    // Three edits of the first item's effort (the last puts it back); the median counts.
    const effort = benchBacklog(1).rows[0]![BENCH_COLUMNS.effort] as number;
    const edits: number[] = [];
    let editWorst = 0;
    for (const v of [effort + 1, effort + 2, effort]) {
      const r = await step('edit', () => page.evaluate((v) => framesDuring(() => window.agileBench!.edit('G2', v)), v));
      if (r !== undefined) (edits.push(r.value), (editWorst = Math.max(editWorst, r.worst)));
    }
    // An edit that failed makes the others' figure meaningless (the page did not update): none is given.
    if (edits.length === 3) ((f.edit = edits.sort((a, b) => a - b)[1]), (f.editWorst = editWorst));
    f.rankAndWrite = await step('rank and write', () => page.evaluate(() => window.agileBench!.rankAndWrite()));
    return f;
  } finally {
    // A renderer still busy with a step that ran out of time may not answer; the browser closes it later.
    await limit(context.close(), 15).catch(() => undefined);
  }
}

/** Measures one built page at every size, smallest first; stops growing once a size does not finish. */
async function measurePage(label: string, dir: string): Promise<Figures[] | string> {
  if (!existsSync(join(dir, 'index.html'))) return `${label}: skipped (${dir} has no built page)`;
  const { serveDir } = (await import(join(ROOT, 'playground/server.mjs'))) as { serveDir(d: string, o: { port: number }): Promise<{ url: string; close(): Promise<void> }> };
  const server = await serveDir(dir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const out: Figures[] = [];
  try {
    for (const rows of SIZES) {
      if (out.some((f) => f.stopped)) {
        out.push({ rows, notes: ['not tried: a smaller backlog did not finish'] });
        continue;
      }
      const f = await measureSize(browser, server.url, rows);
      if (f === 'no driver') return `${label}: skipped (the page has no window.agileBench: it does not implement bench/playground-driver.ts yet)`;
      out.push(f);
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Today's home-made grid, built once from LEGACY_COMMIT into node_modules/.cache (kept between runs). */
function buildLegacy(): string {
  const cache = join(ROOT, 'node_modules/.cache/agile-playbook-bench', `legacy-${LEGACY_COMMIT.slice(0, 12)}`);
  const page = join(cache, 'dist/playground');
  if (existsSync(join(page, 'index.html'))) return page;
  const tree = mkdtempSync(join(tmpdir(), 'agile-legacy-'));
  try {
    const tar = join(tree, '.tree.tar');
    execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', '-o', tar, LEGACY_COMMIT]);
    execFileSync('tar', ['-xf', tar, '-C', tree]);
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    // Only the playground page (and the sidebar it embeds) is needed, not the add-ins.
    execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/build-sidebar.mjs'); await m.buildSidebar({ quiet: true });"], { cwd: tree, stdio: 'inherit' });
    mkdirSync(join(cache, 'dist'), { recursive: true });
    renameSync(join(tree, 'dist/playground'), page);
    return page;
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/** Whether the current tree's playground is still the legacy one (then it is measured once). */
function currentIsLegacy(): boolean {
  try {
    execFileSync('git', ['-C', ROOT, 'diff', '--quiet', LEGACY_COMMIT, '--', 'playground', 'bench/page-backlog.ts', 'bench/playground-driver.ts', 'sidebar', 'core', 'protocol'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const KEYS = [
  ['open', 'open'],
  ['firstPaint', 'first paint'],
  ['settle', 'busy after open'],
  ['scrollMedian', 'scroll frame median'],
  ['scrollWorst', 'scroll frame worst'],
  ['edit', 'edit → updated'],
  ['editWorst', 'worst frame while editing'],
  ['rankAndWrite', 'rank and write'],
] as const;

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

function table(label: string, figures: readonly Figures[]): string[] {
  const base = figures.find((f) => f.rows === 40);
  const lines = [`${label} (ms; ×: against the 40-item figure)`, `| items | ${KEYS.map(([, h]) => h).join(' | ')} |`, `|${'---|'.repeat(KEYS.length + 1)}`];
  for (const f of figures) {
    const cells = KEYS.map(([k]) => {
      const v = f[k];
      if (v === undefined) return '—';
      const b = base?.[k];
      const ratio = b && f !== base ? ` (${(v / b).toFixed(1)}×)` : '';
      const short = k === 'scrollWorst' && f.scrollReached ? ` (reached row ${f.scrollReached.toLocaleString('en-US')} of ${(f.rows + 1).toLocaleString('en-US')})` : '';
      return `${ms(v)}${ratio}${short}`;
    });
    lines.push(`| ${f.rows.toLocaleString('en-US')} | ${cells.join(' | ')} |`);
  }
  for (const f of figures) for (const n of f.notes) lines.push(`  ${f.rows.toLocaleString('en-US')} items, ${n}`);
  return lines;
}

function comparison(legacy: readonly Figures[], current: readonly Figures[]): string[] {
  return current.flatMap((c) => {
    const l = legacy.find((x) => x.rows === c.rows);
    if (!l) return [];
    const parts = KEYS.flatMap(([k, h]) => (c[k] !== undefined && l[k] !== undefined ? [`${h} ${(c[k]! / l[k]!).toFixed(2)}×`] : []));
    return [`${c.rows.toLocaleString('en-US')} items, current page against today's grid: ${parts.join(', ') || 'nothing to compare'}`];
  });
}

export async function playgroundPageLines(): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`playground page: skipped (no ${CHROMIUM})`];
  const started = Date.now();
  const lines: string[] = [`sizes ${SIZES.join(', ')}; ${STEP_S} s per step; scroll: ${SCROLL_STEPS} steps top to last row, one a frame; edit: the median of three edits of G2 (the first item's Effort)`];
  let legacyDir: string | undefined;
  try {
    legacyDir = buildLegacy();
  } catch (e) {
    lines.push(`today's home-made grid: skipped (could not build ${LEGACY_COMMIT.slice(0, 12)} from git: ${why(e)})`);
  }
  const legacy = legacyDir ? await measurePage("today's home-made grid", legacyDir) : undefined;
  if (typeof legacy === 'string') lines.push(legacy);
  else if (legacy) lines.push(...table(`today's home-made grid (${LEGACY_COMMIT.slice(0, 12)})`, legacy));
  if (currentIsLegacy()) lines.push("current page: the same as today's home-made grid, measured once above");
  else {
    const current = await measurePage('current page', join(ROOT, 'dist/playground'));
    if (typeof current === 'string') lines.push(current);
    else {
      lines.push(...table('current page (dist/playground)', current));
      if (Array.isArray(legacy)) lines.push(...comparison(legacy, current));
    }
  }
  lines.push(`playground page bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await playgroundPageLines()) console.log(line);
}
