// The Excel add-in's own files, after scripts/build.mjs has written functions.js/.json and manifest.xml:
// the shared-runtime page (taskpane.html/.js/.css), the sidebar bundle with its planner worker and
// highs.wasm, the quarterly-plan workbook for "Insert quarterly plan", the help page and the icons.
// Everything the manifest points at ends up in dist/excel, so that folder is the whole add-in to host.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { finishExcelMetadata } from './lib/excel-functions.mjs';

export async function buildExcelExtras({ root, dist, baseUrl }) {
  const out = join(dist, 'excel');
  mkdirSync(join(out, 'assets'), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'excel-addon/src/taskpane.ts')],
    outfile: join(out, 'taskpane.js'),
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const f of ['taskpane.html', 'taskpane.css', 'help.html']) copyFileSync(join(root, 'excel-addon', f), join(out, f));
  // The sidebar is built once (scripts/build-sidebar.mjs) and served from the add-in's own folder, so the
  // worker and the wasm are same-origin with the page, as Workers require.
  for (const f of ['sidebar.js', 'sidebar.css', 'planner-worker.js', 'highs.wasm']) {
    const from = join(dist, 'sidebar', f);
    if (!existsSync(from)) throw new Error(`dist/sidebar/${f} is missing: the sidebar must be built before the Excel add-in`);
    copyFileSync(from, join(out, f));
  }
  const template = join(dist, 'templates/agile-playbook-quarter.xlsx');
  if (!existsSync(template)) throw new Error('dist/templates/agile-playbook-quarter.xlsx is missing: the templates must be built before the Excel add-in');
  copyFileSync(template, join(out, 'agile-playbook-quarter.xlsx'));

  const { ICON_NAMES, ICON_SIZES, iconPng } = await import(pathToFileURL(join(root, 'excel-addon/build/icons.mjs')).href);
  for (const name of ICON_NAMES) for (const size of ICON_SIZES) writeFileSync(join(out, 'assets', `${name}-${size}.png`), iconPng(name, size));

  const metaFile = join(out, 'functions.json');
  writeFileSync(metaFile, JSON.stringify(finishExcelMetadata(JSON.parse(readFileSync(metaFile, 'utf8'))), null, 2) + '\n');

  const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
  if (manifest.includes('{{BASE_URL}}')) throw new Error('dist/excel/manifest.xml still holds a {{BASE_URL}} placeholder');
  process.stdout.write(`  dist/excel/ (task pane, ribbon, functions.json flags, sidebar, icons, quarterly plan; served from ${baseUrl})\n`);
}

