import type { AppStore } from '../state/store';
import type { Slide } from '../state/slides';
import type { Lang } from '../catalog/manifest_types';
import { t } from '../i18n/i18n';
import { clear, h } from './dom';
import { shallowTuple } from './layer_panel';

// The "Present" tab: capture the map as slides, edit titles and speaker notes (in the current
// UI language), reorder / duplicate / delete, start the presentation, and save or open the
// whole session as a project file.

export interface MeetingPanelDeps {
  store: AppStore;
  captureSlide(): void;
  showSlide(slide: Slide): void;
  present(startIndex: number): void;
  saveProject(): void;
  openProject(file: File): void;
  setHighContrast(on: boolean): void;
  setLargeLabels(on: boolean): void;
}

/** Two overlapping sheets; the font has no reliable "copy" glyph. */
function copyIcon(): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  for (const [x, y] of [[1, 4], [5, 1]] as const) {
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('x', String(x));
    r.setAttribute('y', String(y));
    r.setAttribute('width', '10');
    r.setAttribute('height', '11');
    r.setAttribute('rx', '1.5');
    r.setAttribute('fill', x === 5 ? 'white' : 'none');
    r.setAttribute('stroke', 'currentColor');
    r.setAttribute('stroke-width', '1.5');
    svg.append(r);
  }
  return svg;
}

export function mountMeetingPanel(el: HTMLElement, deps: MeetingPanelDeps): () => void {
  const { store } = deps;
  let highContrast = false;
  let largeLabels = false;

  const slideRow = (slide: Slide, i: number, lang: Lang): HTMLElement => {
    const n = i + 1;
    const title = h('input', { type: 'text', class: 'slide-title', value: slide.title[lang], 'aria-label': t(lang, 'slides.title', { n }), 'data-focus-key': `slide-title:${slide.id}` });
    title.addEventListener('change', () => store.getState().updateSlide(slide.id, { title: { ...slide.title, [lang]: title.value } }));
    const notes = h('textarea', { rows: 2, class: 'slide-notes', 'aria-label': t(lang, 'slides.notes', { n }), 'data-focus-key': `slide-notes:${slide.id}` });
    notes.value = slide.notes[lang];
    notes.addEventListener('change', () => store.getState().updateSlide(slide.id, { notes: { ...slide.notes, [lang]: notes.value } }));
    const button = (key: 'slides.show' | 'slides.up' | 'slides.down' | 'slides.duplicate' | 'slides.delete', symbol: string | SVGElement, run: () => void) => {
      const b = h('button', { type: 'button', class: 'icon-button', 'aria-label': t(lang, key, { n }), title: t(lang, key, { n }), 'data-focus-key': `${key}:${slide.id}` });
      b.append(symbol);
      b.addEventListener('click', run);
      return b;
    };
    const s = store.getState();
    return h(
      'li',
      { class: 'slide-row', 'data-slide-id': slide.id },
      h(
        'div',
        { class: 'slide-row__head' },
        h('span', { class: 'slide-number', text: String(n) }),
        title,
        button('slides.show', '◉', () => deps.showSlide(slide)),
        button('slides.up', '▲', () => s.moveSlide(slide.id, -1)),
        button('slides.down', '▼', () => s.moveSlide(slide.id, 1)),
        button('slides.duplicate', copyIcon(), () => s.duplicateSlide(slide.id)),
        button('slides.delete', '✕', () => s.removeSlide(slide.id)),
      ),
      notes,
    );
  };

  const render = () => {
    const { slides, lang } = store.getState();
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    clear(el);
    const capture = h('button', { type: 'button', class: 'button', id: 'slide-capture', text: t(lang, 'slides.capture') });
    capture.addEventListener('click', () => deps.captureSlide());
    const present = h('button', { type: 'button', class: 'button button--primary', id: 'slide-present', text: t(lang, 'slides.present') });
    present.addEventListener('click', () => deps.present(0));
    const list = h('ol', { class: 'slide-list' });
    slides.forEach((slide, i) => list.append(slideRow(slide, i, lang)));
    const contrast = h('input', { type: 'checkbox', id: 'opt-high-contrast' });
    contrast.checked = highContrast;
    contrast.addEventListener('change', () => {
      highContrast = contrast.checked;
      deps.setHighContrast(highContrast);
    });
    const large = h('input', { type: 'checkbox', id: 'opt-large-labels' });
    large.checked = largeLabels;
    large.addEventListener('change', () => {
      largeLabels = large.checked;
      deps.setLargeLabels(largeLabels);
    });
    const save = h('button', { type: 'button', class: 'button', id: 'project-save', text: t(lang, 'project.save') });
    save.addEventListener('click', () => deps.saveProject());
    const file = h('input', { type: 'file', id: 'project-file', accept: '.json,application/json', class: 'visually-hidden', 'aria-label': t(lang, 'project.openLabel') });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      file.value = '';
      if (f) deps.openProject(f);
    });
    const open = h('button', { type: 'button', class: 'button', id: 'project-open', text: t(lang, 'project.open') });
    open.addEventListener('click', () => file.click());
    el.append(
      h('h2', { class: 'panel-heading', text: t(lang, 'slides.heading') }),
      h('div', { class: 'meeting-actions' }, capture, present),
      slides.length === 0 ? h('p', { class: 'muted', text: t(lang, 'slides.empty') }) : list,
      h('div', { class: 'meeting-options' }, h('label', {}, contrast, ` ${t(lang, 'slides.highContrast')}`), h('label', {}, large, ` ${t(lang, 'slides.largeLabels')}`)),
      h('h2', { class: 'panel-heading', text: t(lang, 'project.heading') }),
      h('div', { class: 'meeting-actions' }, save, open, file),
    );
    if (focusKey) el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  };
  const unsub = store.subscribe((s) => [s.slides, s.lang] as const, render, { equalityFn: shallowTuple });
  render();
  return () => {
    unsub();
    clear(el);
  };
}
