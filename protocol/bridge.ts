// The only way the sidebar reaches a workbook. Sheets implements it over google.script.run, Excel over
// Excel.run, the playground over an in-memory workbook; the contract tests in test/sidebar/bridge-contract.ts
// pin what every implementation must do. It is async and plain-data only, because in Sheets every call
// crosses to the server and back as JSON.
import { normalizeHeader } from '../core/table';

/** What a cell holds as data. Blank is ''. Dates arrive as the host gives them (serial number or ISO text). */
export type Scalar = number | string | boolean;

/** Which host the sidebar runs in: it picks the look (Google add-on style or Fluent) and the formula syntax. */
export interface HostInfo {
  readonly kind: 'sheets' | 'excel' | 'playground';
  readonly style: 'google' | 'fluent';
  /** Put before every catalog function name in formulas: 'AGILE.' in Excel, 'AGILE_' in Sheets. */
  readonly functionPrefix: string;
  /** A name for messages ("Excel", "Google Sheets", "the playground"). */
  readonly label: string;
}

/** A table: a header row over data (an Excel table, a named range or a detected region). */
export interface TableRef {
  /** Stable for as long as the table stays where it is; pass it back to readTable and writeColumns. */
  readonly id: string;
  /** What the user sees in the table picker. */
  readonly name: string;
  readonly sheet: string;
  /** A1 range of the whole table, header row included, without the sheet name. */
  readonly address: string;
  readonly headers: readonly string[];
  /** Data rows, header excluded. */
  readonly rowCount: number;
  /**
   * What the host's reading of the sheet stepped over, in sentences for the user (protocol/sheet-reading):
   * blank rows kept inside the table, a totals row left out, hidden rows. Absent when nothing.
   */
  readonly notes?: readonly string[];
}

export interface TableData {
  readonly ref: TableRef;
  readonly headers: readonly string[];
  /** One row per data row, as wide as headers; blanks are ''. */
  readonly rows: readonly (readonly Scalar[])[];
  /** Headers of the columns this add-in wrote beside the table (they are part of the table now). */
  readonly ownedColumns: readonly string[];
  /**
   * Number format of each column, as headers (the first data cell's code, '' for General), so the sidebar
   * shows values as the cells show them (protocol/number-format). Optional: absent, the sidebar falls back
   * to a KPI's Unit column.
   */
  readonly numberFormats?: readonly string[];
  /**
   * A token for the content read. Hand it back as `basedOn` when writing values computed from it, so a
   * write after a concurrent edit is refused instead of writing stale results.
   */
  readonly version: string;
}

