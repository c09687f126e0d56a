// The playground's live workbook: the spreadsheet engine's workbook, seen through the same small sheet
// interface the MemoryBridge and the table reading use (workbook.ts SheetView). The engine holds every
// cell, computes every formula and keeps the undo history; this class adds what only the add-in needs:
// which cells it wrote (a digest in each cell's custom data, so undo, redo and the saved snapshot carry
// it with the content), the file's tables and which sheets it owns.
//
// Writes are gathered while a bridge call runs and applied by commit() as one command per sheet, all in
// one undo step, then commit() waits until the engine has applied the recalculated results.
import { BooleanNumber, CellValueType, RedoCommand, UndoCommand, type ICellData, type IUndoRedoItem, ICommandService, IUndoRedoService, IUniverInstanceService, type IWorkbookData, type IWorksheetData, LocaleType, type Workbook as UWorkbook, type Worksheet } from '@univerjs/core';
import { FormulaDataModel } from '@univerjs/engine-formula';
import { SetRangeValuesCommand } from '@univerjs/sheets';
import { FormulaCalculationSessionService } from '@univerjs/sheets-formula';
import type { Scalar } from '../../protocol/bridge';
import { type Cell, type FileTable, Sheet, type SheetView, Workbook, cellKey, isEmptyCell, keyCol, keyRow, usedRangeOf } from '../workbook';
import type { Engine } from './engine';
import { type TableGeometry, structuredToA1 } from './structured-refs';

/** What the add-in keeps in a cell's custom data: the digest of what it wrote, and which write. */
interface Stamp {
  m?: string;
  w?: number;
  e?: 1;
  /** A file formula with structured references: its own text, saved back while the formula is unchanged. */
  sf?: string;
  /** That formula in A1 form, as the engine computes it; absent when it could not be translated. */
  tf?: string;
  /** For one that could not be translated: the value the file saved, shown until a person changes it. */
  cv?: string | number | boolean;
}

interface SheetMeta {
  owned: boolean;
  veryHidden: boolean;
  fileTables: FileTable[];
}

/** What the browser stores to reopen the workbook as it was (IndexedDB), and what a restore takes. */
export interface SavedBook {
  readonly snapshot: IWorkbookData;
  readonly fileName: string;
  readonly meta: Record<string, SheetMeta>;
}

