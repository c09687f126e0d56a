// Tables in a spreadsheet: named ranges (the user said where the table is) and detected header regions,
// read by protocol/sheet-reading.ts, the same reading the playground uses (merged titles are not headers,
// blank rows inside a table keep the rows below, a totals row is not data, hidden sheets offer nothing),
// so a note typed one column to the right is not part of the table and a write beside it notices it.
import { cellA1, rangeA1 } from '../../../protocol/a1';
import type { TableRef } from '../../../protocol/bridge';
import { readTables, readingNotes } from '../../../protocol/sheet-reading';
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
  /** What the reading stepped over (blank rows kept in, a totals row), for the user. */
  readonly notes?: readonly string[];
}

function detect(sheet: Sheet): Omit<FoundTable, 'id' | 'name'>[] {
  // A hidden sheet is the workbook's machinery (lookups, settings): its tables are not offered.
  if (sheet.isSheetHidden()) return [];
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  const grid = readGrid(sheet.getRange(1, 1, lastRow, lastCol));
  // getValues gives a merged range's value in its top-left cell only, so a merged title is one cell.
  return readTables({
    rows: lastRow,
    cols: lastCol,
    value: (r, c) => {
      const cell: ReadCell | undefined = grid[r]?.[c];
      if (!cell || isBlank(cell)) return '';
      const v = cell.value;
      return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
    },
  }).map((t) => ({ sheet, headerRow: t.headerRow, left: t.left, right: t.right, bottom: t.bottom, headers: t.headers, notes: readingNotes(t) }));
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
  return { id: t.id, name: t.name, sheet: t.sheet.getName(), address, headers: t.headers, rowCount: t.bottom - t.headerRow, ...(t.notes?.length ? { notes: t.notes } : {}) };
}
