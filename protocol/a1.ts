// A1 addresses, shared by the bridges and the formula renderer. Rows and columns are 0-based inside the
// code and 1-based only in the text users see.

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface RangePos {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeA1(r: RangePos): string {
  const a = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(a1: string): CellPos | undefined {
  const m = CELL.exec(a1.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : undefined;
}

export function parseRange(a1: string): RangePos | undefined {
  const [a, b] = a1.split(':');
  const p = a === undefined ? undefined : parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A sheet name as formulas need it: quoted when it is not a plain identifier, quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetA1(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
