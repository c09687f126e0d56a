/// <reference types="office-js" />
// The sidebar's Bridge over Excel.run. Every method reads the workbook afresh in the same Excel.run as its
// write (principle 5: re-read before write), checks every target cell against the ownership ledger, and
// either refuses changing nothing or writes each block with one `formulas =` assignment.
//
// Text that starts with = + - @ is written into cells formatted as Text ('@', set before the value in the
// same batch): Excel then stores it as text, and range.values reads back exactly what was written. (The
// other way, a leading apostrophe, leaves a quote prefix that some exports and readers surface.)
import { cellA1, parseCell, rangeA1, sheetA1 } from '../../protocol/a1';
import {
  type Bridge,
  type ColumnWrite,
  type HostInfo,
  type SheetWrite,
  type TableData,
  type TableRef,
  type TemplateSpec,
  type WriteCell,
  type WriteOptions,
  type WriteResult,
  looksLikeFormula,
  refusalReason,
} from '../../protocol/bridge';
import { EXCEL_DIALECT, type PlacedRange, renderFormula } from '../../protocol/formula';
import { normalizeHeader } from '../../core/table';
import { type Region, type SheetSnapshot, findRegions, isEmpty, readWorkbook, refOf, rowsOf, versionOf, writable } from './excel-snapshot';
import { type QuarterlyPlanSource, insertQuarterlyPlan } from './insert-workbook';
import { type Ledger, type LedgerStore, type SheetLedger, cellFingerprint, fingerprint } from './ownership';

export const EXCEL_HOST: HostInfo = { kind: 'excel', style: 'fluent', functionPrefix: 'AGILE.', label: 'Excel' };

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

type Cell = string | number | boolean;

/** One block to write: top-left, rows of what `formulas` gets, and which cells must be Text first. */
interface Block {
  top: number;
  left: number;
  cells: Cell[][];
  /** Cells ("row,col" within the block) that hold a rendered catalog formula; any other text is text. */
  live?: Set<string>;
  /** Spill cells: a1 → the ledger mark naming their formula cell. */
  spill?: Map<string, string>;
}

/** How the built quarterly-plan workbook is inserted (taskpane.ts wires fetch and the requirement check). */
export interface QuarterlyPlanOption {
  supported(): boolean;
  readonly source: QuarterlyPlanSource;
}

export class ExcelBridge implements Bridge {
  readonly host = EXCEL_HOST;

  constructor(
    private readonly run: ExcelRun,
    private readonly store: LedgerStore,
    private readonly quarterlyPlan?: QuarterlyPlanOption,
  ) {}

  async listTables(): Promise<TableRef[]> {
    const ledger = await this.store.load();
    return this.run(async (ctx) => findRegions(await readWorkbook(ctx), ledger).map(refOf));
  }

  async readTable(id: string): Promise<TableData> {
    const ledger = await this.store.load();
    return this.run(async (ctx) => dataOf(region(findRegions(await readWorkbook(ctx), ledger), id)));
  }

