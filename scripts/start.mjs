// npm start: build everything (scripts/build.mjs, which builds the sidebar and the playground too), then
// serve the playground on http://localhost:<port>. PORT picks the port; otherwise 5173 or the next free
// one. --no-build serves the last build as it is.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir } from '../playground/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const page = join(root, 'dist/playground');

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('The build failed (see above), so there is nothing new to serve.');
    process.exit(built.status ?? 1);
  }
  // Until the main build builds the sidebar itself, build it here.
  if (!existsSync(join(page, 'index.html'))) await (await import('./build-sidebar.mjs')).buildSidebar();
}
if (!existsSync(join(page, 'index.html'))) {
  console.error('dist/playground/index.html is missing: run `npm start` without --no-build.');
  process.exit(1);
}

const wanted = process.env.PORT;
const port = wanted === undefined || wanted === '' ? 5173 : Number(wanted);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number from 0 to 65535 (got "${wanted}")`);
  process.exit(2);
}
try {
  const server = await serveDir(page, { port, exact: wanted !== undefined && wanted !== '' });
  console.log(`\nAgile Playbook playground: ${server.url}\n(Ctrl+C stops it)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const busy = e?.code === 'EADDRINUSE';
  console.error(busy ? `Port ${port} is in use: set PORT to another port, or leave PORT unset to use the next free one.` : String(e));
  process.exit(1);
}
