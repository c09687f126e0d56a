// Whole-number options (top_n, trials). A fraction or a value out of range is a call error rather than a
// silent rounding, because it is the same mistake for every row.
import { CallError, optionNumber } from '../cells';

export function optionCount(value: unknown, arg: string, fallback: number, max = Infinity): number {
  const x = optionNumber(value, arg, fallback);
  if (!Number.isInteger(x) || x < 1 || x > max) {
    const range = max === Infinity ? 'of 1 or more' : `from 1 to ${max}`;
    throw new CallError(`${arg} must be a whole number ${range} (got ${x})`);
  }
  return x;
}
