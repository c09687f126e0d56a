// Percentiles the way Excel's PERCENTILE.INC and Sheets' PERCENTILE compute them, so a figure in the
// scorecard can be checked against the sheet's own formula.

/** PERCENTILE.INC of ascending-sorted values: linear interpolation at rank (n − 1) × p. p in [0, 1], n ≥ 1. */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo + 1 >= sorted.length) return below;
  return below + (h - lo) * (sorted[lo + 1]! - below);
}
