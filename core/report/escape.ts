// The one escaping rule of the report: every string that reaches the HTML goes through escapeHtml, in text
// and in attribute values alike (attributes are always double-quoted), so no workbook text can open a tag,
// close an attribute or start a script.

import { looksLikeFormula } from '../formula-text';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML text and double-quoted attribute values. Non-strings are shown as text first. */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text a spreadsheet would not keep as typed: formula-like text (looksLikeFormula: = + - @, also after
 * leading whitespace and control characters, and their full-width forms), and # so an error-looking text
 * stays text.
 */
const needsApostrophe = (s: string): boolean => looksLikeFormula(s) || s.startsWith('#');

/**
 * Text that a host will store as text, never as a formula: when it needs it (see above) it gets a leading
 * apostrophe. Sheets' setValues and Excel's Range.values both read a leading apostrophe as "this is text"
 * and do not show it; a writer that stores cell types itself (exceljs) must drop the apostrophe and store
 * a text cell (see isInertText).
 */
export function inertText(s: string): string {
  return needsApostrophe(s) ? `'${s}` : s;
}

/** Whether a snapshot cell is text that inertText protected: the writer stores `s.slice(1)` as plain text. */
export function isInertText(s: string): boolean {
  return s.length > 1 && s[0] === "'" && needsApostrophe(s.slice(1));
}
