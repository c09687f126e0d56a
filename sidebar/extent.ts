// The smallest and largest of a column of numbers, for the sidebar's charts and models. A loop, not
// Math.min(...xs): spreading a column of 100,000 or more arguments can overflow the call stack.

/** [min, max] of xs; [Infinity, -Infinity] when xs is empty. */
export function extent(xs: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
