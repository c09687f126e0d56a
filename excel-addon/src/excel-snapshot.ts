/// <reference types="office-js" />
// What the bridge reads, and only that. Excel on the web "has a payload size limit for requests and
// responses of 5MB" and "a range is limited to 5,000,000 cells for read operations"
// (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
// so one stray cell at row 300,000 of any sheet must not make listing tables or writing a Score column read
// that sheet. An action reads:
// - the outline (sheets, their used-range bounds, protection, tables with header/totals flags): no cells;
// - header rows, one row per table, to list and recognise tables and the columns the add-in wrote;
// - the body of the one table it works on, and the target cells of a write, in chunks under the limits.
// Reading a cell that no step read throws: an unread cell is never taken for an empty one.
import { cellA1, parseCell, rangeA1, sheetA1 } from '../../protocol/a1';
import type { Scalar, TableRef } from '../../protocol/bridge';
import { type Ledger, type SheetLedger, stillOwned } from './ownership';

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableOutline {
  readonly id: string;
  readonly name: string;
  /** The whole table: header row (when shown), body, totals row (when shown). */
  readonly box: Box;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;
  /** Column names, which Excel keeps when the header row is hidden. */
  readonly columns: readonly string[];
}

export interface SheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly protected: boolean;
  readonly used?: Box;
  readonly tables: readonly TableOutline[];
  /** The cells read so far (header rows, then whatever a write needs). */
  readonly windows: Window[];
}

/** A rectangle of cells read from a sheet: values and formulas, relative to its top-left. */
export interface Window {
  readonly box: Box;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
}

/** A table the sidebar can use: an Excel table, or a sheet's used range under a header row. */
export interface Region {
  readonly id: string;
  readonly name: string;
  readonly sheet: SheetSnapshot;
  /** The header row (for a table without one shown: the row just above its body). */
  readonly top: number;
  readonly left: number;
  /** The last body row: a totals row is never part of what is scored, planned or written beside. */
  readonly bottom: number;
  /** The right edge including the columns the add-in wrote beside it. */
  readonly right: number;
  readonly headers: readonly string[];
  /** Columns the add-in wrote beside it (their header cells are still the add-in's). */
  readonly ownedColumns: readonly string[];
  /** The Excel table behind it, with the box it had when read (to notice it grew on a write). */
  readonly table?: TableOutline;
}

/** Cells per read request: well under 5,000,000, and halved again whenever a response is still too big. */
export const CHUNK_CELLS = 50_000;

const inside = (b: Box, r: number, c: number) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;

function cell(s: SheetSnapshot, row: number, col: number): { value: unknown; formula: unknown } {
  if (s.used && !inside(s.used, row, col)) return { value: '', formula: '' };
  if (!s.used) return { value: '', formula: '' };
  for (const w of s.windows) {
    if (inside(w.box, row, col)) {
      return { value: w.values[row - w.box.top]?.[col - w.box.left] ?? '', formula: w.formulas[row - w.box.top]?.[col - w.box.left] ?? '' };
    }
  }
  throw new Error(`internal: ${s.name}!${cellA1(row, col)} was not read before it was checked`);
}

/** What a cell shows ('' when empty or outside the used range). */
export const valueAt = (s: SheetSnapshot, row: number, col: number): unknown => cell(s, row, col).value;
export const formulaAt = (s: SheetSnapshot, row: number, col: number): unknown => cell(s, row, col).formula;

export const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** The sheets, their used-range bounds, protection and tables: no cell contents. Three syncs. */
export async function readOutline(ctx: Excel.RequestContext): Promise<SheetSnapshot[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/id');
  await ctx.sync();
  const parts = sheets.items.map((ws) => {
    // valuesOnly: formatting alone (a coloured empty row) does not make a table taller.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
    ws.tables.load('items/name,items/id,items/showHeaders,items/showTotals');
    ws.protection.load('protected');
    return { ws, used };
  });
  await ctx.sync();
  const tables = parts.map((p) =>
    p.ws.tables.items.map((t) => {
      const r = t.getRange();
      r.load('rowIndex,columnIndex,rowCount,columnCount');
      const columns = t.columns;
      columns.load('items/name');
      return { t, r, columns };
    }),
  );
  await ctx.sync();
  return parts.map(({ ws, used }, i) => ({
    id: ws.id,
    name: ws.name,
    protected: ws.protection.protected,
    used: used.isNullObject ? undefined : { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 },
    tables: tables[i]!.map(({ t, r, columns }) => ({
      id: t.id,
      name: t.name,
      box: { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 },
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      columns: columns.items.map((c) => c.name),
    })),
    windows: [],
  }));
}

const isPayloadError = (e: unknown) => /PayloadSizeLimitExceeded|RangeExceedsLimit/i.test(String((e as { code?: unknown })?.code ?? '')) || /payload size/i.test(String((e as Error)?.message ?? ''));

