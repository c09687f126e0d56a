// The ranking order shared by PRIORITY_RANK and RANK_CONFIDENCE: higher score first; then the lower tiebreak
// key (callers negate keys for "desc" and use +Infinity for a missing tiebreak); then the earlier row.
// rankComparator defines the order. rankOrder sorts whole columns by it, with an LSD radix sort on large
// inputs because a comparator sort of a million rows costs more than everything else the function does.

/**
 * Negative when row a ranks ahead of row b. Scores and keys are never NaN, so a difference is 0 only for
 * equal values; two +Infinity keys give NaN, which is falsy and falls through to the row order.
 */
export function rankComparator(score: Float64Array, key: Float64Array | null): (a: number, b: number) => number {
  return key === null
    ? (a, b) => score[b]! - score[a]! || a - b
    : (a, b) => score[b]! - score[a]! || key[a]! - key[b]! || a - b;
}

/** Below this many rows a comparator sort is cheaper than the radix sort's 64K-entry histograms. */
export const RADIX_FROM = 4096;

/**
 * Sorts `rows` (ascending indices into score and key, i.e. in row order) into ranking order. Returns the
 * sorted rows, which may be a new array; `rows` itself may be used as scratch space.
 */
export function rankOrder(score: Float64Array, key: Float64Array | null, rows: Uint32Array, radixFrom = RADIX_FROM): Uint32Array {
  if (rows.length < radixFrom) return rows.sort(rankComparator(score, key));
  // LSD: stable passes from the least significant key up; `rows` already holds the row order.
  let order = rows;
  if (key !== null) order = radixByValue(order, key, false);
  return radixByValue(order, score, true);
}

const probe = new Float64Array(1);
const probeWords = new Uint32Array(probe.buffer);
probe[0] = 1;
/** Which 32-bit half of a double holds the sign and exponent on this platform. */
const HI = probeWords[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/**
 * A stable sort of `rows` by values[row], ascending or descending. Each double becomes two 32-bit words
 * whose unsigned order is the numeric order (negative numbers have every bit flipped, others only the sign
 * bit), sorted 16 bits at a time; a pass where every row has the same digit is skipped.
 */
function radixByValue(rows: Uint32Array, values: Float64Array, descending: boolean): Uint32Array {
  const m = rows.length;
  if (m < 2) return rows;
  let hi = new Uint32Array(m);
  let lo = new Uint32Array(m);
  let idx: Uint32Array = rows;
  for (let i = 0; i < m; i++) {
    // + 0 turns -0 into +0, which the comparator treats as equal.
    probe[0] = values[idx[i]!]! + 0;
    let h = probeWords[HI]!;
    let l = probeWords[LO]!;
    if (h >>> 31) {
      h = ~h;
      l = ~l;
    } else {
      h |= 0x80000000;
    }
    if (descending) {
      h = ~h;
      l = ~l;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let hi2 = new Uint32Array(m);
  let lo2 = new Uint32Array(m);
  let idx2: Uint32Array = new Uint32Array(m);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < m; i++) count[(word[i]! >>> shift) & 0xffff]!++;
    if (count[(word[0]! >>> shift) & 0xffff] === m) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const p = count[(word[i]! >>> shift) & 0xffff]!++;
      hi2[p] = hi[i]!;
      lo2[p] = lo[i]!;
      idx2[p] = idx[i]!;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}
