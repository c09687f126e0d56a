// What a cell holds, as the server sees it through getValues/getFormulas, and how text is written so Sheets
// never reads it as a formula.

/** A cell as read: its value and, for a formula cell, the formula text (with '='). */
export interface ReadCell {
  readonly value: unknown;
  readonly formula: string;
}

export const isBlank = (c: ReadCell): boolean => c.formula === '' && (c.value === '' || c.value === null || c.value === undefined);

/**
 * Text starting with = + - @ gets a leading apostrophe. Sheets treats a leading apostrophe as "this is text"
 * and does not keep it in the value (getValues returns the text without it), so the text reads back exactly.
 * Chosen over setNumberFormat('@') because it travels inside the one setValues block: no second call that a
 * concurrent edit could slip between, and no plain-text format left behind on cells the user may later reuse.
 */
export function neutralize(v: unknown): unknown {
  return typeof v === 'string' && /^[=+\-@']/.test(v) ? `'${v}` : v;
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

/** FNV-1a, base 36 (at most 7 characters): short enough to keep one per written cell in developer metadata. */
export function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** A cell's fingerprint: '' for a blank, otherwise its formula or typed value. */
export function fingerprint(c: ReadCell): string {
  if (isBlank(c)) return '';
  if (c.formula) return hash(`f${c.formula}`);
  const v = isDate(c.value) ? `d${c.value.getTime()}` : `${typeof c.value}${String(c.value)}`;
  return hash(v);
}

/** The cells of a range: values and formulas read side by side (two calls, no per-cell reads). */
export function readGrid(range: GoogleAppsScript.Spreadsheet.Range): ReadCell[][] {
  const values = range.getValues();
  const formulas = range.getFormulas();
  return values.map((row, r) => row.map((value, c) => ({ value, formula: formulas[r]![c] ?? '' })));
}
