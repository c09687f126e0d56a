// Opening and saving .xlsx files with exceljs. The ExcelJS module is passed in, so the browser page uses
// the bundled build and Node tests the package itself. Saving edits the opened file in place, cell by
// cell, so what the playground does not model (styles, widths, charts, other names) survives the trip.
// Which cells the add-in owns is kept in defined names, so a reopened file still protects the user's data:
// one name per digest of what was written (AgilePlaybook.owned.<cols|sheet>.<contentMark>), so a reopened
// cell is the add-in's only while it still holds that content, whatever else a file's names claim.
// Every sheet is read whatever its visibility (a very hidden sheet still holds the user's cells); merged
// cells hold their value in the top-left cell only, as Excel and Sheets report them; Excel tables keep
// their geometry. Text is saved as text: only a cell read as an error, or a formula whose result is an
// error, is saved as an error value.
import type { CellValue, Workbook as XWorkbook, Worksheet } from 'exceljs';
import { cellA1, columnLetters, parseRange, quoteSheet } from '../protocol/a1';
import { type FileForm, catalogCallsAs } from './file-formula';
import { grownBottom } from './tables';
import { type Cell, SHEET_WRITE, Workbook, cellKey, keyCol, keyRow } from './workbook';

export interface ExcelJSModule {
  readonly Workbook: new () => XWorkbook;
}

const OWNED_CELLS = 'AgilePlaybook.owned';
const OWNED_SHEETS = 'AgilePlaybook.sheets';
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** An error result as the playground's evaluator gives it: the code, then a space and the message. */
const ERROR_RESULT = /^#(VALUE!|N\/A|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)(?=\s|$)/;
/** exceljs 4.4 writes these error values; the others are saved as the nearest it knows. */
const FILE_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

export interface SaveOptions {
  /** Which host the saved file is for: catalog calls are stored in that host's form (default Excel). */
  readonly look?: 'excel' | 'sheets';
}

export interface Opened {
  readonly workbook: Workbook;
  /** The file as exceljs read it, kept so a save changes only what the playground changed. */
  readonly original: XWorkbook;
}

function serial(d: Date): number {
  return (d.getTime() - SERIAL_EPOCH) / 86_400_000;
}

function plain(v: unknown): Cell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: serial(v), date: true };
  const o = v as { richText?: { text: string }[]; text?: unknown; error?: string; result?: unknown };
  if (o.richText) return { value: o.richText.map((t) => t.text).join('') };
  if (o.error) return { value: o.error, error: true };
  if (typeof o.text === 'string') return { value: o.text };
  return { value: String(v) };
}

/** Sheet!$A$1:$B$2 (sheet possibly quoted) into its parts. */
function splitRef(ref: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  if (!m) return undefined;
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), address: m[3]!.replace(/\$/g, '') };
}

