// npm run start:excel: build the add-in for https://localhost:<port>/, then serve dist/excel over https
// with developer certificates from office-addin-dev-certs, and print how to sideload it.
//
// The certificates are generated with the package's API into its usual folder (~/.office-addin-dev-certs,
// or --cert-dir DIR), so serving needs no system-wide trust change. Excel (and your browser) must trust
// the CA before the pane loads: `npx office-addin-dev-certs install` does that once (it asks for admin).
//
// Options: --port N (default 3000; the manifest's URLs follow it), --no-build (serve the last build),
// --cert-dir DIR.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import devCerts from 'office-addin-dev-certs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'dist/excel');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(option('--port', process.env.PORT || '3000'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (got ${option('--port', process.env.PORT)})`);
  process.exit(2);
}
const certDir = resolve(option('--cert-dir', join(process.env.HOME || process.env.USERPROFILE || root, '.office-addin-dev-certs')));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Certificates that exist and are valid for at least another day, or freshly generated ones. */
export async function ensureCertificates(dir) {
  const paths = { ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
  const fresh = () => {
    if (!Object.values(paths).every((p) => existsSync(p))) return false;
    const validTo = Date.parse(new X509Certificate(readFileSync(paths.cert)).validTo);
    return validTo - Date.now() > 24 * 3600 * 1000;
  };
  if (!fresh()) {
    // generateCertificates writes nothing when ca.crt exists, so a stale set is replaced whole.
    for (const p of Object.values(paths)) rmSync(p, { force: true });
    await devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 30, ['127.0.0.1', 'localhost']);
  }
  return { ...paths, certPem: readFileSync(paths.cert), keyPem: readFileSync(paths.key) };
}

/** Serves dir over https; Excel fetches functions.json and the pages cross-origin, hence CORS. */
export function serveHttps(dir, { cert, key, port: wanted }) {
  const server = createServer({ cert, key }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    const file = normalize(join(dir, path === '/' ? 'taskpane.html' : path));
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(wanted, '127.0.0.1', () => ok({ server, port: server.address().port }));
  });
}

function instructions(url) {
  return `
Agile Playbook for Excel is served at ${url}  (Ctrl+C stops it)
  manifest: ${join(site, 'manifest.xml')}

First time only: trust the developer CA so Excel accepts https://localhost:
  npx office-addin-dev-certs install        (Windows/macOS; asks for admin; trusts ~/.office-addin-dev-certs/ca.crt;
                                            with --cert-dir, trust ${join(certDir, 'ca.crt')} yourself)

Sideload:
  Excel on the web   open a workbook → Home → Add-ins → More Settings → Upload My Add-in →
                     choose dist/excel/manifest.xml
  Excel on Windows   with office-addin-debugging: npx office-addin-debugging start dist/excel/manifest.xml desktop
                     or: share a folder, add it under File → Options → Trust Center → Trusted Add-in Catalogs
                     (tick "Show in Menu"), copy manifest.xml there, restart Excel → Add-ins → Shared Folder
  Excel on Mac       copy dist/excel/manifest.xml to
                     ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel,
                     or: npx office-addin-debugging start dist/excel/manifest.xml desktop
Then open the "Agile Playbook" tab on the ribbon, or type =AGILE. in a cell.
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const base = `https://localhost:${port || 3000}/`;
  if (!args.includes('--no-build')) {
    const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--base-url', base], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('The build failed (see above), so there is nothing new to serve.');
      process.exit(built.status ?? 1);
    }
  }
  if (!existsSync(join(site, 'manifest.xml'))) {
    console.error('dist/excel/manifest.xml is missing: run `npm run start:excel` without --no-build.');
    process.exit(1);
  }
  try {
    const certs = await ensureCertificates(certDir);
    const { server, port: bound } = await serveHttps(site, { cert: certs.certPem, key: certs.keyPem, port });
    if (port !== 0 && !readFileSync(join(site, 'manifest.xml'), 'utf8').includes(`https://localhost:${bound}/`)) {
      console.warn(`Note: dist/excel/manifest.xml does not point at https://localhost:${bound}/; rebuild without --no-build.`);
    }
    console.log(instructions(`https://localhost:${bound}/`));
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(e?.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port with another port (and let it rebuild, so the manifest follows).` : String(e?.stack ?? e));
    process.exit(1);
  }
}
