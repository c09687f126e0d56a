// The playground's workbook: sheets of cells in memory. It records which cells the add-in wrote (owned),
// which formula spilled into which cells, and which cells changed since the file was opened, so a download
// rewrites only what changed and keeps the rest of the user's file (styles, widths) as it was.
import type { Scalar } from '../protocol/bridge';

export interface Cell {
  /** The value shown: typed data, or a formula's (cached) result. Errors are text such as "#VALUE! …". */
  value: Scalar;
  /** Formula text with its leading '=', in the master cell of a formula. */
  formula?: string;
  /** For a cell a formula spilled into: the key of the master cell. */
  spillFrom?: number;
  /** The extent of a master's last spill, so the next result clears what it no longer covers. */
  spill?: { rows: number; cols: number };
  /**
   * Claimed by the add-in. A claim alone proves nothing (a file can carry it over a user's column): the
   * cell is the add-in's only while it still holds what was written, see ownedNow.
   */
  owned?: boolean;
  /** The contentMark of what the add-in wrote here (spilled cells have none: their master's counts). */
  mark?: string;
  /** Which write put it here: the key of a column write's header cell, or SHEET_WRITE; unknown after reopening. */
  writer?: number;
  /** A serial day number to be shown and saved as a date. */
  date?: boolean;
  /** An error value (#N/A, #REF!…) read from a file, as opposed to text that starts with '#'. */
  error?: boolean;
  /** Number format code ('0.0%', 'yyyy-mm-dd'), read from the file or set by a write; saved with the cell. */
  format?: string;
}

/** An Excel table read from a file: it keeps its own geometry (0-based, header and totals rows included). */
export interface FileTable {
  readonly name: string;
  top: number;
  readonly left: number;
  bottom: number;
  readonly right: number;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
}

const WIDTH = 16384;
export const cellKey = (row: number, col: number): number => row * WIDTH + col;
export const keyRow = (key: number): number => Math.floor(key / WIDTH);
export const keyCol = (key: number): number => key % WIDTH;

/** The writer of the cells an owned-sheet write (Bridge.writeSheet) put on its sheet. */
export const SHEET_WRITE = -1;

/**
 * A short digest of what a cell holds (its formula, or its value with its type), as the Excel add-in's
 * fingerprints are: letters and digits only, so it can travel in a defined name of a saved file.
 */
export function contentMark(c: Cell): string {
  const text = c.formula !== undefined ? `f${c.formula}` : `${typeof c.value}${String(c.value)}`;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${text.length.toString(36)}x${(h >>> 0).toString(36)}`;
}

/** Claims a cell for a write: it will count as the add-in's while it holds exactly this content. */
export function claim(cell: Cell, writer: number): Cell {
  cell.owned = true;
  cell.writer = writer;
  if (cell.spillFrom === undefined) cell.mark = contentMark(cell);
  return cell;
}

/**
 * Whether the add-in may rewrite this cell: it claimed it and it still holds what was written (for a
 * spilled cell: its master still holds the add-in's formula and spills over it).
 */
export function ownedNow(sheet: SheetView, row: number, col: number): boolean {
  const c = sheet.get(row, col);
  if (!c?.owned) return false;
  if (c.spillFrom === undefined) return c.mark === contentMark(c);
  const masterRow = keyRow(c.spillFrom);
  const masterCol = keyCol(c.spillFrom);
  const master = sheet.get(masterRow, masterCol);
  const spill = master?.spill;
  const inside = !!spill && row - masterRow < spill.rows && col - masterCol < spill.cols && row >= masterRow && col >= masterCol;
  return inside && master!.spillFrom === undefined && ownedNow(sheet, masterRow, masterCol);
}

/**
 * What reading tables and writing need of a sheet: the transfer Sheet below (a file's cells, the sample) and
 * the engine's live sheet (engine/live-book.ts) both provide it, so one table reading and one bridge serve both.
 */
export interface SheetView {
  readonly name: string;
  owned: boolean;
  readonly hidden?: 'hidden' | 'veryHidden';
  readonly hiddenRows: { has(row: number): boolean };
  readonly fileTables: FileTable[];
  get(row: number, col: number): Cell | undefined;
  value(row: number, col: number): Scalar;
  set(row: number, col: number, cell: Cell | undefined): void;
  /** Every cell that holds something, by key. */
  entries(): Iterable<[number, Cell]>;
  usedRange(): { top: number; left: number; bottom: number; right: number } | undefined;
}

/** The bounding box of the non-empty cells among these, or undefined when all are empty. */
export function usedRangeOf(cells: Iterable<[number, Cell]>): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, c] of cells) {
    if (isEmptyCell(c)) continue;
    const r = keyRow(key);
    const col = keyCol(key);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

export function isEmptyCell(c: Cell | undefined): boolean {
  return !c || (c.formula === undefined && (c.value === '' || c.value === null || c.value === undefined));
}

export class Sheet implements SheetView {
  readonly cells = new Map<number, Cell>();
  /** Keys changed since the workbook was opened (for the download). */
  readonly dirty = new Set<number>();
  /** Created by the add-in (the Plan sheet): it may rewrite it whole. */
  owned = false;
  /** Hidden in the file ('veryHidden': only code can show it). Its cells count; its tables are not offered. */
  hidden?: 'hidden' | 'veryHidden';
  /** Rows hidden in the file (0-based). */
  readonly hiddenRows = new Set<number>();
  /** Excel tables of the opened file. */
  readonly fileTables: FileTable[] = [];
  /** Frozen rows and columns at the top left, as the file's first view has them. */
  frozen?: { rows: number; cols: number };

  constructor(public name: string) {}

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  value(row: number, col: number): Scalar {
    return this.cells.get(cellKey(row, col))?.value ?? '';
  }

  set(row: number, col: number, cell: Cell | undefined): void {
    const key = cellKey(row, col);
    if (cell === undefined || (isEmptyCell(cell) && !cell.owned)) this.cells.delete(key);
    else this.cells.set(key, cell);
    this.dirty.add(key);
  }

  entries(): Iterable<[number, Cell]> {
    return this.cells;
  }

  /** The bounding box of every non-empty cell, or undefined for an empty sheet. */
  usedRange(): { top: number; left: number; bottom: number; right: number } | undefined {
    return usedRangeOf(this.cells);
  }
}

export type WorkbookListener = () => void;

export class Workbook {
  readonly sheets: Sheet[] = [];
  private listeners = new Set<WorkbookListener>();
  /** The name of the file it came from, for the download. */
  fileName = 'workbook.xlsx';

  sheet(name: string): Sheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  addSheet(name: string): Sheet {
    if (this.sheet(name)) throw new Error(`a sheet named "${name}" already exists`);
    const s = new Sheet(name);
    this.sheets.push(s);
    return s;
  }

  onChange(listener: WorkbookListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }
}

/** A workbook from plain rows per sheet (the sample quarter, test fixtures). Strings stay text. */
export function workbookFromRows(sheets: readonly { name: string; rows: readonly (readonly Scalar[])[] }[]): Workbook {
  const wb = new Workbook();
  for (const s of sheets) {
    const sheet = wb.addSheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== '' && sheet.set(r, c, { value: v })));
    sheet.dirty.clear();
  }
  return wb;
}
