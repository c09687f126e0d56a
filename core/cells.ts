// Reading what the hosts pass for cells, and the values the catalog returns.
//
// Sheets passes a single cell as a bare value and a range as a 2-D array, blanks as "", dates as Date
// objects and error cells as text such as "#N/A". Excel passes matrix parameters as 2-D arrays, blanks as
// null (or 0 on the desktop), dates as serial day numbers and errors as CustomFunctions.Error objects.
// Everything here is host-neutral: the adapters in the add-ins only convert results.

/** A per-cell error: `#VALUE!` (bad input) or `#N/A` (nothing to report), always with a message. */
export class CellError {
  constructor(
    readonly kind: 'value' | 'na',
    readonly message: string,
  ) {}
  get code(): string {
    return this.kind === 'na' ? '#N/A' : '#VALUE!';
  }
}

/** A shape problem that fails the whole call (ranges of different heights, an unknown option word). */
export class CallError extends Error {
  override readonly name = 'CallError';
}

/** One result cell: a number, text ("" is a blank cell), or an error with a message. */
export type Out = number | string | CellError;
export type Grid = readonly (readonly unknown[])[];

export const valueError = (message: string): CellError => new CellError('value', message);
export const naError = (message: string): CellError => new CellError('na', message);

const ERROR_TEXT = /^#(VALUE!|N\/A|REF!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|GETTING_DATA)/;

/** Whether a host value is blank: what the hosts pass for an empty cell. Whitespace-only text counts too. */
export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Dates cross vm realms in tests and iframes in hosts, so `instanceof Date` is not reliable. */
export function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * The error code a host value carries, or undefined when it is not an error: Excel's CustomFunctions.Error
 * objects (anything with a `#` code), JavaScript errors, and the error text Sheets shows ("#VALUE! ...").
 */
export function hostErrorText(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v.charCodeAt(0) === 35 /* # */ && ERROR_TEXT.test(v) ? v : undefined;
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isDateObject(v)) {
    if (v instanceof CellError) return `${v.code} ${v.message}`;
    const o = v as { code?: unknown; message?: unknown };
    const code = typeof o.code === 'string' ? o.code : '#VALUE!';
    return typeof o.message === 'string' && o.message ? `${code} ${o.message}` : code;
  }
  return undefined;
}

/**
 * Minutes east of UTC, at instant `t` (ms), of the zone the sheet shows dates in. Sheets hands a date cell to a
 * script as the instant of that wall-clock time in the spreadsheet's zone, which may differ from the script's,
 * so the host passes the spreadsheet's offsets in (core reads no host API). Without one, the zone of the
 * runtime is used: Excel passes serial numbers and never a Date, and a plain context has no spreadsheet.
 */
export type ZoneOffset = (t: number) => number;

const runtimeZone: ZoneOffset = (t) => -new Date(t).getTimezoneOffset();
let sheetZone: ZoneOffset = runtimeZone;

/** Runs `work` with Date objects read in the zone `offset` describes (the runtime's zone when undefined). */
export function inZone<T>(offset: ZoneOffset | undefined, work: () => T): T {
  const before = sheetZone;
  sheetZone = offset ?? runtimeZone;
  try {
    return work();
  } finally {
    sheetZone = before;
  }
}

/** The wall-clock date and time a Date shows in the sheet, as milliseconds read on a UTC clock. */
function wallClock(d: Date): number {
  const t = d.getTime();
  return t + sheetZone(t) * 60_000;
}

/** A Date as the sheet shows it (its calendar date in the sheet's zone), not its UTC date, which can be a day off. */
export function localDateText(d: Date): string {
  const w = new Date(wallClock(d));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.getUTCFullYear()}-${two(w.getUTCMonth() + 1)}-${two(w.getUTCDate())}`;
}

/** Quotes a host value for a message, short enough to read in a cell. */
export function show(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}...` : v;
    return `"${s}"`;
  }
  if (isDateObject(v)) return `the date ${isNaN(v.getTime()) ? 'Invalid Date' : localDateText(v)}`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(%?)$/;

function notANumber(v: unknown, arg: string): CellError {
  const err = hostErrorText(v);
  if (err !== undefined) return valueError(`${arg} is an error (${err.split(' ')[0]}): fix the cell it comes from`);
  if (typeof v === 'boolean') return valueError(`${arg} is ${show(v)}, not a number: enter a number`);
  if (isDateObject(v)) return valueError(`${arg} is ${show(v)}, not a number: enter a number`);
  if (typeof v === 'number') return valueError(`${arg} is ${show(v)}: enter a finite number`);
  if (typeof v === 'string' && /^[+-]?\d+,\d+%?$/.test(v.trim())) {
    return valueError(`${arg} ${show(v)} is not a number: use a decimal point, as in ${v.trim().replace(',', '.')}`);
  }
  return valueError(`${arg} ${show(v)} is not a number: enter a number such as 12 or 50%`);
}

