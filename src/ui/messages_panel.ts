import type { AppStore } from '../state/store';
import { renderMessage, t } from '../i18n/i18n';
import { clear, h } from './dom';
import { MAX_MESSAGE_CHARS, shortText } from './long_value';
import { shallowTuple } from './layer_panel';

// Errors and warnings as dismissable notices in a live region, in the current language.

/** Confirmations go away by themselves; warnings and errors stay until dismissed. */
const INFO_LIFETIME_MS = 8000;

export function mountMessages(el: HTMLElement, store: AppStore): () => void {
  el.setAttribute('role', 'region');
  const timers = new Map<number, number>();
  const render = () => {
    const { messages, lang } = store.getState();
    for (const m of messages) {
      if (m.level === 'info' && !timers.has(m.id)) timers.set(m.id, window.setTimeout(() => store.getState().dismissMessage(m.id), INFO_LIFETIME_MS));
    }
    el.setAttribute('aria-label', t(lang, 'messages.region'));
    clear(el);
    for (const m of messages) {
      const dismiss = h('button', { type: 'button', class: 'icon-button', 'aria-label': t(lang, 'messages.dismiss'), title: t(lang, 'messages.dismiss'), text: '×' });
      dismiss.addEventListener('click', () => store.getState().dismissMessage(m.id));
      let action: HTMLButtonElement | null = null;
      if (m.action) {
        const { run } = m.action;
        action = h('button', { type: 'button', class: 'button', text: renderMessage(lang, m.action.label) });
        action.addEventListener('click', () => {
          store.getState().dismissMessage(m.id);
          run();
        });
      }
      el.append(
        h('div', { class: `message message--${m.level}`, role: m.level === 'error' ? 'alert' : 'status', 'data-message-key': m.message.key }, h('p', { text: shortText(renderMessage(lang, m.message, m.nested), MAX_MESSAGE_CHARS) }), action, dismiss),
      );
    }
  };
  const unsub = store.subscribe((s) => [s.messages, s.lang] as const, render, { equalityFn: shallowTuple });
  render();
  return () => {
    unsub();
    for (const id of timers.values()) window.clearTimeout(id);
    clear(el);
  };
}