/** An argument of a formula the sidebar asks a bridge to write; the bridge renders it in its own syntax. */
export type FormulaArg =
  /** Data rows of one or more columns, side by side, of the table written to (or of `table` when given). */
  | { readonly kind: 'columns'; readonly headers: readonly string[]; readonly table?: string }
  /** A range by address, e.g. { sheet: 'Teams', address: 'A1:B6' }. */
  | { readonly kind: 'range'; readonly sheet: string; readonly address: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  /** A row of constants, e.g. weights {3,2,1}. */
  | { readonly kind: 'array'; readonly values: readonly (number | string)[] }
  /** An omitted optional argument followed by a given one. */
  | { readonly kind: 'omitted' };

/** A catalog function call, e.g. { fn: 'RICE', args: [...] }, without the host prefix. */
export interface Formula {
  readonly fn: string;
  readonly args: readonly FormulaArg[];
}

/** A column to write beside a table: a spilled formula in its first data cell, or values. */
export interface ColumnWrite {
  readonly header: string;
  /** When given, written as a live formula in the first data row; the result spills down the column. */
  readonly formula?: Formula;
  /** One per data row: the values to write, or the formula's expected results (hosts may cache them). */
  readonly values: readonly Scalar[];
  /**
   * Number format of the written data cells, in the codes Excel and Sheets share ('0.0', '0%', '0.0%',
   * 'yyyy-mm-dd', '#,##0'); absent leaves the host's default. Text is written as text whatever this says.
   */
  readonly numberFormat?: string;
}

/** A cell of an owned sheet or a template: a value, or a formula with its expected result. */
export type WriteCell = Scalar | { readonly formula: Formula; readonly value: Scalar };

export interface SheetWrite {
  readonly name: string;
  readonly rows: readonly (readonly WriteCell[])[];
  /**
   * Number format per column (same codes as ColumnWrite.numberFormat), applied to every row but the first
   * (the header); undefined or a missing entry leaves that column as the host formats it.
   */
  readonly columnFormats?: readonly (string | undefined)[];
  /**
   * Number format per cell, same shape as rows, for a block whose rows differ (a scorecard snapshot: one KPI
   * in %, the next in $). A cell given here wins over columnFormats; undefined leaves it to columnFormats.
   */
  readonly cellFormats?: readonly (readonly (string | undefined)[])[];
}

/** The number format a SheetWrite asks for at row r, column c (both 0-based), or undefined for the host's own. */
export function sheetFormatAt(write: Pick<SheetWrite, 'columnFormats' | 'cellFormats'>, r: number, c: number): string | undefined {
  return write.cellFormats?.[r]?.[c] ?? (r > 0 ? write.columnFormats?.[c] : undefined) ?? undefined;
}

/** Sheets to add to the workbook, such as the sample quarter or the quarterly-planning template. */
export interface TemplateSpec {
  readonly name: string;
  readonly sheets: readonly SheetWrite[];
  /**
   * A template declared in templates/ that the host builds itself: 'quarterly-plan' is
   * renderWorkbook(QUARTER, host) (Excel: the built workbook's sheets; Sheets and the playground: rendered
   * from the declaration). `sheets` then only names its sheets (rows empty), so the sidebar bundle does not
   * carry the template; the same never-overwrite rule applies to those names.
   */
  readonly template?: 'quarterly-plan';
}

export type WriteResult =
  | { readonly ok: true; readonly sheet: string; readonly address: string; readonly message: string }
  | {
      readonly ok: false;
      /** The cells that stopped the write, with sheet names (Backlog!H5); may be capped, see reason. */
      readonly refused: readonly string[];
      /** One sentence for the user: what would have been overwritten and what to do. */
      readonly reason: string;
      /**
       * True when nothing would have been overwritten but a table the values were computed from changed
       * since it was read (WriteOptions.sources): the sidebar offers to recompute instead of writing.
       */
      readonly stale?: boolean;
    };

/** A read that written values were computed from: the table and the TableData.version it had then. */
export interface SourceVersion {
  readonly tableId: string;
  readonly version: string;
}

export interface WriteOptions {
  /** TableData.version of the read of the target table the written values came from (writeColumns). */
  readonly basedOn?: string;
  /**
   * Every table read the written values were computed from (a plan from Backlog, Teams and Mix). The bridge
   * re-reads each and refuses the write, changing nothing and with `stale: true`, when any version differs,
   * in the same step as its target check (issue 12.5: a plan from an older backlog is never written).
   */
  readonly sources?: readonly SourceVersion[];
}

/**
 * Every write follows DESIGN.md principle 5: it re-reads its target, never overwrites a non-empty cell it
 * does not own (it refuses and names the cells, changing nothing), writes the block at once, and writes
 * text that begins with = + - @ as text, never as a formula.
 */
export interface Bridge {
  readonly host: HostInfo;
  listTables(): Promise<TableRef[]>;
  readTable(id: string): Promise<TableData>;
  /** Writes columns immediately right of the table, replacing columns it wrote there before under the same header. */
  writeColumns(tableId: string, columns: readonly ColumnWrite[], options?: WriteOptions): Promise<WriteResult>;
  /** Writes a sheet the add-in owns (created when missing, rewritten whole when it owns it). */
  writeSheet(sheet: SheetWrite, options?: WriteOptions): Promise<WriteResult>;
  /** Adds the template's sheets; a sheet of the same name that holds anything is never overwritten. */
  insertTemplate(template: TemplateSpec): Promise<WriteResult>;
}

/**
 * Text that a spreadsheet would read as a formula if it were typed: = + - @ or their full-width forms,
 * also after leading whitespace and control characters. Every bridge writes such text as text.
 */
export { looksLikeFormula } from '../core/formula-text';

/**
 * Why columns cannot be written beside a table under the headers asked, or undefined when they can: two of
 * them share a header, a header names a column of the table the add-in did not write (the table would
 * have two columns of that name), or a column's formula reads a column of the same name (it would read
 * itself: RICE writing into a column named Effort). Headers compare as the functions find them
 * (normalizeHeader). Every bridge refuses with this reason before it changes anything (issue 12.11).
 */
export function columnHeaderProblem(table: { readonly id: string; readonly name: string; readonly headers: readonly string[] }, owned: readonly string[], columns: readonly ColumnWrite[]): string | undefined {
  const seen = new Set<string>();
  const ours = new Set(owned.map(normalizeHeader));
  const theirs = new Set(table.headers.map(normalizeHeader).filter((h) => !ours.has(h)));
  for (const c of columns) {
    const key = normalizeHeader(c.header);
    if (key === '') return 'Nothing was written: a column needs a header. Type a name for it, then try again.';
    if (seen.has(key)) return `Nothing was written: two of the columns are named "${c.header}". Give each its own name, then try again.`;
    seen.add(key);
    const inputs = (c.formula?.args ?? []).flatMap((a) => (a.kind === 'columns' && (a.table === undefined || a.table === table.id) ? a.headers : []));
    if (inputs.some((h) => normalizeHeader(h) === key)) {
      return `Nothing was written: the column "${c.header}" would be an input of its own formula, so it would read itself. Give it another name, such as "Priority score", then try again.`;
    }
    if (theirs.has(key)) {
      return `Nothing was written: ${table.name} already has a column named "${c.header}" that the add-in did not write. Give the new column another name, then try again.`;
    }
  }
  return undefined;
}

/** The refusal every bridge gives when a source changed since it was read (WriteOptions.sources). */
export function staleReason(tables: readonly string[]): string {
  const list = tables.join(', ');
  return `Nothing was written: ${list} changed after these results were computed from ${tables.length === 1 ? 'it' : 'them'}. Recompute, then write again.`;
}

/** The refusal sentence every bridge uses, so users see the same words in every host. */
export function refusalReason(cells: readonly string[], what: string): string {
  const shown = cells.slice(0, 8).join(', ');
  const more = cells.length > 8 ? ` and ${cells.length - 8} more` : '';
  const n = cells.length === 1 ? '1 cell' : `${cells.length} cells`;
  return `Nothing was written: ${what} would overwrite data the add-in did not write, in ${n} (${shown}${more}). Move or clear ${cells.length === 1 ? 'it' : 'them'}, then try again.`;
}
