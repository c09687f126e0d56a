// One reading of a sheet, for every bridge that finds tables itself (the Sheets server, the playground):
// where a table's header row is, how far its data runs, and what the reading stepped over. Excel tables
// (and named ranges) keep their own geometry; this reads plain cells.
//
// The rules, in the order they apply:
// - A header row is at least two adjacent filled cells that are all text (not error codes). A title
//   merged across the columns is one cell (the bridge reports only a merge's top-left value), so it is
//   never a header; a "Quarter | Q2" label pair directly above a wider row is not a header either: the
//   wider row below is.
// - The data runs down while a row has anything under the header. A blank row does not end the table
//   when data follows it under the same headers: those rows are kept in and the blank rows are reported,
//   so the sidebar can say so. A row after the gap that reads as a header (two or more cells, all text) or
//   runs wider than the table starts a new block instead (two tables a blank row apart stay two tables).
// - A last row whose first cell says Total (or Totals, Sum, Grand total) is the totals row: it is not data.
// - Hidden rows stay in the table (they are the user's items, filtered out of view) and are counted.
import type { Scalar } from './bridge';

/** What a bridge knows about one sheet's cells: 0-based rows and columns, blanks as ''. */
export interface SheetCells {
  readonly rows: number;
  readonly cols: number;
  value(row: number, col: number): Scalar;
  /** True for a row hidden by the user or a filter (optional: hosts that cannot tell say nothing). */
  hiddenRow?(row: number): boolean;
  /** Areas already taken by tables with their own geometry (Excel tables, named ranges): not read again. */
  readonly taken?: readonly Area[];
}

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface ReadTable extends Area {
  /** The header row (= top). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  /** Blank rows inside the table, kept in (0-based). */
  readonly blankRows: readonly number[];
  /** The totals row below the data, left out of it; bottom is the last data row. */
  readonly totalsRow?: number;
  /** How many data rows are hidden. */
  readonly hiddenRows: number;
}

/** How many blank rows in a row may sit inside a table before the table ends. */
const MAX_GAP = 3;
const TOTALS = /^(grand\s+)?(totals?|sum)\b/i;

const isBlank = (v: Scalar): boolean => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isHeaderText = (v: Scalar): boolean => typeof v === 'string' && v.trim() !== '' && !v.startsWith('#');

/** Sentences for the user about what the reading stepped over (empty when nothing). */
export function readingNotes(t: ReadTable): string[] {
  const notes: string[] = [];
  const row = (r: number) => r + 1;
  if (t.blankRows.length) {
    const list = t.blankRows.slice(0, 5).map(row).join(', ') + (t.blankRows.length > 5 ? ', …' : '');
    notes.push(`${t.blankRows.length === 1 ? 'A blank row' : `${t.blankRows.length} blank rows`} (${list}) inside the table: the rows below ${t.blankRows.length === 1 ? 'it' : 'them'} are included; blank rows are skipped.`);
  }
  if (t.totalsRow !== undefined) notes.push(`Row ${row(t.totalsRow)} is a totals row: it is not an item.`);
  if (t.hiddenRows) notes.push(`${t.hiddenRows === 1 ? '1 hidden row is' : `${t.hiddenRows} hidden rows are`} included.`);
  return notes;
}

export function readTables(sheet: SheetCells): ReadTable[] {
  const { rows, cols } = sheet;
  const filled = (r: number, c: number) => r >= 0 && r < rows && c >= 0 && c < cols && !isBlank(sheet.value(r, c));
  const claimed: Area[] = [...(sheet.taken ?? [])];
  const isClaimed = (r: number, c: number) => claimed.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
  const rowFilled = (r: number, left: number, right: number) => {
    for (let c = left; c <= right; c++) if (filled(r, c)) return true;
    return false;
  };
  const allText = (r: number, left: number, right: number) => {
    for (let c = left; c <= right; c++) if (!isHeaderText(sheet.value(r, c))) return false;
    return true;
  };
  // After a gap, a row that reads as a header (two or more filled cells, all text) or that runs wider than
  // the table starts a block of its own.
  const startsBlock = (r: number, left: number, right: number) => {
    if (filled(r, right + 1) || filled(r, left - 1)) return true;
    let count = 0;
    for (let c = left; c <= right; c++) {
      if (!filled(r, c)) continue;
      if (!isHeaderText(sheet.value(r, c))) return false;
      count++;
    }
    return count >= 2;
  };
  const filledCount = (r: number, left: number, right: number) => {
    let n = 0;
    for (let c = left; c <= right; c++) if (filled(r, c)) n++;
    return n;
  };
  const firstFilled = (r: number, left: number, right: number): Scalar => {
    for (let c = left; c <= right; c++) if (filled(r, c)) return sheet.value(r, c);
    return '';
  };
  const found: ReadTable[] = [];
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < cols) {
      if (!filled(r, c)) {
        c++;
        continue;
      }
      let right = c;
      while (right + 1 < cols && filled(r, right + 1)) right++;
      const left = c;
      c = right + 1;
      if (right === left || isClaimed(r, left) || !allText(r, left, right)) continue;
      // A label pair over a wider block ("Quarter | Q2 2026" above the real header) is not a header.
      if (filled(r + 1, left - 1) || filled(r + 1, right + 1)) {
        let l = left;
        let rr = right;
        while (filled(r + 1, l - 1)) l--;
        while (filled(r + 1, rr + 1)) rr++;
        if (l <= left && rr >= right && allText(r + 1, l, rr)) continue;
      }
      let bottom = r;
      const blanks: number[] = [];
      let next = r + 1;
      while (next < rows) {
        if (rowFilled(next, left, right)) {
          bottom = next++;
          continue;
        }
        // A gap: look past it for more data under the same headers.
        let after = next;
        while (after < rows && after - next < MAX_GAP && !rowFilled(after, left, right)) after++;
        if (after >= rows || !rowFilled(after, left, right) || startsBlock(after, left, right)) break;
        // A lone label ("Your inputs", "Good to know") over a new block is that block's caption.
        if (filledCount(after, left, right) === 1 && isHeaderText(firstFilled(after, left, right)) && startsBlock(after + 1, left, right)) break;
        for (let g = next; g < after; g++) blanks.push(g);
        next = after;
      }
      if (bottom === r) continue;
      let totalsRow: number | undefined;
      const first = sheet.value(bottom, left);
      if (bottom > r + 1 && typeof first === 'string' && TOTALS.test(first.trim())) {
        totalsRow = bottom;
        bottom--;
        while (blanks.length && blanks[blanks.length - 1] === bottom) (blanks.pop(), bottom--);
      }
      let hiddenRows = 0;
      if (sheet.hiddenRow) for (let k = r + 1; k <= bottom; k++) if (sheet.hiddenRow(k)) hiddenRows++;
      const headers: string[] = [];
      for (let k = left; k <= right; k++) headers.push(String(sheet.value(r, k)).trim());
      const table: ReadTable = { top: r, left, right, bottom, headerRow: r, headers, blankRows: blanks, hiddenRows, ...(totalsRow !== undefined ? { totalsRow } : {}) };
      claimed.push({ top: r, left, right, bottom: totalsRow ?? bottom });
      found.push(table);
    }
  }
  return found;
}
