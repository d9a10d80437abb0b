import type { Feature } from 'geojson';
import type { AppState, AppStore } from '../state/store';
import { t } from '../i18n/i18n';
import { matchScore } from '../i18n/fold_text';
import { clear, h } from './dom';
import { shallowTuple } from './layer_panel';

// Commune search as an ARIA combobox: type with or without diacritics, pick with arrows
// and Enter (or a click), and the map zooms to the commune and selects it.

export interface CommuneHit {
  code: string;
  name: string;
  type: string;
  feature: Feature;
}

export function searchCommunes(state: AppState, query: string, limit = 8): CommuneHit[] {
  const boundary = state.pack.manifest?.boundarySets?.find((b) => b.id === state.boundarySet);
  const features = boundary ? state.layerData[boundary.layer]?.data?.features ?? [] : [];
  if (!boundary) return [];
  return features
    .map((f) => {
      const p = f.properties ?? {};
      const name = String(p[boundary.nameField] ?? '');
      const code = String(p[boundary.codeField] ?? '');
      const type = boundary.typeField ? String(p[boundary.typeField] ?? '') : '';
      const score = Math.max(matchScore(name, query), matchScore(`${type} ${name}`, query), code === query.trim() ? 4 : 0);
      return { hit: { code, name, type, feature: f }, score };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name, 'vi'))
    .slice(0, limit)
    .map((r) => r.hit);
}

export function mountCommuneSearch(el: HTMLElement, store: AppStore, zoomTo: (f: Feature) => void): () => void {
  const input = h('input', { type: 'search', id: 'commune-search', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'commune-search-list' });
  const label = h('label', { for: 'commune-search', class: 'visually-hidden' });
  const list = h('ul', { id: 'commune-search-list', role: 'listbox', class: 'search-results', hidden: true });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  el.append(label, input, list, status);
  let hits: CommuneHit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (hit: CommuneHit) => {
    input.value = hit.name;
    close();
    store.getState().selectCommune(hit.code);
    zoomTo(hit.feature);
  };

  const renderList = () => {
    const lang = store.getState().lang;
    clear(list);
    hits.forEach((hit, i) => {
      const li = h('li', { id: `commune-option-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false', class: i === active ? 'is-active' : '' }, h('span', { text: hit.name }), h('small', { text: ` ${hit.type} · ${hit.code}` }));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(hit);
      });
      list.append(li);
    });
    if (hits.length === 0 && input.value.trim() !== '') {
      list.append(h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true', text: t(lang, 'search.noResults', { query: input.value }) }));
    }
    const open = input.value.trim() !== '';
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `commune-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    status.textContent = open ? t(lang, 'search.results', { count: hits.length }) : '';
  };

  input.addEventListener('input', () => {
    hits = searchCommunes(store.getState(), input.value);
    active = hits.length > 0 ? 0 : -1;
    renderList();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      renderList();
    } else if (e.key === 'Enter') {
      const hit = hits[Math.max(0, active)];
      if (hit) {
        e.preventDefault();
        choose(hit);
      }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => close());

  const applyLang = () => {
    const lang = store.getState().lang;
    label.textContent = t(lang, 'search.label');
    input.placeholder = t(lang, 'search.placeholder');
    input.setAttribute('aria-label', t(lang, 'search.label'));
  };
  applyLang();
  const unsubs = [
    store.subscribe((s) => s.lang, applyLang),
    store.subscribe((s) => [s.boundarySet, s.pack.manifest] as const, () => { input.value = ''; hits = []; close(); }, { equalityFn: shallowTuple }),
  ];
  return () => {
    for (const u of unsubs) u();
    clear(el);
  };
}