/**
 * Whether `m` is a full rows × cols matrix of cell values. A read over the cell limit may come back as null
 * instead of an error ("the API will either return null or throw an error", resource-limits-and-performance-
 * optimization; "In some cases, Range.values returns null instead", excel/performance): such a read holds no
 * cells, and an unread cell must never pass for an empty one. Excel sends '' for an empty cell, never null.
 */
function complete(m: unknown, rows: number, cols: number): m is unknown[][] {
  return Array.isArray(m) && m.length === rows && m.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => v !== null && v !== undefined));
}

/**
 * Reads `box` of sheet `s` into s.windows, in row chunks of at most CHUNK_CELLS cells, one sync each; a
 * chunk whose response is still over the limit (long text), or that came back as null, is split in half and
 * read again. A single row that still comes back null stops the action with a message saying where.
 */
export async function readBox(ctx: Excel.RequestContext, s: SheetSnapshot, box: Box, withFormulas = true): Promise<void> {
  const clipped = s.used && { top: Math.max(box.top, s.used.top), left: Math.max(box.left, s.used.left), bottom: Math.min(box.bottom, s.used.bottom), right: Math.min(box.right, s.used.right) };
  if (!clipped || clipped.top > clipped.bottom || clipped.left > clipped.right) return; // nothing there: all empty
  const ws = ctx.workbook.worksheets.getItem(s.name);
  const cols = clipped.right - clipped.left + 1;
  let rows = Math.max(1, Math.floor(CHUNK_CELLS / cols));
  for (let top = clipped.top; top <= clipped.bottom; ) {
    const n = Math.min(rows, clipped.bottom - top + 1);
    const range = ws.getRangeByIndexes(top, clipped.left, n, cols);
    range.load(withFormulas ? 'values,formulas' : 'values');
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || n === 1) throw e;
      rows = Math.max(1, Math.floor(n / 2));
      continue;
    }
    const chunk = { top, left: clipped.left, bottom: top + n - 1, right: clipped.right };
    const values: unknown = range.values;
    const formulas: unknown = withFormulas ? range.formulas : values;
    if (!complete(values, n, cols) || !complete(formulas, n, cols)) {
      if (n === 1) throw new Error(`Excel sent back no cells for ${sheetA1(s.name, rangeA1(chunk))}, as it does for a read it finds too big. Nothing was changed. Try again; if it happens again, make that sheet smaller (fewer used columns).`);
      rows = Math.max(1, Math.floor(n / 2));
      continue;
    }
    s.windows.push({ box: chunk, values, formulas });
    top += n;
  }
}

/**
 * A sheet without Excel tables of at most this many used cells is read whole to find its tables (blocks
 * of rows between blank rows, as the other hosts find them); a bigger one is taken as one table under its
 * first row, so listing never reads a huge or stray-celled sheet.
 */
export const SCAN_LIMIT_CELLS = 200_000;

const cellsIn = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/** The header rows of every table and sheet, across to the used range's right edge (owned columns). */
export async function readHeaders(ctx: Excel.RequestContext, sheets: readonly SheetSnapshot[]): Promise<void> {
  for (const s of sheets) {
    if (!s.used) continue;
    if (!s.tables.length && cellsIn(s.used) <= SCAN_LIMIT_CELLS) {
      await readBox(ctx, s, s.used);
      continue;
    }
    const rows = s.tables.length ? s.tables.map((t) => headerRow(t)).filter((r) => r >= 0) : [s.used.top];
    for (const r of new Set(rows)) {
      const left = Math.min(s.used.left, ...s.tables.map((t) => t.box.left));
      await readBox(ctx, s, { top: r, left, bottom: r, right: Math.max(s.used.right, ...s.tables.map((t) => t.box.right)) + 1 });
    }
  }
}

/** The row the table's headers are in, or the row just above its body when its header row is hidden. */
const headerRow = (t: TableOutline) => (t.showHeaders ? t.box.top : t.box.top - 1);

/** Whether the add-in may write over this cell: it is empty, or still holds what the add-in put there. */
export function writable(s: SheetSnapshot, ledger: SheetLedger | undefined, row: number, col: number): boolean {
  const f = formulaAt(s, row, col);
  if (isEmpty(f)) return true;
  return stillOwned(ledger, cellA1(row, col), f, valueAt(s, row, col), (a1) => {
    const at = parseCell(a1);
    return at && { formula: formulaAt(s, at.row, at.col), value: valueAt(s, at.row, at.col) };
  });
}

