// How names people type are compared: IDs, teams, categories, headers and labels. Two that look the same
// are the same (FUNCTIONS.md "Tables by header"): case, Unicode composition (é typed as one character or
// as e + a combining accent), invisible characters pasted from the web or chat (zero-width spaces, joiners,
// the byte-order mark, soft hyphens) and spaces of any kind at the ends or doubled inside make no
// difference. Every comparison of user text goes through matchKey, and lookups keyed by it use Map or Set,
// never a plain object, so a name such as "constructor" is only ever a name.

// Zero-width space/non-joiner/joiner, word joiner, invisible operators, the BOM and the soft hyphen:
// characters with no glyph that make "M-1" and "M-1\u200b" look the same but compare different.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g;
// Every space a cell can hold (no-break, narrow no-break, ideographic, tabs, line breaks) counts as a space.
const SPACES = /\s+/g;

/** The comparison key of a name: NFC, invisible characters removed, spaces folded and trimmed, lower case. */
export function matchKey(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim().toLowerCase();
}
