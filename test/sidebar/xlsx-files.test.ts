// The playground's files as people have them (issue 13.1, 13.2, 13.3, 13.8; issue 12.4, 12.7, 12.13):
// tables with calculated columns, totals rows and no header row open and come back undamaged; every
// sheet counts whatever its visibility; text stays text; catalog calls are saved in one host's form;
// every bad file gets a sentence, not a library's message; CSV imports.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileProblem, MAX_UNCOMPRESSED, checkFile } from '../../playground/file-check';
import { openWorkbookFile } from '../../playground/open-file';
import { liveBridge } from './live';
import { detectTables } from '../../playground/tables';
import { readXlsx, writeXlsx } from '../../playground/xlsx';

const req = createRequire(createRequire(import.meta.url).resolve('exceljs'));
interface Zip {
  file(name: string, data: string | Uint8Array): Zip;
  file(name: string): { async(t: 'string'): Promise<string> } | null;
  files: Record<string, unknown>;
  generateAsync(o: { type: 'uint8array'; compression?: string }): Promise<Uint8Array>;
}
const JSZip = req('jszip') as { new (): Zip; loadAsync(b: Uint8Array): Promise<Zip> };
/** The browser build the playground bundles (patched the same way as the Node build). */
const BrowserExcelJS = createRequire(import.meta.url)('exceljs/dist/exceljs.js') as typeof ExcelJS;

/**
 * A workbook whose tables are written as Excel and LibreOffice write them, not as exceljs does: a calculated
 * column (CT_TableColumn's calculatedColumnFormula child), a totals row, and a headerless table.
 */
