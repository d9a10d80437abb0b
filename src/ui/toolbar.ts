import type { AppStore, BasemapId } from '../state/store';
import { localize, t } from '../i18n/i18n';
import { clear, h } from './dom';
import { shallowTuple } from './layer_panel';

// Header controls: language switch, boundary-set switch and basemap choice.

const BASEMAPS: readonly BasemapId[] = ['offline', 'osm', 'satellite', 'topo'];

export function mountToolbar(el: HTMLElement, store: AppStore): () => void {
  const render = () => {
    const s = store.getState();
    const lang = s.lang;
    clear(el);
    const langButton = h('button', { type: 'button', id: 'lang-switch', class: 'button', lang: lang === 'vi' ? 'en' : 'vi', 'aria-label': t(lang, 'lang.switchToLabel'), text: t(lang, 'lang.switchTo') });
    langButton.addEventListener('click', () => store.getState().setLang(lang === 'vi' ? 'en' : 'vi'));

    const sets = s.pack.manifest?.boundarySets ?? [];
    const boundary = h('select', { id: 'boundary-set' });
    for (const b of sets) boundary.append(h('option', { value: b.id, text: localize(b.title, lang) }));
    boundary.value = s.boundarySet ?? '';
    boundary.addEventListener('change', () => store.getState().setBoundarySet(boundary.value));

    const basemap = h('select', { id: 'basemap' });
    for (const b of BASEMAPS) basemap.append(h('option', { value: b, text: t(lang, `basemap.${b}`) }));
    basemap.value = s.basemap;
    basemap.addEventListener('change', () => store.getState().setBasemap(basemap.value as BasemapId));

    if (sets.length > 0) el.append(h('div', { class: 'field' }, h('label', { for: 'boundary-set', text: t(lang, 'boundary.label') }), boundary));
    el.append(
      h('div', { class: 'field' }, h('label', { for: 'basemap', text: t(lang, 'basemap.label') }), basemap),
      langButton,
    );
  };
  const unsub = store.subscribe((s) => [s.lang, s.pack.manifest, s.boundarySet, s.basemap] as const, () => {
    const focused = (document.activeElement as HTMLElement | null)?.id;
    render();
    if (focused) document.getElementById(focused)?.focus();
  }, { equalityFn: shallowTuple });
  render();
  return () => {
    unsub();
    clear(el);
  };
}
