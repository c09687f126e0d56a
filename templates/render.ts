// The declaration rendered for one host as plain data: every cell with its value or formula and cached
// result, styles by name, widths, validations, colour rules and (Excel) tables. The xlsx writer turns it
// into a file; the Sheets add-on can build the same sheets from it cell by cell ("Insert quarterly plan").
import type { Out } from '../core/cells';
import { type Evaluated, evaluate, type Lookup } from './evaluate';
import { type FormulaSite, excelCellFormula, excelColumnFormula, quoteSheet, sheetsCall, sheetsExpr } from './formulas';
import { FIRST_BLOCK_ROW, HELP_ROW, type Layout, TITLE_ROW, type TableLayout, colLetter, fieldKey } from './layout';
import { type Column, type Format, type Host, type Literal, type SheetDecl, type Validation, type WorkbookDecl, isCall } from './model';

export type StyleName =
  | 'title' | 'help' | 'bandInput' | 'bandComputed' | 'headInput' | 'headComputed' | 'input' | 'computed'
  | 'fieldLabel' | 'fieldValue' | 'fieldComputed' | 'emphasis' | 'textHead' | 'textStep' | 'textNote' | 'textBody';

export interface RenderedCell {
  /** 1-based. */
  readonly row: number;
  readonly col: number;
  /** A typed value; a date is ISO text with format 'date'. */
  readonly value?: Literal;
  /** The formula as the file stores it, without "=". */
  readonly formula?: string;
  /** The formula as a person types it and an add-in writes it (Excel: AGILE.RICE([@Reach],...)). */
  readonly typed?: string;
  /** The cached result of a formula, or of a cell inside a spilled result. */
  readonly result?: number | string;
  /** On the cell that holds a spilled (array) formula: the whole range its result covers. */
  readonly arrayRef?: string;
  /** A cell inside another cell's spilled result: hosts leave it empty, files store the cached value. */
  readonly inArray?: boolean;
  readonly style: StyleName;
  readonly format?: Format;
  /** Alternate data rows get a faint fill. */
  readonly stripe?: boolean;
  readonly align?: 'center';
  readonly note?: string;
}

export interface RenderedValidation {
  readonly ref: string;
  readonly rule: Validation;
  /** For list rules read from another table: the source as this host writes it. */
  readonly source?: string;
}

export interface RenderedTable {
  readonly name: string;
  readonly ref: string;
  readonly columns: readonly { readonly name: string; readonly formula?: string }[];
}

export interface RenderedSheet {
  readonly name: string;
  readonly tabColor: string;
  readonly cells: RenderedCell[];
  /** Width in characters per column, from column A. */
  readonly widths: number[];
  readonly freeze: { readonly rows: number; readonly cols: number };
  readonly merges: string[];
  readonly validations: RenderedValidation[];
  /** Ranges whose status words get their tone's colours. */
  readonly statusRanges: string[];
  readonly warnAbove: { readonly ref: string; readonly value: number }[];
  /** Excel tables (none in the Sheets variant). */
  readonly tables: RenderedTable[];
  readonly landscape: boolean;
  /** The table header row, repeated on every printed page. */
  readonly printTitleRow?: number;
}

export interface RenderedWorkbook {
  readonly host: Host;
  readonly title: string;
  readonly sheets: RenderedSheet[];
}

const asResult = (v: Out | undefined): number | string => (typeof v === 'number' || typeof v === 'string' ? v : '');

function rowFormat(t: TableLayout, c: Column, rowValues: readonly Out[]): Format | undefined {
  const rf = t.decl.rowFormats;
  if (rf && rf.applyTo.includes(c.header)) {
    const unit = rowValues[t.colOf.get(rf.column)! - 1];
    const f = typeof unit === 'string' ? rf.formats[unit] : undefined;
    if (f) return f;
  }
  return c.format;
}

function listSource(layout: Layout, rule: Validation): string | undefined {
  if (rule.kind !== 'listFrom') return undefined;
  // Excel reads the table column, so the list grows with the table; Sheets reads the plain range.
  if (layout.host === 'excel') return `INDIRECT("${rule.table}[${rule.col}]")`;
  const t = layout.tables.get(rule.table);
  const c = t?.colOf.get(rule.col);
  if (!t || !c) throw new Error(`Validation list refers to ${rule.table}[${rule.col}], which is not declared`);
  const L = colLetter(c);
  return `${quoteSheet(t.sheet)}!$${L}$${t.headerRow + 1}:$${L}$${t.headerRow + t.height}`;
}

