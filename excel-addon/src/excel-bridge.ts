/// <reference types="office-js" />
// The sidebar's Bridge over Excel.run. Every write runs in one Excel.run: it re-reads what it checks (the
// target cells, the tables its values came from), refuses changing nothing, and otherwise writes in one
// final sync (several for a write over the request limit). Excel has no conditional write, so that request
// also loads the target cells just ahead of the write: when one changed since the check (a person typed
// there), the write is put back and refused. The pane's own writes are serialised, so two of them never
// pass the same check. What remains (a co-author's edit merged after the request) is in docs/deploy-excel.md.
//
// Values are written with `valuesAsJson` (ExcelApi 1.16) as typed cell values: a StringCellValue is stored
// as that text, so "00042", "1e3", "12%", "TRUE" and "=SUM(A1)" stay text. `values` and `formulas` parse
// what they are given ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
// Excel interprets this value as a formula", Range.values). Live formulas go through `formulas`, one cell each.
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
  columnHeaderProblem,
  refusalReason,
  sheetFormatAt,
  staleReason,
} from '../../protocol/bridge';
import { EXCEL_DIALECT, type PlacedRange, renderFormula } from '../../protocol/formula';
import { normalizeHeader } from '../../core/table';
import { type Box, type Region, type SheetSnapshot, findRegions, formulaAt, isEmpty, readBody, readBox, readHeaders, readOutline, refOf, rowsOf, versionOf, writable } from './excel-snapshot';
import { type QuarterlyPlanSource, insertQuarterlyPlan } from './insert-workbook';
import { type Ledger, type LedgerStore, type SheetLedger, cellFingerprint, fingerprint } from './ownership';

export const EXCEL_HOST: HostInfo = { kind: 'excel', style: 'fluent', functionPrefix: 'AGILE.', label: 'Excel' };

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The pane's Excel.run. Without options a batch "fails immediately if the user is editing" a cell
 * (delayForCellEdit "The default value is false", excel-add-ins-delay-in-cell-edit): someone still typing in a
 * cell would see Prioritize or Write fail. With it the batch waits until they press Enter or Esc, and then
 * checks the target cells afresh, so an edit committed into them is refused like any other.
 */
export function delayingForCellEdit(excel: { run<T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> }): ExcelRun {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}

type Cell = string | number | boolean;

/** One block to write: top-left, rows of values, which cells hold a live formula, their number formats. */
interface Block {
  top: number;
  left: number;
  cells: Cell[][];
  /** Cells ("row,col" within the block) that hold a rendered catalog formula; any other text is text. */
  live?: Set<string>;
  /** Spill cells: a1 → the ledger mark naming their formula cell. */
  spill?: Map<string, string>;
  /** Number format per cell, where one is asked for; others get General (cells the add-in owns). */
  formats?: (string | undefined)[][];
}

/** The write's name in the ledger's `by`: what it may clear of its own earlier write. */
const SHEET_WRITER = 'sheet';

