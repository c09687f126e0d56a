// Sheets-form arguments turned into what Excel passes for the same cells, and the two hosts' error
// results turned into one comparable shape.
import type { ParamSpec } from '../../core/function-spec';
import { ExcelError } from './load-bundles';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** One cell as Excel on the web passes it: blanks null, dates serial numbers, error text as error objects. */
export function excelCell(v: unknown): unknown {
  if (v === '') return null;
  // The serial of the wall-clock date and time the sheet shows, which is what Excel stores.
  if (isDate(v)) return (v.getTime() - v.getTimezoneOffset() * 60_000 - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?)$/.test(v)) return new ExcelError(v);
  return v;
}

/** A Sheets argument as Excel passes it: `range` parameters always as 2-D arrays, omitted ones null. */
export function excelArg(v: unknown, param: ParamSpec): unknown {
  if (v === undefined) return null;
  if (param.shape === 'range') {
    const grid = Array.isArray(v) ? (v as unknown[][]) : [[v]];
    return grid.map((row) => row.map(excelCell));
  }
  return excelCell(v);
}

export type Cell = number | string | { error: string; message: string };
/** What a host shows: a spilled block, one cell, or (Sheets) a thrown call error. */
export type Seen = Cell | Cell[][] | { thrown: string };

function sheetsCell(v: unknown): Cell {
  if (typeof v === 'string') {
    const m = /^(#VALUE!|#N\/A) (.*)$/s.exec(v);
    if (m) return { error: m[1]!, message: m[2]! };
  }
  return v as Cell;
}

export function fromSheets(run: () => unknown): Seen {
  let r: unknown;
  try {
    r = run();
  } catch (e) {
    return { thrown: (e as Error).message };
  }
  return Array.isArray(r) ? (r as unknown[][]).map((row) => row.map(sheetsCell)) : sheetsCell(r);
}

/** Excel shows a thrown CustomFunctions.Error in the cell, so a thrown error is a cell error here. */
export function fromExcel(r: unknown): Seen {
  const cell = (v: unknown): Cell => (v instanceof ExcelError ? { error: v.code, message: v.message } : (v as Cell));
  return Array.isArray(r) ? (r as unknown[][]).map((row) => row.map(cell)) : cell(r);
}

/** What a case expects, host-neutral. */
export type Want = number | string | { cellError: string; match: RegExp } | { callError: RegExp } | Want[][];
export const E = (match: RegExp): Want => ({ cellError: '#VALUE!', match });
export const NA = (match: RegExp): Want => ({ cellError: '#N/A', match });
export const CALL = (match: RegExp): Want => ({ callError: match });

/**
 * Whether `seen` is what `want` describes in `host`; returns a reason when not. In Sheets a cell error of a
 * single-cell result is thrown (FUNCTIONS.md: the cell shows #ERROR! with the message, which IFERROR sees);
 * inside a spilled block it is text.
 */
export function mismatch(seen: Seen, want: Want, host: 'sheets' | 'excel', inBlock = false): string | undefined {
  const show = JSON.stringify(seen);
  if (Array.isArray(want)) {
    if (!Array.isArray(seen) || seen.length !== want.length) return `expected ${want.length} rows, saw ${show}`;
    for (let i = 0; i < want.length; i++) {
      const row = seen[i] as Cell[];
      if (!Array.isArray(row) || row.length !== want[i]!.length) return `row ${i + 1}: saw ${JSON.stringify(row)}`;
      for (let j = 0; j < row.length; j++) {
        const m = mismatch(row[j]!, want[i]![j]!, host, true);
        if (m) return `row ${i + 1}, column ${j + 1}: ${m}`;
      }
    }
    return undefined;
  }
  if (typeof want === 'number') {
    if (typeof seen !== 'number') return `expected ${want}, saw ${show}`;
    return Math.abs(seen - want) <= 1e-9 * Math.max(1, Math.abs(want)) ? undefined : `expected ${want}, saw ${seen}`;
  }
  if (typeof want === 'string') return seen === want ? undefined : `expected ${JSON.stringify(want)}, saw ${show}`;
  if ('callError' in want) {
    if (host === 'sheets') {
      return typeof seen === 'object' && seen !== null && 'thrown' in seen && want.callError.test(seen.thrown)
        ? undefined
        : `expected a thrown call error ${want.callError}, saw ${show}`;
    }
    return typeof seen === 'object' && seen !== null && 'error' in seen && seen.error === '#VALUE!' && want.callError.test(seen.message)
      ? undefined
      : `expected #VALUE! ${want.callError}, saw ${show}`;
  }
  if (host === 'sheets' && !inBlock) {
    return typeof seen === 'object' && seen !== null && 'thrown' in seen && want.match.test(seen.thrown)
      ? undefined
      : `expected a thrown error ${want.match} (Sheets shows #ERROR!), saw ${show}`;
  }
  return typeof seen === 'object' && seen !== null && 'error' in seen && seen.error === want.cellError && want.match.test(seen.message)
    ? undefined
    : `expected ${want.cellError} ${want.match}, saw ${show}`;
}
