// Calling catalog functions from the sidebar. The sidebar computes every number it shows with the same
// functions the cells use, so a preview and the written formula can never disagree. A function that this
// build does not have yet, or a call error, becomes a message instead of an exception in the UI.
import { CallError, CellError, type Out } from '../core/cells';
import { findFunction } from '../core/catalog';
import type { Scalar } from '../protocol/bridge';

export type Called<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function hasFunction(name: string): boolean {
  return findFunction(name) !== undefined;
}

export function call(name: string, ...args: unknown[]): Called<Out | Out[][]> {
  const spec = findFunction(name);
  if (!spec) return { ok: false, message: `${name} is not in this build of the catalog yet` };
  try {
    return { ok: true, value: spec.impl(...args) };
  } catch (e) {
    if (e instanceof CallError) return { ok: false, message: `${name}: ${e.message}` };
    throw e;
  }
}

/** A row-wise function's result as one value per row. */
export function callColumn(name: string, ...args: unknown[]): Called<Out[]> {
  const r = call(name, ...args);
  if (!r.ok) return r;
  const v = r.value;
  return { ok: true, value: Array.isArray(v) ? v.map((row) => row[0]!) : [v] };
}

export function callSingle(name: string, ...args: unknown[]): Called<Out> {
  const r = call(name, ...args);
  if (!r.ok) return r;
  const v = r.value;
  return { ok: true, value: Array.isArray(v) ? (v[0]?.[0] ?? '') : v };
}

/** A column of values as the 2-D range a catalog function takes. */
export function asColumn(values: readonly unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** A result cell as a cell value: errors become the text Sheets shows ("#VALUE! effort must be ..."). */
export function outToScalar(v: Out): Scalar {
  return v instanceof CellError ? `${v.code} ${v.message}` : v;
}

export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
