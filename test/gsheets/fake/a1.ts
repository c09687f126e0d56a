// A1 notation for the fake (1-based rows and columns, as Apps Script's getRange(row, column, ...) takes them).
export interface Box {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colNumber(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** 'B2', 'B2:D9', '$B$2:$D$9', 'C:C' (whole column, to maxRows), '2:2'. Sheet-name prefixes are not accepted here. */
export function parseA1(a1: string, maxRows: number, maxCols: number): Box {
  const parts = a1.replace(/\$/g, '').toUpperCase().split(':');
  const end = (p: string, last: boolean) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found`);
    return { col: m[1] ? colNumber(m[1]) : last ? maxCols : 1, row: m[2] ? Number(m[2]) : last ? maxRows : 1 };
  };
  const a = end(parts[0]!, false);
  const b = parts[1] === undefined ? a : end(parts[1], true);
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

export function toA1(b: Box): string {
  const a = `${letters(b.col)}${b.row}`;
  return b.rows === 1 && b.cols === 1 ? a : `${a}:${letters(b.col + b.cols - 1)}${b.row + b.rows - 1}`;
}
