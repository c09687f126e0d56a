// Formula text for each host, from one structural declaration.
//
// Excel has two spellings of the same formula: what a person types and Office.js writes
// (`=AGILE.RICE([@Reach],...)`), and what the .xlsx file stores: Office add-in functions as
// `_xldudf_AGILE_RICE` and this-row references as `Table[[#This Row],[Col]]`, which is how Excel itself
// saves them. Sheets has one: bare names over plain A1 ranges.
import { type Layout, type TableLayout, colLetter, columnIndex, fieldLayout, tableLayout } from './layout';
import type { Arg, Call, Compute, Expr } from './model';

export type ExcelForm = 'display' | 'file';

/** Where a formula sits: its sheet, and for a table cell its table and 1-based sheet row. */
export interface FormulaSite {
  readonly sheet: string;
  readonly table?: TableLayout;
  readonly row?: number;
}

const SPECIAL = /[[\]#']/;

function checkHeader(h: string): string {
  // Structured references need escaping for these; the template simply never uses them in headers.
  if (SPECIAL.test(h)) throw new Error(`Column header "${h}" contains [ ] # or ', which structured references would need to escape`);
  return h;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const quoteText = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function excelFn(fn: string, form: ExcelForm): string {
  return form === 'display' ? `AGILE.${fn}` : `_xldudf_AGILE_${fn}`;
}

function thisRow(table: string, spec: string, form: ExcelForm): string {
  return form === 'display' ? `${table}[@${spec}]` : `${table}[[#This Row],${spec}]`;
}

type PlainArg = Extract<Arg, { t: 'num' | 'str' | 'field' }>;

const isPlain = (a: Arg): a is PlainArg => a.t === 'num' || a.t === 'str' || a.t === 'field';

/** Numbers, text and a field's cell read the same in both hosts. */
function plainArg(layout: Layout, a: PlainArg, site: FormulaSite): string {
  switch (a.t) {
    case 'num':
      return String(a.v);
    case 'str':
      return quoteText(a.v);
    case 'field': {
      const f = fieldLayout(layout, a.sheet, a.key);
      return `${a.sheet === site.sheet ? '' : `${quoteSheet(a.sheet)}!`}$${colLetter(f.col)}$${f.row}`;
    }
  }
}

function excelArg(layout: Layout, a: Arg, site: FormulaSite, perRow: boolean, form: ExcelForm): string {
  if (isPlain(a)) return plainArg(layout, a, site);
  switch (a.t) {
    case 'col': {
      columnIndex(tableLayout(layout, a.table), a.col);
      const c = checkHeader(a.col);
      if (perRow && site.table?.decl.name === a.table) {
        return thisRow(a.table, form === 'display' && !/\s/.test(c) ? c : `[${c}]`, form);
      }
      return `${a.table}[${c}]`;
    }
    case 'cols': {
      const t = tableLayout(layout, a.table);
      columnIndex(t, a.from);
      columnIndex(t, a.to);
      const span = `[${checkHeader(a.from)}]:[${checkHeader(a.to)}]`;
      if (perRow && site.table?.decl.name === a.table) return thisRow(a.table, span, form);
      return `${a.table}[${span}]`;
    }
    case 'all': {
      const t = tableLayout(layout, a.table);
      if (!a.from) return `${a.table}[#All]`;
      columnIndex(t, a.from);
      columnIndex(t, a.to ?? a.from);
      return `${a.table}[[#All],[${checkHeader(a.from)}]:[${checkHeader(a.to ?? a.from)}]]`;
    }
  }
}

function excelCall(layout: Layout, c: Call, site: FormulaSite, perRow: boolean, form: ExcelForm): string {
  return `${excelFn(c.fn, form)}(${c.args.map((a) => excelArg(layout, a, site, perRow, form)).join(',')})`;
}

function excelExpr(layout: Layout, e: Expr, site: FormulaSite, form: ExcelForm): string {
  const table = site.table!.decl.name;
  switch (e.t) {
    case 'this':
      return excelArg(layout, { t: 'col', table, col: e.col }, site, true, form);
    case 'mul':
      return `${excelExpr(layout, e.a, site, form)}*${excelExpr(layout, e.b, site, form)}`;
    case 'lookup':
      return `INDEX(${e.table}[${checkHeader(e.ret)}],MATCH(${excelExpr(layout, e.key, site, form)},${e.table}[${checkHeader(e.match)}],0))`;
  }
}

/** The Excel formula (without "=") of one cell of a computed table column: every row holds the same text. */
export function excelColumnFormula(layout: Layout, compute: Compute, site: FormulaSite, form: ExcelForm): string {
  const t = site.table!;
  const position = `ROW()-ROW(${t.decl.name}[#Headers])`;
  switch (compute.kind) {
    case 'rowwise':
      return excelCall(layout, compute.call, site, true, form);
    case 'column':
      return `INDEX(${excelCall(layout, compute.call, site, false, form)},${position})`;
    case 'table':
      return `INDEX(${excelCall(layout, compute.call, site, false, form)},${position}+1,${compute.output + 1})`;
    case 'expr':
      return excelExpr(layout, compute.expr, site, form);
  }
}

/** The Excel formula (without "=") of a single-cell catalog call (a field or one Scorecard Actual). */
export function excelCellFormula(layout: Layout, c: Call, site: FormulaSite, form: ExcelForm): string {
  return excelCall(layout, c, site, false, form);
}

// ---- Sheets ------------------------------------------------------------------------------------------

function a1(sheet: string, site: FormulaSite, c1: number, r1: number, c2: number, r2: number, abs = false): string {
  const d = abs ? '$' : '';
  const prefix = sheet === site.sheet ? '' : `${quoteSheet(sheet)}!`;
  return `${prefix}${d}${colLetter(c1)}${d}${r1}:${d}${colLetter(c2)}${d}${r2}`;
}

function sheetsArg(layout: Layout, a: Arg, site: FormulaSite, abs = false): string {
  if (isPlain(a)) return plainArg(layout, a, site);
  switch (a.t) {
    case 'col': {
      const t = tableLayout(layout, a.table);
      const c = columnIndex(t, a.col);
      return a1(t.sheet, site, c, t.headerRow + 1, c, t.headerRow + t.height, abs);
    }
    case 'cols': {
      const t = tableLayout(layout, a.table);
      return a1(t.sheet, site, columnIndex(t, a.from), t.headerRow + 1, columnIndex(t, a.to), t.headerRow + t.height, abs);
    }
    case 'all': {
      const t = tableLayout(layout, a.table);
      const c1 = a.from ? columnIndex(t, a.from) : 1;
      const c2 = a.from ? columnIndex(t, a.to ?? a.from) : t.decl.columns.length;
      return a1(t.sheet, site, c1, t.headerRow, c2, t.headerRow + t.height, abs);
    }
  }
}

export function sheetsCall(layout: Layout, c: Call, site: FormulaSite): string {
  return `AGILE_${c.fn}(${c.args.map((a) => sheetsArg(layout, a, site)).join(', ')})`;
}

/** A per-row plain formula in Sheets: ranges absolute, so the formula copies down to new rows. */
export function sheetsExpr(layout: Layout, e: Expr, site: FormulaSite): string {
  const t = site.table!;
  switch (e.t) {
    case 'this':
      return `${colLetter(columnIndex(t, e.col))}${site.row}`;
    case 'mul':
      return `${sheetsExpr(layout, e.a, site)}*${sheetsExpr(layout, e.b, site)}`;
    case 'lookup': {
      const ret = sheetsArg(layout, { t: 'col', table: e.table, col: e.ret }, site, true);
      const match = sheetsArg(layout, { t: 'col', table: e.table, col: e.match }, site, true);
      return `INDEX(${ret}, MATCH(${sheetsExpr(layout, e.key, site)}, ${match}, 0))`;
    }
  }
}
