// Rank confidence for every framework through the one catalog function RANK_CONFIDENCE, which perturbs the
// weights of a weighted score. For weighted criteria that is direct. For the formula frameworks the score
// is a product or ratio of factors, so its logarithm is a sum: log RICE = log reach + log impact +
// log confidence − log effort. WEIGHTED_SCORE scales each criterion by its min–max range, so giving each
// log-criterion a weight equal to its range makes the weighted score a monotone function of the framework's
// score (same ranking), and perturbing those weights asks "does the top N hold if one factor counts ±25%
// more or less?", which is the robustness question a leader means.
import type { Out } from '../../core/cells';
import type { Scalar, TableData } from '../../protocol/bridge';
import { isNumber } from '../catalog-call';
import { extent } from '../extent';
import { findFramework } from './frameworks';
import { columnValues } from './mapping';
import type { Setup } from './preview';

export interface ConfidenceInputs {
  readonly criteria: (number | string)[][];
  readonly weights: number[];
  readonly directions: string[];
}

function toNumber(v: Scalar | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))(%?)\s*$/.exec(v);
  return m ? Number(m[1]) / (m[2] ? 100 : 1) : null;
}

interface Factor {
  readonly values: (number | null)[];
  readonly direction: 'higher' | 'lower';
}

/** Logs of a factor; zeros and below become half the smallest positive value, so log stays finite. */
function logged(values: readonly (number | null)[]): (number | null)[] {
  const positive = values.filter((v): v is number => v !== null && v > 0);
  const floor = positive.length ? extent(positive)[0] / 2 : 1e-9;
  return values.map((v) => (v === null ? null : Math.log(Math.max(v, floor))));
}

function factors(table: TableData, setup: Setup): { factors: Factor[]; log: boolean } | null {
  const fw = findFramework(setup.framework);
  const col = (key: string) => columnValues(table, setup.mapping[key] ?? '').map(toNumber);
  switch (fw.id) {
    case 'WEIGHTED':
      return null;
    case 'RICE':
      return {
        log: true,
        factors: [
          { values: col('reach'), direction: 'higher' },
          { values: col('impact'), direction: 'higher' },
          { values: col('confidence'), direction: 'higher' },
          { values: col('effort'), direction: 'lower' },
        ],
      };
    case 'ICE':
      return {
        log: setup.iceMethod === 'multiply',
        factors: ['impact', 'confidence', 'ease'].map((k) => ({ values: col(k), direction: 'higher' as const })),
      };
    case 'WSJF': {
      const [v, t, r] = [col('value'), col('time'), col('risk')];
      const cod = v.map((x, i) => (x === null || t[i] === null || r[i] === null ? null : x + t[i]! + r[i]!));
      return { log: true, factors: [{ values: cod, direction: 'higher' }, { values: col('size'), direction: 'lower' }] };
    }
    case 'CD3':
      return { log: true, factors: [{ values: col('cod'), direction: 'higher' }, { values: col('duration'), direction: 'lower' }] };
  }
}

export function confidenceInputs(table: TableData, setup: Setup, scores: readonly Out[]): ConfidenceInputs | null {
  const scored = scores.map(isNumber);
  if (scored.filter(Boolean).length < 2) return null;
  if (setup.framework === 'WEIGHTED') {
    const used = setup.criteria.filter((c) => c.use);
    const cols = used.map((c) => columnValues(table, c.header));
    return {
      criteria: table.rows.map((_, r) => cols.map((c) => (scored[r] ? (c[r] as number | string) : ''))),
      weights: used.map((c) => c.weight),
      directions: used.map((c) => c.direction),
    };
  }
  const f = factors(table, setup);
  if (!f) return null;
  const cols = f.factors.map((x) => (f.log ? logged(x.values) : x.values));
  const weights = cols.map((c) => {
    const xs = c.filter((v, r): v is number => v !== null && scored[r]!);
    if (!xs.length) return 0;
    const [lo, hi] = extent(xs);
    return hi - lo;
  });
  if (!weights.some((w) => w > 0)) return null;
  return {
    criteria: table.rows.map((_, r) => cols.map((c) => (scored[r] && c[r] !== null ? c[r]! : ''))),
    weights,
    directions: f.factors.map((x) => x.direction),
  };
}