export async function readXlsx(ExcelJS: ExcelJSModule, data: ArrayBuffer | Uint8Array, fileName = 'workbook.xlsx'): Promise<Opened> {
  const original = new ExcelJS.Workbook();
  await original.xlsx.load(data as ArrayBuffer);
  const wb = new Workbook();
  wb.fileName = fileName;
  original.eachSheet((ws: Worksheet) => {
    const sheet = wb.addSheet(ws.name);
    if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = ws.state;
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen' && ((view.xSplit ?? 0) > 0 || (view.ySplit ?? 0) > 0)) sheet.frozen = { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 };
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: XTable }> }).tables ?? {})) {
      const area = parseRange(t.table.tableRef ?? t.table.ref ?? '');
      if (!area) continue;
      sheet.fileTables.push({ name: t.table.name, top: area.top, left: area.left, bottom: area.bottom, right: area.right, headerRow: t.table.headerRow !== false, totalsRow: !!t.table.totalsRow });
    }
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.hidden) sheet.hiddenRows.add(r - 1);
      row.eachCell({ includeEmpty: false }, (xc, c) => {
        // A merged area's other cells report the top-left value in exceljs; the file holds nothing there.
        if (xc.isMerged && xc.master && xc.master.address !== xc.address) return;
        const format = typeof xc.numFmt === 'string' && xc.numFmt !== 'General' ? { format: xc.numFmt } : {};
        const v = xc.value as { formula?: string; sharedFormula?: string; shareType?: string; ref?: string } | CellValue;
        const isFormula = typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
        if (!isFormula) {
          const cell = plain(v);
          if (cell) sheet.set(r - 1, c - 1, { ...cell, ...format });
          return;
        }
        const cell: Cell = { ...(plain(xc.result) ?? { value: '' }), ...format, formula: catalogCallsAs(`=${xc.formula}`, 'excel-display') };
        const f = v as { shareType?: string; ref?: string };
        const area = f.shareType === 'array' && f.ref ? parseRange(f.ref) : undefined;
        if (area) cell.spill = { rows: area.bottom - area.top + 1, cols: area.right - area.left + 1 };
        sheet.set(r - 1, c - 1, cell);
      });
    });
    // Cells of an array formula's area are read as plain values: link them to their formula.
    for (const [key, cell] of [...sheet.cells]) {
      if (!cell.spill) continue;
      for (let r = 0; r < cell.spill.rows; r++) {
        for (let c = 0; c < cell.spill.cols; c++) {
          const other = (r || c) && sheet.get(keyRow(key) + r, keyCol(key) + c);
          if (other) other.spillFrom = key;
        }
      }
    }
  });
  for (const { name, ranges } of original.definedNames.model) {
    // A bare AgilePlaybook.owned (no digest) proves nothing about what its cells hold: it claims none.
    const claim = ownedName(name);
    if (!claim && name !== OWNED_SHEETS) continue;
    for (const ref of ranges) {
      const parts = splitRef(ref);
      const sheet = parts && wb.sheet(parts.sheet);
      const area = parts && parseRange(parts.address);
      if (!sheet || !area) continue;
      if (name === OWNED_SHEETS) sheet.owned = true;
      else {
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            const cell = sheet.get(r, c) ?? { value: '' };
            cell.owned = true;
            if (claim!.mark !== 'spill') cell.mark = claim!.mark;
            if (claim!.sheet) cell.writer = SHEET_WRITE;
            sheet.cells.set(cellKey(r, c), cell);
          }
        }
      }
    }
  }
  for (const s of wb.sheets) s.dirty.clear();
  return { workbook: wb, original };
}

const OWNED_PREFIX = `${OWNED_CELLS}.`;

/** The claim a defined name of ours records: whose write (columns or the owned sheet) and the digest. */
function ownedName(name: string): { sheet: boolean; mark: string } | undefined {
  const m = /^(cols|sheet)\.([0-9a-z]+)$/.exec(name.startsWith(OWNED_PREFIX) ? name.slice(OWNED_PREFIX.length) : '');
  return m ? { sheet: m[1] === 'sheet', mark: m[2]! } : undefined;
}

/** The table model exceljs keeps for a table it read (the parts this file uses). */
interface XTable {
  name: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { calculatedColumnFormula?: string; totalsRowFormula?: string }[];
}

function errorValue(code: string): CellValue {
  return { error: (FILE_ERRORS.has(code) ? code : '#VALUE!') as '#N/A' };
}

function toXlsxValue(cell: Cell | undefined, row: number, col: number, form: FileForm): CellValue {
  if (!cell) return null;
  const scalar = (v: Cell['value'], isResult: boolean): CellValue => {
    if (typeof v === 'number' && !Number.isFinite(v)) return errorValue('#NUM!');
    if (typeof v === 'string') {
      if (cell.error && !isResult) return errorValue(v.split(' ')[0]!);
      const code = isResult ? ERROR_RESULT.exec(v) : null;
      if (code) return errorValue(code[0]);
    }
    if (cell.date && typeof v === 'number') return new Date(SERIAL_EPOCH + v * 86_400_000);
    return v === '' ? null : v;
  };
  if (!cell.formula) return scalar(cell.value, false);
  const formula = catalogCallsAs(cell.formula.replace(/^=/, ''), form);
  const result = scalar(cell.value, true) as never;
  const spill = cell.spill;
  if (spill && (spill.rows > 1 || spill.cols > 1)) {
    // exceljs writes a dynamic result as an array formula over its area; every application shows the
    // cached results, and Excel recomputes it when the add-in's functions are loaded.
    const ref = `${cellA1(row, col)}:${cellA1(row + spill.rows - 1, col + spill.cols - 1)}`;
    return { formula, result, shareType: 'array', ref } as never;
  }
  return { formula, result } as CellValue;
}

