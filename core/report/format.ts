// Numbers for people: each KPI in its unit, shares as percentages, money in K and M. Formatting is
// locale-independent on purpose: the same input gives the same page on every machine.

import { matchKey } from '../keys';

export type Tone = 'good' | 'warn' | 'bad' | 'idle';

/** A finite number, or null for anything else (blank, text, NaN, an error). */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function grouped(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.') as [string, string | undefined];
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? '−' : ''}${withCommas}${frac ? `.${frac}` : ''}`;
}

/** Fewest decimals that still show the value: 2.5 stays 2.5, 3 stays 3. */
function trim(n: number, max: number): string {
  return grouped(n, max).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

export function formatPercent(v: unknown, decimals = 0): string {
  const n = num(v);
  if (n === null) return '—';
  const small = Math.abs(n) < 0.1 && n !== 0 && decimals === 0;
  return `${trim(n * 100, small ? 1 : decimals)}%`;
}

export function formatMoney(v: unknown): string {
  const n = num(v);
  if (n === null) return '—';
  const a = Math.abs(n);
  if (a >= 1e6) return `$${trim(n / 1e6, 2)}M`;
  if (a >= 1e4) return `$${trim(n / 1e3, 0)}K`;
  return `$${trim(n, 0)}`;
}

/** A KPI value in its unit. */
export function formatValue(v: unknown, unit: string | undefined): string {
  const n = num(v);
  if (n === null) return '—';
  switch ((unit ?? '').trim().toLowerCase()) {
    case '%':
      return formatPercent(n);
    case '$':
      return formatMoney(n);
    case 'days':
      return `${trim(n, 1)} d`;
    case 'per week':
      return `${trim(n, 2)}/wk`;
    default:
      return trim(n, 2);
  }
}

/** Relative change per period, signed. */
export function formatTrend(v: unknown): string {
  const n = num(v);
  if (n === null) return '—';
  const p = n * 100;
  return `${p >= 0.05 ? '+' : p <= -0.05 ? '−' : '±'}${grouped(Math.abs(p), 1)}%`;
}

// A Map, not an object: a status typed as "constructor" or "__proto__" must be an unknown status, not a
// lookup of Object.prototype (issue 12.12).
const STATUS_TONES: ReadonlyMap<string, Tone> = new Map([
  ['on track', 'good'],
  ['at risk', 'warn'],
  ['off track', 'bad'],
  ['planned', 'good'],
  ['cut', 'bad'],
  ['done', 'good'],
  ['in progress', 'warn'],
]);

export function statusTone(status: unknown): Tone {
  return STATUS_TONES.get(matchKey(String(status ?? ''))) ?? 'idle';
}

/** Whether a trend is good news: rising for "higher" KPIs, falling for "lower" ones. Flat is idle. */
export function trendTone(trend: unknown, direction: unknown): Tone {
  const n = num(trend);
  if (n === null || Math.abs(n) < 0.005) return 'idle';
  const lower = String(direction ?? '').trim().toLowerCase() === 'lower';
  return (n > 0) !== lower ? 'good' : 'bad';
}
