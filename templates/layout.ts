// Where everything lands on the sheet, per host. The only host difference is the Sheets variant's spare
// rows: an Excel table grows by itself, a plain Sheets range does not, so its ranges reach a little further.
import type { Column, Field, Host, SheetDecl, TableDecl, WorkbookDecl } from './model';

export interface TableLayout {
  readonly decl: TableDecl;
  readonly sheet: string;
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** Data rows in this host's ranges: the sample plus, in Sheets, the spare rows. */
  readonly height: number;
  /** 1-based column of each header. */
  readonly colOf: ReadonlyMap<string, number>;
}

export interface FieldLayout {
  readonly sheet: string;
  readonly field: Field;
  readonly row: number;
  readonly col: number;
}

export interface Layout {
  readonly host: Host;
  readonly decl: WorkbookDecl;
  readonly tables: ReadonlyMap<string, TableLayout>;
  readonly fields: ReadonlyMap<string, FieldLayout>;
}

export const TITLE_ROW = 1;
export const HELP_ROW = 2;
export const FIRST_BLOCK_ROW = 4;

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const fieldKey = (sheet: string, key: string): string => `${sheet}!${key}`;

/** The row of a sheet's table header: below the fields block and one band row that labels inputs and computed columns. */
export function tableHeaderRow(sheet: SheetDecl): number {
  const afterFields = sheet.fields?.length ? FIRST_BLOCK_ROW + sheet.fields.length + 1 : FIRST_BLOCK_ROW - 1;
  return afterFields + 1;
}

export function layoutOf(decl: WorkbookDecl, host: Host): Layout {
  const tables = new Map<string, TableLayout>();
  const fields = new Map<string, FieldLayout>();
  for (const sheet of decl.sheets) {
    sheet.fields?.forEach((f, i) => fields.set(fieldKey(sheet.name, f.key), { sheet: sheet.name, field: f, row: FIRST_BLOCK_ROW + i, col: 2 }));
    const t = sheet.table;
    if (!t) continue;
    if (tables.has(t.name)) throw new Error(`Template declares table ${t.name} twice`);
    const colOf = new Map<string, number>();
    t.columns.forEach((c, i) => {
      if (colOf.has(c.header)) throw new Error(`Table ${t.name} declares column ${c.header} twice`);
      colOf.set(c.header, i + 1);
    });
    const height = t.rows.length + (host === 'sheets' ? (t.spareRows ?? 0) : 0);
    tables.set(t.name, { decl: t, sheet: sheet.name, headerRow: tableHeaderRow(sheet), height, colOf });
  }
  return { host, decl, tables, fields };
}

export function tableLayout(layout: Layout, name: string): TableLayout {
  const t = layout.tables.get(name);
  if (!t) throw new Error(`Template formula refers to table ${name}, which is not declared`);
  return t;
}

export function columnIndex(t: TableLayout, header: string): number {
  const c = t.colOf.get(header);
  if (c === undefined) throw new Error(`Template formula refers to column "${header}" of table ${t.decl.name}, which has no such column`);
  return c;
}

export function fieldLayout(layout: Layout, sheet: string, key: string): FieldLayout {
  const f = layout.fields.get(fieldKey(sheet, key));
  if (!f) throw new Error(`Template formula refers to field ${key} of sheet ${sheet}, which is not declared`);
  return f;
}

/** Input columns (no compute) in order: the sample rows give one value for each. */
export function inputColumns(t: TableDecl): Column[] {
  return t.columns.filter((c) => !c.compute);
}
