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
  /** Written by the add-in: it may rewrite this cell; anything else it must not overwrite. */
  owned?: boolean;
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

export function isEmptyCell(c: Cell | undefined): boolean {
  return !c || (c.formula === undefined && (c.value === '' || c.value === null || c.value === undefined));
}

export class Sheet {
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

  /** The bounding box of every non-empty cell, or undefined for an empty sheet. */
  usedRange(): { top: number; left: number; bottom: number; right: number } | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, c] of this.cells) {
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