const headerText = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** Tables first (Excel tables, by name), then the used range of each sheet without one, under a header row. */
export function findRegions(sheets: readonly SheetSnapshot[], ledger: Ledger): Region[] {
  const out: Region[] = [];
  for (const s of sheets) {
    const own = ledger.sheets[s.id];
    // Owned columns beside a region are part of what the sidebar sees, so they can be rewritten in place.
    const extend = (top: number, right: number) => {
      const owned: string[] = [];
      while (s.used && right + 1 <= s.used.right && !isEmpty(formulaAt(s, top, right + 1)) && own?.cells[cellA1(top, right + 1)] && writable(s, own, top, right + 1)) {
        right++;
        owned.push(headerText(valueAt(s, top, right)));
      }
      return { right, owned };
    };
    if (s.tables.length) {
      for (const t of s.tables) {
        const top = headerRow(t);
        if (top < 0) continue; // a headerless table in row 1: nowhere to put a header beside it
        const { right, owned } = extend(top, t.box.right);
        const headers = [...t.columns.map((c) => c.trim()), ...owned];
        const bottom = t.box.bottom - (t.showTotals ? 1 : 0);
        out.push({ id: `table:${s.id}:${t.id}`, name: t.name, sheet: s, top, left: t.box.left, bottom, right, headers, ownedColumns: owned, table: t });
      }
      continue;
    }
    if (!s.used) continue;
    const used = s.used;
    const whole = s.windows.some((w) => w.box.top <= used.top && w.box.bottom >= used.bottom && w.box.left <= used.left && w.box.right >= used.right);
    const found: { top: number; bottom: number }[] = [];
    if (whole) {
      // Blocks of rows between blank rows: two tables a blank row apart are two tables.
      let start = -1;
      for (let r = used.top; r <= used.bottom + 1; r++) {
        let blank = r > used.bottom;
        if (!blank) {
          blank = true;
          for (let c = used.left; c <= used.right && blank; c++) if (!isEmpty(formulaAt(s, r, c))) blank = false;
        }
        if (!blank && start < 0) start = r;
        if (blank && start >= 0) {
          found.push({ top: start, bottom: r - 1 });
          start = -1;
        }
      }
    } else found.push({ top: used.top, bottom: used.bottom });
    const regions: Region[] = [];
    for (const block of found) {
      const header: unknown[] = [];
      for (let c = used.left; c <= used.right; c++) header.push(valueAt(s, block.top, c));
      let width = header.length;
      while (width > 0 && isEmpty(header[width - 1])) width--;
      if (width === 0) continue;
      // A header row is text in every column; loose numbers or notes are not a table.
      if (header.slice(0, width).some((v) => typeof v !== 'string' || v.trim() === '')) continue;
      const left = used.left;
      const right = left + width - 1;
      const headers = header.slice(0, width).map(headerText);
      const ownedColumns = headers.filter((_, i) => !isEmpty(formulaAt(s, block.top, left + i)) && !!own?.cells[cellA1(block.top, left + i)] && writable(s, own, block.top, left + i));
      regions.push({ id: '', name: '', sheet: s, top: block.top, left, bottom: block.bottom, right, headers, ownedColumns });
    }
    // One table on a sheet keeps the sheet's name and id; several are told apart by where they are.
    for (const r of regions) {
      const one = regions.length === 1;
      out.push({ ...r, id: one ? `sheet:${s.id}` : `sheet:${s.id}:${cellA1(r.top, r.left)}`, name: one ? s.name : `${s.name} ${rangeA1({ top: r.top, left: r.left, bottom: r.bottom, right: r.right })}` });
    }
  }
  return out;
}

export function refOf(r: Region): TableRef {
  return {
    id: r.id,
    name: r.name,
    sheet: r.sheet.name,
    address: rangeA1({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }),
    headers: r.headers,
    rowCount: r.bottom - r.top,
  };
}

/** The body of a region (its data rows, never a totals row), read in chunks. */
export async function readBody(ctx: Excel.RequestContext, r: Region): Promise<void> {
  if (r.bottom > r.top) await readBox(ctx, r.sheet, { top: r.top + 1, left: r.left, bottom: r.bottom, right: r.right }, false);
}

/** Data rows as the sidebar reads them: blanks as '', errors as their text, dates as serial numbers. */
export function rowsOf(r: Region): Scalar[][] {
  const rows: Scalar[][] = [];
  for (let row = r.top + 1; row <= r.bottom; row++) {
    const line: Scalar[] = [];
    for (let c = r.left; c <= r.right; c++) {
      const v = valueAt(r.sheet, row, c);
      line.push(typeof v === 'number' || typeof v === 'boolean' ? v : isEmpty(v) ? '' : String(v));
    }
    rows.push(line);
  }
  return rows;
}

/** A short content hash: enough to notice that a table changed between a read and a write. */
export function versionOf(headers: readonly string[], rows: readonly (readonly Scalar[])[]): string {
  let h = 2166136261;
  const text = JSON.stringify([headers, rows]);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${text.length}-${(h >>> 0).toString(36)}`;
}
