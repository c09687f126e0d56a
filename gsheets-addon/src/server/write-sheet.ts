// writeSheet: a sheet the add-in owns (the Plan, a scorecard snapshot). Created when missing, rewritten
// whole when it is ours, but cell by cell: a note the user typed on it is theirs and is never overwritten.
import { cellA1, rangeA1, sheetA1 } from '../../../protocol/a1';
import { type SheetWrite, type WriteResult, refusalReason } from '../../../protocol/bridge';
import { type ReadCell, fingerprint, isBlank, readGrid } from './cells';
import { SHEET_KEY, checkMetadataBudget, ownsSheetCell, sheetRecord } from './ownership';
import { cellValue, tableColumns } from './sheet-cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeSheet(ss: Spreadsheet, write: SheetWrite): WriteResult {
  const existing = ss.getSheetByName(write.name);
  const owned = existing ? sheetRecord(existing) : undefined;
  const height = write.rows.length;
  const width = Math.max(0, ...write.rows.map((r) => r.length));
  const readRows = Math.max(height, existing?.getLastRow() ?? 0);
  const readCols = Math.max(width, existing?.getLastColumn() ?? 0);
  const grid: ReadCell[][] = existing && readRows && readCols ? readGrid(existing.getRange(1, 1, readRows, readCols)) : [];
  const blank: ReadCell = { value: '', formula: '' };
  const at = (r: number, c: number): ReadCell => grid[r]?.[c] ?? blank;

  // Every cell of the block is checked, padding included: a short row is written as blanks to its right.
  const refused: string[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const cell = at(r, c);
      if (!isBlank(cell) && !ownsSheetCell(owned?.record, r, c, cell)) refused.push(sheetA1(write.name, cellA1(r, c)));
    }
  }
  if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing the ${write.name} sheet`) };

  if (existing) checkMetadataBudget(existing, height * width - JSON.stringify(owned?.record ?? '').length / 20, `the ${write.name} sheet`);
  else if (height * width * 20 > 25_000) throw new Error(`Nothing was written: the ${write.name} sheet covers ${height * width} cells, more than Agile Playbook can keep track of on one sheet.`);
  const sheet = existing ?? ss.insertSheet(write.name);
  const stale: string[] = [];
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
      if ((r >= height || c >= width) && ownsSheetCell(owned?.record, r, c, at(r, c))) stale.push(cellA1(r, c));
    }
  }
  // What the last write put there and this one does not, goes: the sheet shows one plan, not two.
  if (stale.length) sheet.getRangeList(stale).clearContent();
  const cells: Record<string, string> = {};
  if (height && width) {
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
    const resolve = tableColumns(ss);
    const block = write.rows.map((row) => Array.from({ length: width }, (_, c) => (c < row.length ? cellValue(row[c]!, write.name, resolve) : '')));
    const range = sheet.getRange(1, 1, height, width);
    range.setValues(block);
    readGrid(range).forEach((row, r) =>
      row.forEach((cell, c) => {
        const f = fingerprint(cell);
        if (f) cells[`${r},${c}`] = f;
      }),
    );
  }
  owned?.remove();
  sheet.addDeveloperMetadata(SHEET_KEY, JSON.stringify({ cells }));
  const address = rangeA1({ top: 0, left: 0, bottom: Math.max(height - 1, 0), right: Math.max(width - 1, 0) });
  return { ok: true, sheet: write.name, address, message: `Wrote the ${write.name} sheet (${sheetA1(write.name, address)}).` };
}