function renderTable(ev: Evaluated, sheet: SheetDecl, out: RenderedSheet): void {
  const { layout } = ev;
  const host = layout.host;
  const t = layout.tables.get(sheet.table!.name)!;
  const grid = ev.grids.get(t.decl.name)!;
  const top = t.headerRow + 1;
  const last = t.headerRow + t.height;
  const site = (row?: number): FormulaSite => ({ sheet: sheet.name, table: t, ...(row ? { row } : {}) });
  const columns = t.decl.columns;

  // The band row above the header says which columns are typed and which are computed.
  const firstComputed = columns.findIndex((c) => c.compute);
  const inputEnd = firstComputed < 0 ? columns.length : firstComputed;
  out.cells.push({ row: t.headerRow - 1, col: 1, value: 'Your inputs', style: 'bandInput' });
  if (inputEnd > 1) out.merges.push(`A${t.headerRow - 1}:${colLetter(inputEnd)}${t.headerRow - 1}`);
  if (firstComputed >= 0) {
    out.cells.push({ row: t.headerRow - 1, col: firstComputed + 1, value: 'Computed by Agile Playbook', style: 'bandComputed' });
    if (columns.length > firstComputed + 1) out.merges.push(`${colLetter(firstComputed + 1)}${t.headerRow - 1}:${colLetter(columns.length)}${t.headerRow - 1}`);
  }

  columns.forEach((c, j) => {
    const col = j + 1;
    const L = colLetter(col);
    const data = `${L}${top}:${L}${last}`;
    const cmp = c.compute;
    const headStyle = cmp ? 'headComputed' : 'headInput';
    const note = c.note ? { note: c.note } : {};
    if (host === 'sheets' && cmp?.kind === 'table') {
      // The table result starts with its own header row, so it is anchored on the header and lines up.
      const o = cmp.output;
      const ref = `${colLetter(col - o)}${t.headerRow}:${colLetter(col - o + cmp.call.outputs.length - 1)}${last}`;
      out.cells.push(o === 0
        ? { row: t.headerRow, col, formula: sheetsCall(layout, cmp.call, site()), typed: `=${sheetsCall(layout, cmp.call, site())}`, result: c.header, arrayRef: ref, style: headStyle, ...note }
        : { row: t.headerRow, col, result: c.header, inArray: true, style: headStyle, ...note });
    } else {
      out.cells.push({ row: t.headerRow, col, value: c.header, style: headStyle, ...note });
    }
    if (c.validation) out.validations.push({ ref: data, rule: c.validation, ...(listSource(layout, c.validation) ? { source: listSource(layout, c.validation)! } : {}) });
    if (c.statusColors) out.statusRanges.push(data);
    if (c.warnAbove !== undefined) out.warnAbove.push({ ref: data, value: c.warnAbove });

    for (let i = 0; i < t.height; i++) {
      const row = top + i;
      const base = { row, col, style: (cmp ? 'computed' : 'input') as StyleName, ...(i % 2 ? { stripe: true } : {}), ...(c.align ? { align: c.align } : {}) };
      const format = rowFormat(t, c, grid[i]!);
      const fmt = format ? { format } : {};
      const result = asResult(grid[i]![j]);
      const src = t.decl.rows[i];
      if (!cmp) {
        const k = columns.slice(0, j).filter((x) => !x.compute).length;
        const v = src?.[k] ?? null;
        if (v !== null && isCall(v)) {
          const f = host === 'excel' ? excelCellFormula(layout, v, site(row), 'file') : sheetsCall(layout, v, site(row));
          const typed = host === 'excel' ? excelCellFormula(layout, v, site(row), 'display') : f;
          out.cells.push({ ...base, style: 'computed', formula: f, typed: `=${typed}`, result, ...fmt });
        } else {
          out.cells.push({ ...base, value: v, ...fmt });
        }
        continue;
      }
      if (host === 'excel') {
        out.cells.push({ ...base, formula: excelColumnFormula(layout, cmp, site(row), 'file'), typed: `=${excelColumnFormula(layout, cmp, site(row), 'display')}`, result, ...fmt });
      } else if (cmp.kind === 'expr') {
        if (i < t.decl.rows.length) {
          const f = sheetsExpr(layout, cmp.expr, site(row));
          out.cells.push({ ...base, formula: f, typed: `=${f}`, result, ...fmt });
        } else out.cells.push({ ...base, ...fmt });
      } else if (cmp.kind !== 'table' && i === 0) {
        const f = sheetsCall(layout, cmp.call, site());
        out.cells.push({ ...base, formula: f, typed: `=${f}`, result, arrayRef: `${L}${top}:${L}${last}`, ...fmt });
      } else {
        out.cells.push({ ...base, result, inArray: true, ...fmt });
      }
    }
  });

  if (host === 'excel') {
    out.tables.push({
      name: t.decl.name,
      ref: `A${t.headerRow}:${colLetter(columns.length)}${last}`,
      columns: columns.map((c) => ({
        name: c.header,
        ...(c.compute ? { formula: excelColumnFormula(layout, c.compute, site(top), 'file') } : {}),
      })),
    });
  }
}

