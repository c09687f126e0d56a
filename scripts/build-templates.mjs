// Builds the quarterly-planning workbooks into dist/templates/: the Excel variant (AGILE.* functions,
// tables, structured references) and the Google Sheets variant (bare names, A1 ranges) for upload to Drive.
// The template and the core are TypeScript, so they are bundled to dist/.gen first and imported.
// Call after the core build: `await (await import('./build-templates.mjs')).buildTemplates()`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const TEMPLATE_FILES = {
  excel: 'agile-playbook-quarter.xlsx',
  sheets: 'agile-playbook-quarter-sheets.xlsx',
};

/** Bundles templates/ with the core and imports it: the declaration, renderWorkbook and workbookToXlsx. */
export async function loadTemplates(root = ROOT) {
  const outfile = join(root, 'dist/.gen/templates.mjs');
  await esbuild.build({
    stdin: {
      contents: "export * from './templates/index.ts';\nexport { workbookToXlsx } from './templates/xlsx.ts';\n",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'templates-entry.ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['exceljs'],
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/**
 * Writes both workbooks and returns their paths. Fails with the cell and the message when a catalog
 * function the template uses is missing or the sample data computes an error.
 */
export async function buildTemplates({ root = ROOT, outDir = join(root, 'dist/templates') } = {}) {
  const t = await loadTemplates(root);
  mkdirSync(outDir, { recursive: true });
  const written = {};
  for (const [host, file] of Object.entries(TEMPLATE_FILES)) {
    const path = join(outDir, file);
    writeFileSync(path, await t.workbookToXlsx(t.renderWorkbook(t.QUARTER, host)));
    written[host] = path;
  }
  process.stdout.write(`  ${relative(root, outDir) || '.'}/ (${Object.values(TEMPLATE_FILES).join(', ')})\n`);
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildTemplates();
}