export class ExcelBridge implements Bridge {
  readonly host = EXCEL_HOST;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly run: ExcelRun,
    private readonly store: LedgerStore,
    private readonly quarterlyPlan?: { readonly source: QuarterlyPlanSource },
  ) {}

  /** One workbook operation at a time: a second write waits for the first and then checks afresh. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  listTables(): Promise<TableRef[]> {
    return this.serial(async () => {
      const ledger = await this.store.load();
      return this.run(async (ctx) => (await regionsOf(ctx, ledger)).regions.map(refOf));
    });
  }

  readTable(id: string): Promise<TableData> {
    return this.serial(async () => {
      const ledger = await this.store.load();
      return this.run(async (ctx) => {
        const t = region((await regionsOf(ctx, ledger)).regions, id);
        await readBody(ctx, t);
        return dataOf(t);
      });
    });
  }

  writeColumns(tableId: string, columns: readonly ColumnWrite[], options: WriteOptions = {}): Promise<WriteResult> {
    return this.serial(() => this.writeColumnsNow(tableId, columns, options));
  }

  writeSheet(write: SheetWrite, options: WriteOptions = {}): Promise<WriteResult> {
    return this.serial(() => this.writeSheetNow(write, options));
  }

  insertTemplate(template: TemplateSpec): Promise<WriteResult> {
    return this.serial(() => this.insertTemplateNow(template));
  }

  private async writeColumnsNow(tableId: string, columns: readonly ColumnWrite[], options: WriteOptions): Promise<WriteResult> {
    const ledger = await this.store.load();
    const result = await this.run(async (ctx): Promise<WriteResult> => {
      const { regions } = await regionsOf(ctx, ledger);
      const t = region(regions, tableId);
      const s = t.sheet;
      if (options.basedOn !== undefined) {
        await readBody(ctx, t);
        if (dataOf(t).version !== options.basedOn) {
          return { ok: false, refused: [], reason: `Nothing was written: ${t.name} changed since it was read. Review the preview and write again.` };
        }
      }
      const stale = await staleSources(ctx, regions, options);
      if (stale) return stale;
      // The headers every bridge refuses: blank, twice, an input of the column's own formula, or a user's column.
      const clash = columnHeaderProblem(t, t.ownedColumns, columns);
      if (clash) return { ok: false, refused: [], reason: clash };
      const height = t.bottom - t.top;
      const own = sheetLedger(ledger, s.id);
      const placed = new Map<string, number>();
      let next = t.right + 1;
      for (const w of columns) {
        if (w.values.length !== height) throw new Error(`${w.header} has ${w.values.length} values for ${height} rows`);
        const i = t.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(w.header) && t.ownedColumns.includes(h));
        placed.set(normalizeHeader(w.header), i >= 0 ? t.left + i : next++);
      }
      const names = columns.map((c) => c.header).join(' and ');
      const what = `writing ${names} beside ${t.name}`;
      const cols = [...placed.values()];
      // What this table's earlier write left below it in these columns (a longer table then): ours to clear.
      const leftover = (own.by?.[t.id] ?? []).map(parseA1).filter((at) => cols.includes(at.col) && (at.row < t.top || at.row > t.bottom));
      const target: Box = { top: Math.min(t.top, ...leftover.map((a) => a.row)), left: Math.min(...cols), bottom: Math.max(t.bottom, ...leftover.map((a) => a.row)), right: Math.max(...cols) };
      await readBox(ctx, s, target);
      const blocked = protectedOrMerged(s, await mergedAreas(ctx, s, { top: t.top, left: target.left, bottom: t.bottom, right: target.right }), what);
      if (blocked) return blocked;
      const refused: string[] = [];
      for (const col of cols) for (let r = t.top; r <= t.bottom; r++) if (!writable(s, own, r, col)) refused.push(sheetA1(s.name, cellA1(r, col)));
      if (refused.length) return { ok: false, refused, reason: refusalReason(refused, what) };

      const columnsAt = columnResolver(regions, t, placed);
      const blocks: Block[] = [];
      for (const w of columns) {
        const col = placed.get(normalizeHeader(w.header))!;
        const cells: Cell[][] = [[w.header]];
        const formats: (string | undefined)[][] = [[undefined]];
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
        for (let i = 0; i < height; i++) formats.push([w.numberFormat]);
        blocks.push({ top: t.top, left: col, cells, spill, live, formats });
      }
      for (const at of leftover) if (writable(s, own, at.row, at.col)) blocks.push({ top: at.row, left: at.col, cells: [['']] });
      const moved = await writeBlocks(ctx, s, own, t.id, blocks, t.table);
      if (moved.length) return changedWhileWriting(moved, what);
      const address = rangeA1({ top: t.top, left: target.left, bottom: t.bottom, right: target.right });
      return { ok: true, sheet: s.name, address, message: `Wrote ${names} beside ${t.name} (${s.name}!${address}).` };
    });
    if (result.ok) await this.store.save(ledger);
    return result;
  }

  private async writeSheetNow(write: SheetWrite, options: WriteOptions): Promise<WriteResult> {
    const ledger = await this.store.load();
    const result = await this.run(async (ctx): Promise<WriteResult> => {
      const { sheets, regions } = await regionsOf(ctx, ledger);
      const stale = await staleSources(ctx, regions, options);
      if (stale) return stale;
      const existing = sheets.find((x) => x.name.toLowerCase() === write.name.toLowerCase());
      const own = existing ? sheetLedger(ledger, existing.id) : undefined;
      const width = Math.max(1, ...write.rows.map((r) => r.length));
      const height = write.rows.length;
      const what = `writing the ${write.name} sheet`;
      // What the Plan sheet's last write put there and this one does not: that write's cells only.
      const leftover = (own?.by?.[SHEET_WRITER] ?? []).map(parseA1).filter((at) => at.row >= height || at.col >= width);
      if (existing) {
        const box: Box = { top: 0, left: 0, bottom: Math.max(height - 1, ...leftover.map((a) => a.row)), right: Math.max(width - 1, ...leftover.map((a) => a.col)) };
        await readBox(ctx, existing, box);
        const blocked = protectedOrMerged(existing, await mergedAreas(ctx, existing, { top: 0, left: 0, bottom: Math.max(height - 1, 0), right: width - 1 }), what);
        if (blocked) return blocked;
        // Cell by cell, even on a sheet the add-in created: a note the user typed on the Plan sheet is theirs.
        const refused: string[] = [];
        for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) if (!writable(existing, own, r, c)) refused.push(sheetA1(existing.name, cellA1(r, c)));
        if (refused.length) return { ok: false, refused, reason: refusalReason(refused, what) };
      }
      const s = existing ?? (await addSheet(ctx, write.name));
      const mine = sheetLedger(ledger, s.id);
      if (!existing) mine.owned = true;
      const { cells, live } = renderCells(write.rows, width, s.name, regions);
      const formats = cells.map((row, r) => row.map((_, c) => sheetFormatAt(write, r, c)));
      const blocks: Block[] = [{ top: 0, left: 0, cells, live, formats }];
      for (const at of leftover) if (existing && writable(existing, mine, at.row, at.col)) blocks.push({ top: at.row, left: at.col, cells: [['']] });
      const moved = await writeBlocks(ctx, s, mine, SHEET_WRITER, blocks);
      if (moved.length) return changedWhileWriting(moved, what);
      const address = rangeA1({ top: 0, left: 0, bottom: Math.max(height - 1, 0), right: width - 1 });
      return { ok: true, sheet: s.name, address, message: `Wrote the ${s.name} sheet (${sheetA1(s.name, address)}).` };
    });
    if (result.ok) await this.store.save(ledger);
    return result;
  }

  private async insertTemplateNow(template: TemplateSpec): Promise<WriteResult> {
    // The quarterly plan is the built workbook itself (Excel tables, per-row formulas, validations, colours).
    if (template.template === 'quarterly-plan' && this.quarterlyPlan) return insertQuarterlyPlan(this.run, this.quarterlyPlan.source);
    const ledger = await this.store.load();
    return this.run(async (ctx): Promise<WriteResult> => {
      const { sheets, regions } = await regionsOf(ctx, ledger);
      const refused: string[] = [];
      for (const spec of template.sheets) {
        const s = sheets.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
        if (s?.used) refused.push(sheetA1(s.name, rangeA1(s.used)));
      }
      if (refused.length) {
        const n = refused.length === 1 ? 'a sheet that already holds' : `${refused.length} sheets that already hold`;
        return { ok: false, refused, reason: `Nothing was inserted: inserting ${template.name} needs ${n} data (listed below). Rename or delete ${refused.length === 1 ? 'it' : 'them'}, then try again.` };
      }
      for (const spec of template.sheets) {
        const s = sheets.find((x) => x.name.toLowerCase() === spec.name.toLowerCase()) ?? (await addSheet(ctx, spec.name));
        const width = Math.max(1, ...spec.rows.map((r) => r.length));
        const { cells, live } = renderCells(spec.rows, width, s.name, regions);
        const formats = cells.map((row, r) => row.map((_, c) => sheetFormatAt(spec, r, c)));
        // Template sheets are the user's from the start: nothing is recorded in the ledger.
        const moved = await writeBlocks(ctx, s, undefined, SHEET_WRITER, [{ top: 0, left: 0, cells, live, formats }]);
        if (moved.length) return changedWhileWriting(moved, `inserting ${template.name}`);
      }
      return { ok: true, sheet: template.sheets[0]?.name ?? '', address: 'A1', message: `Inserted ${template.name}: ${template.sheets.map((s) => s.name).join(', ')}.` };
    });
  }
}

/** The outline, the header rows and the regions found from them: what listing tables needs, and no more. */
async function regionsOf(ctx: Excel.RequestContext, ledger: Ledger): Promise<{ sheets: SheetSnapshot[]; regions: Region[] }> {
  const sheets = await readOutline(ctx);
  await readHeaders(ctx, sheets);
  return { sheets, regions: findRegions(sheets, ledger) };
}

