import { CallError, type Out, optionNumber } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { optionCount } from './counts';
import { type Criteria, readCriteria, unitMatrix, weightedScore } from './normalize';
import { rankComparator } from './rank-order';

export const DEFAULT_TOP_N = 10;
export const DEFAULT_SPREAD = 0.25;
export const DEFAULT_TRIALS = 2000;
export const MAX_TRIALS = 100_000;

/** mulberry32: tiny, fast and good enough to jitter weights; Math.random could not be seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashDoubles(h: number, data: Float64Array): number {
  const words = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h;
}

/**
 * The seed is a hash of what the simulation actually uses (normalised values with directions applied,
 * weights and options), so recalculating gives the same shares and any input change draws a new stream.
 */
export function seedFor(c: Criteria, unit: Float64Array, topN: number, spread: number, trials: number): number {
  let h = 0x811c9dc5;
  h = hashDoubles(h, Float64Array.of(c.k, c.scored.length, topN, spread, trials));
  h = hashDoubles(h, c.weights);
  h = hashDoubles(h, unit);
  // murmur3's finaliser, so inputs that differ in one bit still seed unrelated streams.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Fills `heap` with the `top` rows of 0…m−1 that rank first under `cmp`, in no particular order. The root is
 * the weakest row held, so each later row costs one comparison unless it gets in: O(m log top) per trial
 * rather than a full sort.
 */
export function selectTop(cmp: (a: number, b: number) => number, m: number, top: number, heap: Uint32Array): void {
  let size = 0;
  for (let r = 0; r < m; r++) {
    let i: number;
    if (size < top) {
      i = size++;
      heap[i] = r;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[p]!) <= 0) break;
        const x = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = x;
        i = p;
      }
    } else if (cmp(r, heap[0]!) < 0) {
      heap[0] = r;
      i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && cmp(heap[c + 1]!, heap[c]!) > 0) c++;
        if (cmp(heap[c]!, heap[i]!) <= 0) break;
        const x = heap[i]!;
        heap[i] = heap[c]!;
        heap[c] = x;
        i = c;
      }
    }
  }
}

/** How many trials put each scored row (by position in c.scored) in the top `top`. */
export function countTopFinishes(c: Criteria, top: number, spread: number, trials: number): Uint32Array {
  const { k, weights } = c;
  const unit = unitMatrix(c);
  const m = c.scored.length;
  const counts = new Uint32Array(m);
  if (top === 0) return counts;
  const rand = mulberry32(seedFor(c, unit, top, spread, trials));
  const w = new Float64Array(k);
  const score = new Float64Array(m);
  // Positions follow row order, so ties go to the earlier row, as in PRIORITY_RANK without a tiebreak.
  const cmp = rankComparator(score, null);
  const heap = new Uint32Array(top);
  for (let trial = 0; trial < trials; trial++) {
    let wSum = 0;
    // A factor is drawn for every weight, zero or not, so the stream does not depend on which are zero.
    for (let j = 0; j < k; j++) {
      w[j] = weights[j]! * (1 - spread + 2 * spread * rand());
      wSum += w[j]!;
    }
    // Only spread 1 can draw a factor of exactly 0 for every weight: then no row outscores another.
    if (wSum > 0) for (let r = 0; r < m; r++) score[r] = weightedScore(unit, k, r, w, wSum);
    else score.fill(0);
    selectTop(cmp, m, top, heap);
    for (let i = 0; i < top; i++) counts[heap[i]!]!++;
  }
  return counts;
}

/** RANK_CONFIDENCE as plain data: one share of trials per criteria row. */
export function rankConfidence(
  criteria: unknown,
  weights: unknown,
  directions?: unknown,
  topN?: unknown,
  spread?: unknown,
  trials?: unknown,
): Out[][] {
  const askedTop = optionCount(topN, 'top_n', DEFAULT_TOP_N);
  const jitter = optionNumber(spread, 'spread', DEFAULT_SPREAD);
  if (!(jitter >= 0 && jitter <= 1)) {
    throw new CallError(`spread must be from 0 to 1 (got ${jitter}): 0.25 or 25% lets each weight move by up to a quarter`);
  }
  const runs = optionCount(trials, 'trials', DEFAULT_TRIALS, MAX_TRIALS);
  const c = readCriteria(criteria, weights, directions);
  const m = c.scored.length;
  const top = Math.min(askedTop, m);
  const counts = countTopFinishes(c, top, jitter, runs);
  const out: Out[][] = new Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const skip = c.skipped[i];
    if (skip !== undefined) out[i] = [skip];
  }
  for (let r = 0; r < m; r++) out[c.scored[r]!] = [counts[r]! / runs];
  return out;
}

export const RANK_CONFIDENCE: FunctionSpec = {
  name: 'RANK_CONFIDENCE',
  section: 'Prioritization',
  summary: 'How often each row stays in the top N of WEIGHTED_SCORE when the weights are randomly shaken.',
  params: [
    { name: 'criteria', shape: 'range', help: 'One row per item, one column per criterion, as for WEIGHTED_SCORE.' },
    { name: 'weights', shape: 'range', help: 'One weight per criterion column (a row or a column); 0 or more, at least one above 0.' },
    {
      name: 'directions',
      shape: 'range',
      optional: true, omitted: 'higher is better for every criterion',
      help: 'One per criterion: "higher" (default) or "lower"; also +/- or 1/-1.',
    },
    { name: 'top_n', shape: 'value', optional: true, omitted: '10', help: 'Size of the top group, a whole number of 1 or more (default 10).' },
    {
      name: 'spread',
      shape: 'value',
      optional: true, omitted: '0.25',
      help: 'How far each weight may move, from 0 to 1: 0.25 (default) multiplies it by a random factor from 0.75 to 1.25.',
    },
    { name: 'trials', shape: 'value', optional: true, omitted: '2000', help: 'Number of random trials, 1 to 100000 (default 2000).' },
  ],
  result: 'column',
  returns: 'One share from 0 to 1 per scored row (1: always in the top N); the shares add up to top_n; blank rows stay blank.',
  example: 'RANK_CONFIDENCE(C2:F40, H2:K2, H3:K3, 10, 0.25, 2000)',
  notes: [
    'The contract gives RANK_CONFIDENCE no scale arguments, so criteria are scaled relative to the scored rows, as WEIGHTED_SCORE does without scale_min and scale_max; its ranking can differ from a WEIGHTED_SCORE column computed with a fixed scale.',
    'A top_n larger than the number of scored rows is reduced to that number, so every scored row gets 1.',
    'The random stream (mulberry32) is seeded from a hash of the scaled criteria, the weights and the options: the same inputs always give the same shares, and any change draws a new stream.',
    'Each share is a count of trials divided by trials, so shares move in steps of 1/trials and add up to top_n up to floating-point rounding.',
    'A weight of 0 stays 0 in every trial. A factor is drawn per weight, independently; only with spread 1 can a factor be 0.',
    'Within a trial, equal scores rank the earlier row first, as PRIORITY_RANK does without a tiebreak.',
    'Row errors, blank rows and the checks on weights and directions are those of WEIGHTED_SCORE; rows in error take no part in any trial.',
  ],
  impl: (criteria, weights, directions, topN, spread, trials) =>
    rankConfidence(criteria, weights, directions, topN, spread, trials),
};