async function foreignTables(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Backlog');
  ws.addRows([['ID', 'Reach', 'Effort', 'Score'], ['A', 100, 2, { formula: 'Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]', result: 50 }], ['B', 300, 3, { formula: 'Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]', result: 100 }], ['Total', '', 5, { formula: 'SUBTOTAL(109,Backlog[Score])', result: 150 }]]);
  ws.getCell('G2').value = 1;
  ws.getCell('H2').value = 2;
  ws.addTable({ name: 'Backlog', ref: 'A1', headerRow: true, totalsRow: false, columns: ['ID', 'Reach', 'Effort', 'Score'].map((name) => ({ name })), rows: [] });
  ws.addTable({ name: 'Raw', ref: 'G2', headerRow: false, columns: [{ name: 'x' }, { name: 'y' }], rows: [] });
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const names = Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).sort();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  // As LibreOffice writes it: no headerRowCount (it defaults to 1), a totals row, a calculated column.
  zip.file(names[0]!, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${ns} id="1" name="Backlog" displayName="Backlog" ref="A1:D4" totalsRowCount="1"><autoFilter ref="A1:D3"/><tableColumns count="4"><tableColumn id="1" name="ID" totalsRowLabel="Total"/><tableColumn id="2" name="Reach"/><tableColumn id="3" name="Effort" totalsRowFunction="sum"/><tableColumn id="4" name="Score" totalsRowFunction="custom"><calculatedColumnFormula>Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]</calculatedColumnFormula><totalsRowFormula>SUBTOTAL(109,Backlog[Score])</totalsRowFormula></tableColumn></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`);
  zip.file(names[1]!, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${ns} id="2" name="Raw" displayName="Raw" ref="G2:H2" headerRowCount="0"><tableColumns count="2"><tableColumn id="1" name="x"/><tableColumn id="2" name="y"/></tableColumns></table>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function tableXml(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).sort();
  return Promise.all(names.map((n) => zip.file(n)!.async('string')));
}

describe('tables with calculated columns, totals rows and no header row (exceljs #1240, patched)', () => {
  it('open in the Node build and in the browser build the playground bundles', async () => {
    const bytes = await foreignTables();
    for (const E of [ExcelJS, BrowserExcelJS]) {
      const x = new E.Workbook();
      await x.xlsx.load(bytes.buffer as ArrayBuffer);
      const tables = (x.getWorksheet('Backlog') as unknown as { tables: Record<string, { table: { columns: { name: string; calculatedColumnFormula?: string }[]; headerRow: boolean; totalsRow: boolean } }> }).tables;
      expect(tables['Backlog']!.table.columns.map((c) => c.name)).toEqual(['ID', 'Reach', 'Effort', 'Score']);
      expect(tables['Backlog']!.table.columns[3]!.calculatedColumnFormula).toBe('Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]');
      expect([tables['Backlog']!.table.headerRow, tables['Backlog']!.table.totalsRow]).toEqual([true, true]);
      expect(tables['Raw']!.table.headerRow).toBe(false);
    }
  });

  it('are offered with their own geometry: the totals row is not an item, a headerless table is not offered', async () => {
    const { workbook } = await readXlsx(ExcelJS, await foreignTables(), 'f.xlsx');
    const t = detectTables(workbook.sheet('Backlog')!);
    expect(t.map((x) => [x.name, x.headerRow, x.bottom, x.headers.join('|')])).toEqual([['Backlog', 0, 2, 'ID|Reach|Effort|Score']]);
    expect(t[0]!.notes).toEqual([]);
  });

  it('come back from a save with the header row, totals row, calculated column and formulas the file had', async () => {
    const opened = await readXlsx(ExcelJS, await foreignTables(), 'f.xlsx');
    const [backlog, raw] = await tableXml(await writeXlsx(ExcelJS, opened.workbook, opened.original));
    expect(backlog).not.toContain('headerRowCount="0"');
    expect(backlog).toContain('totalsRowCount="1"');
    expect(backlog).toContain('<calculatedColumnFormula>Backlog[[#This Row],[Reach]]/Backlog[[#This Row],[Effort]]</calculatedColumnFormula>');
    expect(backlog).toContain('<totalsRowFormula>SUBTOTAL(109,Backlog[Score])</totalsRowFormula>');
    expect(backlog).not.toContain('hiddenButton="1"');
    expect(raw).toContain('headerRowCount="0"');
    expect(raw).not.toContain('<autoFilter');
  });

  it('grow over a row typed directly under them, as Excel tables do', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Ideas');
    ws.addTable({ name: 'Ideas', ref: 'A1', columns: [{ name: 'ID' }, { name: 'Reach' }], rows: [['I-1', 10], ['I-2', 20]] });
    const opened = await readXlsx(ExcelJS, new Uint8Array(await src.xlsx.writeBuffer()), 'i.xlsx');
    opened.workbook.sheet('Ideas')!.set(3, 0, { value: 'I-3' });
    opened.workbook.sheet('Ideas')!.set(3, 1, { value: 30 });
    expect(detectTables(opened.workbook.sheet('Ideas')!)[0]!.bottom).toBe(3);
    const [xml] = await tableXml(await writeXlsx(ExcelJS, opened.workbook, opened.original));
    expect(xml).toContain('ref="A1:B4"');
  });
});

describe('every sheet counts, whatever its visibility (issue 12.4)', () => {
  it('reads a very hidden Plan sheet, offers none of its tables, and the planner cannot create one over it', async () => {
    const src = new ExcelJS.Workbook();
    src.addWorksheet('Backlog').addRows([['ID', 'Score', 'Effort'], ['A', 5, 1]]);
    const plan = src.addWorksheet('Plan');
    plan.addRows([['Keep', 'this'], ['budget', 1000]]);
    plan.state = 'veryHidden';
    const opened = await readXlsx(ExcelJS, new Uint8Array(await src.xlsx.writeBuffer()), 'h.xlsx');
    expect(opened.workbook.sheet('Plan')?.hidden).toBe('veryHidden');
    const bridge = (await liveBridge(opened.workbook, 'excel')).bridge;
    expect((await bridge.listTables()).map((t) => t.sheet)).toEqual(['Backlog']);
    const r = await bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['A', 'Planned']] });
    expect(r.ok).toBe(false);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, bridge.workbook.toWorkbook(), opened.original)).buffer as ArrayBuffer);
    expect(x.getWorksheet('Plan')!.getCell('B2').value).toBe(1000);
    expect(x.getWorksheet('Plan')!.state).toBe('veryHidden');
  });
});

describe('text stays text in the saved file (issue 12.7)', () => {
  it('saves IDs and items that look like numbers, booleans or errors as the text they are', async () => {
    const texts = ['00042', '1e3', '12%', 'TRUE', '007', '#N/A pending', '#REF!x', '#N/A'];
    const w = new ExcelJS.Workbook();
    w.addWorksheet('Items').addRows([['ID', 'Reach'], ...texts.map((_, i) => [`I-${i}`, i])]);
    const { bridge } = await liveBridge((await readXlsx(ExcelJS, new Uint8Array(await w.xlsx.writeBuffer()), 't.xlsx')).workbook);
    const [t] = await bridge.listTables();
    expect((await bridge.writeColumns(t!.id, [{ header: 'Note', values: texts }])).ok).toBe(true);
    const wb = bridge.workbook.toWorkbook();
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, wb)).buffer as ArrayBuffer);
    const ws = x.getWorksheet('Items')!;
    texts.forEach((v, i) => {
      expect(ws.getCell(i + 2, 3).value).toBe(v);
      expect(ws.getCell(i + 2, 3).type).toBe(ExcelJS.ValueType.String);
    });
  });

  it('keeps an error value read from the file an error, and saves no non-finite number', async () => {
    const w = new ExcelJS.Workbook();
    w.addWorksheet('S').getCell('A1').value = { error: '#N/A' };
    const opened = await readXlsx(ExcelJS, new Uint8Array(await w.xlsx.writeBuffer()), 'e.xlsx');
    opened.workbook.sheet('S')!.set(1, 0, { value: Number.POSITIVE_INFINITY });
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, opened.workbook, opened.original)).buffer as ArrayBuffer);
    expect(x.getWorksheet('S')!.getCell('A1').value).toEqual({ error: '#N/A' });
    expect(x.getWorksheet('S')!.getCell('A2').value).toEqual({ error: '#NUM!' });
  });
});

describe('catalog formulas are saved in the target host’s form, consistently (issue 13.3)', () => {
  async function mixed() {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet('B');
    ws.addRows([['Reach', 'Impact', 'Confidence', 'Effort', 'A', 'B', 'C'], [10, 1, 1, 2]]);
    ws.getCell('E2').value = { formula: 'RICE(A2,B2,C2,D2)', result: 5 };
    ws.getCell('F2').value = { formula: 'AGILE.RICE(A2,B2,C2,D2)&"AGILE.RICE("', result: '5AGILE.RICE(' };
    ws.getCell('G2').value = { formula: 'AGILE_ICE(B2,C2,D2)+SUM(A2)', result: 3 };
    return readXlsx(ExcelJS, new Uint8Array(await w.xlsx.writeBuffer()), 'm.xlsx');
  }
  it('Excel: _xldudf_AGILE_ names (what Excel writes for an add-in function), with cached results', async () => {
    const opened = await mixed();
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, opened.workbook, opened.original, { look: 'excel' })).buffer as ArrayBuffer);
    const ws = x.getWorksheet('B')!;
    expect(ws.getCell('E2').value).toMatchObject({ formula: '_xldudf_AGILE_RICE(A2,B2,C2,D2)', result: 5 });
    expect((ws.getCell('F2').value as { formula: string }).formula).toBe('_xldudf_AGILE_RICE(A2,B2,C2,D2)&"AGILE.RICE("');
    expect((ws.getCell('G2').value as { formula: string }).formula).toBe('_xldudf_AGILE_ICE(B2,C2,D2)+SUM(A2)');
  });
  it('Sheets: AGILE_ names', async () => {
    const opened = await mixed();
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, opened.workbook, opened.original, { look: 'sheets' })).buffer as ArrayBuffer);
    const ws = x.getWorksheet('B')!;
    expect(['E2', 'F2', 'G2'].map((a) => (ws.getCell(a).value as { formula: string }).formula.split('(')[0])).toEqual(['AGILE_RICE', 'AGILE_RICE', 'AGILE_ICE']);
  });
});

describe('number formats travel with the cells (issue 13.7)', () => {
  it('saves a cell’s format, and reads the formats a file has', async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet('K');
    ws.getCell('A1').value = 0.955;
    ws.getCell('A1').numFmt = '0.0%';
    const opened = await readXlsx(ExcelJS, new Uint8Array(await w.xlsx.writeBuffer()), 'k.xlsx');
    expect(opened.workbook.sheet('K')!.get(0, 0)!.format).toBe('0.0%');
    opened.workbook.sheet('K')!.set(1, 0, { value: 1.085, format: '0.0' });
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, opened.workbook, opened.original)).buffer as ArrayBuffer);
    expect(x.getWorksheet('K')!.getCell('A1').numFmt).toBe('0.0%');
    expect(x.getWorksheet('K')!.getCell('A2').numFmt).toBe('0.0');
  });

  it('what the sidebar writes carries its formats into the downloaded file, and a read reports each column’s format', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Backlog');
    ws.addRows([['ID', 'Reach', 'Effort', 'Done'], ['A', 100, 3, 0.25], ['B', 300, 4, 0.5]]);
    ws.getCell('D2').numFmt = '0%';
    const opened = await readXlsx(ExcelJS, new Uint8Array(await src.xlsx.writeBuffer()), 'f.xlsx');
    const bridge = (await liveBridge(opened.workbook, 'excel')).bridge;
    const [t] = await bridge.listTables();
    expect((await bridge.readTable(t!.id)).numberFormats).toEqual(['', '', '', '0%']);
    expect((await bridge.writeColumns(t!.id, [{ header: 'Per week', values: [33.333, 75], numberFormat: '0.0' }])).ok).toBe(true);
    expect((await bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Load'], ['A', 0.972222]], columnFormats: [undefined, '0%'] })).ok).toBe(true);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, bridge.workbook.toWorkbook(), opened.original)).buffer as ArrayBuffer);
    const b = x.getWorksheet('Backlog')!;
    expect([b.getCell('E1').numFmt, b.getCell('E2').numFmt, b.getCell('E3').numFmt]).toEqual([undefined, '0.0', '0.0']);
    const plan = x.getWorksheet('Plan')!;
    expect([plan.getCell('B1').numFmt, plan.getCell('B2').numFmt]).toEqual([undefined, '0%']);
    expect(plan.getCell('B2').value).toBe(0.972222);
  });
});

describe('a merged title over a backlog (issue 13.4)', () => {
  it('is one cell, so the header row under it is the header', async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet('Backlog');
    ws.getCell('A1').value = 'Q3 marketing backlog';
    ws.mergeCells('A1:E1');
    ws.addRow(['ID', 'Reach', 'Impact', 'Confidence', 'Effort']);
    for (let i = 0; i < 32; i++) ws.addRow([`M-${i}`, 100, 1, 0.5, 2]);
    const { workbook } = await readXlsx(ExcelJS, new Uint8Array(await w.xlsx.writeBuffer()), 'b.xlsx');
    const [t] = detectTables(workbook.sheet('Backlog')!);
    expect([t!.headerRow, t!.headers[0], t!.bottom - t!.headerRow]).toEqual([1, 'ID', 32]);
  });
});

async function problem(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await openWorkbookFile(ExcelJS, bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(FileProblem);
    return (e as Error).message;
  }
  throw new Error(`${name} opened`);
}

describe('bad files get a sentence that says what the file is and what to do (issue 13.8, 12.13)', () => {
  const ole = (extra: string) => {
    const b = new Uint8Array(1024);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...extra].forEach((ch, i) => (b[600 + 2 * i] = ch.charCodeAt(0)));
    return b;
  };
  it('names each kind', async () => {
    expect(await problem(new Uint8Array(), 'empty.xlsx')).toMatch(/“empty\.xlsx” is empty \(0 bytes\)/);
    expect(await problem(new Uint8Array([1, 2, 0, 4, 0, 9]), 'blob.xlsx')).toMatch(/is not an \.xlsx workbook/);
    expect(await problem(ole('EncryptionInfo'), 'secret.xlsx')).toMatch(/protected with a password.*remove the password/);
    expect(await problem(ole('Workbook'), 'old.xls')).toMatch(/Excel 97–2003 workbook \(\.xls\)\. Save it as an Excel Workbook \(\.xlsx\)/);
    const notXlsx = await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'uint8array' });
    expect(await problem(notXlsx, 'notxlsx.xlsx')).toMatch(/is a zip file but not an Excel workbook/);
    expect(await problem(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), 'cut.xlsx')).toMatch(/damaged or cut short/);
    const ods = await new JSZip().file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet').file('content.xml', '<x/>').generateAsync({ type: 'uint8array' });
    expect(await problem(ods, 'calc.ods')).toMatch(/OpenDocument spreadsheet/);
    for (const m of [await problem(notXlsx, 'n.xlsx'), await problem(new Uint8Array([1, 0]), 'b.xlsx')]) expect(m).not.toMatch(/jszip|central directory/i);
  });

  it('refuses a zip whose directory says it expands past the limit, before inflating anything, and says the limit', async () => {
    const small = await new JSZip().file('xl/workbook.xml', '<workbook/>').file('xl/worksheets/sheet1.xml', 'x').generateAsync({ type: 'uint8array' });
    // Claim 400 MiB for the sheet in the central directory (a zip bomb's directory says what it expands to).
    const bytes = small.slice();
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 46 < bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 400 * 1024 * 1024, true);
    const m = await problem(bytes, 'bomb.xlsx');
    expect(m).toMatch(/would expand to \d+ MB/);
    expect(m).toContain(`up to ${MAX_UNCOMPRESSED / 1024 / 1024} MB uncompressed`);
    expect(checkFile(small, 'ok.xlsx')).toEqual({ kind: 'xlsx' });
  });

  it('imports CSV, also a CSV file renamed to .xlsx, keeping text that looks like numbers as text', async () => {
    const csv = new TextEncoder().encode('ID;Item;Reach;Effort\r\n00042;"Webinar; ""EMEA""";1000;2.5\r\n1e3;"Two\nlines";12%;TRUE\r\n');
    const opened = await openWorkbookFile(ExcelJS, csv, 'backlog.xlsx');
    expect(opened.notice).toMatch(/is CSV text, not an \.xlsx workbook: imported it as CSV/);
    const s = opened.workbook.sheets[0]!;
    expect([0, 1, 2, 3].map((c) => s.value(1, c))).toEqual(['00042', 'Webinar; "EMEA"', 1000, 2.5]);
    expect([0, 1, 2, 3].map((c) => s.value(2, c))).toEqual(['1e3', 'Two\nlines', '12%', 'TRUE']);
    expect(detectTables(s)[0]!.headers).toEqual(['ID', 'Item', 'Reach', 'Effort']);
    expect((await openWorkbookFile(ExcelJS, csv, 'backlog.csv')).notice).toMatch(/^Imported backlog\.csv/);
  });

  it('says when a workbook opens with nothing in it', async () => {
    const w = new ExcelJS.Workbook();
    w.addWorksheet('Sheet1');
    expect((await openWorkbookFile(ExcelJS, new Uint8Array(await w.xlsx.writeBuffer()), 'blank.xlsx')).notice).toBe('Opened blank.xlsx: its sheet is empty.');
  });
});
