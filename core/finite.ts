// Nothing is ever a silently wrong number (FUNCTIONS.md "Finite numbers only"): a result that overflows
// (1e308 × 10) or is not a number (0 ÷ 0 after an underflow) becomes a row error with a message, in every
// catalog function at once. The catalog wraps each implementation here, so every caller (both add-ins,
// the sidebar, the playground's evaluator) gets the same guarded results.
import { CellError, type Out, valueError } from './cells';
import type { FunctionSpec } from './function-spec';

function notFinite(x: number): CellError {
  return valueError(
    Number.isNaN(x)
      ? 'this result is not a number: an input is too large, or a divisor too close to 0, for the calculation; check the inputs of this row'
      : `this result is ${x > 0 ? '' : 'minus '}infinity (it overflows): an input is too large, or a divisor too close to 0; check the inputs of this row`,
  );
}

/** The result with every number that is not finite replaced by a row error. Arrays are fixed in place. */
export function finiteResult(result: Out | Out[][]): Out | Out[][] {
  if (typeof result === 'number') return result - result === 0 ? result : notFinite(result);
  if (!Array.isArray(result)) return result;
  for (const row of result) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === 'number' && v - v !== 0) row[j] = notFinite(v);
    }
  }
  return result;
}

/** The same catalog entry, its results guarded by finiteResult. */
export function withFiniteResults(spec: FunctionSpec): FunctionSpec {
  const impl = spec.impl;
  return { ...spec, impl: (...args: unknown[]) => finiteResult(impl(...args)) };
}
