import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';
import { h } from './dom';

// Asks before a data pack loads from another origin (catalog/pack_origins.ts). A native modal
// <dialog> traps focus and closes on Esc (= Cancel); Cancel has the focus first, so pressing
// Enter by habit keeps the map as it is.

export type AskOrigin = (req: { host: string; url: string }) => Promise<boolean>;

export interface OriginDialog {
  ask: AskOrigin;
  element: HTMLDialogElement;
}

export function createOriginDialog(store: AppStore, parent: HTMLElement = document.body): OriginDialog {
  const dialog = h('dialog', { id: 'origin-dialog', class: 'export-dialog origin-dialog', 'aria-labelledby': 'origin-heading', 'aria-describedby': 'origin-intro' });
  parent.append(dialog);
  // two requests (a link and a script) ask one after the other, never two dialogs at once
  let queue: Promise<unknown> = Promise.resolve();

  const show = ({ host, url }: { host: string; url: string }): Promise<boolean> =>
    new Promise((resolve) => {
      const lang = store.getState().lang;
      const load = h('button', { type: 'submit', id: 'origin-load', class: 'button button--primary', text: t(lang, 'origin.load') });
      const cancel = h('button', { type: 'button', id: 'origin-cancel', class: 'button', text: t(lang, 'origin.cancel') });
      const form = h(
        'form',
        { method: 'dialog', class: 'export-form' },
        h('h2', { id: 'origin-heading', text: t(lang, 'origin.heading') }),
        h('p', { id: 'origin-intro', text: t(lang, 'origin.intro', { host }) }),
        h('p', { class: 'origin-url', text: t(lang, 'origin.url', { url }) }),
        h('div', { class: 'export-actions' }, cancel, load),
      );
      dialog.replaceChildren(form);
      let accepted = false;
      const finish = () => {
        dialog.removeEventListener('close', finish);
        resolve(accepted);
      };
      dialog.addEventListener('close', finish);
      cancel.addEventListener('click', () => dialog.close());
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        accepted = true;
        dialog.close();
      });
      dialog.showModal();
      cancel.focus();
    });

  const ask: AskOrigin = (req) => {
    const next = queue.then(() => show(req));
    queue = next.catch(() => undefined);
    return next;
  };
  return { ask, element: dialog };
}
