// Which text a spreadsheet would take for a formula if it were typed or pasted: the one test behind every
// write path (the bridges write such text as text) and behind the snapshot's apostrophes. Excel, Sheets and
// CSV importers skip leading whitespace and control characters before they look at the first character,
// and Excel reads the full-width ＝＋－＠ an IME types as = + - @, so " +HYPERLINK(…)", "\t+1+1", a
// no-break space before "+", "\n-2" and "＝1+1" all count (issue 12.8).

// Skipped before the first meaningful character: whitespace of every kind (tab, line breaks, no-break and
// ideographic spaces), C0 and C1 control characters, and characters with no glyph (zero-width, BOM).
const LEADING = '[\\s\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200d\\u2060\\ufeff]*';
// = + - @, their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20) and their small forms (U+FE62, U+FE63,
// U+FE66, U+FE6B), and the minus sign U+2212, which Excel also reads as a minus.
const STARTS = '[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe62\\ufe63\\ufe66\\ufe6b\\u2212]';
const FORMULA_LIKE = new RegExp(`^${LEADING}${STARTS}`);

/** Text that a spreadsheet would read as a formula (or a signed number) if it were typed. */
export function looksLikeFormula(v: unknown): boolean {
  return typeof v === 'string' && FORMULA_LIKE.test(v);
}
