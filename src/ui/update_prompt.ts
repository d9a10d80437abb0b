import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';
import { h } from './dom';
import './update_prompt.css';

// "A new version is available — Update": a small, non-modal notice shown when a new service
// worker is waiting (src/app/offline.ts). It never acts by itself: only its button applies the
// update (which reloads the page); "Later" hides it until the next start, and the waiting
// version stays waiting until then.

export interface UpdatePromptOptions {
  store: AppStore;
  /** Called once, when the user presses Update. */
  onUpdate(): void;
}

export interface UpdatePrompt {
  show(): void;
  hide(): void;
  readonly visible: boolean;
  unmount(): void;
}

export function mountUpdatePrompt(container: HTMLElement, opts: UpdatePromptOptions): UpdatePrompt {
  const { store } = opts;
  const text = h('span', { class: 'update-prompt__text' });
  const apply = h('button', { type: 'button', class: 'update-prompt__apply' });
  const later = h('button', { type: 'button', class: 'update-prompt__later', text: '×' });
  const root = h('div', { class: 'update-prompt', role: 'status', 'data-testid': 'update-prompt', hidden: true }, text, apply, later);
  let applying = false;

  const render = () => {
    const lang = store.getState().lang;
    text.textContent = `${t(lang, 'offline.updateAvailable')} —`;
    apply.textContent = t(lang, applying ? 'offline.updating' : 'offline.update');
    apply.title = t(lang, 'offline.updateTitle');
    later.title = t(lang, 'offline.later');
    later.setAttribute('aria-label', t(lang, 'offline.later'));
  };
  const onApply = () => {
    if (applying) return;
    applying = true;
    apply.disabled = true;
    render();
    opts.onUpdate();
  };
  const onLater = () => {
    root.hidden = true;
  };
  apply.addEventListener('click', onApply);
  later.addEventListener('click', onLater);
  const unsubscribe = store.subscribe((s) => s.lang, render);
  render();
  container.append(root);

  return {
    show: () => {
      root.hidden = false;
    },
    hide: () => {
      root.hidden = true;
    },
    get visible() {
      return !root.hidden;
    },
    unmount: () => {
      unsubscribe();
      apply.removeEventListener('click', onApply);
      later.removeEventListener('click', onLater);
      root.remove();
    },
  };
}
