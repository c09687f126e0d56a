// Formula text in each host's syntax. The sidebar describes a formula as a catalog call over table columns
// (protocol/bridge.ts Formula); a bridge knows where those columns are and renders it here, so the syntax
// rules live in one place: the AGILE. namespace in Excel, the AGILE_ prefix in Sheets, and how several columns that
// are not side by side become one criteria argument.
import { type RangePos, parseRange, rangeA1, sheetA1 } from './a1';
import type { Formula, FormulaArg } from './bridge';

export interface Dialect {
  /** 'AGILE.' in Excel, 'AGILE_' in Sheets (FUNCTIONS.md: Sheets has no namespaces). */
  readonly prefix: string;
  /** Columns that are not side by side: Excel's HSTACK(a,b) or Sheets' array literal {a, b}. */
  readonly stack: 'hstack' | 'braces';
  /** Between arguments. */
  readonly separator: string;
}

export const EXCEL_DIALECT: Dialect = { prefix: 'AGILE.', stack: 'hstack', separator: ',' };
export const SHEETS_DIALECT: Dialect = { prefix: 'AGILE_', stack: 'braces', separator: ', ' };

export function dialectFor(functionPrefix: string): Dialect {
  return functionPrefix === SHEETS_DIALECT.prefix ? SHEETS_DIALECT : { ...EXCEL_DIALECT, prefix: functionPrefix };
}

export interface PlacedRange {
  readonly sheet: string;
  readonly range: RangePos;
}

export interface RenderContext {
  /** The sheet the formula is written on: references to it need no sheet name. */
  readonly sheet: string;
  /** Where the data rows of the named columns are, in the order asked. Throws when one is missing. */
  readonly columns: (headers: readonly string[], table: string | undefined) => PlacedRange[];
}

/** Adjacent single columns over the same rows become one range (C2:E41), which every host reads fastest. */
export function mergeAdjacent(ranges: readonly PlacedRange[]): PlacedRange[] {
  const out: PlacedRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (
      last &&
      last.sheet === r.sheet &&
      last.range.top === r.range.top &&
      last.range.bottom === r.range.bottom &&
      last.range.right + 1 === r.range.left
    ) {
      out[out.length - 1] = { sheet: last.sheet, range: { ...last.range, right: r.range.right } };
    } else out.push(r);
  }
  return out;
}

function reference(r: PlacedRange, ctx: RenderContext): string {
  const a1 = rangeA1(r.range);
  return r.sheet === ctx.sheet ? a1 : sheetA1(r.sheet, a1);
}

function literal(v: number | string): string {
  return typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`;
}

function renderArg(arg: FormulaArg, d: Dialect, ctx: RenderContext): string {
  switch (arg.kind) {
    case 'number':
    case 'text':
      return literal(arg.value);
    case 'array':
      return `{${arg.values.map(literal).join(d.separator)}}`;
    case 'omitted':
      return '';
    case 'range': {
      const range = parseRange(arg.address);
      if (!range) throw new Error(`"${arg.address}" is not an A1 range`);
      return reference({ sheet: arg.sheet, range }, ctx);
    }
    case 'columns': {
      const refs = mergeAdjacent(ctx.columns(arg.headers, arg.table)).map((r) => reference(r, ctx));
      if (refs.length === 1) return refs[0]!;
      return d.stack === 'hstack' ? `HSTACK(${refs.join(d.separator)})` : `{${refs.join(d.separator)}}`;
    }
  }
}

/** The formula text, leading '=' included. Trailing omitted arguments are dropped. */
export function renderFormula(f: Formula, d: Dialect, ctx: RenderContext): string {
  const args = [...f.args];
  while (args.length && args[args.length - 1]!.kind === 'omitted') args.pop();
  return `=${d.prefix}${f.fn.toUpperCase()}(${args.map((a) => renderArg(a, d, ctx)).join(d.separator)})`;
}