/** The refusal when a target cell changed between the check and the write (the write was put back). */
function changedWhileWriting(cells: readonly string[], what: string): WriteResult {
  const shown = cells.slice(0, 8).join(', ') + (cells.length > 8 ? ` and ${cells.length - 8} more` : '');
  return { ok: false, refused: cells, reason: `Nothing was written: ${shown} changed while ${what} was under way, so every cell was put back as it was. Review, then write again.` };
}

/** The refusal when a table the values were computed from changed since (WriteOptions.sources). */
async function staleSources(ctx: Excel.RequestContext, regions: readonly Region[], options: WriteOptions): Promise<WriteResult | undefined> {
  const changed: string[] = [];
  for (const src of options.sources ?? []) {
    const t = regions.find((r) => r.id === src.tableId);
    if (!t) {
      changed.push(src.tableId);
      continue;
    }
    await readBody(ctx, t);
    if (dataOf(t).version !== src.version) changed.push(t.name);
  }
  return changed.length ? { ok: false, refused: [], reason: staleReason(changed), stale: true } : undefined;
}

/** Merged areas touching `box` (ExcelApi 1.13), as boxes. */
async function mergedAreas(ctx: Excel.RequestContext, s: SheetSnapshot, box: Box): Promise<Box[]> {
  const areas = ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1).getMergedAreasOrNullObject();
  areas.load('isNullObject,address');
  await ctx.sync();
  if (areas.isNullObject) return [];
  return areas.address.split(',').map((a) => {
    const [from, to] = a.trim().replace(/^.*!/, '').replace(/\$/g, '').split(':');
    const p = parseCell(from!)!;
    const q = parseCell(to ?? from!)!;
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
}

/** A protected sheet or merged cells in the target: refused before anything is written, in plain words. */
function protectedOrMerged(s: SheetSnapshot, merged: readonly Box[], what: string): WriteResult | undefined {
  if (s.protected) {
    return { ok: false, refused: [], reason: `Nothing was written: ${what} needs the sheet ${s.name}, which is protected. Unprotect it (Review > Unprotect Sheet), then try again.` };
  }
  if (merged.length) {
    const cells = merged.map((m) => sheetA1(s.name, rangeA1(m)));
    return { ok: false, refused: cells, reason: `Nothing was written: ${what} would write into merged cells (${cells.join(', ')}). Unmerge them (Home > Merge & Center), then try again.` };
  }
  return undefined;
}

function renderCells(rows: readonly (readonly WriteCell[])[], width: number, sheet: string, regions: readonly Region[]): { cells: Cell[][]; live: Set<string> } {
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
  return { id: ws.id, name: ws.name, protected: false, tables: [], windows: [] };
}

/**
 * Bytes of JSON one write request may carry: an eighth of the 5 MB limit, so that its response (the cells as
 * they were just before, with their formats, and as Excel kept them) fits too.
 */
const REQUEST_BUDGET = 600_000;

/** Roughly what a block costs in a request: its values as typed cell values, and its number formats. */
function sizeOf(b: Block): number {
  let n = 0;
  for (const row of b.cells) for (const v of row) n += 40 + (typeof v === 'string' ? v.length : 12);
  return n;
}

/** A block cut into row pieces of at most REQUEST_BUDGET bytes each (a single row always goes whole). */
function pieces(b: Block): Block[] {
  if (sizeOf(b) <= REQUEST_BUDGET) return [b];
  const out: Block[] = [];
  let start = 0;
  while (start < b.cells.length) {
    let end = start;
    let n = 0;
    while (end < b.cells.length && (end === start || n + sizeOf({ ...b, cells: [b.cells[end]!] }) <= REQUEST_BUDGET)) n += sizeOf({ ...b, cells: [b.cells[end++]!] });
    const live = new Set<string>();
    for (const key of b.live ?? []) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (r >= start && r < end) live.add(`${r - start},${c}`);
    }
    out.push({ top: b.top + start, left: b.left, cells: b.cells.slice(start, end), live, spill: b.spill, formats: b.formats?.slice(start, end) });
    start = end;
  }
  return out;
}

