// The playground's Bridge over the in-memory workbook. It is also the reference implementation the
// contract tests pin: writes check every target cell first and change nothing when one holds data the
// add-in did not write. A cell is the add-in's only while it still holds what this write's kind of write
// put there (workbook.ts ownedNow): a claim carried by a file proves nothing by itself. Each write knows
// its own cells (Cell.writer), so rewriting one table's column or the Plan sheet removes only what that
// same write wrote before, never another table's column.
import { cellA1, rangeA1, sheetA1 } from '../protocol/a1';
import {
  type Bridge,
  type ColumnWrite,
  type HostInfo,
  type Scalar,
  type SheetWrite,
  type TableData,
  type TableRef,
  type TemplateSpec,
  type WriteCell,
  type WriteOptions,
  type WriteResult,
  columnHeaderProblem,
  refusalReason,
  sheetFormatAt,
  staleReason,
} from '../protocol/bridge';
import { type Dialect, type PlacedRange, dialectFor, renderFormula } from '../protocol/formula';
import { normalizeHeader } from '../core/table';
import { putRenderedSheet, quarterlyPlanSheets } from './template';
import { type DetectedTable, detectTables } from './tables';
import type { LiveBook } from './engine/live-book';
import { type Cell, SHEET_WRITE, type SheetView, cellKey, claim, isEmptyCell, keyCol, keyRow, ownedNow } from './workbook';

export const PLAYGROUND_HOSTS: Record<'excel' | 'sheets', HostInfo> = {
  excel: { kind: 'playground', style: 'fluent', functionPrefix: 'AGILE.', label: 'the playground (Excel look)' },
  sheets: { kind: 'playground', style: 'google', functionPrefix: 'AGILE_', label: 'the playground (Google Sheets look)' },
};

