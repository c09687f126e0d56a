// The sidebar bundle's size for `npm run bench`: minified, and gzipped as a host would serve it, against
// the 150 KB target. HiGHS is reported apart: its wasm loads only in the optimal planner's worker.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_KB = 150;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function sizes(file: string): { raw: number; gzip: number } {
  return { raw: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
}

/** Lines for the bench report; run `npm run build` first (the bench runner does). */
export function bundleSizeLines(dist = join(ROOT, 'dist/sidebar')): string[] {
  const js = join(dist, 'sidebar.js');
  if (!existsSync(js)) return [`sidebar bundle: ${js} is missing; run npm run build first`];
  const main = sizes(js);
  const css = sizes(join(dist, 'sidebar.css'));
  const worker = sizes(join(dist, 'planner-worker.js'));
  const wasm = statSync(join(dist, 'highs.wasm')).size;
  const verdict = main.raw <= TARGET_KB * 1024 ? 'within' : 'OVER';
  return [
    `sidebar.js (minified, without HiGHS): ${kb(main.raw)} (${kb(main.gzip)} gzipped), ${verdict} the ${TARGET_KB} KB target (${((main.raw / (TARGET_KB * 1024)) * 100).toFixed(0)}%)`,
    `sidebar.css: ${kb(css.raw)} (${kb(css.gzip)} gzipped)`,
    `planner-worker.js (loaded for optimal plans only): ${kb(worker.raw)} (${kb(worker.gzip)} gzipped) + highs.wasm ${kb(wasm)}`,
  ];
}