/**
 * A number from a host value: numbers as they are; plain decimal text ("2.5") and percentages ("80%") read
 * as numbers. Returns null for a blank and a CellError naming `arg` for anything else. The number case
 * comes first and allocates nothing, because this runs once per cell over whole columns.
 */
export function readNumber(v: unknown, arg: string): number | null | CellError {
  // Kept tiny so V8 inlines it into the per-cell loops; everything but a finite number goes out of line.
  if (typeof v === 'number' && v - v === 0) return v;
  return readOtherNumber(v, arg);
}

function readOtherNumber(v: unknown, arg: string): number | null | CellError {
  if (typeof v === 'number') return notANumber(v, arg);
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const m = PLAIN_NUMBER.exec(v.trim());
    if (m) {
      const n = parseFloat(m[1]!) * (v.trim().startsWith('-') ? -1 : 1);
      // A text of 400 nines parses as Infinity: an error, never a number (FUNCTIONS.md "Finite numbers only").
      if (!Number.isFinite(n)) return valueError(`${arg} ${show(v)} is too large to be a number: enter a number below 1e308`);
      return m[2] ? n / 100 : n;
    }
  }
  return notANumber(v, arg);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date as a serial day number (days since 1899-12-30, fractions for time of day), which is how Excel
 * passes dates and what durations subtract. A Date object (Sheets) is read at the wall-clock time the sheet
 * shows (inZone), so a duration across a daylight-saving change stays a whole number of days.
 */
export function readDate(v: unknown, arg: string): number | null | CellError {
  if (typeof v === 'number') return Number.isFinite(v) ? v : notANumber(v, arg);
  if (isDateObject(v)) {
    const t = v.getTime();
    if (isNaN(t)) return valueError(`${arg} is an invalid date: enter a date such as 2026-01-15`);
    return (wallClock(v) - SERIAL_EPOCH_MS) / DAY_MS;
  }
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const m = ISO_DATE.exec(v.trim());
    if (m) {
      const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
      // Date.UTC reads years 0-99 as 1900-1999; neither host shows a year before 1900, so it is an error.
      if (y! < 1900) return valueError(`${arg} ${show(v)} is in the year ${y}, before 1900, which spreadsheets cannot show as a date: check the year`);
      const ms = Date.UTC(y!, mo! - 1, d!, h, mi, s);
      const back = new Date(ms);
      if (back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 60) {
        return (ms - SERIAL_EPOCH_MS) / DAY_MS;
      }
    }
    if (hostErrorText(v) === undefined) {
      return valueError(`${arg} ${show(v)} is not a date: enter a date cell or ISO text such as 2026-01-15`);
    }
  }
  const err = hostErrorText(v);
  if (err !== undefined) return valueError(`${arg} is an error (${err.split(' ')[0]}): fix the cell it comes from`);
  return valueError(`${arg} is ${show(v)}, not a date: enter a date cell or ISO text such as 2026-01-15`);
}

/** Text from a host value, trimmed; null for a blank; a CellError for an error value. */
export function readText(v: unknown, arg: string): string | null | CellError {
  if (isBlank(v)) return null;
  const err = hostErrorText(v);
  if (err !== undefined) return valueError(`${arg} is an error (${err.split(' ')[0]}): fix the cell it comes from`);
  if (isDateObject(v)) return isNaN(v.getTime()) ? 'Invalid Date' : localDateText(v);
  return String(v).trim();
}

/** Same as readNumber, for whole-call options: a bad value is a call error rather than a cell error. */
export function optionNumber(v: unknown, arg: string, fallback: number): number {
  const n = readNumber(scalar(v, arg), arg);
  if (n === null) return fallback;
  if (n instanceof CellError) throw new CallError(n.message);
  return n;
}

/** A single value from an argument that may arrive as a 1×1 range; a larger range is a call error. */
export function scalar(v: unknown, arg: string): unknown {
  if (!Array.isArray(v)) return v;
  const rows = v as unknown[][];
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return rows[0][0];
  if (rows.length === 0) return undefined;
  throw new CallError(`${arg} must be a single cell, not a range of ${describeShape(rows)}`);
}

/** Any argument as a 2-D grid: a bare value (Sheets' single cell) becomes 1×1. */
export function toGrid(v: unknown): Grid {
  if (!Array.isArray(v)) return [[v]];
  if (v.length > 0 && !Array.isArray(v[0])) return (v as unknown[]).map((x) => [x]);
  return v as Grid;
}

export function describeShape(g: Grid): string {
  const cols = g.length ? g[0]!.length : 0;
  return `${g.length} row${g.length === 1 ? '' : 's'} × ${cols} column${cols === 1 ? '' : 's'}`;
}

/** Every cell of a range in reading order, for arguments that are "k cells (row or column)". */
export function flatten(g: Grid): unknown[] {
  const out: unknown[] = [];
  for (const row of g) for (const v of row) out.push(v);
  return out;
}