/** Queues one block: number formats, typed values, then its live formulas one cell each; loads what Excel keeps. */
function queueBlock(ws: Excel.Worksheet, b: Block): Excel.Range {
  const range = ws.getRangeByIndexes(b.top, b.left, b.cells.length, b.cells[0]!.length);
  range.numberFormat = b.cells.map((row, r) => row.map((_, c) => b.formats?.[r]?.[c] ?? 'General'));
  range.valuesAsJson = b.cells.map((row, r) => row.map((v, c) => cellValue(b.live?.has(`${r},${c}`) ? '' : v)));
  for (const key of b.live ?? []) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    ws.getRangeByIndexes(b.top + r, b.left + c, 1, 1).formulas = [[b.cells[r]![c] as string]];
  }
  range.load('formulas');
  return range;
}

const isFormulaText = (f: unknown) => typeof f === 'string' && f.startsWith('=');
const same = (a: unknown, b: unknown) => a === b || (isEmpty(a) && isEmpty(b));

/** Cells of `b` that held something else at the write than when the write checked them. */
function changedSinceChecked(s: SheetSnapshot, own: SheetLedger | undefined, b: Block, before: Excel.Range): string[] {
  const out: string[] = [];
  before.formulas.forEach((row, r) =>
    row.forEach((now, c) => {
      const a1 = cellA1(b.top + r, b.left + c);
      // A spill cell of the add-in's own formula shows whatever the last recalculation gave.
      if (own?.cells[a1]?.startsWith('s:')) return;
      if (!same(formulaAt(s, b.top + r, b.left + c), now)) out.push(a1);
    }),
  );
  return out;
}

