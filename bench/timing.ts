// Timing helpers: figures are ratios against a baseline run in the same process, alternating the two so
// a noisy neighbour slows both alike. Never compare a wall-clock figure with a fixed number.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function timeOnce(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** Median times of `ours` and `baseline`, run alternately `rounds` times after one warm-up each. */
export function compare(ours: () => unknown, baseline: () => unknown, rounds = 7): { ours: number; baseline: number; ratio: number } {
  ours();
  baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(timeOnce(ours));
    b.push(timeOnce(baseline));
  }
  const o = median(a);
  const base = median(b);
  return { ours: o, baseline: base, ratio: o / base };
}

/** A small seeded PRNG (mulberry32): the same figures come from the same data on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
