// writeColumns: results beside a table, in the columns right of it (or in place of columns written there
// before). Runs inside the document lock; everything is read and checked first, then one setValues per
// contiguous block, its number formats, and one ownership record per column.
import { cellA1, rangeA1, sheetA1 } from '../../../protocol/a1';
import { type ColumnWrite, type WriteOptions, type WriteResult, columnHeaderProblem, refusalReason } from '../../../protocol/bridge';
import { normalizeHeader } from '../../../core/table';
import { type ReadCell, isBlank, neutralize, readGrid } from './cells';
import { COLUMN_KEY, type BlockRecord, checkMetadataBudget, digestOf, ownedCells } from './ownership';
import { snapshot, tableBlocks } from './read-table';
import { columnRange, formulaText } from './render';
import { staleSources } from './sources';
import { findTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeColumns(ss: Spreadsheet, tableId: string, columns: readonly ColumnWrite[], options: WriteOptions): WriteResult {
  const t = findTable(ss, tableId);
  const sheet = t.sheet;
  const name = sheet.getName();
  if (options.basedOn !== undefined && snapshot(t, ss.getSpreadsheetTimeZone()).version !== options.basedOn) {
    return { ok: false, refused: [], reason: `Nothing was written: ${t.name} changed since it was read. Review the preview and write again.` };
  }
  const stale = staleSources(ss, options.sources);
  if (stale) return stale;
  const height = t.bottom - t.headerRow;
  for (const w of columns) if (w.values.length !== height) throw new Error(`${w.header} has ${w.values.length} values for ${height} rows.`);

  const width = t.right - t.left + 1 + columns.length;
  const missing = t.left + width - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  // Only this table's earlier writes count: a table below in the same column keeps its column and record.
  const mine = tableBlocks(t);
  // Rows below the table that a longer earlier write of this table left behind are read too: ours to clear.
  const lastRecorded = Math.max(t.bottom, ...mine.map((x) => x.record.r + x.record.n - 1));
  const grid = readGrid(sheet.getRange(t.headerRow + 1, t.left + 1, lastRecorded - t.headerRow + 1, width));
  const blank: ReadCell = { value: '', formula: '' };
  const at = (r: number, c: number): ReadCell => grid[r - t.headerRow]?.[c - t.left] ?? blank;
  const owns = ownedCells(
    mine.map((x) => x.record),
    at,
  );
  // The headers every bridge refuses: blank, twice, an input of the column's own formula, or a user's column.
  const ownedHeaders = t.headers.filter((_, i) => owns(t.headerRow, t.left + i));
  const clash = columnHeaderProblem({ id: tableId, name: t.name, headers: t.headers }, ownedHeaders, columns);
  if (clash) return { ok: false, refused: [], reason: clash };

  const placed = new Map<string, number>();
  let next = t.right + 1;
  for (const w of columns) {
    const key = normalizeHeader(w.header);
    if (placed.has(key)) throw new Error(`The column ${w.header} is written twice in one write.`);
    // A column this table's earlier write put there stays in place even when edited since: the check below
    // then refuses the edited cells instead of writing a second column of the same name beside them.
    const i = t.headers.findIndex((h, j) => normalizeHeader(h) === key && (owns(t.headerRow, t.left + j) || mine.some((x) => x.record.c === t.left + j)));
    placed.set(key, i >= 0 ? t.left + i : next++);
  }

  const refused: string[] = [];
  for (const col of placed.values()) {
    for (let r = t.headerRow; r <= t.bottom; r++) {
      if (!isBlank(at(r, col)) && !owns(r, col)) refused.push(sheetA1(name, cellA1(r, col)));
    }
  }
  const names = columns.map((c) => c.header).join(' and ');
  if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing ${names} beside ${t.name}`) };

  const resolve = (headers: readonly string[], table: string | undefined) =>
    headers.map((h) => {
      if (table !== undefined && table !== t.id) return columnRange(findTable(ss, table), h);
      return columnRange(t, h, (x) => placed.get(normalizeHeader(x)));
    });
  const bodies = new Map<number, unknown[]>();
  for (const w of columns) {
    const formula = w.formula ? formulaText(w.formula, name, resolve) : undefined;
    // A formula goes in the first data row alone; Sheets spills its result into the blank cells below.
    const body = w.values.map((v, i) => (formula ? (i === 0 ? formula : '') : neutralize(v)));
    bodies.set(placed.get(normalizeHeader(w.header))!, [neutralize(w.header), ...body]);
  }

  const placedCols = new Set(placed.values());
  const replaced = mine.filter((x) => placedCols.has(x.record.c));
  const shape = (w: ColumnWrite): Omit<BlockRecord, 'd'> => ({ r: t.headerRow, c: placed.get(normalizeHeader(w.header))!, n: height + 1, w: 1, ...(w.formula ? { f: 1 as const } : {}) });
  checkMetadataBudget(sheet, columns.map((w) => [COLUMN_KEY, shape(w)]), replaced, `writing ${names} beside ${t.name}`);

  // Cells an earlier, longer write of this table left below it: cleared only where that write still holds.
  const leftover: string[] = [];
  for (const col of placedCols) {
    for (let r = t.bottom + 1; r <= lastRecorded; r++) {
      if (!isBlank(at(r, col)) && owns(r, col)) leftover.push(cellA1(r, col));
    }
  }
  if (leftover.length) sheet.getRangeList(leftover).clearContent();

  const cols = [...bodies.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
    const run = cols.slice(i, j + 1);
    const block = Array.from({ length: height + 1 }, (_, r) => run.map((c) => bodies.get(c)![r]));
    sheet.getRange(t.headerRow + 1, run[0]! + 1, height + 1, run.length).setValues(block);
    i = j + 1;
  }
  // Number formats of the data cells (a spilled column's too), in the same locked step as the values.
  if (height > 0) {
    for (const w of columns) {
      if (w.numberFormat) sheet.getRange(t.headerRow + 2, placed.get(normalizeHeader(w.header))! + 1, height, 1).setNumberFormat(w.numberFormat);
    }
  }

  // Digests of what Sheets actually stored (it converts "5" to 5, strips the apostrophe), read back.
  const left = cols[0]!;
  const written = readGrid(sheet.getRange(t.headerRow + 1, left + 1, height + 1, cols[cols.length - 1]! - left + 1));
  const back = (r: number, c: number): ReadCell => written[r - t.headerRow]?.[c - left] ?? blank;
  for (const x of replaced) x.remove();
  for (const w of columns) {
    const rec = shape(w);
    sheet.addDeveloperMetadata(COLUMN_KEY, JSON.stringify({ ...rec, d: digestOf(rec, back) }));
  }
  const address = rangeA1({ top: t.headerRow, left, bottom: t.bottom, right: cols[cols.length - 1]! });
  return { ok: true, sheet: name, address, message: `Wrote ${names} beside ${t.name} (${sheetA1(name, address)}).` };
}
