// What a cell holds, as the server sees it through getValues/getFormulas, and how text is written so Sheets
// reads it back as the same text (never a formula, a number or a date).
import { looksLikeFormula } from '../../../protocol/bridge';

/** A cell as read: its value and, for a formula cell, the formula text (with '='). */
export interface ReadCell {
  readonly value: unknown;
  readonly formula: string;
}

export const isBlank = (c: ReadCell): boolean => c.formula === '' && (c.value === '' || c.value === null || c.value === undefined);

/**
 * Whether Sheets could read this text as something other than the same text. setValues parses strings the
 * way typing does, in the spreadsheet's locale: digits can become a number, a date or a time ("007", "1/2",
 * "3-4", "2026-01-15", "1.5" in a German spreadsheet), TRUE/FALSE a boolean, "#N/A" an error. Which of these
 * parse depends on a locale the script cannot enumerate, so any text with a digit, and the words and
 * characters above, are treated as parseable: the worse case.
 */
function mayParse(s: string): boolean {
  return /\d/.test(s) || /^\s*(true|false)\s*$/i.test(s) || /^[\s'#]/.test(s);
}

/**
 * Text that Sheets would read as a formula (looksLikeFormula, the one rule every bridge uses) or as another
 * type gets a leading apostrophe. Sheets treats a leading apostrophe as "this is text" and does not keep it
 * in the value (getValues returns the text without it), so the text reads back exactly. Chosen over
 * setNumberFormat('@') because it travels inside the one setValues block: no second call that a concurrent
 * edit could slip between, and no plain-text format left behind on cells the user may later reuse.
 */
export function neutralize(v: unknown): unknown {
  return typeof v === 'string' && v !== '' && (looksLikeFormula(v) || mayParse(v)) ? `'${v}` : v;
}

/** A Date, also one made in another realm (Apps Script hands out its own; tests run the bundle in a vm). */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** ISO date text for a Date, in the spreadsheet's time zone (Sheets hands dates to scripts as instants). */
export function isoDate(d: Date, timeZone: string): string {
  return Utilities.formatDate(d, timeZone, 'yyyy-MM-dd');
}

/** A cell's value as the Bridge's plain data: '' for blanks, ISO text for dates. */
export function toScalar(v: unknown, timeZone: string): number | string | boolean {
  if (isDate(v)) return isoDate(v, timeZone);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return v === null || v === undefined ? '' : String(v);
}

/** FNV-1a, base 36 (at most 7 characters): a version token, or one half of a digest. */
export function hash(text: string, seed = 2166136261): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** A cell's fingerprint: '' for a blank, otherwise its formula or its typed value. */
export function fingerprint(c: ReadCell): string {
  if (isBlank(c)) return '';
  if (c.formula) return `f${c.formula}`;
  return isDate(c.value) ? `d${c.value.getTime()}` : `${typeof c.value}${String(c.value)}`;
}

/**
 * What a block of cells holds, in 14 characters at most whatever its size: two FNV-1a hashes of every
 * cell's fingerprint in reading order, blanks included (a note typed into a blank cell changes it too).
 */
export function digest(cells: Iterable<ReadCell>): string {
  const parts: string[] = [];
  for (const c of cells) parts.push(fingerprint(c).replace(/\\/g, '\\\\').replace(/\|/g, '\\|'));
  const text = parts.join('|');
  return `${hash(text)}.${hash(text, 0x811c9dc5 ^ 0x5bd1e995)}`;
}

/** The cells of a range: values and formulas read side by side (two calls, no per-cell reads). */
export function readGrid(range: GoogleAppsScript.Spreadsheet.Range): ReadCell[][] {
  const values = range.getValues();
  const formulas = range.getFormulas();
  return values.map((row, r) => row.map((value, c) => ({ value, formula: formulas[r]![c] ?? '' })));
}
