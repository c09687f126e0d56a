// How Excel hands cells to a custom function, from functions.json's two top-level flags. Cells are held as
// the data types API shapes them (an error cell is an ErrorCellValue, a formatted number a
// FormattedNumberCellValue, an entity an EntityCellValue). Each rule is pinned, with its source, in
// test/excel/custom-functions-inputs.test.ts.

export interface FunctionsMetadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
}

type Cell = unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isError = (v: unknown) => isObject(v) && v.type === 'Error';

function cells(arg: unknown): unknown[] {
  return Array.isArray(arg) ? (arg as unknown[]).flatMap((row) => (Array.isArray(row) ? row : [row])) : [arg];
}

function map(arg: unknown, f: (v: Cell) => Cell): unknown {
  return Array.isArray(arg) ? (arg as unknown[]).map((row) => (Array.isArray(row) ? row.map(f) : f(row))) : f(arg);
}

/**
 * Calls `fn` as Excel would with these arguments, or returns the error Excel shows without calling it.
 * - Without allowErrorForDataTypeAny, a function whose input holds an error is not called: the cell shows
 *   that error (the first one, reading the arguments in order).
 * - Without allowCustomDataForDataTypeAny, a data type arrives as its basic value (an entity's is #VALUE!,
 *   so such an argument is an error input); with it, the cell value object arrives as it is.
 */
export async function callAsExcel(meta: FunctionsMetadata, fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Promise<unknown> {
  const plain = (v: Cell): Cell => (isObject(v) && typeof v.type === 'string' && 'basicValue' in v ? v.basicValue : isObject(v) && v.type === 'Entity' ? { type: 'Error', errorType: 'Value', basicValue: '#VALUE!' } : v);
  const given = meta.allowCustomDataForDataTypeAny ? [...args] : args.map((a) => map(a, (v) => (isError(v) ? v : plain(v))));
  if (!meta.allowErrorForDataTypeAny) {
    for (const a of given) {
      const e = cells(a).find(isError) as { basicValue: string } | undefined;
      if (e) return { shown: e.basicValue, called: false };
    }
  }
  try {
    return { shown: await fn(...given), called: true };
  } catch (e) {
    return { shown: e, called: true };
  }
}

export const div0 = { type: 'Error', errorType: 'Div0', basicValue: '#DIV/0!' } as const;
export const notAvailable = { type: 'Error', errorType: 'NotAvailable', basicValue: '#N/A' } as const;
export const formatted = (n: number, numberFormat: string) => ({ type: 'FormattedNumber', basicValue: n, numberFormat }) as const;
export const entity = (text: string) => ({ type: 'Entity', text, properties: {} }) as const;
