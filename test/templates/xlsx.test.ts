// The .xlsx files: what the build writes is what the declaration says, and building twice gives the
// same bytes (document dates and zip entry dates are pinned).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUARTER } from '../../templates/quarter';
import { renderWorkbook } from '../../templates/render';
import { workbookToXlsx } from '../../templates/xlsx';
import { ExcelJS, built, readXlsx } from './workbooks';

async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const { createRequire } = await import('node:module');
  const req = createRequire(createRequire(import.meta.url).resolve('exceljs'));
  const JSZip = req('jszip') as { loadAsync(b: Buffer): Promise<{ files: Record<string, { dir: boolean; async(t: 'string'): Promise<string> }> }> };
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('string'));
  return out;
}

describe('the Excel file', () => {
  it('stores add-in functions as Excel does and gives each table its calculated columns', async () => {
    const files = await unzip((await built('excel')).bytes);
    const tables = [...files.entries()].filter(([n]) => n.startsWith('xl/tables/')).map(([, x]) => x);
    const backlog = tables.find((x) => x.includes('name="Backlog"'))!;
    expect(backlog).toContain('<tableColumn id="16" name="Score" totalsRowFunction="none"><calculatedColumnFormula>_xldudf_AGILE_RICE(Backlog[[#This Row],[Reach]],');
    expect(backlog).toContain('totalsRowShown="0"');
    expect(files.get('xl/workbook.xml')).toContain('<calcPr calcId="191029"');
    expect(files.get('docProps/core.xml')).toContain('2026-01-01T00:00:00Z');
  });

  it('opens with frozen headers, validations, colour rules and number formats', async () => {
    // exceljs cannot read tables with calculated column formulas back, so this reads a file without them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookToXlsx((await built('excel')).book, { calculatedColumns: false })) as never);
    const ws = wb.getWorksheet('Backlog')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.getCell('H5').numFmt).toBe('0%');
    expect(ws.getCell('M5').numFmt).toBe('d mmm yyyy');
    expect(ws.getCell('M5').value).toEqual(new Date('2026-03-02T00:00:00Z'));
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    expect(Object.values(dv).some((v) => v.type === 'list' && v.formulae[0] === 'INDIRECT("Teams[Team]")')).toBe(true);
    expect(Object.values(dv).some((v) => v.type === 'list' && v.formulae[0] === '"Not started,In progress,Done,Blocked"')).toBe(true);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(expect.arrayContaining(['L5:L44', 'R5:R44']));
  });
});

describe('the Sheets file', () => {
  it('holds array formulas with their cached results over the whole spilled range', async () => {
    const [backlog] = (await readXlsx((await built('sheets')).bytes)).filter((s) => s.name === 'Backlog');
    expect(backlog!.cells.get('R4')).toMatchObject({ formula: 'AGILE_ALLOCATE(A4:P64, Teams!A4:C9, Mix!A4:C8)', arrayRef: 'R4:S64', result: 'Status' });
    expect(backlog!.cells.get('S5')!.value).toBe('Committed');
    expect(backlog!.cells.get('P6')!.value).toBeCloseTo(533.333, 3);
  });
});

describe('determinism', () => {
  it('writes the same bytes twice for each variant', async () => {
    for (const host of ['excel', 'sheets'] as const) {
      const a = await workbookToXlsx(renderWorkbook(QUARTER, host));
      const b = await workbookToXlsx(renderWorkbook(QUARTER, host));
      expect(a.equals(b), host).toBe(true);
      expect(a.equals((await built(host)).bytes)).toBe(true);
    }
  });

  it('builds the same two files twice through scripts/build-templates.mjs, as npm run build does', async () => {
    const { buildTemplates } = (await import('../../scripts/build-templates.mjs')) as unknown as { buildTemplates(o: { outDir: string }): Promise<Record<string, string>> };
    const first = await buildTemplates({ outDir: mkdtempSync(join(tmpdir(), 'ap-templates-')) });
    const second = await buildTemplates({ outDir: mkdtempSync(join(tmpdir(), 'ap-templates-')) });
    expect(Object.keys(first).sort()).toEqual(['excel', 'sheets']);
    for (const host of Object.keys(first)) {
      expect(first[host]!.endsWith(host === 'excel' ? 'agile-playbook-quarter.xlsx' : 'agile-playbook-quarter-sheets.xlsx')).toBe(true);
      expect(readFileSync(first[host]!).equals(readFileSync(second[host]!)), host).toBe(true);
      expect(readFileSync(first[host]!).equals((await built(host as 'excel' | 'sheets')).bytes), `${host} as the tests build it`).toBe(true);
    }
  }, 120_000);
});
