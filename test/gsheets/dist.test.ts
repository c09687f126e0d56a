// dist/gsheets is exactly what `clasp push` sends: least privilege, no network, nothing else in it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../browser/helpers';
import { GSHEETS, distFiles } from './harness';

const PUSHABLE = /\.(js|gs|html)$|^appsscript\.json$/;
const CLASP = join(ROOT, 'node_modules/@google/clasp/build/src/index.js');

describe('dist/gsheets', () => {
  it('holds only files clasp pushes: the bundle, the generated wrappers, the sidebar page, the planner\'s wasm, the manifest', () => {
    const files = readdirSync(GSHEETS).sort();
    expect(files).toEqual(['agile-playbook.js', 'appsscript.json', 'functions.js', 'highs-wasm.html', 'server.js', 'sidebar.html']);
    expect(files.every((f) => PUSHABLE.test(f))).toBe(true);
  });

  it('asks only for the current spreadsheet and the container UI', () => {
    const manifest = JSON.parse(readFileSync(join(GSHEETS, 'appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
    expect(manifest.runtimeVersion).toBe('V8');
    expect(readFileSync(join(GSHEETS, 'server.js'), 'utf8')).toMatch(/^\/\*\*[\s\S]*@OnlyCurrentDoc[\s\S]*?\*\//);
  });

  it('makes no network calls from the server (no UrlFetchApp), and the sidebar page none outside its worker', () => {
    for (const [name, text] of Object.entries(distFiles())) {
      expect(text, name).not.toMatch(/UrlFetchApp/);
      // The HiGHS loader inside the worker fetches highs.wasm, which here is a blob: URL made in the page.
      const outsideWorker = name === 'sidebar.html' ? text.replace(/<script type="text\/plain" id="ap-planner-worker">[\s\S]*?<\/script>/, '') : text;
      if (name !== 'highs-wasm.html') expect(outsideWorker, name).not.toMatch(/\bfetch\(|XMLHttpRequest/);
    }
  });

  it('keeps highs.wasm as base64 in an HTML file: never evaluated on a custom-function call, only read when asked', () => {
    const wasm = readFileSync(join(ROOT, 'dist/sidebar/highs.wasm'));
    expect(Buffer.from(readFileSync(join(GSHEETS, 'highs-wasm.html'), 'utf8'), 'base64').equals(wasm)).toBe(true);
  });

  it('serves the sidebar as one self-contained page: inline CSS and JS, no scriptlets, no external resources', () => {
    const html = readFileSync(join(GSHEETS, 'sidebar.html'), 'utf8');
    expect(html).not.toContain('<?');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
    expect(html.match(/<script>/g)).toHaveLength(2);
    // The planner's worker travels as inert text in the page, turned into a blob: worker only for optimal plans.
    expect(html.match(/<script type="text\/plain" id="ap-planner-worker">/g)).toHaveLength(1);
    expect(html).toContain('data-initial-view="prioritize"');
  });

  it('is exactly what clasp 3 would push (clasp status, offline, no login)', () => {
    // clasp refuses a rootDir outside the folder of .clasp.json, so a copy sits beside a dummy one.
    const dir = mkdtempSync(join(tmpdir(), 'clasp-'));
    try {
      mkdirSync(join(dir, 'home'));
      cpSync(GSHEETS, join(dir, 'gsheets'), { recursive: true });
      writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ scriptId: 'offline-check', rootDir: 'gsheets' }));
      const out = execFileSync(process.execPath, [CLASP, 'status', '--json'], { cwd: dir, env: { ...process.env, HOME: join(dir, 'home') }, encoding: 'utf8', timeout: 60_000 });
      const status = JSON.parse(out) as { filesToPush: string[]; untrackedFiles: string[] };
      expect(status.filesToPush.map((f) => f.replace(/^gsheets\//, '')).sort()).toEqual(readdirSync(GSHEETS).sort());
      expect(status.untrackedFiles).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
