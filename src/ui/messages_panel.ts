import type { AppStore } from '../state/store';
import { renderMessage, t } from '../i18n/i18n';
import { clear, h } from './dom';
import { shallowTuple } from './layer_panel';

// Errors and warnings as dismissable notices in a live region, in the current language.

export function mountMessages(el: HTMLElement, store: AppStore): () => void {
  el.setAttribute('role', 'region');
  const render = () => {
    const { messages, lang } = store.getState();
    el.setAttribute('aria-label', t(lang, 'messages.region'));
    clear(el);
    for (const m of messages) {
      const dismiss = h('button', { type: 'button', class: 'icon-button', 'aria-label': t(lang, 'messages.dismiss'), title: t(lang, 'messages.dismiss'), text: '×' });
      dismiss.addEventListener('click', () => store.getState().dismissMessage(m.id));
      el.append(
        h('div', { class: `message message--${m.level}`, role: m.level === 'error' ? 'alert' : 'status', 'data-message-key': m.message.key }, h('p', { text: renderMessage(lang, m.message, m.nested) }), dismiss),
      );
    }
  };
  const unsub = store.subscribe((s) => [s.messages, s.lang] as const, render, { equalityFn: shallowTuple });
  render();
  return () => {
    unsub();
    clear(el);
  };
}