/** A short content hash: enough to notice that a table changed between a read and a write. */
export function versionOf(headers: readonly string[], rows: readonly (readonly Scalar[])[]): string {
  let h = 2166136261;
  const text = JSON.stringify([headers, rows]);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${text.length}-${(h >>> 0).toString(36)}`;
}

export class MemoryBridge implements Bridge {
  private readonly dialect: Dialect;

  constructor(
    readonly workbook: LiveBook,
    readonly host: HostInfo = PLAYGROUND_HOSTS.excel,
  ) {
    this.dialect = dialectFor(host.functionPrefix);
  }

  private tables(): DetectedTable[] {
    return this.workbook.sheets.flatMap((s) => detectTables(s));
  }

  private table(id: string): DetectedTable {
    const t = this.tables().find((x) => x.id === id);
    if (!t) throw new Error(`The table ${id} is no longer there: pick the table again`);
    return t;
  }

  private refOf(t: DetectedTable): TableRef {
    const address = rangeA1({ top: t.headerRow, left: t.left, bottom: t.bottom, right: t.right });
    return { id: t.id, name: t.name, sheet: t.sheet, address, headers: t.headers, rowCount: t.bottom - t.headerRow, ...(t.notes.length ? { notes: t.notes } : {}) };
  }

  async listTables(): Promise<TableRef[]> {
    return this.tables().map((t) => this.refOf(t));
  }

  async readTable(id: string): Promise<TableData> {
    return this.snapshot(this.table(id));
  }

  private snapshot(t: DetectedTable): TableData {
    const sheet = this.workbook.sheet(t.sheet)!;
    const rows: Scalar[][] = [];
    for (let r = t.headerRow + 1; r <= t.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = t.left; c <= t.right; c++) row.push(sheet.value(r, c));
      rows.push(row);
    }
    const ownedColumns = t.headers.filter((_, i) => ownsColumnHeader(sheet, t.headerRow, t.left + i));
    // Each column as its first data cell is formatted, so the sidebar shows 95.5% where the cell does.
    const numberFormats = t.headers.map((_, i) => sheet.get(t.headerRow + 1, t.left + i)?.format ?? '');
    return { ref: this.refOf(t), headers: t.headers, rows, ownedColumns, numberFormats, version: versionOf(t.headers, rows) };
  }

  async writeColumns(tableId: string, columns: readonly ColumnWrite[], options: WriteOptions = {}): Promise<WriteResult> {
    const t = this.table(tableId);
    const sheet = this.workbook.sheet(t.sheet)!;
    const height = t.bottom - t.headerRow;
    const clash = columnHeaderProblem(t, this.snapshot(t).ownedColumns, columns);
    if (clash) return { ok: false, refused: [], reason: clash };
    const placed = new Map<string, number>();
    let next = t.right + 1;
    for (const w of columns) {
      if (w.values.length !== height) throw new Error(`${w.header} has ${w.values.length} values for ${height} rows`);
      const i = t.headers.findIndex((h, j) => normalizeHeader(h) === normalizeHeader(w.header) && ownsColumnHeader(sheet, t.headerRow, t.left + j));
      placed.set(normalizeHeader(w.header), i >= 0 ? t.left + i : next++);
    }
    // Every cell the write would touch, checked before anything changes.
    const refused: string[] = [];
    for (const col of placed.values()) {
      const writer = cellKey(t.headerRow, col);
      for (let r = t.headerRow; r <= t.bottom; r++) {
        if (!mayRewrite(sheet, r, col, writer)) refused.push(sheetA1(sheet.name, cellA1(r, col)));
      }
    }
    const names = columns.map((c) => c.header).join(' and ');
    if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing ${names} beside ${t.name}`) };
    const stale = this.stale([...(options.basedOn === undefined ? [] : [{ tableId, version: options.basedOn }]), ...(options.sources ?? [])]);
    if (stale) return stale;

    const columnsAt = (headers: readonly string[], table: string | undefined): PlacedRange[] =>
      headers.map((h) => {
        const target = table === undefined || table === t.id ? t : this.table(table);
        const own = target === t ? placed.get(normalizeHeader(h)) : undefined;
        const j = target.headers.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
        const col = own ?? (j >= 0 ? target.left + j : undefined);
        if (col === undefined) throw new Error(`${target.name} has no column "${h}"`);
        return { sheet: target.sheet, range: { top: target.headerRow + 1, bottom: target.bottom, left: col, right: col } };
      });
    for (const w of columns) {
      const col = placed.get(normalizeHeader(w.header))!;
      const writer = cellKey(t.headerRow, col);
      clearLeftovers(sheet, col, t.bottom, writer);
      const formula = w.formula ? renderFormula(w.formula, this.dialect, { sheet: sheet.name, columns: columnsAt }) : undefined;
      const master = cellKey(t.headerRow + 1, col);
      sheet.set(t.headerRow, col, claim({ value: w.header }, writer));
      w.values.forEach((v, i) => {
        // The values given are a formula's expected spill; recalc replaces them with what the catalog computes.
        const cell: Cell = formula === undefined ? { value: v } : i === 0 ? { value: v, formula, spill: { rows: height, cols: 1 } } : { value: v, spillFrom: master };
        if (w.numberFormat) cell.format = w.numberFormat;
        sheet.set(t.headerRow + 1 + i, col, claim(cell, writer));
      });
    }
    await this.finish();
    const first = Math.min(...placed.values());
    const last = Math.max(...placed.values());
    const address = rangeA1({ top: t.headerRow, left: first, bottom: t.bottom, right: last });
    return { ok: true, sheet: sheet.name, address, message: `Wrote ${names} beside ${t.name} (${sheetA1(sheet.name, address)}).` };
  }

  async writeSheet(write: SheetWrite, options: WriteOptions = {}): Promise<WriteResult> {
    const existing = this.workbook.sheet(write.name);
    // Cell by cell, even on a sheet the add-in created: a note the user typed on the Plan sheet is theirs,
    // and so is a Score column the add-in wrote beside a user's table there.
    const refused: string[] = [];
    write.rows.forEach((row, r) =>
      row.forEach((_, c) => {
        if (existing && !mayRewrite(existing, r, c, SHEET_WRITE)) refused.push(sheetA1(write.name, cellA1(r, c)));
      }),
    );
    if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing the ${write.name} sheet`) };
    const stale = this.stale(options.sources ?? []);
    if (stale) return stale;
    const sheet = existing ?? this.workbook.addSheet(write.name);
    if (!existing) sheet.owned = true;
    // What the last sheet write put there and this one does not, goes: the sheet shows one plan, not two.
    for (const [key] of [...sheet.entries()]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (sheet.get(r, c)!.writer === SHEET_WRITE && ownedNow(sheet, r, c)) sheet.set(r, c, undefined);
    }
    this.put(sheet, write.rows, true, write);
    await this.finish();
    const right = Math.max(0, ...write.rows.map((r) => r.length - 1));
    const address = rangeA1({ top: 0, left: 0, bottom: Math.max(write.rows.length - 1, 0), right });
    return { ok: true, sheet: sheet.name, address, message: `Wrote the ${sheet.name} sheet (${sheetA1(sheet.name, address)}).` };
  }

  /** The refusal for values computed from reads that no longer hold (WriteOptions.sources), or undefined. */
  private stale(sources: readonly { tableId: string; version: string }[]): WriteResult | undefined {
    const changed: string[] = [];
    const tables = sources.length ? this.tables() : [];
    for (const s of sources) {
      const t = tables.find((x) => x.id === s.tableId);
      const name = t?.name ?? s.tableId;
      if ((!t || this.snapshot(t).version !== s.version) && !changed.includes(name)) changed.push(name);
    }
    return changed.length ? { ok: false, refused: [], reason: staleReason(changed), stale: true } : undefined;
  }

  async insertTemplate(template: TemplateSpec): Promise<WriteResult> {
    const refused: string[] = [];
    const clashes: string[] = [];
    for (const s of template.sheets) {
      const existing = this.workbook.sheet(s.name);
      const used = existing?.usedRange();
      if (existing && used) {
        refused.push(sheetA1(existing.name, rangeA1(used)));
        clashes.push(`"${existing.name}"`);
      }
    }
    if (refused.length) {
      const n = clashes.length === 1 ? `a sheet named ${clashes[0]} that already holds` : `sheets named ${clashes.join(', ')} that already hold`;
      return { ok: false, refused, reason: `Nothing was inserted: inserting ${template.name} needs ${n} data. Rename or delete ${clashes.length === 1 ? 'it' : 'them'}, then try again.` };
    }
    // A template the playground builds from templates/ (with its formulas and cached results), else the rows given.
    const built = template.template === 'quarterly-plan' ? quarterlyPlanSheets() : undefined;
    for (const s of template.sheets) {
      const sheet = this.workbook.sheet(s.name) ?? this.workbook.addSheet(s.name);
      const source = built?.find((b) => b.name === s.name);
      if (source) putRenderedSheet(sheet, source, this.host.functionPrefix);
      else this.put(sheet, s.rows, false);
    }
    await this.finish();
    const first = template.sheets[0]?.name ?? '';
    return { ok: true, sheet: first, address: 'A1', message: `Inserted ${template.name}: ${template.sheets.map((s) => s.name).join(', ')}.` };
  }

  private put(sheet: SheetView, rows: readonly (readonly WriteCell[])[], owned: boolean, formats: Pick<SheetWrite, 'columnFormats' | 'cellFormats'> = {}): void {
    rows.forEach((row, r) =>
      row.forEach((w, c) => {
        if (w === '' && !owned) return;
        const cell: Cell = typeof w === 'object' ? { value: w.value, formula: this.formulaText(sheet, w.formula) } : { value: w };
        const format = sheetFormatAt(formats, r, c);
        if (format) cell.format = format;
        sheet.set(r, c, owned ? claim(cell, SHEET_WRITE) : cell);
      }),
    );
  }

  private formulaText(sheet: SheetView, f: Extract<WriteCell, object>['formula']): string {
    return renderFormula(f, this.dialect, {
      sheet: sheet.name,
      columns: (headers, table) => {
        if (table === undefined) throw new Error('a formula on a sheet must name the table its columns come from');
        const t = this.table(table);
        return headers.map((h) => {
          const j = t.headers.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
          if (j < 0) throw new Error(`${t.name} has no column "${h}"`);
          return { sheet: t.sheet, range: { top: t.headerRow + 1, bottom: t.bottom, left: t.left + j, right: t.left + j } };
        });
      },
    });
  }

  /** Applies the write as one undo step and waits until the engine shows every recalculated result. */
  private async finish(): Promise<void> {
    await this.workbook.commit();
  }
}

/** Whether the header cell of a column beside a table is one the add-in wrote and still holds. */
function ownsColumnHeader(sheet: SheetView, row: number, col: number): boolean {
  const writer = sheet.get(row, col)?.writer;
  return ownedNow(sheet, row, col) && writer !== SHEET_WRITE;
}

/**
 * Whether `writer` may write over this cell: it is blank, or the same write put it there and it still holds
 * what was written. Cells of unknown writer (claimed in a reopened file, which records what was written but
 * not by which write) count as any column write's, never as the owned sheet's.
 */
function mayRewrite(sheet: SheetView, row: number, col: number, writer: number): boolean {
  const cell = sheet.get(row, col);
  if (isEmptyCell(cell)) return true;
  if (!ownedNow(sheet, row, col)) return false;
  return cell!.writer === writer || (cell!.writer === undefined && writer !== SHEET_WRITE);
}

/**
 * A column may have been longer last time: the cells that same write left below the table's last row are
 * the add-in's to clear, as far down as they run unbroken. Anything else in the column (another table's
 * column a blank row below, a note) stays.
 */
function clearLeftovers(sheet: SheetView, col: number, bottom: number, writer: number): void {
  for (let r = bottom + 1; ownedNow(sheet, r, col); r++) {
    const w = sheet.get(r, col)!.writer;
    if (w !== writer && w !== undefined) break;
    sheet.set(r, col, undefined);
  }
}
