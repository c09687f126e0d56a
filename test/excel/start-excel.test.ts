// The dev server of npm run start:excel: certificates from office-addin-dev-certs in a folder of our
// choosing (no system trust store touched), https that verifies against that CA, and nothing served from
// outside the add-in folder.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCertificates, serveHttps } from '../../scripts/start-excel.mjs';

const work = mkdtempSync(join(tmpdir(), 'start-excel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function get(port: number, path: string, ca: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port, path, ca, headers: { host: 'localhost' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('scripts/start-excel.mjs', () => {
  it('generates certificates once, into the folder given, and reuses them', async () => {
    const dir = join(work, 'certs');
    const first = await ensureCertificates(dir);
    const again = await ensureCertificates(dir);
    expect(readFileSync(first.ca, 'utf8')).toMatch(/BEGIN CERTIFICATE/);
    expect(again.certPem.equals(first.certPem)).toBe(true);
  });

  it('serves the add-in folder over https trusted by that CA, and nothing outside it', async () => {
    const certs = await ensureCertificates(join(work, 'certs'));
    const site = join(work, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'taskpane.html'), '<!doctype html><title>pane</title>');
    writeFileSync(join(work, 'secret.txt'), 'no');
    const { server, port } = await serveHttps(site, { cert: certs.certPem, key: certs.keyPem, port: 0 });
    try {
      const ca = readFileSync(certs.ca);
      const page = await get(port, '/taskpane.html', ca);
      expect([page.status, page.type, page.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>pane</title>']);
      expect((await get(port, '/../secret.txt', ca)).status).toBe(404);
      expect((await get(port, '/%2e%2e/secret.txt', ca)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
