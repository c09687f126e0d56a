// Tables in a spreadsheet: named ranges (the user said where the table is) and detected header regions
// (a row of at least two adjacent text headers over the rows below it, the same rule the playground uses,
// so a note typed one column to the right is not part of the table and a write beside it notices it).
import { cellA1, rangeA1 } from '../../../protocol/a1';
import type { TableRef } from '../../../protocol/bridge';
import { type ReadCell, isBlank, readGrid } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface FoundTable {
  readonly id: string;
  readonly name: string;
  readonly sheet: Sheet;
  /** 0-based, like protocol/a1. */
  readonly headerRow: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly headers: readonly string[];
}

const isHeaderText = (c: ReadCell | undefined): boolean => !!c && typeof c.value === 'string' && c.value.trim() !== '' && !c.value.startsWith('#');

function detect(sheet: Sheet): Omit<FoundTable, 'id' | 'name'>[] {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  const grid = readGrid(sheet.getRange(1, 1, lastRow, lastCol));
  const filled = (r: number, c: number) => !!grid[r]?.[c] && !isBlank(grid[r]![c]!);
  const claimed: { top: number; bottom: number; left: number; right: number }[] = [];
  const isClaimed = (r: number, c: number) => claimed.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
  const found: Omit<FoundTable, 'id' | 'name'>[] = [];
  for (let r = 0; r < lastRow; r++) {
    let c = 0;
    while (c < lastCol) {
      if (!filled(r, c)) {
        c++;
        continue;
      }
      let right = c;
      while (right + 1 < lastCol && filled(r, right + 1)) right++;
      const left = c;
      c = right + 1;
      if (right === left || isClaimed(r, left)) continue;
      const cells = grid[r]!.slice(left, right + 1);
      if (!cells.every(isHeaderText)) continue;
      const rowFilled = (row: number) => {
        for (let k = left; k <= right; k++) if (filled(row, k)) return true;
        return false;
      };
      let bottom = r;
      while (bottom + 1 < lastRow && rowFilled(bottom + 1)) bottom++;
      if (bottom === r) continue;
      claimed.push({ top: r, bottom, left, right });
      found.push({ sheet, headerRow: r, left, right, bottom, headers: cells.map((x) => String(x.value).trim()) });
    }
  }
  return found;
}

function named(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): FoundTable[] {
  return ss.getNamedRanges().flatMap((nr) => {
    const range = nr.getRange();
    if (range.getNumRows() < 2) return [];
    const headers = range.getValues()[0]!.map((v) => String(v).trim());
    const top = range.getRow() - 1;
    const left = range.getColumn() - 1;
    return [{ id: `named:${nr.getName()}`, name: nr.getName(), sheet: range.getSheet(), headerRow: top, left, right: left + range.getNumColumns() - 1, bottom: top + range.getNumRows() - 1, headers }];
  });
}

export function findTables(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): FoundTable[] {
  const detected = ss.getSheets().flatMap((sheet) => {
    const ts = detect(sheet);
    return ts.map((t) => ({
      ...t,
      // The header's top-left cell: it stays put when the add-in writes columns beside the table.
      id: `${sheet.getName()}!${cellA1(t.headerRow, t.left)}`,
      name: ts.length === 1 ? sheet.getName() : `${sheet.getName()} ${rangeA1({ top: t.headerRow, left: t.left, bottom: t.bottom, right: t.right })}`,
    }));
  });
  return [...named(ss), ...detected];
}

export function findTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, id: string): FoundTable {
  const t = findTables(ss).find((x) => x.id === id);
  if (!t) throw new Error(`The table ${id} is no longer there: pick the table again.`);
  return t;
}

export function refOf(t: FoundTable): TableRef {
  const address = rangeA1({ top: t.headerRow, left: t.left, bottom: t.bottom, right: t.right });
  return { id: t.id, name: t.name, sheet: t.sheet.getName(), address, headers: t.headers, rowCount: t.bottom - t.headerRow };
}
