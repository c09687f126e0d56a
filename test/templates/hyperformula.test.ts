// HyperFormula (GPL-3.0, tests only) opens the Google Sheets variant with the catalog registered as a
// function plugin and computes every formula: none may give an error, and each result, spilled cells
// included, must match the value cached in the file.
import { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/catalog';
import { catalogPlugin, catalogTranslations } from './hyperformula-catalog';
import { type FileSheet, addressesIn, built, decodeAddress, isBlankValue, readXlsx } from './workbooks';

interface Check {
  readonly sheet: string;
  readonly address: string;
  readonly cached: unknown;
}

let sheets: FileSheet[];
let hf: HyperFormula;
const checks: Check[] = [];

beforeAll(async () => {
  sheets = await readXlsx((await built('sheets')).bytes);
  const data: Record<string, unknown[][]> = {};
  for (const s of sheets) {
    const grid: unknown[][] = Array.from({ length: s.rows }, () => Array<unknown>(s.cols).fill(null));
    // Cells inside an array result stay empty for HyperFormula: the anchor's formula spills into them.
    const covered = new Set<string>();
    for (const [addr, c] of s.cells) {
      if (c.arrayRef) for (const a of addressesIn(c.arrayRef)) if (a !== addr) covered.add(a);
    }
    for (const [addr, c] of s.cells) {
      const { row, col } = decodeAddress(addr);
      if (c.formula !== undefined) {
        grid[row - 1]![col - 1] = `=${c.formula}`;
        checks.push({ sheet: s.name, address: addr, cached: c.result });
      } else if (covered.has(addr)) {
        checks.push({ sheet: s.name, address: addr, cached: c.value });
      } else {
        grid[row - 1]![col - 1] = c.value;
      }
    }
    data[s.name] = grid;
  }
  HyperFormula.registerFunctionPlugin(catalogPlugin(CATALOG), catalogTranslations(CATALOG));
  hf = HyperFormula.buildFromSheets(data as never, { licenseKey: 'gpl-v3' });
});

describe('the Google Sheets variant in HyperFormula', () => {
  it('has formulas on every sheet that computes something', () => {
    const withFormulas = new Set(checks.map((c) => c.sheet));
    for (const name of ['Backlog', 'Ranking', 'Decisions', 'Teams', 'Scorecard']) expect(withFormulas).toContain(name);
    expect(checks.length).toBeGreaterThan(300);
  });

  it('computes every formula without an error, matching the cached results', () => {
    const problems: string[] = [];
    for (const c of checks) {
      const sheet = hf.getSheetId(c.sheet)!;
      const { row, col } = decodeAddress(c.address);
      const got = hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
      const where = `${c.sheet}!${c.address}`;
      if (got !== null && typeof got === 'object') {
        problems.push(`${where}: ${(got as { value: string }).value} ${(got as { message?: string }).message ?? ''}`);
      } else if (isBlankValue(c.cached) ? !isBlankValue(got) : typeof c.cached === 'number'
        ? typeof got !== 'number' || Math.abs(got - c.cached) > 1e-9 * Math.max(1, Math.abs(c.cached))
        : got !== c.cached) {
        problems.push(`${where}: HyperFormula gives ${JSON.stringify(got)}, the file caches ${JSON.stringify(c.cached)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses plain A1 ranges and AGILE_ function names, never AGILE. or structured references', () => {
    const formulas = sheets.flatMap((s) => [...s.cells.values()].flatMap((c) => (c.formula ? [c.formula] : [])));
    const catalogCall = new RegExp(`(?<![A-Za-z0-9_.])(${CATALOG.map((s) => s.name).join('|')})\\(`, 'g');
    for (const f of formulas) {
      expect(f).not.toMatch(/AGILE\.|_xldudf_|\[/);
      // Every catalog call carries the prefix: a bare RICE( would be #NAME? in Sheets.
      for (const m of f.matchAll(catalogCall)) expect(f.slice(Math.max(0, m.index - 6), m.index), f).toBe('AGILE_');
    }
    expect(formulas.some((f) => /^AGILE_ALLOCATE\(A4:P\d+, Teams!A4:C9, Mix!A4:C8\)$/.test(f))).toBe(true);
  });
});