/** Puts the cells of `b` back as `before` (loaded just ahead of the write) had them. */
function restore(ws: Excel.Worksheet, own: SheetLedger | undefined, b: Block, before: Excel.Range): void {
  const range = ws.getRangeByIndexes(b.top, b.left, b.cells.length, b.cells[0]!.length);
  const spill = (r: number, c: number) => !!own?.cells[cellA1(b.top + r, b.left + c)]?.startsWith('s:');
  range.numberFormat = before.numberFormat;
  range.valuesAsJson = before.valuesAsJson.map((row, r) => row.map((v, c) => (isFormulaText(before.formulas[r]![c]) || spill(r, c) ? cellValue('') : v)));
  before.formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (isFormulaText(f)) ws.getRangeByIndexes(b.top + r, b.left + c, 1, 1).formulas = [[f as string]];
    }),
  );
}

/** A constant as a typed cell value: stored as exactly that type, never parsed. */
function cellValue(v: Cell): Excel.CellValue {
  if (v === '') return { type: 'Empty', basicValue: '' } as Excel.CellValue;
  if (typeof v === 'number') return { type: 'Double', basicValue: v } as Excel.CellValue;
  if (typeof v === 'boolean') return { type: 'Boolean', basicValue: v } as Excel.CellValue;
  return { type: 'String', basicValue: v } as Excel.CellValue;
}

