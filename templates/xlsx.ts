// Writes a rendered workbook as .xlsx with exceljs (Node only). The bytes are deterministic: document
// dates are pinned and the zip is re-packed with a fixed entry date, because exceljs stamps every zip
// entry with the current time. Excel tables also get their calculated column formulas, which exceljs
// cannot write, so a row added to a table fills its computed columns by itself.
import { createRequire } from 'node:module';
import * as ExcelNS from 'exceljs';
import { FORMAT_CODES, STATUS_TONES, TONE_COLORS } from './formats';
import type { RenderedSheet, RenderedWorkbook, RenderedValidation } from './render';
import { STRIPE_FILL, XLSX_STYLES, solidFill, toArgb } from './xlsx-styles';

type ExcelModule = typeof ExcelNS;
const ExcelJS = ((ExcelNS as unknown as { default?: ExcelModule }).default ?? ExcelNS) as ExcelModule;

/** Every date in the file: document properties and zip entries. */
export const PINNED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const isoDate = (s: string) => new Date(`${s}T00:00:00Z`);

function dataValidation(v: RenderedValidation): ExcelNS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Agile Playbook' };
  const r = v.rule;
  switch (r.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [`"${r.values.join(',')}"`], error: `Pick one of: ${r.values.join(', ')}` };
    case 'listFrom':
      return { ...common, type: 'list', formulae: [v.source!], error: `Pick one of the ${r.table} sheet's ${r.col} names` };
    case 'date':
      return { ...common, type: 'date', operator: 'between', formulae: [isoDate('2000-01-01'), isoDate('2099-12-31')], error: 'Enter a date, such as 2026-04-15' };
    case 'text':
      return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [r.maxLength], error: `Keep it under ${r.maxLength} characters` };
    case 'number': {
      const min = r.min ?? -1e12;
      const max = r.max ?? 1e12;
      const say = r.min !== undefined && r.max !== undefined ? `from ${min} to ${max}` : r.min !== undefined ? `of at least ${min}` : 'a number';
      return { ...common, type: r.integer ? 'whole' : 'decimal', operator: 'between', formulae: [min, max], error: `Enter a number ${say}` };
    }
  }
}

/** An input message (no rule): Excel allows a title of 32 characters and a message of 255. */
function inputMessage(title: string, text: string): ExcelNS.DataValidation {
  const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
  return { type: 'any', allowBlank: true, showInputMessage: true, promptTitle: clip(title, 32), prompt: clip(text, 255), formulae: [] } as unknown as ExcelNS.DataValidation;
}

function cellValue(c: RenderedSheet['cells'][number]): ExcelNS.CellValue {
  if (c.formula !== undefined) {
    const result = c.result ?? '';
    return c.arrayRef
      ? ({ formula: c.formula, result, shareType: 'array', ref: c.arrayRef } as unknown as ExcelNS.CellValue)
      : ({ formula: c.formula, result } as ExcelNS.CellValue);
  }
  if (c.inArray) return c.result ?? null;
  if (c.format === 'date' && typeof c.value === 'string') return isoDate(c.value);
  return c.value ?? null;
}

