// Builds the sidebar (dist/sidebar/: sidebar.js + sidebar.css, planner-worker.js, highs.wasm) and the
// playground page (dist/playground/: index.html, playground.js with its chunks, formula-worker.js, the
// open-file worker, playground.css, univer.css and a copy of the sidebar).
// Called by scripts/build.mjs; runs alone too:
//   node -e "import('./scripts/build-sidebar.mjs').then(m => m.buildSidebar())"
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { catalogTextStrip } from './lib/catalog-text-strip.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The sidebar itself never loads HiGHS: greedy plans run on its thread, optimal ones in the worker. The
// capacity module's fallback `import('highs')` would otherwise pull ~100 KB of loader into the sidebar.
const noHighsInSidebar = {
  name: 'no-highs-in-sidebar',
  setup(build) {
    build.onResolve({ filter: /^highs$/ }, () => ({ path: 'highs', namespace: 'no-highs' }));
    build.onLoad({ filter: /.*/, namespace: 'no-highs' }, () => ({
      contents: 'export default function highs() { return Promise.reject(new Error("HiGHS runs in the planner worker, not in the sidebar")); }',
      loader: 'js',
    }));
  },
};

// Nor does it build the MIP: planCapacity and compareScenarios hand every optimal task to the worker
// (sidebar/planner/client.ts), so the model builder and its HiGHS glue (about 10 KB) stay in the worker.
const noSolverInSidebar = {
  name: 'no-solver-in-sidebar',
  setup(build) {
    build.onResolve({ filter: /^\.\/optimal$/ }, (args) =>
      /[\\/]core[\\/]capacity[\\/]/.test(args.importer) ? { path: 'optimal', namespace: 'no-solver' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-solver' }, () => ({
      contents: 'export function allocateOptimal() { return Promise.reject(new Error("Optimal plans run in the planner worker, not in the sidebar")); }',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  // AGILE_NO_MINIFY=1 keeps names, for reading a browser profile.
  minify: process.env.AGILE_NO_MINIFY !== '1',
  format: 'iife',
  target: 'es2019',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

// Univer's packages are ES modules that read process.env.NODE_ENV; production drops their dev checks.
const univer = {
  ...common,
  format: 'esm',
  target: 'es2020',
  define: { 'process.env.NODE_ENV': '"production"' },
};

function size(file) {
  return statSync(file).size;
}

/** Builds everything; returns the output sizes in bytes (what bench/bundle-size.ts reports). */
export async function buildSidebar({ quiet = false } = {}) {
  const out = join(root, 'dist/sidebar');
  const page = join(root, 'dist/playground');
  mkdirSync(out, { recursive: true });
  mkdirSync(join(page, 'sidebar'), { recursive: true });
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'sidebar/index.ts')],
      outfile: join(out, 'sidebar.js'),
      globalName: 'AgilePlaybookSidebar',
      plugins: [noHighsInSidebar, noSolverInSidebar, catalogTextStrip],
    }),
    esbuild.build({ ...common, entryPoints: [join(root, 'sidebar/styles.css')], outfile: join(out, 'sidebar.css') }),
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'sidebar/planner/worker.ts')],
      outfile: join(out, 'planner-worker.js'),
      // highs' Emscripten loader names Node modules on a branch a browser never takes.
      external: ['node:*', 'fs', 'path', 'crypto', 'module', 'url', 'worker_threads'],
      // highs.mjs reads import.meta.url only to find the wasm, which locateFile answers instead.
      define: { 'import.meta.url': '""' },
      logOverride: { 'empty-import-meta': 'silent' },
    }),
    // The page carries Univer (several MB, loaded once and cached) and starts the formula engine's worker
    // (playground/engine/worker.ts) as a module Worker. One build of both, split into ES module chunks: the
    // engine code both run is one cached file, and what Univer loads lazily (hyphenation dictionaries, which
    // the worker never needs) stays out of the first download.
    esbuild.build({
      ...univer,
      entryPoints: { playground: join(root, 'playground/main.ts'), 'formula-worker': join(root, 'playground/engine/worker.ts') },
      outdir: page,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      plugins: [noHighsInSidebar],
    }),
    esbuild.build({ ...common, entryPoints: [join(root, 'node_modules/@univerjs/preset-sheets-core/lib/index.css')], outfile: join(page, 'univer.css') }),
    // Opening a file happens off the page's thread (playground/open-worker.ts).
    esbuild.build({ ...common, entryPoints: [join(root, 'playground/open-worker.ts')], outfile: join(page, 'open-worker.js') }),
    esbuild.build({ ...common, entryPoints: [join(root, 'playground/playground.css')], outfile: join(page, 'playground.css') }),
  ]);
  copyFileSync(join(root, 'node_modules/highs/build/highs.wasm'), join(out, 'highs.wasm'));
  copyFileSync(join(root, 'playground/index.html'), join(page, 'index.html'));
  for (const f of readdirSync(out)) copyFileSync(join(out, f), join(page, 'sidebar', f));
  const sizes = {
    sidebarJs: size(join(out, 'sidebar.js')),
    sidebarCss: size(join(out, 'sidebar.css')),
    workerJs: size(join(out, 'planner-worker.js')),
    highsWasm: size(join(out, 'highs.wasm')),
    playgroundJs: size(join(page, 'playground.js')),
    formulaWorkerJs: size(join(page, 'formula-worker.js')),
    univerCss: size(join(page, 'univer.css')),
  };
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    process.stdout.write(`  dist/sidebar/ (sidebar.js ${kb(sizes.sidebarJs)}, sidebar.css ${kb(sizes.sidebarCss)}, planner-worker.js ${kb(sizes.workerJs)}, highs.wasm)\n`);
    process.stdout.write(`  dist/playground/ (index.html, playground.js ${kb(sizes.playgroundJs)} and its chunks, formula-worker.js ${kb(sizes.formulaWorkerJs)}, univer.css ${kb(sizes.univerCss)}, the sidebar)\n`);
  }
  return sizes;
}
