// A small static file server for the playground (npm start) and the browser tests. Local only: it binds
// to 127.0.0.1, serves one folder, refuses paths that climb out of it, and caches nothing, so a rebuild
// shows on reload.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // application/wasm lets the browser compile HiGHS while it downloads.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function handler(root) {
  return async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  };
}

function listen(server, port, host) {
  return new Promise((ok, fail) => {
    const onError = (e) => {
      server.off('listening', onListening);
      fail(e);
    };
    const onListening = () => {
      server.off('error', onError);
      ok(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves `dir` on http://localhost:<port>. With `exact`, only that port (PORT was given); otherwise the
 * first free one from `port` up (port 0: any free port, for tests). Resolves to { url, port, close }.
 */
export async function serveDir(dir, { port = 5173, exact = false, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const server = createServer(handler(root));
  for (let p = port, tries = 0; ; p++, tries++) {
    try {
      const bound = await listen(server, p, host);
      return { url: `http://localhost:${bound}/`, port: bound, close: () => new Promise((ok) => server.close(() => ok())) };
    } catch (e) {
      if (e?.code !== 'EADDRINUSE' || exact || port === 0 || tries >= 50) throw e;
    }
  }
}