function writeSheet(wb: ExcelNS.Workbook, s: RenderedSheet): void {
  const ws = wb.addWorksheet(s.name, {
    properties: { tabColor: toArgb(s.tabColor) },
    views: [{ state: 'frozen', xSplit: s.freeze.cols, ySplit: s.freeze.rows, showGridLines: false, zoomScale: 100 }],
    pageSetup: {
      paperSize: 9,
      orientation: s.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(s.printTitleRow ? { printTitlesRow: `${s.printTitleRow}:${s.printTitleRow}` } : {}),
    },
  });
  s.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getRow(1).height = 28;
  const byAddress = new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]));

  // exceljs writes a table's cells from its rows, so tables go in first and styles after.
  for (const t of s.tables) {
    const [from, to] = t.ref.split(':') as [string, string];
    const top = ws.getCell(from);
    const bottom = ws.getCell(to);
    const rows: ExcelNS.CellValue[][] = [];
    for (let r = Number(top.row) + 1; r <= Number(bottom.row); r++) {
      rows.push(t.columns.map((_, j) => {
        const c = byAddress.get(`${r}:${Number(top.col) + j}`);
        return c ? cellValue(c) : null;
      }));
    }
    ws.addTable({
      name: t.name,
      ref: from,
      headerRow: true,
      style: { theme: 'TableStyleLight1', showRowStripes: false },
      columns: t.columns.map((c) => ({ name: c.name, filterButton: true })),
      rows,
    });
  }

  for (const c of s.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = cellValue(c);
    const st = XLSX_STYLES[c.style];
    cell.font = st.font;
    if (st.fill) cell.fill = st.fill;
    else if (c.stripe) cell.fill = STRIPE_FILL;
    if (st.alignment || c.align) cell.alignment = { ...st.alignment, ...(c.align ? { horizontal: c.align } : {}) };
    if (st.border) cell.border = st.border;
    if (c.format) cell.numFmt = FORMAT_CODES[c.format];
    if (c.style === 'headInput' || c.style === 'headComputed') ws.getRow(c.row).height = 30;
    if (c.style === 'emphasis') ws.getRow(c.row).height = 26;
    // Rows do not grow to fit wrapped text in every application, so text rows get room for two lines.
    if (c.style === 'textBody') ws.getRow(c.row).height = 32;
  }
  for (const m of s.merges) ws.mergeCells(m);
  // exceljs has range validations (ws.dataValidations) but its typings only know cell.dataValidation.
  const validations = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelNS.DataValidation): void } }).dataValidations;
  for (const v of s.validations) validations.add(v.ref, dataValidation(v));
  // A column's help is its header cell's input message, not a note: Excel on the web cannot insert a
  // workbook that holds comments or notes (insertWorksheetsFromBase64), and the message shows on selection.
  for (const c of s.cells) if (c.note) validations.add(ws.getCell(c.row, c.col).address, inputMessage(String(c.value ?? c.result ?? ''), c.note));
  for (const ref of s.statusRanges) {
    ws.addConditionalFormatting({
      ref,
      rules: Object.entries(STATUS_TONES).map(([word, tone], i) => ({
        type: 'cellIs',
        operator: 'equal',
        priority: i + 1,
        formulae: [`"${word}"`],
        style: { font: { color: toArgb(TONE_COLORS[tone].text), bold: true }, fill: solidFill(TONE_COLORS[tone].fill) },
      })),
    });
  }
  for (const w of s.warnAbove) {
    ws.addConditionalFormatting({
      ref: w.ref,
      rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: [w.value], style: { font: { color: toArgb(TONE_COLORS.bad.text), bold: true }, fill: solidFill(TONE_COLORS.bad.fill) } }],
    });
  }
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Adds <calculatedColumnFormula> to the computed columns of each table part. */
function withCalculatedColumns(xml: string, tables: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  const name = /<table [^>]*\bname="([^"]+)"/.exec(xml)?.[1];
  const formulas = name ? tables.get(name) : undefined;
  if (!formulas) return xml;
  // exceljs marks a table without a totals row as having shown one; Excel expects 0 there.
  return xml.replace('totalsRowShown="1"', 'totalsRowShown="0"').replace(/<tableColumn ([^>]*?)\/>/g, (whole, attrs: string) => {
    const col = /\bname="([^"]*)"/.exec(attrs)?.[1];
    const f = col === undefined ? undefined : formulas.get(col.replace(/&amp;/g, '&'));
    return f ? `<tableColumn ${attrs}><calculatedColumnFormula>${xmlEscape(f)}</calculatedColumnFormula></tableColumn>` : whole;
  });
}

/**
 * exceljs declares the values were calculated by Excel 2016's engine; a newer Excel then recalculates the
 * whole file on open, before the add-in has registered its functions. The cached values come from the
 * catalog, which is the engine these formulas run on, so the file claims a current engine instead.
 */
function withCurrentCalcId(xml: string): string {
  return xml.replace(/<calcPr calcId="\d+"/, '<calcPr calcId="191029"');
}

interface ZipLike {
  files: Record<string, { dir: boolean; async(type: 'string' | 'uint8array'): Promise<string | Uint8Array> }>;
  file(name: string, data: string | Uint8Array, opts: { date: Date; binary?: boolean; createFolders: boolean }): void;
  generateAsync(opts: object): Promise<Buffer>;
}
type JSZipCtor = { new (): ZipLike; loadAsync(b: Buffer): Promise<ZipLike> };

/** exceljs's own zip library, so the re-pack adds no dependency of ours. */
function jszip(): JSZipCtor {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('exceljs'))('jszip') as JSZipCtor;
}

export interface XlsxOptions {
  /**
   * Write each Excel table's calculated column formulas (default true), so Excel fills the computed
   * columns of a new row. exceljs 4.4 cannot read a table that has them (it loses the table's columns):
   * pass false for a file that exceljs itself will open again.
   */
  readonly calculatedColumns?: boolean;
}

export async function workbookToXlsx(book: RenderedWorkbook, options: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Agile Playbook';
  wb.lastModifiedBy = 'Agile Playbook';
  wb.title = book.title;
  wb.created = PINNED_DATE;
  wb.modified = PINNED_DATE;
  for (const s of book.sheets) writeSheet(wb, s);
  const raw = (await wb.xlsx.writeBuffer()) as unknown as Buffer;

  const calculated = new Map<string, Map<string, string>>();
  for (const s of options.calculatedColumns === false ? [] : book.sheets) {
    for (const t of s.tables) calculated.set(t.name, new Map(t.columns.filter((c) => c.formula).map((c) => [c.name, c.formula!])));
  }
  const JSZip = jszip();
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const f = src.files[name]!;
    if (f.dir) continue;
    if (/^xl\/tables\/table\d+\.xml$/.test(name)) out.file(name, withCalculatedColumns((await f.async('string')) as string, calculated), { date: PINNED_DATE, createFolders: false });
    else if (name === 'xl/workbook.xml') out.file(name, withCurrentCalcId((await f.async('string')) as string), { date: PINNED_DATE, createFolders: false });
    else out.file(name, (await f.async('uint8array')) as Uint8Array, { date: PINNED_DATE, binary: true, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
