// writeSheet: a sheet the add-in owns (the Plan, a scorecard snapshot). Created when missing, rewritten
// whole when the block it wrote last still holds what it wrote; a cell the user typed anywhere it would
// write is theirs and stops the write.
import { cellA1, rangeA1, sheetA1 } from '../../../protocol/a1';
import { type SheetWrite, type WriteOptions, type WriteResult, refusalReason, sheetFormatAt } from '../../../protocol/bridge';
import { type ReadCell, isBlank, readGrid } from './cells';
import { type BlockRecord, SHEET_KEY, blocks, checkMetadataBudget, digestOf, ownedCells } from './ownership';
import { cellValue, tableColumns } from './sheet-cells';
import { staleSources } from './sources';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeSheet(ss: Spreadsheet, write: SheetWrite, options: WriteOptions = {}): WriteResult {
  const stale = staleSources(ss, options.sources);
  if (stale) return stale;
  const existing = ss.getSheetByName(write.name);
  const owned = existing ? blocks(existing, SHEET_KEY) : [];
  const height = write.rows.length;
  const width = Math.max(0, ...write.rows.map((r) => r.length));
  const reach = owned.reduce((m, b) => ({ r: Math.max(m.r, b.record.r + b.record.n), c: Math.max(m.c, b.record.c + b.record.w) }), { r: 0, c: 0 });
  const readRows = Math.max(height, reach.r);
  const readCols = Math.max(width, reach.c);
  const grid: ReadCell[][] = existing && readRows && readCols ? readGrid(existing.getRange(1, 1, readRows, readCols)) : [];
  const blank: ReadCell = { value: '', formula: '' };
  const at = (r: number, c: number): ReadCell => grid[r]?.[c] ?? blank;
  const owns = ownedCells(
    owned.map((b) => b.record),
    at,
  );

  // Every cell of the block is checked, padding included: a short row is written as blanks to its right.
  const refused: string[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (!isBlank(at(r, c)) && !owns(r, c)) refused.push(sheetA1(write.name, cellA1(r, c)));
    }
  }
  if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing the ${write.name} sheet`) };

  const shape: Omit<BlockRecord, 'd'> = { r: 0, c: 0, n: height, w: width };
  if (existing) checkMetadataBudget(existing, [[SHEET_KEY, shape]], owned, `the ${write.name} sheet`);
  const sheet = existing ?? ss.insertSheet(write.name);
  // What the last write put there and this one does not, goes: the sheet shows one plan, not two. Only that
  // write's cells: anything else on the sheet (a column written beside a table there) stays.
  const leftover: string[] = [];
  for (const b of owned) {
    const { r: top, c: left, n, w } = b.record;
    for (let r = top; r < top + n; r++) {
      for (let c = left; c < left + w; c++) if ((r >= height || c >= width) && !isBlank(at(r, c)) && owns(r, c)) leftover.push(cellA1(r, c));
    }
  }
  if (leftover.length) sheet.getRangeList(leftover).clearContent();
  let d = '';
  if (height && width) {
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
    const resolve = tableColumns(ss);
    const block = write.rows.map((row) => Array.from({ length: width }, (_, c) => (c < row.length ? cellValue(row[c]!, write.name, resolve) : '')));
    const range = sheet.getRange(1, 1, height, width);
    range.setValues(block);
    // Number formats in the same locked step as the values: one call per run of equal formats down a column,
    // so a Plan sheet's column is one call and a snapshot's mixed units a few; cells asking for none keep theirs.
    for (let c = 0; c < width; c++) {
      for (let r = 0; r < height; ) {
        const f = sheetFormatAt(write, r, c);
        let end = r + 1;
        while (end < height && sheetFormatAt(write, end, c) === f) end++;
        if (f) sheet.getRange(r + 1, c + 1, end - r, 1).setNumberFormat(f);
        r = end;
      }
    }
    const back = readGrid(range);
    d = digestOf(shape, (r, c) => back[r]?.[c] ?? blank);
  }
  for (const b of owned) b.remove();
  sheet.addDeveloperMetadata(SHEET_KEY, JSON.stringify({ ...shape, d }));
  const address = rangeA1({ top: 0, left: 0, bottom: Math.max(height - 1, 0), right: Math.max(width - 1, 0) });
  return { ok: true, sheet: write.name, address, message: `Wrote the ${write.name} sheet (${sheetA1(write.name, address)}).` };
}
