// Excel's structured references (Backlog[Reach], [@Effort], Backlog[[#This Row],[Effort]]) in A1 form, so
// the engine, which has no Excel tables, computes a file's table formulas live. The file keeps its own
// spelling: the live book remembers the original text and saves it back while the formula is unchanged.
// A reference this cannot resolve (an unknown table or column, a #Totals row that is not there) leaves
// the formula as it was, and the engine shows its own error for it.
import { cellA1, columnLetters, quoteSheet } from '../../protocol/a1';
import { matchKey } from '../../core/keys';

export interface TableGeometry {
  readonly name: string;
  readonly sheet: string;
  /** 0-based header row (or first data row of a headerless table), columns, and last row incl. totals. */
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly headers: readonly string[];
}

/** A bracketed group: [ ... ] with nested brackets, where ' escapes the next character. */
function bracketEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

const unescape = (s: string) => s.replace(/'(.)/g, '$1');

interface Parts {
  readonly items: Set<string>;
  readonly first?: string;
  readonly last?: string;
}

/** The inside of Table[...]: specials (#This Row, #Data…, @) and one column or a column span. */
function partsOf(inner: string): Parts | undefined {
  const items = new Set<string>();
  const cols: string[] = [];
  let rest = inner.trim();
  if (rest.startsWith('@')) {
    items.add('#this row');
    rest = rest.slice(1).trim();
    if (rest && !rest.startsWith('[')) return { items, first: unescape(rest), last: unescape(rest) };
  }
  if (!rest.startsWith('[')) {
    if (rest === '') return { items };
    if (rest.startsWith('#')) return { items: new Set([...items, rest.toLowerCase()]) };
    return { items, first: unescape(rest), last: unescape(rest) };
  }
  let i = 0;
  while (i < rest.length) {
    const ch = rest[i]!;
    if (ch === ',' || ch === ' ' || ch === ':') {
      i++;
      continue;
    }
    if (ch !== '[') return undefined;
    const end = bracketEnd(rest, i);
    if (end < 0) return undefined;
    const part = rest.slice(i + 1, end);
    if (part.startsWith('#')) items.add(part.toLowerCase());
    else cols.push(unescape(part));
    i = end + 1;
  }
  if (cols.length > 2) return undefined;
  return { items, ...(cols.length ? { first: cols[0], last: cols[cols.length - 1] } : {}) };
}

function rangeOf(t: TableGeometry, p: Parts, row: number, here: string): string | undefined {
  const col = (name: string | undefined, fallback: number) => {
    if (name === undefined) return fallback;
    const i = t.headers.findIndex((h) => matchKey(h) === matchKey(name));
    return i < 0 ? undefined : t.left + i;
  };
  const left = col(p.first, t.left);
  const right = col(p.last, t.right);
  if (left === undefined || right === undefined) return undefined;
  const header = t.headerRow ? t.top : undefined;
  const dataTop = t.headerRow ? t.top + 1 : t.top;
  const dataBottom = t.totalsRow ? t.bottom - 1 : t.bottom;
  let top = dataTop;
  let bottom = dataBottom;
  const items = p.items;
  if (items.has('#this row')) {
    if (row < dataTop || row > dataBottom) return undefined;
    top = bottom = row;
  } else if (items.has('#all')) {
    top = t.top;
    bottom = t.bottom;
  } else {
    const wantsHeaders = items.has('#headers');
    const wantsTotals = items.has('#totals');
    const wantsData = items.has('#data') || (!wantsHeaders && !wantsTotals);
    if (wantsHeaders && header === undefined) return undefined;
    if (wantsTotals && !t.totalsRow) return undefined;
    top = wantsHeaders ? header! : wantsData ? dataTop : t.bottom;
    bottom = wantsTotals ? t.bottom : wantsData ? dataBottom : header!;
  }
  const sheet = t.sheet === here ? '' : `${quoteSheet(t.sheet)}!`;
  const one = items.has('#this row');
  const a = (r: number, c: number) => (one ? cellA1(r, c) : `$${columnLetters(c)}$${r + 1}`);
  return top === bottom && left === right ? `${sheet}${a(top, left)}` : `${sheet}${a(top, left)}:${a(bottom, right)}`;
}

/**
 * The formula with every structured reference in A1 form, or undefined when it has none or one cannot
 * be resolved. `row` and `col` are the formula cell's (0-based), `sheet` its sheet.
 */
export function structuredToA1(formula: string, sheet: string, row: number, col: number, tables: readonly TableGeometry[]): string | undefined {
  if (!formula.includes('[')) return undefined;
  const byName = new Map(tables.map((t) => [matchKey(t.name), t]));
  const own = tables.find((t) => t.sheet === sheet && row >= t.top && row <= t.bottom && col >= t.left && col <= t.right);
  let out = '';
  let i = 0;
  let changed = false;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch !== '[') {
      out += ch;
      i++;
      continue;
    }
    // A table name right before the bracket, or none for a reference inside its own table ([@Effort]).
    const m = /([A-Za-z_\\][A-Za-z0-9_.\\]*)$/.exec(out);
    const name = m?.[1];
    const table = name ? byName.get(matchKey(name)) : own;
    const end = bracketEnd(formula, i);
    if (!table || end < 0) return undefined;
    const parts = partsOf(formula.slice(i + 1, end));
    const a1 = parts && rangeOf(table, parts, row, sheet);
    if (!a1) return undefined;
    out = (name ? out.slice(0, out.length - name.length) : out) + a1;
    i = end + 1;
    changed = true;
  }
  return changed ? out : undefined;
}
