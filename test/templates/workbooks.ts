// The two template workbooks, built in memory from the declaration exactly as the build writes them, and
// read back cell by cell the way an application opening the file sees them.
import * as ExcelNS from 'exceljs';
import type { Host } from '../../templates/model';
import { QUARTER } from '../../templates/quarter';
import { type RenderedWorkbook, renderWorkbook } from '../../templates/render';
import { workbookToXlsx } from '../../templates/xlsx';

type ExcelModule = typeof ExcelNS;
export const ExcelJS = ((ExcelNS as unknown as { default?: ExcelModule }).default ?? ExcelNS) as ExcelModule;

export interface Built {
  readonly book: RenderedWorkbook;
  readonly bytes: Buffer;
}

const cache = new Map<Host, Promise<Built>>();

export function built(host: Host): Promise<Built> {
  let p = cache.get(host);
  if (!p) {
    p = (async () => {
      const book = renderWorkbook(QUARTER, host);
      return { book, bytes: await workbookToXlsx(book) };
    })();
    cache.set(host, p);
  }
  return p;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
export const dateToSerial = (d: Date): number => (d.getTime() - SERIAL_EPOCH) / 86_400_000;

/** One cell as the file stores it. */
export interface FileCell {
  readonly value: unknown;
  readonly formula?: string;
  readonly result?: unknown;
  /** On an array formula's anchor: the range its result covers. */
  readonly arrayRef?: string;
}

export interface FileSheet {
  readonly name: string;
  /** By A1 address. */
  readonly cells: Map<string, FileCell>;
  readonly rows: number;
  readonly cols: number;
}

export async function readXlsx(bytes: Buffer): Promise<FileSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb.worksheets.map((ws) => {
    const cells = new Map<string, FileCell>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && 'formula' in v) {
          const f = v as { formula: string; result?: unknown; shareType?: string; ref?: string };
          cells.set(cell.address, { value: v, formula: f.formula, result: f.result, ...(f.shareType === 'array' && f.ref ? { arrayRef: f.ref } : {}) });
        } else {
          cells.set(cell.address, { value: v instanceof Date ? dateToSerial(v) : v });
        }
      });
    });
    return { name: ws.name, cells, rows: ws.rowCount, cols: ws.columnCount };
  });
}

export function decodeAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export function* addressesIn(ref: string): Generator<string> {
  const [a, b] = ref.split(':') as [string, string];
  const s = decodeAddress(a);
  const e = decodeAddress(b ?? a);
  for (let r = s.row; r <= e.row; r++) for (let c = s.col; c <= e.col; c++) yield `${letters(c)}${r}`;
}

export function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Blank as every application treats it: empty text, null or nothing. */
export const isBlankValue = (v: unknown): boolean => v === '' || v === null || v === undefined;
