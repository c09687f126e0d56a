// The page's own question before something is lost (a modal <dialog>, not window.confirm, so it names
// what is lost in the page's words and is styled and tested like the rest of the page).
import { h } from '../sidebar/ui/dom';

/** Resolves true when the user chose `yes`; Escape and the other button answer false. */
export function ask(title: string, body: string, yes: string, no = 'Keep editing'): Promise<boolean> {
  const ok = h('button', { type: 'button', class: 'pg-button pg-danger', 'data-testid': 'confirm-yes', value: 'yes' }, yes);
  const cancel = h('button', { type: 'button', class: 'pg-button', 'data-testid': 'confirm-no', value: 'no' }, no);
  const dialog = h(
    'dialog',
    { class: 'pg-dialog', 'data-testid': 'confirm', 'aria-labelledby': 'pg-dialog-title' },
    h('h2', { id: 'pg-dialog-title' }, title),
    h('p', {}, body),
    h('div', { class: 'pg-dialog-actions' }, cancel, ok),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => (e.preventDefault(), done(false)));
    dialog.showModal();
    cancel.focus();
  });
}
