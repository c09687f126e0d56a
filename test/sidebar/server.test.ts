// Issue 12.15: the playground server answers only requests addressed to localhost or 127.0.0.1 (DNS
// rebinding), sends a Content-Security-Policy, and serves nothing outside its folder, symlinks included.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The server is plain JavaScript (npm start runs it without a build), so it is imported as test/browser does.
const { serveDir, CONTENT_SECURITY_POLICY } = (await import('../../playground/server.mjs' as string)) as {
  serveDir(dir: string, opts: { port: number }): Promise<{ port: number; close(): Promise<void> }>;
  CONTENT_SECURITY_POLICY: string;
};

let server: { port: number; close(): Promise<void> };
const base = mkdtempSync(join(tmpdir(), 'pg-server-'));
const root = join(base, 'root');

function get(path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: host === undefined ? {} : { host }, setHost: host === undefined }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>pg</title>');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(base, join(root, 'up'));
  writeFileSync(join(root, 'real.txt'), 'inside');
  symlinkSync(join(root, 'real.txt'), join(root, 'alias.txt'));
  server = await serveDir(root, { port: 0 });
});
afterAll(() => server.close());

describe('the playground server', () => {
  it('answers localhost and 127.0.0.1, with or without the port', async () => {
    for (const host of ['localhost', `localhost:${server.port}`, `127.0.0.1:${server.port}`, 'LOCALHOST']) {
      expect((await get('/', host)).status, host).toBe(200);
    }
  });

  it('refuses any other Host, as a DNS-rebinding page would send, and a request without one', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, 'localhost.evil.example', '127.0.0.1.nip.io', '0.0.0.0', '']) {
      const res = await get('/', host);
      expect(res.status, host).toBe(421);
      expect(res.body).not.toContain('<title>pg</title>');
    }
  });

  it('sends a Content-Security-Policy that allows only its own origin and no framing', async () => {
    const csp = String((await get('/', 'localhost')).headers['content-security-policy']);
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp.split(/[\s;]+/)).not.toContain("'unsafe-eval'");
  });

  it('does not follow a symlink out of its folder, and still serves one that stays inside', async () => {
    expect((await get('/leak.txt', 'localhost')).status).toBe(403);
    expect((await get('/up/secret.txt', 'localhost')).status).toBe(403);
    const alias = await get('/alias.txt', 'localhost');
    expect([alias.status, alias.body]).toEqual([200, 'inside']);
  });
});
