// The template declaration's vocabulary. A workbook is declared once as data (sheets, tables, columns,
// sample rows) and formulas are declared as structure (a catalog function and the columns it reads), never
// as text: the same declaration then renders the Excel formula, the Sheets formula and the cached result.

export type Host = 'excel' | 'sheets';

/** A typed cell: text, a number, an ISO date (YYYY-MM-DD), or blank (null). */
export type Literal = string | number | null;

/** What a formula reads. Table arguments name columns by header, so a reordered table still renders right. */
export type Arg =
  /** The data cells of one column. In an Excel per-row formula of the same table: this row's cell. */
  | { readonly t: 'col'; readonly table: string; readonly col: string }
  /** The data cells of the columns from..to. In an Excel per-row formula of the same table: this row's cells. */
  | { readonly t: 'cols'; readonly table: string; readonly from: string; readonly to: string }
  /** Header row and data of the columns from..to (every column when omitted): a "table" argument. */
  | { readonly t: 'all'; readonly table: string; readonly from?: string; readonly to?: string }
  /** One cell of a fields block (a labelled setting such as the period start). */
  | { readonly t: 'field'; readonly sheet: string; readonly key: string }
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'str'; readonly v: string };

/** A call of one catalog function. */
export interface Call {
  readonly fn: string;
  readonly args: readonly Arg[];
}

/** A per-row expression of plain spreadsheet formulas (the few places the catalog has nothing to say). */
export type Expr =
  | { readonly t: 'this'; readonly col: string }
  | { readonly t: 'mul'; readonly a: Expr; readonly b: Expr }
  /** INDEX(table[ret], MATCH(key, table[match], 0)) */
  | { readonly t: 'lookup'; readonly table: string; readonly ret: string; readonly match: string; readonly key: Expr };

/**
 * How a computed table column is filled. In Sheets every catalog column is one array formula that spills;
 * in Excel every cell holds a per-row formula, because arrays do not spill inside tables (see README).
 */
export type Compute =
  /** Row-wise catalog function: Excel per row with this-row arguments, Sheets one formula over the column. */
  | { readonly kind: 'rowwise'; readonly call: Call }
  /** A function that needs the whole column (ranks): Excel INDEX(whole result, row), Sheets one formula. */
  | { readonly kind: 'column'; readonly call: Call }
  /** A table function whose result has a header row: output picks its result column. */
  | { readonly kind: 'table'; readonly call: TableCall; readonly output: number }
  /** A plain per-row formula in both hosts. */
  | { readonly kind: 'expr'; readonly expr: Expr };

/** A table function call shared by the adjacent columns that show its outputs, in order. */
export interface TableCall extends Call {
  readonly outputs: readonly string[];
}

export type Validation =
  | { readonly kind: 'list'; readonly values: readonly string[] }
  /** A list taken from another table's column (team names, categories, outcomes). */
  | { readonly kind: 'listFrom'; readonly table: string; readonly col: string }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly integer?: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'text'; readonly maxLength: number };

/** Named number formats; the writers map them to format codes (see formats.ts). */
export type Format = 'general' | 'text' | 'int' | 'num1' | 'num2' | 'pct' | 'pct1' | 'date' | 'money' | 'moneyM' | 'trend';

export interface Column {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly format?: Format;
  /** Required on input columns: the issue asks for validation on every input column. */
  readonly validation?: Validation;
  readonly compute?: Compute;
  /** A cell note shown on the header: how to fill the column. */
  readonly note?: string;
  /** Colour rules for the status words this column holds. */
  readonly statusColors?: boolean;
  /** Short codes and status words read better centred. */
  readonly align?: 'center';
  /** Shown in red above this value (a team loaded beyond capacity). */
  readonly warnAbove?: number;
}

/** A row cell: a typed literal, or a catalog formula specific to this cell (the Scorecard's Actual). */
export type RowValue = Literal | Call;

export interface TableDecl {
  readonly name: string;
  readonly columns: readonly Column[];
  /** Sample rows: one value per input column, in column order (computed columns take no value). */
  readonly rows: readonly (readonly RowValue[])[];
  /** Blank rows below the sample in the Sheets variant, inside every range, so the plan can grow there. */
  readonly spareRows?: number;
  /** Per-row number formats: the value of `column` picks the format of `applyTo` in that row. */
  readonly rowFormats?: { readonly column: string; readonly applyTo: readonly string[]; readonly formats: Readonly<Record<string, Format>> };
}

export interface Field {
  readonly key: string;
  readonly label: string;
  readonly value: RowValue;
  readonly format?: Format;
  readonly validation?: Validation;
  /** Shown large: the composite score. */
  readonly emphasis?: boolean;
}

/**
 * A catalog table function's whole result beside the sheet's table (SCENARIO_COMPARE, CAPACITY_VALUE), whose
 * rows do not line up with the table's: Sheets spills it from one cell; Excel, where a spill could be
 * blocked by a table, has one INDEX(…, row, column) per cell.
 */
export interface BlockDecl {
  /** One line above the block: what it shows. */
  readonly title: string;
  readonly call: Call;
  /** A column of another table shown left of the result, row for row (team names beside CAPACITY_VALUE). */
  readonly labels?: { readonly table: string; readonly col: string };
  /** Column widths of the result, from its first column. */
  readonly widths: readonly number[];
}

export interface SheetDecl {
  readonly name: string;
  readonly title: string;
  /** One line under the title: what the sheet is for. */
  readonly help: string;
  readonly tabColor: string;
  /** Labelled settings above the table, label in column A, value in column B. */
  readonly fields?: readonly Field[];
  readonly table?: TableDecl;
  /** Free text rows (the Start here sheet): [first column, second column]. */
  readonly text?: readonly (readonly [string, string])[];
  /** Columns to keep visible while scrolling right (the ID and item name). */
  readonly freezeColumns?: number;
  readonly landscape?: boolean;
  /** Results placed right of the table, one below the other (the Scenarios sheet's comparison). */
  readonly blocks?: readonly BlockDecl[];
}

export interface WorkbookDecl {
  readonly title: string;
  readonly sheets: readonly SheetDecl[];
}

// Small constructors keep the declaration readable.
export const col = (table: string, c: string): Arg => ({ t: 'col', table, col: c });
export const cols = (table: string, from: string, to: string): Arg => ({ t: 'cols', table, from, to });
export const all = (table: string, from?: string, to?: string): Arg => ({ t: 'all', table, ...(from ? { from } : {}), ...(to ? { to } : {}) });
export const field = (sheet: string, key: string): Arg => ({ t: 'field', sheet, key });
export const num = (v: number): Arg => ({ t: 'num', v });
export const str = (v: string): Arg => ({ t: 'str', v });
export const call = (fn: string, ...args: Arg[]): Call => ({ fn, args });

export function isCall(v: RowValue): v is Call {
  return typeof v === 'object' && v !== null;
}
