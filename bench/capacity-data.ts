// Deterministic quarterly-planning data for the capacity bench: a backlog, teams and a mix as the host
// passes them (2-D arrays with a header row), from a seeded PRNG so every run plans the same backlog.
import { seeded } from './timing';

export interface CapacityData {
  readonly backlog: unknown[][];
  readonly teams: unknown[][];
  readonly mix: unknown[][];
}

export interface DataShape {
  readonly items: number;
  readonly teams: number;
  /** Share of items that depend on one to three earlier items (on any team). */
  readonly depShare?: number;
  /** Share of items committed. */
  readonly commitShare?: number;
  /** Team capacity as a share of the effort asked of it. */
  readonly tightness?: number;
  /** Include a Min share column (a platform floor of 10%). */
  readonly minShares?: boolean;
  readonly seed?: number;
}

const CATEGORIES = ['Growth', 'Brand', 'Experiments', 'Platform'];

export function capacityData(shape: DataShape): CapacityData {
  const rnd = seeded(shape.seed ?? 7);
  const { items: n, teams: nt } = shape;
  const depShare = shape.depShare ?? 0.3;
  const commitShare = shape.commitShare ?? 0.02;
  const teamNames = Array.from({ length: nt }, (_, t) => `Team ${String(t + 1).padStart(2, '0')}`);
  const demand = new Float64Array(nt);
  const backlog: unknown[][] = [['ID', 'Score', 'Effort', 'Team', 'Category', 'Depends on', 'Commit']];
  for (let i = 0; i < n; i++) {
    const team = Math.floor(rnd() * nt);
    // Efforts of 1–20 and scores roughly proportional to effort: the close value-per-effort ratios that
    // make knapsack-like plans hard to prove optimal.
    const effort = 1 + Math.floor(rnd() * 20);
    const score = Math.round(effort * (0.5 + 1.5 * rnd()) * 100) / 10;
    demand[team]! += effort;
    const r = rnd();
    const category = CATEGORIES[r < 0.4 ? 0 : r < 0.65 ? 1 : r < 0.8 ? 2 : 3]!;
    const deps: string[] = [];
    if (i > 0 && rnd() < depShare) {
      const k = 1 + Math.floor(rnd() * 3);
      for (let d = 0; d < k; d++) {
        // Mostly recent items, as real dependencies cluster around one initiative.
        const j = Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 50)));
        const id = `M-${j + 1}`;
        if (!deps.includes(id)) deps.push(id);
      }
    }
    backlog.push([`M-${i + 1}`, score, effort, teamNames[team], category, deps.join(', '), rnd() < commitShare ? 'yes' : '']);
  }
  const tight = shape.tightness ?? 0.5;
  const teams: unknown[][] = [['Team', 'Capacity'], ...teamNames.map((t, k) => [t, Math.round(demand[k]! * tight)])];
  const mix: unknown[][] = shape.minShares
    ? [['Category', 'Max share', 'Min share'], ['Experiments', 0.12, ''], ['Brand', 0.3, ''], ['Platform', '', 0.15]]
    : [['Category', 'Max share'], ['Experiments', 0.12], ['Brand', 0.3]];
  return { backlog, teams, mix };
}
