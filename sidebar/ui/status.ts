// The status line under the header: "Working…" on anything that takes longer than a second (shorter work
// would only flicker), and the outcome of the last action. It is an aria-live region so screen readers
// hear it without moving focus.
import { button, h, replaceChildren } from './dom';

export const WORKING_AFTER_MS = 1000;

export type StatusKind = 'info' | 'success' | 'error' | 'warning';

/** A button offered with a message, such as Recompute after a write refused because its sources changed. */
export interface StatusAction {
  readonly label: string;
  readonly run: () => void;
}

export interface Status {
  readonly el: HTMLElement;
  /** Runs `work`; if it is still running after a second, says "Working… <label>" until it ends. */
  run<T>(label: string, work: () => Promise<T>): Promise<T>;
  show(text: string, kind?: StatusKind, details?: readonly string[], action?: StatusAction): void;
  clear(): void;
}

export function createStatus(): Status {
  const el = h('div', { class: 'ap-status', role: 'status', 'aria-live': 'polite' });
  let busy = 0;

  const show = (text: string, kind: StatusKind = 'info', details: readonly string[] = [], action?: StatusAction): void => {
    el.dataset['kind'] = kind;
    const list = details.length ? h('ul', { class: 'ap-status-details' }, ...details.map((d) => h('li', {}, d))) : null;
    const act = action ? button(action.label, () => action.run(), { class: 'ap-button ap-status-action', 'data-testid': 'status-action' }) : null;
    replaceChildren(el, h('span', { class: 'ap-status-text' }, text), list, act);
    el.hidden = false;
  };

  const clearStatus = (): void => {
    replaceChildren(el);
    el.hidden = true;
    delete el.dataset['kind'];
  };
  clearStatus();

  return {
    el,
    show,
    clear: clearStatus,
    async run<T>(label: string, work: () => Promise<T>): Promise<T> {
      busy += 1;
      const timer = setTimeout(() => {
        el.dataset['kind'] = 'working';
        replaceChildren(el, h('span', { class: 'ap-spinner', 'aria-hidden': 'true' }), h('span', { class: 'ap-status-text' }, `Working… ${label}`));
        el.hidden = false;
      }, WORKING_AFTER_MS);
      try {
        return await work();
      } finally {
        clearTimeout(timer);
        busy -= 1;
        if (busy === 0 && el.dataset['kind'] === 'working') clearStatus();
      }
    },
  };
}
