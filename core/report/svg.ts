// The report's inline pictures. Every number that reaches an attribute is computed here and rounded;
// colours come from the fixed tone palette, never from input.
import { type Tone, num } from './format';

export const TONE_INK: Readonly<Record<Tone, string>> = { good: '#1E7B45', warn: '#A86B00', bad: '#B83227', idle: '#6B7883' };
export const TONE_WASH: Readonly<Record<Tone, string>> = { good: '#E2F3E7', warn: '#FCEFD2', bad: '#FADFDB', idle: '#EDF0F2' };

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A line over the readings; gaps where a period is missing; the latest point marked in the status colour. */
export function sparkline(series: readonly unknown[] | undefined, tone: Tone, width = 84, height = 22): string {
  const values = (series ?? []).map(num);
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '<span class="none">—</span>';
  const pad = 3;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => r1(values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => r1(max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / (max - min));
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i)},${y(v)}`);
  });
  if (run.length) runs.push(run.join(' '));
  let last = values.length - 1;
  while (values[last] === null) last--;
  const lines = runs
    .map((pts) => (pts.includes(' ') ? `<polyline points="${pts}" fill="none" stroke="#46535E" stroke-width="1.4" stroke-linejoin="round" stroke-linecap="round"/>` : ''))
    .join('');
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="trend over ${values.length} periods">${lines}<circle cx="${x(last)}" cy="${y(values[last]!)}" r="2.6" fill="${TONE_INK[tone]}"/></svg>`;
}

/** An up, down or flat arrow in the colour of good or bad news. */
export function trendArrow(trend: unknown, tone: Tone): string {
  const n = num(trend);
  if (n === null) return '';
  const flat = Math.abs(n) < 0.005;
  const rotate = flat ? 90 : n > 0 ? 0 : 180;
  return `<svg class="arrow" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><path d="M5 1 L9 8 L1 8 Z" fill="${TONE_INK[tone]}" transform="rotate(${rotate} 5 5)"/></svg>`;
}

/** A ring showing the composite score, full at 100%. */
export function compositeRing(score: unknown, tone: Tone, label: string): string {
  const n = num(score);
  const radius = 30;
  const c = 2 * Math.PI * radius;
  const filled = n === null ? 0 : Math.max(0, Math.min(1, n)) * c;
  return `<svg class="ring" width="76" height="76" viewBox="0 0 76 76" role="img" aria-label="composite score ${label}">`
    + `<circle cx="38" cy="38" r="${radius}" fill="none" stroke="#E6EAEE" stroke-width="8"/>`
    + `<circle cx="38" cy="38" r="${radius}" fill="none" stroke="${TONE_INK[tone]}" stroke-width="8" stroke-linecap="round" stroke-dasharray="${r1(filled)} ${r1(c)}" transform="rotate(-90 38 38)"/>`
    + `<text x="38" y="43" text-anchor="middle" font-size="16" font-weight="700" fill="#1F2A33">${label}</text></svg>`;
}

/** Bar width in percent of its track for a share shown up to `cap` (1.2 for attainment, 1.5 for load). */
export function barPercent(v: unknown, cap: number): number {
  const n = num(v);
  return n === null ? 0 : r1((Math.max(0, Math.min(cap, n)) / cap) * 100);
}
