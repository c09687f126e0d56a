// Tables in a playground sheet: the file's Excel tables with their own geometry, then the header regions
// protocol/sheet-reading.ts finds in the remaining cells (the same reading the Sheets server uses). A
// hidden sheet offers no tables. A note typed one column to the right is not part of a detected table,
// which is what lets a write beside the table notice it and refuse.
import { cellA1, rangeA1 } from '../protocol/a1';
import { type ReadTable, readTables, readingNotes } from '../protocol/sheet-reading';
import { type FileTable, type SheetView, isEmptyCell, keyCol, keyRow } from './workbook';

export interface DetectedTable {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly left: number;
  readonly right: number;
  /** Last data row (>= headerRow + 1). */
  readonly bottom: number;
  readonly headers: readonly string[];
  /** What the reading stepped over (blank rows kept in, a totals row, hidden rows), for the user. */
  readonly notes: readonly string[];
  /** Data rows that are blank (kept inside the table). */
  readonly blankRows: readonly number[];
}

function extent(sheet: SheetView): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [key, cell] of sheet.entries()) {
    if (isEmptyCell(cell)) continue;
    rows = Math.max(rows, keyRow(key) + 1);
    cols = Math.max(cols, keyCol(key) + 1);
  }
  return { rows, cols };
}

/**
 * An Excel table's last row, grown over rows typed directly under it, as Excel's AutoExpansion does when a
 * person types there (a table with a totals row does not grow: the row under it is outside the table).
 */
export function grownBottom(sheet: SheetView, t: FileTable): number {
  let bottom = t.bottom;
  if (t.totalsRow) return bottom;
  const filled = (r: number) => {
    for (let c = t.left; c <= t.right; c++) if (!isEmptyCell(sheet.get(r, c))) return true;
    return false;
  };
  while (filled(bottom + 1) && !sheet.fileTables.some((o) => o !== t && o.top === bottom + 1 && o.left <= t.right && o.right >= t.left)) bottom++;
  return bottom;
}

function fileTables(sheet: SheetView): Omit<DetectedTable, 'id' | 'name'>[] {
  return sheet.fileTables.flatMap((t) => {
    // A headerless table has no names for its columns: the sidebar cannot map it, so it is not offered.
    if (!t.headerRow) return [];
    const bottom = grownBottom(sheet, t) - (t.totalsRow ? 1 : 0);
    if (bottom <= t.top) return [];
    // Columns the add-in wrote directly beside the table belong to it, as they do in Excel, where the
    // table grows over them; the file's table itself is saved as the user made it.
    let right = t.right;
    while (sheet.get(t.top, right + 1)?.owned && !isEmptyCell(sheet.get(t.top, right + 1))) right++;
    const headers: string[] = [];
    for (let c = t.left; c <= right; c++) headers.push(String(sheet.value(t.top, c)).trim());
    let hidden = 0;
    for (let r = t.top + 1; r <= bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
    const read: ReadTable = { top: t.top, left: t.left, right, bottom, headerRow: t.top, headers, blankRows: [], hiddenRows: hidden };
    return [{ sheet: sheet.name, headerRow: t.top, left: t.left, right, bottom, headers, notes: readingNotes(read), blankRows: [] }];
  });
}

export function detectTables(sheet: SheetView): DetectedTable[] {
  if (sheet.hidden) return [];
  const own = fileTables(sheet);
  const { rows, cols } = extent(sheet);
  const read = readTables({
    rows,
    cols,
    value: (r, c) => sheet.value(r, c),
    hiddenRow: (r) => sheet.hiddenRows.has(r),
    taken: sheet.fileTables.map((t) => ({ top: t.top, left: t.left, bottom: grownBottom(sheet, t), right: t.right })),
  });
  const found = [
    ...own,
    ...read.map((t) => ({ sheet: sheet.name, headerRow: t.headerRow, left: t.left, right: t.right, bottom: t.bottom, headers: t.headers, notes: readingNotes(t), blankRows: t.blankRows })),
  ].sort((a, b) => a.headerRow - b.headerRow || a.left - b.left);
  const named = new Map(sheet.fileTables.map((t) => [`${t.top}:${t.left}`, t.name]));
  return found.map((t) => ({
    ...t,
    id: `${t.sheet}!${cellA1(t.headerRow, t.left)}`,
    name: named.get(`${t.headerRow}:${t.left}`) ?? (found.length === 1 ? t.sheet : `${t.sheet} ${rangeA1({ top: t.headerRow, left: t.left, bottom: t.bottom, right: t.right })}`),
  }));
}