/**
 * Writes every block in one sync (a big one in several, each under the request limit): number formats,
 * typed values, then live formulas one cell each. Then
 * reads back what Excel stored and records it in the ledger under `writer`: Excel may normalise formula
 * text, and the fingerprint must match what it keeps. When `table` is given and the write made it grow
 * (AutoFormat As You Type's "Include new rows and columns in table" may apply to API writes, as its sibling
 * "Fill formulas in tables" does: office-js issues #2093, #6745; the worse case), the table is resized back
 * and the blocks written again, so the columns stay outside it and their results can spill.
 */
async function writeBlocks(ctx: Excel.RequestContext, s: SheetSnapshot, own: SheetLedger | undefined, writer: string, blocks: readonly Block[], table?: Region['table']): Promise<string[]> {
  const ws = ctx.workbook.worksheets.getItem(s.name);
  const written: { b: Block; range: Excel.Range; before: Excel.Range }[] = [];
  let pending = 0;
  for (const piece of blocks.flatMap(pieces)) {
    // What the cells hold at the moment of the write, loaded in the same request, ahead of the write.
    const before = ws.getRangeByIndexes(piece.top, piece.left, piece.cells.length, piece.cells[0]!.length);
    before.load('formulas,valuesAsJson,numberFormat');
    written.push({ b: piece, range: queueBlock(ws, piece), before });
    pending += sizeOf(piece);
    // Each request stays far under Excel on the web's 5 MB: a big column goes in several syncs.
    if (pending >= REQUEST_BUDGET) {
      await ctx.sync();
      pending = 0;
    }
  }
  const grown = table && ws.tables.getItem(table.id).getRange();
  grown?.load('rowIndex,columnIndex,rowCount,columnCount');
  await ctx.sync();
  const changed = written.flatMap(({ b, before }) => changedSinceChecked(s, own, b, before));
  if (table && grown && (grown.columnCount !== table.box.right - table.box.left + 1 || grown.rowCount !== table.box.bottom - table.box.top + 1)) {
    // Back to its own columns. Writing again would widen it again; only what it may have filled into the
    // spill area (a calculated column) is cleared, which is no new content beside it.
    ws.tables.getItem(table.id).resize(ws.getRangeByIndexes(table.box.top, table.box.left, table.box.bottom - table.box.top + 1, table.box.right - table.box.left + 1));
    for (const { b, range } of written) {
      for (const a1 of b.spill?.keys() ?? []) {
        const at = parseA1(a1);
        ws.getRangeByIndexes(at.row, at.col, 1, 1).valuesAsJson = [[cellValue('')]];
      }
      range.load('formulas');
    }
    await ctx.sync();
  }
  if (changed.length) {
    // Someone typed into a target cell after the check: put every written cell back as it was just before.
    for (const { b, before } of written) restore(ws, own, b, before);
    await ctx.sync();
    return changed.map((a1) => sheetA1(s.name, a1));
  }
  if (!own) return [];
  const mine = new Set((own.by ??= {})[writer] ?? []);
  for (const { b, range } of written) {
    range.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        const a1 = cellA1(b.top + r, b.left + c);
        const spill = b.spill?.get(a1);
        if (spill) own.cells[a1] = spill;
        else if (isEmpty(f)) delete own.cells[a1];
        else own.cells[a1] = cellFingerprint(f);
        if (own.cells[a1]) mine.add(a1);
        else mine.delete(a1);
      }),
    );
  }
  own.by[writer] = [...mine];
  return [];
}