export async function writeXlsx(ExcelJS: ExcelJSModule, wb: Workbook, original?: XWorkbook, options: SaveOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const form: FileForm = options.look === 'sheets' ? 'sheets' : 'excel-file';
  const target = original ?? new ExcelJS.Workbook();
  const owned = new Map<string, string[]>();
  const ownedSheets: string[] = [];
  for (const sheet of wb.sheets) {
    const existing = target.getWorksheet(sheet.name);
    const ws = existing ?? target.addWorksheet(sheet.name);
    const keys = new Set(existing && original ? sheet.dirty : sheet.cells.keys());
    // Every catalog formula is saved in the target host's form, also those the playground did not change.
    if (existing && original) for (const [key, cell] of sheet.cells) if (cell.formula && !cell.spillFrom) keys.add(key);
    for (const key of keys) {
      const r = keyRow(key);
      const c = keyCol(key);
      const cell = sheet.cells.get(key);
      const xc = ws.getCell(r + 1, c + 1);
      const value = toXlsxValue(cell, r, c, form);
      const before = xc.value as { formula?: string } | null;
      // An unchanged formula already in the target form keeps exceljs's own record (shared formulas).
      if (!sheet.dirty.has(key) && cell?.formula && before && typeof before === 'object' && before.formula === (value as { formula?: string }).formula) continue;
      xc.value = value;
      if (cell?.format) xc.numFmt = cell.format;
      else if (cell?.date && (!xc.numFmt || xc.numFmt === 'General')) xc.numFmt = 'yyyy-mm-dd';
    }
    for (const t of sheet.fileTables) {
      const x = (ws as unknown as { tables: Record<string, { table: XTable }> }).tables?.[t.name]?.table;
      if (!x) continue;
      // Rows typed directly under the table become part of it, as they do when typed in Excel.
      const bottom = grownBottom(sheet, t);
      if (bottom !== t.bottom) {
        x.tableRef = `${cellA1(t.top, t.left)}:${cellA1(bottom, t.right)}`;
        if (x.autoFilterRef) x.autoFilterRef = x.tableRef;
        t.bottom = bottom;
      }
      for (const col of x.columns) {
        if (col.calculatedColumnFormula) col.calculatedColumnFormula = catalogCallsAs(col.calculatedColumnFormula, form);
        if (col.totalsRowFormula) col.totalsRowFormula = catalogCallsAs(col.totalsRowFormula, form);
      }
    }
    if (!existing) ws.getRow(1).font = { bold: true };
    // Frozen panes as the workbook shows them now; a new sheet of the add-in's freezes its header row.
    const frozen = sheet.frozen ?? (existing ? undefined : { rows: 1, cols: 0 });
    const before = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const was = before?.state === 'frozen' ? { rows: before.ySplit ?? 0, cols: before.xSplit ?? 0 } : undefined;
    if (frozen && (frozen.rows !== was?.rows || frozen.cols !== was?.cols)) ws.views = [{ ...(before ?? {}), state: 'frozen', xSplit: frozen.cols, ySplit: frozen.rows }];
    else if (!frozen && was) ws.views = [{ ...(before ?? {}), state: 'normal', xSplit: 0, ySplit: 0 } as never];
    for (const [key, cell] of sheet.cells) {
      if (!cell.owned) continue;
      const name = `${OWNED_PREFIX}${cell.writer === SHEET_WRITE ? 'sheet' : 'cols'}.${cell.spillFrom === undefined ? (cell.mark ?? 'none') : 'spill'}`;
      const list = owned.get(name) ?? owned.set(name, []).get(name)!;
      list.push(`${quoteSheet(sheet.name)}!$${columnLetters(keyCol(key))}$${keyRow(key) + 1}`);
    }
    if (sheet.owned) ownedSheets.push(`${quoteSheet(sheet.name)}!$A$1`);
    sheet.dirty.clear();
  }
  // exceljs has no public way to drop a name; its names live in matrixMap, one matrix per name.
  const names = target.definedNames as unknown as { matrixMap: Record<string, unknown>; add(loc: string, name: string): void };
  for (const name of Object.keys(names.matrixMap)) if (name === OWNED_CELLS || name.startsWith(OWNED_PREFIX)) delete names.matrixMap[name];
  delete names.matrixMap[OWNED_SHEETS];
  for (const [name, locs] of owned) for (const loc of locs) names.add(loc, name);
  for (const loc of ownedSheets) names.add(loc, OWNED_SHEETS);
  const buffer = await target.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>;
}