const EMPTY: ICellData = { v: null, f: null, si: null, p: null, custom: null, s: null };
/** Room beyond the used cells, so spills and writes beside a table land inside the sheet. */
const SPARE_ROWS = 1000;
const SPARE_COLS = 26;
const DATE_FORMAT = /(^|[^"\\])(y{2,4}|d{1,2}|m{3,4})/i;

let units = 0;
/** Over the 100 ms the engine's formula trigger waits to gather changes (sheets-formula, 0.25.1). */
export const CALCULATION_GRACE_MS = 160;

export class LiveBook {
  fileName = 'workbook.xlsx';
  private readonly meta = new Map<string, SheetMeta>();
  private readonly views = new Map<string, LiveSheet>();
  private readonly pending = new Map<string, Map<number, Cell | undefined>>();
  /** Where this write's first undo item sits on the undo stack, while a write is gathered. */
  private batch: number | undefined;
  private spillVersion = 0;
  private spillCache = new Map<string, { version: number; masters: { row: number; col: number; rows: number; cols: number }[] }>();
  private readonly listeners = new Set<() => void>();
  private readonly stop: { dispose(): void };
  /** The cells as opened, so a download onto the original file rewrites only what changed since. */
  private source: Workbook | undefined;

  private constructor(
    readonly engine: Engine,
    readonly unitId: string,
  ) {
    const commands = engine.univer.__getInjector().get(ICommandService);
    this.stop = commands.onCommandExecuted((c) => {
      if (c.type !== 2 /* CommandType.MUTATION */) return;
      // The cell editor is a document of its own, rewritten on every selection: not a change of this workbook.
      // (Formula results carry no unitId and count.)
      const unit = (c.params as { unitId?: unknown } | undefined)?.unitId;
      if (typeof unit === 'string' && unit !== this.unitId) return;
      this.spillVersion++;
      if (!this.batch) for (const l of this.listeners) l();
    });
  }

  /** Opens a transfer workbook (a file's cells, the sample) as a new engine workbook, computed. */
  static async open(engine: Engine, wb: Workbook): Promise<LiveBook> {
    const unitId = `book${++units}`;
    const book = new LiveBook(engine, unitId);
    book.fileName = wb.fileName;
    book.source = wb;
    const data: IWorkbookData = { id: unitId, name: wb.fileName, appVersion: '', locale: LocaleType.EN_US, styles: {}, sheetOrder: [], sheets: {} };
    const tables = wb.sheets.flatMap((s) => s.fileTables.map((t) => geometryOf(s, t)));
    wb.sheets.forEach((s, i) => {
      const id = `s${i + 1}`;
      data.sheetOrder.push(id);
      data.sheets[id] = sheetData(id, s, tables);
      book.meta.set(id, { owned: s.owned, veryHidden: s.hidden === 'veryHidden', fileTables: s.fileTables.map((t) => ({ ...t })) });
    });
    engine.api.createWorkbook(data);
    await book.started();
    return book;
  }

  /** Reopens what save() stored: the engine's snapshot holds no spilled cells, so everything recalculates. */
  static async restore(engine: Engine, saved: SavedBook): Promise<LiveBook> {
    const unitId = `book${++units}`;
    const book = new LiveBook(engine, unitId);
    book.fileName = saved.fileName;
    const sheets: Record<string, Partial<IWorksheetData>> = {};
    for (const [id, s] of Object.entries(saved.snapshot.sheets)) sheets[id] = { ...s };
    engine.api.createWorkbook({ ...saved.snapshot, id: unitId, sheets } as IWorkbookData);
    for (const [id, m] of Object.entries(saved.meta)) book.meta.set(id, { ...m, fileTables: m.fileTables.map((t) => ({ ...t })) });
    await book.started();
    return book;
  }

  private async started(): Promise<void> {
    this.engine.api.getFormula().executeCalculation();
    await this.calculated();
    // A new workbook starts with no history: nothing before it can be undone into it.
    this.engine.univer.__getInjector().get(IUndoRedoService).clearUndoRedo(this.unitId);
  }

  /** Whether the cells as opened are known, so a download onto the original file rewrites only what changed. */
  get hasSource(): boolean {
    return this.source !== undefined;
  }

  /**
   * The cells as the file was opened, for a workbook reopened from the browser: the saved record keeps the
   * file's bytes, not its cells, so the page reads them again before a download (main.ts).
   */
  setSource(wb: Workbook): void {
    this.source = wb;
  }

  /** Everything needed to reopen this workbook as it is now (IndexedDB). */
  save(): SavedBook {
    const snapshot = this.fworkbook().save();
    return { snapshot, fileName: this.fileName, meta: Object.fromEntries(this.meta) };
  }

  dispose(): void {
    this.stop.dispose();
    this.engine.api.disposeUnit(this.unitId);
  }

  get sheets(): LiveSheet[] {
    return this.model()
      .getSheets()
      .map((ws) => this.view(ws.getSheetId()));
  }

  sheet(name: string): LiveSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** A new sheet at the end, in the same undo step as the writes that follow. */
  addSheet(name: string): LiveSheet {
    if (this.sheet(name)) throw new Error(`a sheet named "${name}" already exists`);
    this.begin();
    const fws = this.fworkbook().insertSheet(name);
    const id = fws.getSheetId();
    this.meta.set(id, { owned: false, veryHidden: false, fileTables: [] });
    return this.view(id);
  }

  /** Called on every change to the workbook once it is applied (typed edits, undo, the sidebar's writes). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies the gathered writes as one undo step and waits for the recalculated results. */
  async commit(): Promise<void> {
    const commands = this.engine.univer.__getInjector().get(ICommandService);
    if (this.pending.size) this.begin();
    try {
      for (const [sheetId, cells] of this.pending) {
        const value: Record<number, Record<number, ICellData>> = {};
        let rows = 0;
        let cols = 0;
        for (const [key, cell] of cells) {
          const r = keyRow(key);
          const c = keyCol(key);
          (value[r] ??= {})[c] = cell === undefined || cell.spillFrom !== undefined ? { ...EMPTY, ...styleOnly(cell) } : cellData(cell, true);
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
        this.ensureRoom(sheetId, rows, cols);
        await commands.executeCommand(SetRangeValuesCommand.id, { unitId: this.unitId, subUnitId: sheetId, range: { startRow: 0, endRow: 0, startColumn: 0, endColumn: 0 }, value });
      }
    } finally {
      this.pending.clear();
      const from = this.batch;
      this.batch = undefined;
      if (from !== undefined) this.mergeUndo(from);
    }
    await this.calculated();
    for (const l of this.listeners) l();
  }

  /**
   * What the grid's cell editor does when a person types: one command that sets the content and leaves
   * the rest of the cell (its format, the add-in's digest, which then no longer matches) as it was.
   */
  async type(sheetName: string, row: number, col: number, input: { value: Scalar; formula?: string }): Promise<void> {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    const commands = this.engine.univer.__getInjector().get(ICommandService);
    const typed = cellData(input.formula ? { value: '', formula: input.formula } : { value: input.value });
    const value: ICellData = input.formula ? { f: typed.f!, si: null, v: null } : { ...typed, f: null, si: null, ...(typed.v === undefined ? { v: null } : {}) };
    await commands.executeCommand(SetRangeValuesCommand.id, { unitId: this.unitId, subUnitId: sheet.id, range: { startRow: row, endRow: row, startColumn: col, endColumn: col }, value: { [row]: { [col]: value } } });
    await this.calculated();
  }

  /** Undoes the last step of this workbook (a typed edit, or a whole sidebar write), recalculated. */
  async undo(): Promise<boolean> {
    return this.step(UndoCommand.id);
  }

  async redo(): Promise<boolean> {
    return this.step(RedoCommand.id);
  }

  private async step(id: string): Promise<boolean> {
    const injector = this.engine.univer.__getInjector();
    // The undo commands act on the focused workbook; the page focuses the one it shows, the tests none.
    injector.get(IUniverInstanceService).focusUnit(this.unitId);
    const done = await injector.get(ICommandService).executeCommand(id);
    await this.calculated();
    return done;
  }

  /** Resolves once the engine has no calculation running and its results are in the cells. */
  async calculated(): Promise<void> {
    // The engine's wait gives a calculation that has not started yet a grace period (500 ms by default)
    // before it decides none is coming. The sheets-formula trigger gathers changes for 100 ms before it
    // starts one, so a grace a little over that keeps each write from costing half a second.
    const sessions = this.engine.univer.__getInjector().get(FormulaCalculationSessionService);
    await sessions.waitForLatestApplied(undefined, this.engine.calculationGraceMs ?? CALCULATION_GRACE_MS);
  }

  /** The workbook as plain cells, for the download (xlsx.ts) and the file checks. */
  toWorkbook(): Workbook {
    const wb = new Workbook();
    wb.fileName = this.fileName;
    for (const live of this.sheets) {
      const s = wb.addSheet(live.name);
      s.owned = live.owned;
      if (live.hidden) s.hidden = live.hidden;
      for (const t of live.fileTables) s.fileTables.push({ ...t });
      const frozen = live.frozen;
      if (frozen) s.frozen = frozen;
      let bottom = 0;
      for (const [key, cell] of live.entries()) {
        s.cells.set(key, cell);
        bottom = Math.max(bottom, keyRow(key));
      }
      for (let r = 0; r <= bottom; r++) if (live.hiddenRows.has(r)) s.hiddenRows.add(r);
      markChanged(s, this.source?.sheet(live.name));
    }
    return wb;
  }

  // ---- for LiveSheet ----

  model(): UWorkbook {
    const unit = this.engine.univer.__getInjector().get(IUniverInstanceService).getUnit<UWorkbook>(this.unitId);
    if (!unit) throw new Error('the workbook was closed');
    return unit;
  }

  fworkbook() {
    const fwb = this.engine.api.getWorkbook(this.unitId);
    if (!fwb) throw new Error('the workbook was closed');
    return fwb;
  }

  metaOf(sheetId: string): SheetMeta {
    let m = this.meta.get(sheetId);
    if (!m) this.meta.set(sheetId, (m = { owned: false, veryHidden: false, fileTables: [] }));
    return m;
  }

  pendingOf(sheetId: string): Map<number, Cell | undefined> | undefined {
    return this.pending.get(sheetId);
  }

  stage(sheetId: string, key: number, cell: Cell | undefined): void {
    this.begin();
    let cells = this.pending.get(sheetId);
    if (!cells) this.pending.set(sheetId, (cells = new Map()));
    cells.set(key, cell);
  }

  /** The spilled ranges on a sheet, master first, as the engine last applied them. */
  spills(sheetId: string): readonly { row: number; col: number; rows: number; cols: number }[] {
    const cached = this.spillCache.get(sheetId);
    if (cached && cached.version === this.spillVersion) return cached.masters;
    const ranges = this.formulaData().getArrayFormulaRange()[this.unitId]?.[sheetId] ?? {};
    const masters: { row: number; col: number; rows: number; cols: number }[] = [];
    for (const [row, byCol] of Object.entries(ranges)) {
      for (const [col, range] of Object.entries(byCol ?? {})) {
        if (!range) continue;
        const rng = range as { startRow: number; endRow: number; startColumn: number; endColumn: number };
        masters.push({ row: Number(row), col: Number(col), rows: rng.endRow - rng.startRow + 1, cols: rng.endColumn - rng.startColumn + 1 });
      }
    }
    this.spillCache.set(sheetId, { version: this.spillVersion, masters });
    return masters;
  }

  /** Counts applied changes: what was read from the engine is current while this stays the same. */
  get version(): number {
    return this.spillVersion;
  }

  spilledValue(sheetId: string, row: number, col: number): ICellData | undefined {
    return this.formulaData().getArrayFormulaCellData()[this.unitId]?.[sheetId]?.[row]?.[col] ?? undefined;
  }

  formulaAt(sheetId: string, row: number, col: number): string | undefined {
    return this.formulaData().getFormulaStringByCell(row, col, sheetId, this.unitId) ?? undefined;
  }

  private formulaData(): FormulaDataModel {
    return this.engine.univer.__getInjector().get(FormulaDataModel);
  }

  private view(sheetId: string): LiveSheet {
    let v = this.views.get(sheetId);
    if (!v) this.views.set(sheetId, (v = new LiveSheet(this, sheetId)));
    return v;
  }

  private undoStack(): IUndoRedoItem[] {
    // The service keeps its stacks private; this is the one place that reaches in (see mergeUndo).
    const service = this.engine.univer.__getInjector().get(IUndoRedoService) as unknown as { _getUndoStack(unit: string, create: boolean): IUndoRedoItem[] };
    return service._getUndoStack(this.unitId, true);
  }

  private begin(): void {
    this.batch ??= this.undoStack().length;
  }

  /**
   * Makes the undo items one write pushed into one step. The engine's own batching (0.25.1) appends each
   * command's undo mutations in the order the commands ran, so undoing "insert the Plan sheet, then fill
   * it" removes the sheet first and then fails to clear it; undo has to run the commands' undos last first.
   */
  private mergeUndo(from: number): void {
    const stack = this.undoStack();
    if (stack.length - from < 2) return;
    const items = stack.splice(from);
    stack.push({
      unitID: this.unitId,
      redoMutations: items.flatMap((i) => i.redoMutations),
      undoMutations: items.reverse().flatMap((i) => i.undoMutations),
    });
  }

  private ensureRoom(sheetId: string, rows: number, cols: number): void {
    const fws = this.fworkbook().getSheetBySheetId(sheetId);
    if (!fws) return;
    const haveRows = fws.getMaxRows();
    const haveCols = fws.getMaxColumns();
    if (rows + SPARE_ROWS / 10 > haveRows) fws.insertRowsAfter(haveRows - 1, rows + SPARE_ROWS - haveRows);
    if (cols + 2 > haveCols) fws.insertColumnsAfter(haveCols - 1, cols + SPARE_COLS - haveCols);
  }
}

export class LiveSheet implements SheetView {
  constructor(
    private readonly book: LiveBook,
    readonly id: string,
  ) {}

  private ws(): Worksheet {
    const ws = this.book.model().getSheetBySheetId(this.id);
    if (!ws) throw new Error('the sheet was deleted');
    return ws;
  }

  get name(): string {
    return this.ws().getName();
  }

  get owned(): boolean {
    return this.book.metaOf(this.id).owned;
  }

  set owned(v: boolean) {
    this.book.metaOf(this.id).owned = v;
  }

  get hidden(): 'hidden' | 'veryHidden' | undefined {
    if (this.ws().isSheetHidden() !== BooleanNumber.TRUE) return undefined;
    return this.book.metaOf(this.id).veryHidden ? 'veryHidden' : 'hidden';
  }

  get fileTables(): FileTable[] {
    return this.book.metaOf(this.id).fileTables;
  }

  get frozen(): { rows: number; cols: number } | undefined {
    const f = this.ws().getFreeze();
    const rows = Math.max(0, f.ySplit);
    const cols = Math.max(0, f.xSplit);
    return rows || cols ? { rows, cols } : undefined;
  }

  readonly hiddenRows = {
    has: (row: number): boolean => !this.ws().getRowVisible(row),
  };

  get(row: number, col: number): Cell | undefined {
    const key = cellKey(row, col);
    const pending = this.book.pendingOf(this.id);
    if (pending?.has(key)) return pending.get(key);
    return this.fromEngine(row, col);
  }

  value(row: number, col: number): Scalar {
    return this.get(row, col)?.value ?? '';
  }

  set(row: number, col: number, cell: Cell | undefined): void {
    this.book.stage(this.id, cellKey(row, col), cell);
  }

  private cached: { version: number; cells: [number, Cell][] } | undefined;

  /** Every cell that holds something: typed, written or spilled, with the writes not yet applied. */
  entries(): [number, Cell][] {
    const pending = this.book.pendingOf(this.id);
    // Table listing reads every cell on each bridge call: between changes the engine's cells are the same.
    if (!pending?.size && this.cached?.version === this.book.version) return this.cached.cells;
    const out = new Map<number, Cell>();
    this.ws()
      .getCellMatrix()
      .forValue((r, c) => {
        const cell = this.fromEngine(r, c);
        if (cell) out.set(cellKey(r, c), cell);
      });
    for (const m of this.book.spills(this.id)) {
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          const key = cellKey(r, c);
          if (out.has(key)) continue;
          const cell = this.fromEngine(r, c);
          if (cell) out.set(key, cell);
        }
      }
    }
    for (const [key, cell] of pending ?? []) {
      if (cell === undefined || isEmptyCell(cell)) out.delete(key);
      else out.set(key, cell);
    }
    const cells = [...out];
    if (!pending?.size) this.cached = { version: this.book.version, cells };
    return cells;
  }

  usedRange(): { top: number; left: number; bottom: number; right: number } | undefined {
    return usedRangeOf(this.entries());
  }

  private fromEngine(row: number, col: number): Cell | undefined {
    const raw = this.ws().getCellRaw(row, col);
    const formula = raw?.f ?? (raw?.si ? this.book.formulaAt(this.id, row, col) : undefined);
    const hasValue = raw && raw.v !== undefined && raw.v !== null && raw.v !== '';
    if (raw && (formula || hasValue)) return this.cellOf(raw, row, col, formula ?? undefined);
    // An empty cell may show a spilled result: it is the formula's, and the add-in's while its master is.
    for (const m of this.book.spills(this.id)) {
      if (row < m.row || row >= m.row + m.rows || col < m.col || col >= m.col + m.cols) continue;
      if (row === m.row && col === m.col) continue;
      const spilled = this.book.spilledValue(this.id, row, col);
      const master = this.fromEngine(m.row, m.col);
      const cell: Cell = { value: scalarOf(spilled), spillFrom: cellKey(m.row, m.col) };
      if (master?.owned) {
        cell.owned = true;
        if (master.writer !== undefined) cell.writer = master.writer;
      }
      const format = this.formatOf(raw);
      if (format) cell.format = format;
      return cell;
    }
    return undefined;
  }

  private cellOf(raw: ICellData, row: number, col: number, formula: string | undefined): Cell {
    const cell: Cell = { value: scalarOf(raw) };
    if (formula) {
      cell.formula = formula;
      const spill = this.book.spills(this.id).find((m) => m.row === row && m.col === col);
      if (spill) cell.spill = { rows: spill.rows, cols: spill.cols };
    }
    const stamp = (raw.custom as { agile?: Stamp } | undefined)?.agile;
    if (stamp?.m) {
      cell.owned = true;
      cell.mark = stamp.m;
      if (stamp.w !== undefined) cell.writer = stamp.w;
    }
    if (stamp?.e) cell.error = true;
    // A file's structured-reference formula reads as the file wrote it while it is unchanged.
    if (stamp?.sf && ((formula !== undefined && formula === stamp.tf) || (formula === undefined && stamp.tf === undefined && cell.value === stamp.cv))) cell.formula = stamp.sf;
    const format = this.formatOf(raw);
    if (format) {
      cell.format = format;
      if (typeof cell.value === 'number' && DATE_FORMAT.test(format)) cell.date = true;
    }
    return cell;
  }

  private formatOf(raw: ICellData | null | undefined | void): string | undefined {
    if (!raw?.s) return undefined;
    const style = this.book.model().getStyles().getStyleByCell(raw);
    return style?.n?.pattern || undefined;
  }
}

/** Marks what differs from the cells as opened (all of it when there is nothing to compare with). */
function markChanged(now: Sheet, opened: Sheet | undefined): void {
  const same = (a: Cell | undefined, b: Cell | undefined): boolean =>
    !!a && !!b && a.formula === b.formula && (a.formula !== undefined || a.value === b.value) && (a.format ?? '') === (b.format ?? '') && !!a.owned === !!b.owned && a.mark === b.mark && (a.spillFrom === undefined) === (b.spillFrom === undefined);
  for (const [key, cell] of now.cells) if (!opened || !same(cell, opened.cells.get(key))) now.dirty.add(key);
  if (opened) for (const key of opened.cells.keys()) if (!now.cells.has(key)) now.dirty.add(key);
}

function scalarOf(c: ICellData | null | undefined): Scalar {
  const v = c?.v;
  if (v === undefined || v === null) return '';
  if (c!.t === CellValueType.BOOLEAN) return v === true || v === 1 || String(v).toUpperCase() === 'TRUE';
  return v as Scalar;
}

/** A transfer cell as engine cell data. `write` clears what a rewrite must not keep (an old digest, a style). */
function cellData(cell: Cell, write = false): ICellData {
  const out: ICellData = write ? { ...EMPTY } : {};
  if (cell.formula !== undefined) {
    out.f = cell.formula;
    if (!write && cell.value !== '') out.v = cell.value as string | number;
  } else if (typeof cell.value === 'string') {
    if (cell.value !== '') {
      out.v = cell.value;
      // Text stays text: "=1+1", "005" and "3/4" typed or written as text are never parsed.
      out.t = CellValueType.STRING;
    }
  } else if (typeof cell.value === 'boolean') {
    out.v = cell.value ? 1 : 0;
    out.t = CellValueType.BOOLEAN;
  } else if (typeof cell.value === 'number') {
    out.v = cell.value;
    out.t = CellValueType.NUMBER;
  }
  const format = cell.format ?? (cell.date ? 'yyyy-mm-dd' : undefined);
  if (format) out.s = { n: { pattern: format } };
  const stamp: Stamp = {};
  if (cell.owned && cell.mark) {
    stamp.m = cell.mark;
    if (cell.writer !== undefined) stamp.w = cell.writer;
  }
  if (cell.error) stamp.e = 1;
  if (stamp.m || stamp.e) out.custom = { agile: stamp } as unknown as ICellData['custom'];
  return out;
}

function geometryOf(s: Sheet, t: FileTable): TableGeometry {
  const headers: string[] = [];
  for (let c = t.left; c <= t.right; c++) headers.push(t.headerRow ? String(s.value(t.top, c)).trim() : '');
  return { name: t.name, sheet: s.name, top: t.top, left: t.left, right: t.right, bottom: t.bottom, headerRow: t.headerRow, totalsRow: t.totalsRow, headers };
}

/** A file formula with structured references as the engine takes it (module comment of structured-refs.ts). */
function withStructured(data: ICellData, cell: Cell, sheet: string, row: number, col: number, tables: readonly TableGeometry[]): ICellData {
  if (!cell.formula?.includes('[')) return data;
  const a1 = structuredToA1(cell.formula, sheet, row, col, tables);
  const stamp = { ...((data.custom as { agile?: Stamp } | undefined)?.agile ?? {}), sf: cell.formula } as Stamp;
  if (a1) {
    stamp.tf = a1;
    return { ...data, f: a1, custom: { agile: stamp } as unknown as ICellData['custom'] };
  }
  const { f: _, ...rest } = data;
  stamp.cv = cell.value;
  return { ...rest, ...cellData({ value: cell.value }), custom: { agile: stamp } as unknown as ICellData['custom'] };
}

/** A cell's number format and nothing else: what a spilled cell keeps while the engine fills its value. */
function styleOnly(cell: Cell | undefined): ICellData {
  return cell?.format ? { s: { n: { pattern: cell.format } } } : {};
}

function sheetData(id: string, s: Sheet, tables: readonly TableGeometry[]): Partial<IWorksheetData> {
  const cellData: Record<number, Record<number, ICellData>> = {};
  let rows = 0;
  let cols = 0;
  for (const [key, cell] of s.cells) {
    const r = keyRow(key);
    const c = keyCol(key);
    // Spilled cells are the engine's to fill (their number format stays the cell's); a formula's cached
    // value is kept until it recalculates.
    if (cell.spillFrom !== undefined) {
      if (cell.format) (cellData[r] ??= {})[c] = styleOnly(cell);
      continue;
    }
    if (isEmptyCell(cell)) continue;
    (cellData[r] ??= {})[c] = withStructured(cellData_(cell), cell, s.name, r, c, tables);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  for (const [key] of s.cells) {
    rows = Math.max(rows, keyRow(key) + 1);
    cols = Math.max(cols, keyCol(key) + 1);
  }
  const rowData: Record<number, { hd: BooleanNumber }> = {};
  for (const r of s.hiddenRows) rowData[r] = { hd: BooleanNumber.TRUE };
  const f = s.frozen;
  return {
    id,
    name: s.name,
    rowCount: Math.max(rows + SPARE_ROWS, 1000),
    columnCount: Math.max(cols + SPARE_COLS, 26),
    cellData,
    rowData,
    hidden: s.hidden ? BooleanNumber.TRUE : BooleanNumber.FALSE,
    ...(f ? { freeze: { xSplit: f.cols, ySplit: f.rows, startRow: f.rows, startColumn: f.cols } } : {}),
  };
}

const cellData_ = (cell: Cell): ICellData => cellData(cell, false);
