// Opening and saving .xlsx files with exceljs. The ExcelJS module is passed in, so the browser page uses
// the bundled build and Node tests the package itself. Saving edits the opened file in place, cell by
// cell, so what the playground does not model (styles, widths, charts, other names) survives the trip.
// Which cells the add-in owns is kept in defined names, so a reopened file still protects the user's data:
// one name per digest of what was written (AgilePlaybook.owned.<cols|sheet>.<contentMark>), so a reopened
// cell is the add-in's only while it still holds that content, whatever else a file's names claim.
import type { CellValue, Workbook as XWorkbook, Worksheet } from 'exceljs';
import { cellA1, columnLetters, parseRange, quoteSheet } from '../protocol/a1';
import { recalc } from './evaluate';
import { type Cell, SHEET_WRITE, Workbook, cellKey, keyCol, keyRow } from './workbook';

export interface ExcelJSModule {
  readonly Workbook: new () => XWorkbook;
}

const OWNED_CELLS = 'AgilePlaybook.owned';
const OWNED_SHEETS = 'AgilePlaybook.sheets';
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const ERROR_CODE = /^#(VALUE!|N\/A|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)/;

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
  if (o.error) return { value: o.error };
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
    if (ws.state === 'veryHidden') return;
    const sheet = wb.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (xc, c) => {
        const v = xc.value as { formula?: string; sharedFormula?: string; shareType?: string; ref?: string } | CellValue;
        const isFormula = typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
        if (!isFormula) {
          const cell = plain(v);
          if (cell) sheet.set(r - 1, c - 1, cell);
          return;
        }
        const cell: Cell = { ...(plain(xc.result) ?? { value: '' }), formula: `=${xc.formula}` };
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
  recalc(wb);
  return { workbook: wb, original };
}

const OWNED_PREFIX = `${OWNED_CELLS}.`;

/** The claim a defined name of ours records: whose write (columns or the owned sheet) and the digest. */
function ownedName(name: string): { sheet: boolean; mark: string } | undefined {
  const m = /^(cols|sheet)\.([0-9a-z]+)$/.exec(name.startsWith(OWNED_PREFIX) ? name.slice(OWNED_PREFIX.length) : '');
  return m ? { sheet: m[1] === 'sheet', mark: m[2]! } : undefined;
}

function toXlsxValue(cell: Cell | undefined, row: number, col: number): CellValue {
  if (!cell) return null;
  const scalar = (v: Cell['value']): CellValue => {
    if (typeof v === 'string' && ERROR_CODE.test(v)) return { error: v.split(' ')[0] as '#N/A' };
    if (cell.date && typeof v === 'number') return new Date(SERIAL_EPOCH + v * 86_400_000);
    return v === '' ? null : v;
  };
  if (!cell.formula) return scalar(cell.value);
  const formula = cell.formula.replace(/^=/, '');
  const result = scalar(cell.value) as never;
  const spill = cell.spill;
  if (spill && (spill.rows > 1 || spill.cols > 1)) {
    // exceljs writes a dynamic result as an array formula over its area; every application shows the
    // cached results, and Excel recomputes it when the add-in's functions are loaded.
    const ref = `${cellA1(row, col)}:${cellA1(row + spill.rows - 1, col + spill.cols - 1)}`;
    return { formula, result, shareType: 'array', ref } as never;
  }
  return { formula, result } as CellValue;
}

export async function writeXlsx(ExcelJS: ExcelJSModule, wb: Workbook, original?: XWorkbook): Promise<Uint8Array<ArrayBuffer>> {
  recalc(wb);
  const target = original ?? new ExcelJS.Workbook();
  const owned = new Map<string, string[]>();
  const ownedSheets: string[] = [];
  for (const sheet of wb.sheets) {
    const existing = target.getWorksheet(sheet.name);
    const ws = existing ?? target.addWorksheet(sheet.name);
    const keys = existing && original ? sheet.dirty : new Set(sheet.cells.keys());
    for (const key of keys) {
      const r = keyRow(key);
      const c = keyCol(key);
      ws.getCell(r + 1, c + 1).value = toXlsxValue(sheet.cells.get(key), r, c);
    }
    if (!existing) {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
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
