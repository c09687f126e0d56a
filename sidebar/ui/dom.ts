// Building DOM without innerHTML: every string from a workbook goes through textContent or an attribute,
// so a cell holding "<img onerror=...>" is shown as text and never parsed.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

function setAttrs(el: HTMLElement, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replaceChildren(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, children);
}

let nextId = 0;
/** A unique id, so every control can have a <label for>. */
export function uid(prefix: string): string {
  nextId += 1;
  return `ap-${prefix}-${nextId}`;
}

/** A labelled control: label above, control below, optional hint read out with it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const hintEl = hint ? h('div', { class: 'ap-hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'ap-field' }, h('label', { for: id }, label), control, hintEl);
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function select(choices: readonly Choice[], value: string, onChange: (v: string) => void, attrs: Attrs = {}): HTMLSelectElement {
  const el = h('select', attrs, ...choices.map((c) => h('option', { value: c.value }, c.label)));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const el = h('button', { type: 'button', class: 'ap-button', ...attrs }, label);
  el.addEventListener('click', onClick);
  return el;
}

/** Formats a score for people: a few significant digits, no exponent for everyday sizes. */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e9 || abs < 1e-3)) return x.toExponential(2);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(digits)).toString();
}

export function formatPercent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
