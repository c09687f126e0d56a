// A parser for the formulas the add-in writes (and the catalog formulas a template carries): catalog calls,
// nested calls, A1 ranges with or without a sheet, numbers, text, TRUE/FALSE, array constants, Excel's
// HSTACK and Sheets' {range, range}. Anything else (SUM, operators) is "unsupported", and the playground
// then keeps the result cached in the file rather than guessing.
import { type RangePos, parseRange } from '../protocol/a1';

export type Node =
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'omit' }
  | { readonly t: 'ref'; readonly sheet: string | undefined; readonly range: RangePos }
  | { readonly t: 'call'; readonly name: string; readonly args: readonly Node[] }
  | { readonly t: 'array'; readonly rows: readonly (readonly Node[])[] };

export class Unsupported extends Error {}

/**
 * Excel allows 64 levels of nested functions, and a formula deeper than that cannot come from a host; the
 * parser and the evaluator recurse per level, so a limit also keeps a hostile file from exhausting the stack.
 */
export const MAX_NESTING = 64;

/** A formula nested deeper than MAX_NESTING: an error in its cell, with the reason. */
export class TooDeep extends Error {
  constructor() {
    super(`this formula nests functions more than ${MAX_NESTING} levels deep, which Excel does not allow either: split it over several cells`);
  }
}

const TOKEN = /\s*(?:("(?:[^"]|"")*")|('(?:[^']|'')+')|(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_$][A-Za-z0-9_.$]*)|(.))/y;

interface Token {
  readonly kind: 'str' | 'quoted' | 'num' | 'id' | 'punct';
  readonly text: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || TOKEN.lastIndex === start) break;
    if (m[1] !== undefined) out.push({ kind: 'str', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2] !== undefined) out.push({ kind: 'quoted', text: m[2].slice(1, -1).replace(/''/g, "'") });
    else if (m[3] !== undefined) out.push({ kind: 'num', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'id', text: m[4] });
    else if (m[5] !== undefined && m[5].trim()) out.push({ kind: 'punct', text: m[5] });
  }
  return out;
}

export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^\s*=/, ''));
  let i = 0;
  let depth = 0;
  const peek = (k = 0) => tokens[i + k];
  const isPunct = (text: string, k = 0) => peek(k)?.kind === 'punct' && peek(k)!.text === text;
  const expect = (text: string) => {
    if (!isPunct(text)) throw new Unsupported(`expected "${text}"`);
    i++;
  };

  function ref(sheet: string | undefined): Node {
    const a = peek();
    if (a?.kind !== 'id') throw new Unsupported('expected a cell reference');
    i++;
    let text = a.text;
    if (isPunct(':')) {
      i++;
      const b = peek();
      if (b?.kind !== 'id' && b?.kind !== 'num') throw new Unsupported('expected a range end');
      i++;
      text += `:${b.text}`;
    }
    const range = parseRange(text.replace(/\$/g, ''));
    if (!range) throw new Unsupported(`"${text}" is not a range`);
    return { t: 'ref', sheet, range };
  }

  function args(close: string, rowSep: string | null): Node[][] {
    if (++depth > MAX_NESTING) throw new TooDeep();
    try {
      return argList(close, rowSep);
    } finally {
      depth--;
    }
  }

  function argList(close: string, rowSep: string | null): Node[][] {
    const rows: Node[][] = [[]];
    if (isPunct(close)) {
      i++;
      return [[]];
    }
    for (;;) {
      const omitted = isPunct(',') || isPunct(close);
      rows[rows.length - 1]!.push(omitted ? { t: 'omit' } : expr());
      if (isPunct(',') || (close === '}' && isPunct('\\'))) i++;
      else if (rowSep && isPunct(rowSep)) {
        i++;
        rows.push([]);
      } else {
        expect(close);
        return rows;
      }
    }
  }

  function expr(): Node {
    const tok = peek();
    if (!tok) throw new Unsupported('unexpected end');
    if (tok.kind === 'num') {
      i++;
      return { t: 'num', v: Number(tok.text) };
    }
    if (tok.kind === 'str') {
      i++;
      return { t: 'str', v: tok.text };
    }
    if (tok.kind === 'punct' && tok.text === '-' && peek(1)?.kind === 'num') {
      i += 2;
      return { t: 'num', v: -Number(tokens[i - 1]!.text) };
    }
    if (tok.kind === 'punct' && tok.text === '{') {
      i++;
      return { t: 'array', rows: args('}', ';') };
    }
    if (tok.kind === 'quoted' || (tok.kind === 'id' && isPunct('!', 1))) {
      i += 2;
      return ref(tok.text);
    }
    if (tok.kind === 'id') {
      if (isPunct('(', 1)) {
        i += 2;
        return { t: 'call', name: tok.text, args: args(')', null)[0]! };
      }
      const upper = tok.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') {
        i++;
        return { t: 'bool', v: upper === 'TRUE' };
      }
      return ref(undefined);
    }
    throw new Unsupported(`unexpected "${tok.text}"`);
  }

  const node = expr();
  if (i !== tokens.length) throw new Unsupported('operators are not evaluated by the playground');
  return node;
}

/**
 * The catalog name of a call as written in either host (AGILE.RICE, _xldudf_AGILE_RICE, AGILE_RICE), or
 * undefined for a bare name: neither host knows RICE without its namespace or prefix.
 */
export function catalogName(name: string): string | undefined {
  return /^(?:_XLDUDF_AGILE_|AGILE\.|AGILE_)(.+)$/.exec(name.toUpperCase())?.[1];
}
