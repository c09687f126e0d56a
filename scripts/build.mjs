// npm run build: the ESM core for Node, the Apps Script project and the Excel add-in files, all from
// the one catalog. Options: --base-url https://host/path/ (Excel URLs), --docs (rewrite docs/functions.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { excelFunctionsTs } from './lib/excel-functions.mjs';
import { functionsReferenceMd } from './lib/functions-reference.mjs';
import { sheetsWrappersJs } from './lib/sheets-wrappers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const baseUrl = option('--base-url', 'https://localhost:3000/');
if (!/^https:\/\/[^\s"'<>]+\/$/.test(baseUrl)) {
  console.error(`--base-url must be an https URL ending in "/" (got ${baseUrl})`);
  process.exit(2);
}
const GLOBAL = 'AgilePlaybook';

function step(label) {
  process.stdout.write(`  ${label}\n`);
}

async function buildCore() {
  await esbuild.build({
    entryPoints: [join(root, 'core/index.ts')],
    outfile: join(dist, 'core/index.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['highs'],
    logLevel: 'warning',
  });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.dts.json')], { stdio: 'inherit' });
  step('dist/core/index.js (ESM, the package entry)');
  return (await import(pathToFileURL(join(dist, 'core/index.js')).href + `?t=${Date.now()}`)).CATALOG;
}

async function buildExcel(catalog) {
  const gen = join(dist, '.gen/excel');
  mkdirSync(gen, { recursive: true });
  const fnTs = join(gen, 'functions.ts');
  writeFileSync(fnTs, excelFunctionsTs(catalog, join(root, 'excel-addon/src/excel-call')));
  const meta = await generateCustomFunctionsMetadata(fnTs, false);
  if (meta.errors.length) throw new Error(`custom-functions-metadata reported errors:\n${meta.errors.join('\n')}`);
  mkdirSync(join(dist, 'excel'), { recursive: true });
  writeFileSync(join(dist, 'excel/functions.json'), JSON.stringify(JSON.parse(meta.metadataJson), null, 2) + '\n');
  await esbuild.build({
    entryPoints: [fnTs],
    outfile: join(dist, 'excel/functions.js'),
    bundle: true,
    format: 'iife',
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const manifest = readFileSync(join(root, 'excel-addon/manifest.xml'), 'utf8').replaceAll('{{BASE_URL}}', baseUrl);
  writeFileSync(join(dist, 'excel/manifest.xml'), manifest);
  step(`dist/excel/ (functions.json, functions.js, manifest.xml for ${baseUrl})`);
}

async function buildSheets(catalog) {
  const out = join(dist, 'gsheets');
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'gsheets-addon/src/main.ts')],
    outfile: join(out, 'agile-playbook.js'),
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    // Apps Script's V8 runs modern syntax, but the lowest target that works keeps surprises out.
    target: 'es2019',
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(join(out, 'functions.js'), sheetsWrappersJs(catalog, GLOBAL));
  copyFileSync(join(root, 'gsheets-addon/appsscript.json'), join(out, 'appsscript.json'));
  step('dist/gsheets/ (the clasp root: appsscript.json, agile-playbook.js, functions.js)');
}

function docs(catalog) {
  const file = join(root, 'docs/functions.md');
  const md = functionsReferenceMd(catalog);
  if (args.includes('--docs')) {
    writeFileSync(file, md);
    step('docs/functions.md rewritten');
  } else if (!existsSync(file) || readFileSync(file, 'utf8') !== md) {
    console.warn('  docs/functions.md is out of date with the catalog: run `npm run docs`');
  }
}

const started = Date.now();
console.log('Building Agile Playbook');
rmSync(dist, { recursive: true, force: true });
const catalog = await buildCore();
const load = async (name) => import(pathToFileURL(join(root, 'scripts', name)).href);
// The hosts embed the sidebar bundle and the templates, so those come first.
await (await load('build-sidebar.mjs')).buildSidebar();
await (await load('build-templates.mjs')).buildTemplates();
await Promise.all([buildExcel(catalog), buildSheets(catalog)]);
// Each add-in's own files (task pane, ribbon, server functions, sidebar page) come from its build module.
const hostExtras = { root, dist, catalog, baseUrl };
if (existsSync(join(root, 'scripts/build-excel.mjs'))) await (await load('build-excel.mjs')).buildExcelExtras(hostExtras);
if (existsSync(join(root, 'scripts/build-gsheets.mjs'))) await (await load('build-gsheets.mjs')).buildGsheetsExtras(hostExtras);
docs(catalog);
console.log(`Built ${catalog.length} functions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
