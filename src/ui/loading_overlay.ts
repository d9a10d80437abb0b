import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';
import { clear, h } from './dom';
import { shallowTuple } from './layer_panel';

// Progress of a pack load, with a cancel button. Shown only while something loads.

export function mountLoadingOverlay(el: HTMLElement, store: AppStore, cancel: () => void): () => void {
  const render = () => {
    const { pack, lang } = store.getState();
    clear(el);
    el.hidden = pack.status !== 'loading';
    if (el.hidden) return;
    const { done, total, file } = pack.progress;
    const progress = h('progress', { max: Math.max(total, 1), value: done, 'aria-label': t(lang, 'loading.pack') });
    const button = h('button', { type: 'button', class: 'button', text: t(lang, 'loading.cancel') });
    button.addEventListener('click', cancel);
    el.append(h('p', { text: total > 0 ? t(lang, 'loading.file', { file, done, total }) : t(lang, 'loading.pack') }), progress, button);
  };
  el.setAttribute('role', 'status');
  const unsub = store.subscribe((s) => [s.pack, s.lang] as const, render, { equalityFn: shallowTuple });
  render();
  return () => {
    unsub();
    clear(el);
  };
}
