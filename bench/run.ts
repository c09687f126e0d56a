// npm run bench: every figure of the project, printed as ratios against baselines in the same process.
import { existsSync } from 'node:fs';
import { runScoringBench } from './scoring.bench';

const sections: [string, () => Promise<string[]>][] = [['scoring', runScoringBench]];
if (existsSync(new URL('./capacity.bench.ts', import.meta.url))) {
  sections.push(['capacity', async () => (await import('./capacity.bench')).runCapacityBench()]);
}
if (existsSync(new URL('./scenarios.bench.ts', import.meta.url))) {
  sections.push(['scenarios', async () => [...(await (await import('./scenarios.bench')).runScenariosBench()), ...(await (await import('./browser-gains')).browserGainsLines())]]);
}
if (existsSync(new URL('./bundle-size.ts', import.meta.url))) {
  sections.push(['bundle size', async () => (await import('./bundle-size')).bundleSizeLines()]);
}
if (existsSync(new URL('./playground-page.ts', import.meta.url))) {
  sections.push(['playground page', async () => (await import('./playground-page')).playgroundPageLines()]);
}
for (const [name, run] of sections) {
  process.stdout.write(`\n== ${name} ==\n`);
  for (const line of await run()) console.log(line);
}
