// The optimal capacity value in the browser, as the Scenarios panel runs it: 2,000 items × 20 teams, 21
// HiGHS solves in the planner's Web Worker in Debian's Chromium, under the panel's one 10 s limit. The
// figure is seconds against that limit and the worst gap, measured on the built playground (npm run build).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { capacityData } from './capacity-data';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';

export async function browserGainsLines(): Promise<string[]> {
  const dir = join(ROOT, 'dist/playground');
  if (!existsSync(CHROMIUM) || !existsSync(join(dir, 'sidebar/planner-worker.js'))) return ['optimal capacity value in Chromium: skipped (no /usr/bin/chromium or no dist/playground)'];
  const { serveDir } = (await import(join(ROOT, 'playground/server.mjs'))) as { serveDir(d: string, o: { port: number }): Promise<{ url: string; close(): Promise<void> }> };
  const server = await serveDir(dir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const data = capacityData({ items: 2000, teams: 20, seed: 7 });
    const run = (tables: unknown) =>
      page.evaluate(async (tables) => {
        const w = new Worker('sidebar/planner-worker.js');
        const t0 = performance.now();
        const reply = await new Promise<{ kind: string; gains?: { gap: number; seconds: number; teams: { gain: number }[] }; message?: string }>((ok) => {
          w.onmessage = (e) => e.data.kind !== 'stage' && e.data.kind !== 'progress' && ok(e.data);
          w.postMessage({ id: 1, tables, timeLimitSeconds: 10, gap: 0.005, wasmUrl: new URL('sidebar/highs.wasm', location.href).href, task: { kind: 'gains', step: 5 } });
        });
        w.terminate();
        return { ms: performance.now() - t0, reply };
      }, tables);
    const cold = await run(data);
    const warm = await run(data);
    if (!warm.reply.gains) return [`optimal capacity value in Chromium failed: ${warm.reply.message}`];
    const g = warm.reply.gains;
    return [
      `optimal capacity value (step 5), 2,000 items × 20 teams, 21 HiGHS solves in the Chromium worker: ${(warm.ms / 1000).toFixed(2)} s for the 10 s limit ` +
        `(${(cold.ms / 1000).toFixed(2)} s with a fresh worker loading HiGHS), worst gap ${(g.gap * 100).toFixed(2)}%`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await browserGainsLines()) console.log(line);
}
