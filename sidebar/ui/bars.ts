// Team load bars: planned effort against capacity. A bar past 100% turns red and says by how much,
// because an overloaded team (from commitments) is the one thing a leader must not miss.
import { formatNumber, formatPercent, h } from './dom';

export interface LoadBar {
  readonly team: string;
  readonly capacity: number;
  readonly planned: number;
  readonly load: number;
}

export function loadBars(teams: readonly LoadBar[]): HTMLElement {
  return h(
    'ul',
    { class: 'ap-bars', 'aria-label': 'Team load' },
    ...teams.map((t) => {
      const pct = Number.isFinite(t.load) ? t.load : 2;
      const over = t.load > 1 + 1e-9;
      const text = `${formatNumber(t.planned)} of ${formatNumber(t.capacity)} (${Number.isFinite(t.load) ? formatPercent(t.load) : 'no capacity'})`;
      return h(
        'li',
        { class: over ? 'ap-bar ap-bar-over' : 'ap-bar' },
        h('div', { class: 'ap-bar-head' }, h('span', { class: 'ap-bar-team' }, t.team), h('span', { class: 'ap-bar-value' }, text)),
        h(
          'div',
          { class: 'ap-bar-track', role: 'progressbar', 'aria-label': `${t.team} load`, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(pct * 100), 'aria-valuetext': text },
          h('div', { class: 'ap-bar-fill', style: `width:${Math.min(pct, 1) * 100}%` }),
        ),
      );
    }),
  );
}
