// Tables in a sheet without Excel table objects: a row of at least two adjacent headers (text) over the
// rows below it. The header row fixes the width; the table runs down while any cell under a header is
// filled. A note typed one column to the right is therefore not part of the table, which is what lets a
// write beside the table notice it and refuse.
import { cellA1, rangeA1 } from '../protocol/a1';
import { type Sheet, isEmptyCell, keyCol, keyRow } from './workbook';

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
}

const isHeaderText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '' && !/^#/.test(v);

function rowFilled(sheet: Sheet, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) if (!isEmptyCell(sheet.get(row, c))) return true;
  return false;
}

export function detectTables(sheet: Sheet): DetectedTable[] {
  const used = sheet.usedRange();
  if (!used) return [];
  const claimed: { top: number; bottom: number; left: number; right: number }[] = [];
  const isClaimed = (r: number, c: number) => claimed.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
  // Rows in order, so a header row claims its data before the data rows could look like headers.
  const rows = new Map<number, number[]>();
  for (const [key, cell] of sheet.cells) {
    if (isEmptyCell(cell)) continue;
    const r = keyRow(key);
    (rows.get(r) ?? rows.set(r, []).get(r)!).push(keyCol(key));
  }
  const found: Omit<DetectedTable, 'id' | 'name'>[] = [];
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = rows.get(r)!.sort((a, b) => a - b);
    let i = 0;
    while (i < cols.length) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
      const left = cols[i]!;
      const right = cols[j]!;
      i = j + 1;
      if (right - left < 1 || isClaimed(r, left)) continue;
      const headers = [];
      for (let c = left; c <= right; c++) headers.push(sheet.value(r, c));
      if (!headers.every(isHeaderText)) continue;
      let bottom = r;
      while (bottom + 1 <= used.bottom && rowFilled(sheet, bottom + 1, left, right)) bottom++;
      if (bottom === r) continue;
      claimed.push({ top: r, bottom, left, right });
      found.push({ sheet: sheet.name, headerRow: r, left, right, bottom, headers: headers.map((h) => String(h).trim()) });
    }
  }
  return found.map((t) => ({
    ...t,
    id: `${t.sheet}!${cellA1(t.headerRow, t.left)}`,
    name: found.length === 1 ? t.sheet : `${t.sheet} ${rangeA1({ top: t.headerRow, left: t.left, bottom: t.bottom, right: t.right })}`,
  }));
}
