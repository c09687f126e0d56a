/// <reference types="office-js" />
// One read of the workbook, in one Excel.run batch: every sheet's used range (values and formulas) and
// its Excel tables. The bridge finds tables, checks ownership and renders formulas from this plain data,
// so the logic is testable without Excel and every write re-reads its target right before writing.
import { cellA1, parseCell, rangeA1 } from '../../protocol/a1';
import type { Scalar, TableRef } from '../../protocol/bridge';
import { type Ledger, type SheetLedger, stillOwned } from './ownership';

export interface SheetSnapshot {
  readonly id: string;
  readonly name: string;
  /** Top-left of the used range; values/formulas are relative to it. */
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly tables: readonly { id: string; name: string; top: number; left: number; bottom: number; right: number }[];
}

/** A table the sidebar can use: an Excel table, or a sheet's used range under a header row. */
export interface Region {
  readonly id: string;
  readonly name: string;
  readonly sheet: SheetSnapshot;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headers: readonly string[];
  /** Columns the add-in wrote beside it (their header cells are still the add-in's). */
  readonly ownedColumns: readonly string[];
}

export async function readWorkbook(ctx: Excel.RequestContext): Promise<SheetSnapshot[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/id');
  await ctx.sync();
  const parts = sheets.items.map((ws) => {
    // valuesOnly: formatting alone (a coloured empty row) does not make a table taller.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,rowIndex,columnIndex,values,formulas');
    ws.tables.load('items/name,items/id');
    return { ws, used };
  });
  await ctx.sync();
  const ranges = parts.map((p) =>
    p.ws.tables.items.map((t) => {
      const r = t.getRange();
      r.load('rowIndex,columnIndex,rowCount,columnCount');
      return { t, r };
    }),
  );
  await ctx.sync();
  return parts.map(({ ws, used }, i) => ({
    id: ws.id,
    name: ws.name,
    top: used.isNullObject ? 0 : used.rowIndex,
    left: used.isNullObject ? 0 : used.columnIndex,
    values: used.isNullObject ? [] : used.values,
    formulas: used.isNullObject ? [] : used.formulas,
    tables: ranges[i]!.map(({ t, r }) => ({
      id: t.id,
      name: t.name,
      top: r.rowIndex,
      left: r.columnIndex,
      bottom: r.rowIndex + r.rowCount - 1,
      right: r.columnIndex + r.columnCount - 1,
    })),
  }));
}

/** What a cell shows ('' when empty or outside the used range). */
export function valueAt(s: SheetSnapshot, row: number, col: number): unknown {
  return s.values[row - s.top]?.[col - s.left] ?? '';
}

export function formulaAt(s: SheetSnapshot, row: number, col: number): unknown {
  return s.formulas[row - s.top]?.[col - s.left] ?? '';
}

export const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

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
    const extend = (top: number, left: number, right: number) => {
      const owned: string[] = [];
      while (!isEmpty(formulaAt(s, top, right + 1)) && writable(s, own, top, right + 1) && own?.cells[cellA1(top, right + 1)]) {
        right++;
        owned.push(headerText(valueAt(s, top, right)));
      }
      const headers: string[] = [];
      for (let c = left; c <= right; c++) headers.push(headerText(valueAt(s, top, c)));
      return { right, headers, owned };
    };
    if (s.tables.length) {
      for (const t of s.tables) {
        const { right, headers, owned } = extend(t.top, t.left, t.right);
        out.push({ id: `table:${s.id}:${t.id}`, name: t.name, sheet: s, top: t.top, left: t.left, bottom: t.bottom, right, headers, ownedColumns: owned });
      }
      continue;
    }
    const header = s.values[0] ?? [];
    let width = header.length;
    while (width > 0 && isEmpty(header[width - 1])) width--;
    if (width === 0 || s.values.length < 1) continue;
    // A header row is text in every column; a sheet of loose numbers or notes is not a table.
    if (header.slice(0, width).some((v) => typeof v !== 'string' || v.trim() === '')) continue;
    const right = s.left + width - 1;
    const headers = header.slice(0, width).map(headerText);
    const ownedColumns = headers.filter((_, i) => isEmpty(formulaAt(s, s.top, s.left + i)) === false && !!own?.cells[cellA1(s.top, s.left + i)] && writable(s, own, s.top, s.left + i));
    out.push({ id: `sheet:${s.id}`, name: s.name, sheet: s, top: s.top, left: s.left, bottom: s.top + s.values.length - 1, right, headers, ownedColumns });
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
