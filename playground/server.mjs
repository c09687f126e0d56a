// A small static file server for the playground (npm start) and the browser tests. Local only: it binds
// to 127.0.0.1, answers only requests addressed to localhost or 127.0.0.1 (a page on another site that
// rebinds its DNS name to 127.0.0.1 still sends its own name as Host, so it cannot read what is served),
// serves one folder, refuses paths and symlinks that lead out of it, sends a Content-Security-Policy, and
// caches nothing, so a rebuild shows on reload.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
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

// The page's own policy (index.html repeats it in a meta tag), plus what only a header can say: no page
// may frame the playground, and no plugin, <base> or form target is allowed. The one-pager preview is an
// srcdoc frame, which inherits this policy: it needs inline styles and no script.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** localhost or 127.0.0.1, with or without a port: the only names this server answers to. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1)(:\d{1,5})?$/i;

const inside = (root, path) => path === root || path.startsWith(root + sep);

function handler(root) {
  const realRoot = realpath(root).catch(() => root);
  return async (req, res) => {
    try {
      if (!LOCAL_HOST.test(req.headers.host ?? '')) {
        res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This server answers only to localhost and 127.0.0.1.');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!inside(root, path)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      // A symlink inside the folder may point anywhere: serve a file only where it really is inside.
      const real = await realpath(path);
      if (!inside(await realRoot, real)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      const body = await readFile(real);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Referrer-Policy': 'no-referrer',
      });
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
