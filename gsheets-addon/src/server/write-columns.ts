// writeColumns: results beside a table, in the columns right of it (or in place of columns written there
// before). Runs inside the document lock; everything is read first, then one setValues per contiguous block.
import { cellA1, rangeA1, sheetA1 } from '../../../protocol/a1';
import { type ColumnWrite, type WriteOptions, type WriteResult, refusalReason } from '../../../protocol/bridge';
import { normalizeHeader } from '../../../core/table';
import { type ReadCell, fingerprint, isBlank, neutralize, readGrid } from './cells';
import { COLUMN_KEY, type ColumnRecord, checkMetadataBudget, columnRecords, ownsColumnCell } from './ownership';
import { snapshot } from './read-table';
import { columnRange, formulaText } from './render';
import { findTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeColumns(ss: Spreadsheet, tableId: string, columns: readonly ColumnWrite[], options: WriteOptions): WriteResult {
  const t = findTable(ss, tableId);
  const sheet = t.sheet;
  const name = sheet.getName();
  if (options.basedOn !== undefined && snapshot(t, ss.getSpreadsheetTimeZone()).version !== options.basedOn) {
    return { ok: false, refused: [], reason: `Nothing was written: ${t.name} changed since it was read. Review the preview and write again.` };
  }
  const height = t.bottom - t.headerRow;
  for (const w of columns) if (w.values.length !== height) throw new Error(`${w.header} has ${w.values.length} values for ${height} rows.`);

  const width = t.right - t.left + 1 + columns.length;
  const missing = t.left + width - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  const all = columnRecords(sheet);
  // Rows below the table that a longer earlier write left behind are read too: they are ours to clear.
  const lastRecorded = Math.max(t.bottom, ...all.map((x) => x.record.r + x.record.n - 1));
  const grid = readGrid(sheet.getRange(t.headerRow + 1, t.left + 1, lastRecorded - t.headerRow + 1, width));
  const blank: ReadCell = { value: '', formula: '' };
  const at = (r: number, c: number): ReadCell => grid[r - t.headerRow]?.[c - t.left] ?? blank;
  const records = all.map((x) => x.record);

  const placed = new Map<string, number>();
  let next = t.right + 1;
  for (const w of columns) {
    const key = normalizeHeader(w.header);
    if (placed.has(key)) throw new Error(`The column ${w.header} is written twice in one write.`);
    const i = t.headers.findIndex((h, j) => normalizeHeader(h) === key && ownsColumnCell(records, t.headerRow, t.left + j, at));
    placed.set(key, i >= 0 ? t.left + i : next++);
  }

  const refused: string[] = [];
  for (const col of placed.values()) {
    for (let r = t.headerRow; r <= t.bottom; r++) {
      const cell = at(r, col);
      if (!isBlank(cell) && !ownsColumnCell(records, r, col, at)) refused.push(sheetA1(name, cellA1(r, col)));
    }
  }
  const names = columns.map((c) => c.header).join(' and ');
  if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing ${names} beside ${t.name}`) };

  const resolve = (headers: readonly string[], table: string | undefined) =>
    headers.map((h) => {
      if (table !== undefined && table !== t.id) return columnRange(findTable(ss, table), h);
      return columnRange(t, h, (x) => placed.get(normalizeHeader(x)));
    });
  const blocks = new Map<number, unknown[]>();
  for (const w of columns) {
    const formula = w.formula ? formulaText(w.formula, name, resolve) : undefined;
    // A formula goes in the first data row alone; Sheets spills its result into the blank cells below.
    const body = w.values.map((v, i) => (formula ? (i === 0 ? formula : '') : neutralize(v)));
    blocks.set(placed.get(normalizeHeader(w.header))!, [neutralize(w.header), ...body]);
  }

  // Replaced records free their space; formula columns record only the header and the formula cell.
  const replaced = all.filter((x) => [...placed.values()].includes(x.record.c)).reduce((n, x) => n + JSON.stringify(x.record).length / 20, 0);
  checkMetadataBudget(sheet, columns.reduce((n, w) => n + (w.formula ? 2 : height + 1), 0) - replaced, `writing ${names} beside ${t.name}`);

  // Cells an earlier, longer write left below the table: cleared only where they still hold what we wrote.
  const stale: string[] = [];
  for (const col of placed.values()) {
    for (let r = t.bottom + 1; r <= lastRecorded; r++) {
      if (!isBlank(at(r, col)) && ownsColumnCell(records, r, col, at)) stale.push(cellA1(r, col));
    }
  }
  if (stale.length) sheet.getRangeList(stale).clearContent();

  const cols = [...blocks.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
    const run = cols.slice(i, j + 1);
    const block = Array.from({ length: height + 1 }, (_, r) => run.map((c) => blocks.get(c)![r]));
    sheet.getRange(t.headerRow + 1, run[0]! + 1, height + 1, run.length).setValues(block);
    i = j + 1;
  }

  // Fingerprints of what Sheets actually stored (it converts "5" to 5, strips the apostrophe), read back.
  const written = readGrid(sheet.getRange(t.headerRow + 1, cols[0]! + 1, height + 1, cols[cols.length - 1]! - cols[0]! + 1));
  const placedCols = new Set(placed.values());
  for (const x of all) if (placedCols.has(x.record.c)) x.remove();
  for (const w of columns) {
    const c = placed.get(normalizeHeader(w.header))!;
    const prints = written.map((row) => fingerprint(row[c - cols[0]!]!));
    const rec: ColumnRecord = { c, r: t.headerRow, n: height + 1, ...(w.formula ? { h: prints.slice(0, 2), f: 1 as const } : { h: prints }) };
    sheet.addDeveloperMetadata(COLUMN_KEY, JSON.stringify(rec));
  }
  const address = rangeA1({ top: t.headerRow, left: cols[0]!, bottom: t.bottom, right: cols[cols.length - 1]! });
  return { ok: true, sheet: name, address, message: `Wrote ${names} beside ${t.name} (${sheetA1(name, address)}).` };
}
