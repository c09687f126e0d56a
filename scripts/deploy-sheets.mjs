// npm run deploy:sheets: build, then `clasp push` the Apps Script project in dist/gsheets. Needs a Google
// login (`npx clasp login`) and a .clasp.json naming the script; see docs/deploy-sheets.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const claspJson = join(root, '.clasp.json');
if (!existsSync(claspJson)) {
  console.error(`No .clasp.json in ${root}. Create one for your script:
  {"scriptId": "<your script id>", "rootDir": "dist/gsheets"}
or make the add-on's standalone project (an Editor add-on is a standalone project, never one bound to a
spreadsheet) with \`npx clasp create --type standalone --title "Agile Playbook" --rootDir dist/gsheets\`.
See docs/deploy-sheets.md.`);
  process.exit(2);
}
const { rootDir } = JSON.parse(readFileSync(claspJson, 'utf8'));
if (resolve(root, rootDir ?? '.') !== join(root, 'dist/gsheets')) {
  console.error(`.clasp.json must have "rootDir": "dist/gsheets" (it has ${JSON.stringify(rootDir)}), so that only the built add-on is pushed.`);
  process.exit(2);
}
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
if (run([join(root, 'scripts/build.mjs')]) !== 0) process.exit(1);
// clasp's bin is started through node: npm does not always mark it executable.
const clasp = createRequire(import.meta.url).resolve('@google/clasp/build/src/index.js');
process.exit(run([clasp, 'push', '--force']));
