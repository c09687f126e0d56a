// The value-versus-effort chart: one dot per scored item, the top N highlighted, split into quadrants at
// the median effort and score so "quick wins" (high score, low effort) stand out. Plain SVG built with
// createElementNS; item names go into <title> as text.
import { extent } from '../extent';
import { formatNumber, svg } from './dom';

export interface ChartPoint {
  readonly id: string;
  readonly label: string;
  readonly effort: number;
  readonly score: number;
  readonly top: boolean;
}

/**
 * The most dots drawn. A backlog of 100,000 items drawn dot by dot is 200,000 SVG nodes: seconds of a frozen
 * pane for a picture that is one solid blob. Past this many, every top item and an even sample of the rest
 * are drawn (the medians still come from every item), and the chart says how many it shows.
 */
export const MAX_DOTS = 1500;

/** The points a chart draws: all of them up to `max`; past it, every top point and an even sample of the others, in order. */
export function chartSample<T extends { readonly top: boolean }>(points: readonly T[], max = MAX_DOTS): T[] {
  if (points.length <= max) return [...points];
  const top = points.filter((p) => p.top);
  const rest = points.filter((p) => !p.top);
  const room = Math.max(0, max - top.length);
  const keep = new Set<T>(top);
  for (let i = 0; i < room; i++) keep.add(rest[Math.floor((i * rest.length) / room)]!);
  return points.filter((p) => keep.has(p));
}

const W = 300;
const H = 210;
const PAD = { left: 40, right: 10, top: 12, bottom: 30 };

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function valueEffortChart(points: readonly ChartPoint[], effortLabel: string): SVGElement {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'ap-chart', role: 'img' });
  const drawn = chartSample(points);
  const sampled = drawn.length < points.length ? `; ${drawn.length.toLocaleString('en-US')} of them drawn, every top item among them` : '';
  root.setAttribute('aria-label', `Score against ${effortLabel.toLowerCase()} for ${points.length.toLocaleString('en-US')} items; top items highlighted${sampled}`);
  if (points.length === 0) return root;
  const xs = points.map((p) => p.effort);
  const ys = points.map((p) => p.score);
  const [[xLo, xHi], [yLo, yHi]] = [extent(xs), extent(ys)];
  const [xMax, yMax] = [xHi || 1, yHi || 1];
  // A little room past the largest values, so no dot sits on the frame or under a label.
  const [x0, x1] = [Math.min(0, xLo), xMax * 1.08];
  const [y0, y1] = [Math.min(0, yLo), yMax * 1.1];
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const mx = sx(median(xs));
  const my = sy(median(ys));
  root.append(
    svg('rect', { x: PAD.left, y: PAD.top, width: mx - PAD.left, height: my - PAD.top, class: 'ap-chart-quickwins' }),
    svg('line', { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom, class: 'ap-chart-axis' }),
    svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom, class: 'ap-chart-axis' }),
    svg('line', { x1: mx, y1: PAD.top, x2: mx, y2: H - PAD.bottom, class: 'ap-chart-median' }),
    svg('line', { x1: PAD.left, y1: my, x2: W - PAD.right, y2: my, class: 'ap-chart-median' }),
    svg('text', { x: PAD.left + 4, y: PAD.top + 10, class: 'ap-chart-note' }, 'Quick wins'),
    svg('text', { x: W - PAD.right - 4, y: PAD.top + 10, class: 'ap-chart-note', 'text-anchor': 'end' }, 'Big bets'),
    svg('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 4, class: 'ap-chart-label', 'text-anchor': 'middle' }, effortLabel),
    svg('text', { x: 10, y: (PAD.top + H - PAD.bottom) / 2, class: 'ap-chart-label', 'text-anchor': 'middle', transform: `rotate(-90 10 ${(PAD.top + H - PAD.bottom) / 2})` }, 'Score'),
    svg('text', { x: PAD.left - 4, y: sy(yMax) + 3, class: 'ap-chart-tick', 'text-anchor': 'end' }, formatNumber(yMax)),
    svg('text', { x: sx(xMax), y: H - PAD.bottom + 12, class: 'ap-chart-tick', 'text-anchor': 'middle' }, formatNumber(xMax)),
  );
  if (sampled) root.append(svg('text', { x: W - PAD.right - 4, y: PAD.top + 22, class: 'ap-chart-note', 'text-anchor': 'end' }, `${drawn.length.toLocaleString('en-US')} of ${points.length.toLocaleString('en-US')} shown`));
  // Top items last, so they are drawn over the others.
  for (const p of [...drawn].sort((a, b) => Number(a.top) - Number(b.top))) {
    root.append(
      svg(
        'circle',
        { cx: sx(p.effort).toFixed(1), cy: sy(p.score).toFixed(1), r: p.top ? 4.5 : 3.5, class: p.top ? 'ap-dot ap-dot-top' : 'ap-dot' },
        svg('title', {}, `${p.id}${p.label ? ` ${p.label}` : ''}: score ${formatNumber(p.score)}, ${effortLabel.toLowerCase()} ${formatNumber(p.effort)}`),
      ),
    );
  }
  return root;
}
