// The catalog, Excel's functions.json, the Excel associations and the Sheets wrappers must list the same
// functions with the same parameters in the same order, so that the hosts can never drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/catalog';
import { DIST, excelFunctionsJson, loadExcel, loadSheets } from './load-bundles';

const paramNames = (f: (...a: unknown[]) => unknown) =>
  /^function\s*\w*\s*\(([^)]*)\)/.exec(f.toString())![1]!.split(',').map((s) => s.trim()).filter(Boolean);

describe('one catalog, three listings', () => {
  it('functions.json lists every catalog function with its parameters, optional ones marked', () => {
    const json = excelFunctionsJson();
    expect(json.functions.map((f) => f.id)).toEqual(CATALOG.map((s) => s.name));
    for (const spec of CATALOG) {
      const f = json.functions.find((x) => x.id === spec.name)!;
      expect(f.name).toBe(spec.name);
      expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => Boolean(p.optional)));
      expect(f.parameters.map((p) => p.dimensionality ?? 'scalar')).toEqual(
        spec.params.map((p) => (p.shape === 'range' ? 'matrix' : 'scalar')),
      );
      expect(f.result.dimensionality ?? 'scalar').toBe(spec.result === 'single' ? 'scalar' : 'matrix');
    }
  });

  it('functions.js associates exactly the ids of functions.json', () => {
    const { associated } = loadExcel();
    expect([...associated.keys()].sort()).toEqual(excelFunctionsJson().functions.map((f) => f.id).sort());
  });

  it('the Sheets project declares every function as a top-level AGILE_ function with the catalog parameters', () => {
    const { fn, context } = loadSheets();
    for (const spec of CATALOG) {
      expect(paramNames(fn(spec.name) as never), spec.name).toEqual(spec.params.map((p) => p.name));
    }
    // FUNCTIONS.md: "in Google Sheets ... every name carries the prefix AGILE_". No bare name may remain, or
    // =CD3(...) would still reach us and another add-on's RICE would collide with ours.
    const topLevel = Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === 'function');
    for (const spec of CATALOG) expect(topLevel, spec.name).not.toContain(spec.name);
    expect(topLevel.filter((k) => /^AGILE_/.test(k)).sort()).toEqual(CATALOG.map((s) => `AGILE_${s.name}`).sort());
  });

  it('every Sheets wrapper carries @customfunction JSDoc with help for each parameter', () => {
    const src = readFileSync(join(DIST, 'gsheets/functions.js'), 'utf8');
    for (const spec of CATALOG) {
      const doc = new RegExp(`/\\*\\*([^]*?)\\*/\\s*function AGILE_${spec.name}\\(`).exec(src);
      expect(doc, spec.name).not.toBeNull();
      expect(doc![1]).toContain('@customfunction');
      for (const p of spec.params) expect(doc![1]).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? \\S`));
    }
  });

  it('every catalog entry has a summary, help for each parameter and an example that calls it', () => {
    for (const spec of CATALOG) {
      expect(spec.summary.length, spec.name).toBeGreaterThan(10);
      for (const p of spec.params) expect(p.help.length, `${spec.name} ${p.name}`).toBeGreaterThan(5);
      expect(spec.example.startsWith(`${spec.name}(`), spec.name).toBe(true);
    }
  });

  it('docs/functions.md is the reference generated from the catalog (run npm run docs after a change)', async () => {
    const { functionsReferenceMd } = await import('../../scripts/lib/functions-reference.mjs');
    const onDisk = readFileSync(join(import.meta.dirname, '../../docs/functions.md'), 'utf8');
    expect(onDisk).toBe(functionsReferenceMd(CATALOG));
  });
});