  async writeColumns(tableId: string, columns: readonly ColumnWrite[], options: WriteOptions = {}): Promise<WriteResult> {
    const ledger = await this.store.load();
    const result = await this.run(async (ctx): Promise<WriteResult> => {
      const regions = findRegions(await readWorkbook(ctx), ledger);
      const t = region(regions, tableId);
      const s = t.sheet;
      if (options.basedOn !== undefined && dataOf(t).version !== options.basedOn) {
        return { ok: false, refused: [], reason: `Nothing was written: ${t.name} changed since it was read. Review the preview and write again.` };
      }
      const height = t.bottom - t.top;
      const own = sheetLedger(ledger, s.id);
      const placed = new Map<string, number>();
      let next = t.right + 1;
      for (const w of columns) {
        if (w.values.length !== height) throw new Error(`${w.header} has ${w.values.length} values for ${height} rows`);
        const i = t.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(w.header) && t.ownedColumns.includes(h));
        placed.set(normalizeHeader(w.header), i >= 0 ? t.left + i : next++);
      }
      const refused: string[] = [];
      for (const col of placed.values()) {
        for (let r = t.top; r <= t.bottom; r++) if (!writable(s, own, r, col)) refused.push(sheetA1(s.name, cellA1(r, col)));
      }
      const names = columns.map((c) => c.header).join(' and ');
      if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing ${names} beside ${t.name}`) };

      const columnsAt = columnResolver(regions, t, placed);
      const blocks: Block[] = [];
      for (const w of columns) {
        const col = placed.get(normalizeHeader(w.header))!;
        const cells: Cell[][] = [[w.header]];
        const spill = new Map<string, string>();
        const live = new Set<string>();
        if (w.formula) {
          live.add('1,0');
          // One formula in the first data cell; the rest stays empty so the result can spill there.
          cells.push([renderFormula(w.formula, EXCEL_DIALECT, { sheet: s.name, columns: columnsAt })]);
          for (let i = 1; i < height; i++) {
            cells.push(['']);
            spill.set(cellA1(t.top + 1 + i, col), fingerprint.spill(cellA1(t.top + 1, col)));
          }
        } else for (const v of w.values) cells.push([v]);
        blocks.push({ top: t.top, left: col, cells, spill, live });
        // A longer column written before leaves owned cells below the table: those are the add-in's to clear.
        for (const a1 of Object.keys(own.cells)) {
          const at = parseA1(a1);
          if (at.col !== col || at.row <= t.bottom) continue;
          if (writable(s, own, at.row, col)) blocks.push({ top: at.row, left: col, cells: [['']] });
          delete own.cells[a1];
        }
      }
      await writeBlocks(ctx, s, own, blocks);
      const first = Math.min(...placed.values());
      const last = Math.max(...placed.values());
      const address = rangeA1({ top: t.top, left: first, bottom: t.bottom, right: last });
      return { ok: true, sheet: s.name, address, message: `Wrote ${names} beside ${t.name} (${s.name}!${address}).` };
    });
    if (result.ok) await this.store.save(ledger);
    return result;
  }

  async writeSheet(write: SheetWrite): Promise<WriteResult> {
    const ledger = await this.store.load();
    const result = await this.run(async (ctx): Promise<WriteResult> => {
      const sheets = await readWorkbook(ctx);
      const existing = sheets.find((x) => x.name.toLowerCase() === write.name.toLowerCase());
      const own = existing ? sheetLedger(ledger, existing.id) : undefined;
      const width = Math.max(1, ...write.rows.map((r) => r.length));
      const refused: string[] = [];
      // Cell by cell, even on a sheet the add-in created: a note the user typed on the Plan sheet is theirs.
      if (existing) {
        for (let r = 0; r < write.rows.length; r++) for (let c = 0; c < width; c++) if (!writable(existing, own, r, c)) refused.push(sheetA1(existing.name, cellA1(r, c)));
      }
      if (refused.length) return { ok: false, refused, reason: refusalReason(refused, `writing the ${write.name} sheet`) };
      const s = existing ?? (await addSheet(ctx, write.name));
      const mine = sheetLedger(ledger, s.id);
      if (!existing) mine.owned = true;
      const blocks: Block[] = [{ top: 0, left: 0, ...this.cells(write.rows, width, s.name, findRegions(sheets, ledger)) }];
      // What the last write put there and this one does not, goes: the sheet shows one plan, not two.
      for (const a1 of Object.keys(mine.cells)) {
        const at = parseA1(a1);
        if (at.row < write.rows.length && at.col < width) continue;
        if (existing && writable(existing, mine, at.row, at.col)) blocks.push({ top: at.row, left: at.col, cells: [['']] });
        delete mine.cells[a1];
      }
      await writeBlocks(ctx, s, mine, blocks);
      const address = rangeA1({ top: 0, left: 0, bottom: Math.max(write.rows.length - 1, 0), right: width - 1 });
      return { ok: true, sheet: s.name, address, message: `Wrote the ${s.name} sheet (${s.name}!${address}).` };
    });
    if (result.ok) await this.store.save(ledger);
    return result;
  }

  async insertTemplate(template: TemplateSpec): Promise<WriteResult> {
    // The quarterly plan is the built workbook itself (Excel tables, per-row formulas, validations, colours).
    if (template.template === 'quarterly-plan' && this.quarterlyPlan) {
      return insertQuarterlyPlan(this.run, this.quarterlyPlan.supported(), this.quarterlyPlan.source);
    }
    const ledger = await this.store.load();
    return this.run(async (ctx): Promise<WriteResult> => {
      const sheets = await readWorkbook(ctx);
      const refused: string[] = [];
      for (const spec of template.sheets) {
        const s = sheets.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
        if (s && s.values.length) refused.push(sheetA1(s.name, rangeA1({ top: s.top, left: s.left, bottom: s.top + s.values.length - 1, right: s.left + (s.values[0]?.length ?? 1) - 1 })));
      }
      if (refused.length) {
        const n = refused.length === 1 ? 'a sheet that already holds' : `${refused.length} sheets that already hold`;
        return { ok: false, refused, reason: `Nothing was inserted: inserting ${template.name} needs ${n} data (listed below). Rename or delete ${refused.length === 1 ? 'it' : 'them'}, then try again.` };
      }
      const regions = findRegions(sheets, ledger);
      for (const spec of template.sheets) {
        const s = sheets.find((x) => x.name.toLowerCase() === spec.name.toLowerCase()) ?? (await addSheet(ctx, spec.name));
        const width = Math.max(1, ...spec.rows.map((r) => r.length));
        // Template sheets are the user's from the start: nothing is recorded in the ledger.
        await writeBlocks(ctx, s, undefined, [{ top: 0, left: 0, ...this.cells(spec.rows, width, s.name, regions) }]);
      }
      return { ok: true, sheet: template.sheets[0]?.name ?? '', address: 'A1', message: `Inserted ${template.name}: ${template.sheets.map((s) => s.name).join(', ')}.` };
    });
  }

  private cells(rows: readonly (readonly WriteCell[])[], width: number, sheet: string, regions: readonly Region[]): { cells: Cell[][]; live: Set<string> } {
    const live = new Set<string>();
    const cells = rows.map((row, r) =>
      Array.from({ length: width }, (_, c) => {
        const w = row[c] ?? '';
        if (typeof w !== 'object') return w;
        live.add(`${r},${c}`);
        return renderFormula(w.formula, EXCEL_DIALECT, { sheet, columns: columnResolver(regions, undefined, new Map()) });
      }),
    );
    return { cells, live };
  }
}

function region(regions: readonly Region[], id: string): Region {
  const t = regions.find((x) => x.id === id);
  if (!t) throw new Error(`The table ${id} is no longer there: pick the table again`);
  return t;
}

function dataOf(t: Region): TableData {
  const rows = rowsOf(t);
  return { ref: refOf(t), headers: t.headers, rows, ownedColumns: t.ownedColumns, version: versionOf(t.headers, rows) };
}

function sheetLedger(ledger: Ledger, id: string): SheetLedger {
  return (ledger.sheets[id] ??= { cells: {} });
}

function parseA1(a1: string): { row: number; col: number } {
  return parseCell(a1) ?? { row: -1, col: -1 };
}

/** Where the data rows of named columns are: in the table written to (placed columns included) or another. */
function columnResolver(regions: readonly Region[], self: Region | undefined, placed: ReadonlyMap<string, number>) {
  return (headers: readonly string[], table: string | undefined): PlacedRange[] =>
    headers.map((h) => {
      const target = table === undefined ? self : region(regions, table);
      if (!target) throw new Error('a formula on a sheet must name the table its columns come from');
      const own = target === self ? placed.get(normalizeHeader(h)) : undefined;
      const j = target.headers.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
      const col = own ?? (j >= 0 ? target.left + j : undefined);
      if (col === undefined) throw new Error(`${target.name} has no column "${h}"`);
      return { sheet: target.sheet.name, range: { top: target.top + 1, bottom: target.bottom, left: col, right: col } };
    });
}

async function addSheet(ctx: Excel.RequestContext, name: string): Promise<SheetSnapshot> {
  const ws = ctx.workbook.worksheets.add(name);
  ws.load('id,name');
  await ctx.sync();
  return { id: ws.id, name: ws.name, top: 0, left: 0, values: [], formulas: [], tables: [] };
}

/**
 * Writes every block in one batch: number formats first (Text for formula-like text, General otherwise, so a
 * cell that held text before takes a number again), then `formulas`. Then reads back what Excel stored and
 * records it in the ledger: Excel may normalise formula text, and the fingerprint must match what it keeps.
 */
async function writeBlocks(ctx: Excel.RequestContext, s: SheetSnapshot, own: SheetLedger | undefined, blocks: readonly Block[]): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(s.name);
  const written = blocks.map((b) => {
    const range = ws.getRangeByIndexes(b.top, b.left, b.cells.length, b.cells[0]!.length);
    range.numberFormat = b.cells.map((row, r) => row.map((v, c) => (looksLikeFormula(v) && !b.live?.has(`${r},${c}`) ? '@' : 'General')));
    // formulas takes constants too: one assignment writes values and formulas of the block alike.
    range.formulas = b.cells as unknown as string[][];
    range.load('formulas');
    return { b, range };
  });
  await ctx.sync();
  if (!own) return;
  for (const { b, range } of written) {
    range.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        const a1 = cellA1(b.top + r, b.left + c);
        const spill = b.spill?.get(a1);
        if (spill) own.cells[a1] = spill;
        else if (isEmpty(f)) delete own.cells[a1];
        else own.cells[a1] = cellFingerprint(f);
      }),
    );
  }
}
