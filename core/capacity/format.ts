// Numbers in sentences, and the one tolerance every capacity comparison uses. Kept apart from the
// explanations so the table readers can use them without importing the planner.

/** A number for a sentence: at most two decimals, so 3.3333 reads "3.33" (results elsewhere stay unrounded). */
export function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** A share as a percentage: 0.2 → "20%". */
export function pct(share: number): string {
  return `${fmt(share * 100)}%`;
}

/** Tolerance for sums of efforts such as 0.1 + 0.2, so an exact fit is not cut by rounding. */
export function fits(load: number, cap: number): boolean {
  return load <= cap + 1e-9 * Math.max(1, Math.abs(cap));
}