/** The sheet's blocks, right of its table, side by side with a narrow gap column before each, titled above. */
function renderBlocks(ev: Evaluated, sheet: SheetDecl, out: RenderedSheet): void {
  const { layout } = ev;
  const t = sheet.table ? layout.tables.get(sheet.table.name) : undefined;
  let left = (t ? t.decl.columns.length : 0) + 2;
  // Side by side rather than stacked: a block's height is its result's, which another engine may size
  // differently before computing (a spill must never run into the next block).
  const top = t ? t.headerRow : FIRST_BLOCK_ROW + 1;
  const site: FormulaSite = { sheet: sheet.name };
  (sheet.blocks ?? []).forEach((b, k) => {
    while (out.widths.length < left - 1) out.widths.push(12);
    out.widths[left - 2] = 6;
    const result = ev.blocks.get(sheet.name)![k]!;
    const first = left + (b.labels ? 1 : 0);
    out.cells.push({ row: top - 1, col: left, value: b.title, style: 'textHead' });
    if (b.labels) {
      const lt = layout.tables.get(b.labels.table)!;
      const c = lt.colOf.get(b.labels.col)!;
      const g = ev.grids.get(b.labels.table)!;
      out.cells.push({ row: top, col: left, value: b.labels.col, style: 'headComputed' });
      for (let i = 1; i < result.length; i++) {
        const f = layout.host === 'excel' ? `INDEX(${b.labels.table}[${b.labels.col}],${i})` : `${quoteSheet(lt.sheet)}!$${colLetter(c)}$${lt.headerRow + i}`;
        out.cells.push({ row: top + i, col: left, formula: f, typed: `=${f}`, result: asResult(g[i - 1]?.[c - 1]), style: 'computed' });
      }
      out.widths[left - 1] = 20;
    }
    const width = result[0]!.length;
    const ref = `${colLetter(first)}${top}:${colLetter(first + width - 1)}${top + result.length - 1}`;
    result.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = { row: top + i, col: first + j, result: asResult(v), style: (i === 0 ? 'headComputed' : 'computed') as StyleName, ...(i > 0 && typeof v === 'number' ? { format: 'num1' as Format } : {}) };
        if (layout.host === 'excel') {
          const at = `,${i + 1},${j + 1})`;
          out.cells.push({ ...cell, formula: `INDEX(${excelCellFormula(layout, b.call, site, 'file')}${at}`, typed: `=INDEX(${excelCellFormula(layout, b.call, site, 'display')}${at}` });
        } else if (i === 0 && j === 0) {
          const f = sheetsCall(layout, b.call, site);
          out.cells.push({ ...cell, formula: f, typed: `=${f}`, arrayRef: ref });
        } else {
          out.cells.push({ ...cell, inArray: true });
        }
      }),
    );
    b.widths.forEach((w, j) => (out.widths[first - 1 + j] = w));
    left = first + width + 1;
  });
}

function renderSheet(ev: Evaluated, sheet: SheetDecl): RenderedSheet {
  const { layout } = ev;
  const t = sheet.table ? layout.tables.get(sheet.table.name) : undefined;
  const widths = t ? t.decl.columns.map((c) => c.width) : [26, 112];
  const out: RenderedSheet = {
    name: sheet.name,
    tabColor: sheet.tabColor,
    cells: [
      { row: TITLE_ROW, col: 1, value: sheet.title, style: 'title' },
      { row: HELP_ROW, col: 1, value: sheet.help, style: 'help' },
    ],
    widths,
    freeze: { rows: t ? t.headerRow : HELP_ROW, cols: sheet.freezeColumns ?? 0 },
    merges: [],
    validations: [],
    statusRanges: [],
    warnAbove: [],
    tables: [],
    landscape: sheet.landscape ?? false,
    ...(t ? { printTitleRow: t.headerRow } : {}),
  };
  sheet.text?.forEach(([a, b], i) => {
    const row = FIRST_BLOCK_ROW + i;
    const heading = b === '' && a !== '';
    const label = /^\d+\./.test(a) ? 'textStep' : 'textNote';
    if (a || b) out.cells.push({ row, col: 1, value: a || null, style: heading ? 'textHead' : label });
    if (b) out.cells.push({ row, col: 2, value: b, style: 'textBody' });
  });
  sheet.fields?.forEach((f, i) => {
    const row = FIRST_BLOCK_ROW + i;
    out.cells.push({ row, col: 1, value: f.label, style: 'fieldLabel' });
    const fmt = f.format ? { format: f.format } : {};
    if (isCall(f.value)) {
      const site: FormulaSite = { sheet: sheet.name };
      const file = layout.host === 'excel' ? excelCellFormula(layout, f.value, site, 'file') : sheetsCall(layout, f.value, site);
      const typed = layout.host === 'excel' ? excelCellFormula(layout, f.value, site, 'display') : file;
      out.cells.push({ row, col: 2, formula: file, typed: `=${typed}`, result: asResult(ev.fields.get(fieldKey(sheet.name, f.key))), style: f.emphasis ? 'emphasis' : 'fieldComputed', ...fmt });
    } else {
      out.cells.push({ row, col: 2, value: f.value, style: 'fieldValue', ...fmt });
      if (f.validation) out.validations.push({ ref: `B${row}`, rule: f.validation });
    }
  });
  if (sheet.table) renderTable(ev, sheet, out);
  if (sheet.blocks?.length) renderBlocks(ev, sheet, out);
  return out;
}

/** The workbook for one host, every formula cell holding its cached result. */
export function renderWorkbook(decl: WorkbookDecl, host: Host, lookup?: Lookup): RenderedWorkbook {
  const ev = evaluate(decl, host, lookup);
  return { host, title: decl.title, sheets: decl.sheets.map((s) => renderSheet(ev, s)) };
}
