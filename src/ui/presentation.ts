import type { AppStore } from '../state/store';
import { allLayers } from '../state/store';
import type { Slide } from '../state/slides';
import { formatNumber, localize, t } from '../i18n/i18n';
import { legendItems } from '../style/layer_style';
import { clear, h, swatch } from './dom';

// Presentation mode: the app's panels go away, the map fills the screen, and the slides play
// with fly-to transitions between a title slide and a closing slide. Driven by keyboard and
// presenter clickers (which send arrows / PageUp / PageDown), and by on-screen buttons.

export interface PresentationDeps {
  store: AppStore;
  container: HTMLElement;
  /** Applies a slide's view; `animate` flies the camera instead of jumping. */
  showSlide(slide: Slide, animate: boolean): void;
  showPackExtent(animate: boolean): void;
  onLayout(): void;
}

type Step = { kind: 'title' } | { kind: 'slide'; slide: Slide } | { kind: 'closing' };

export interface Presentation {
  start(index?: number): void;
  next(): void;
  prev(): void;
  go(index: number): void;
  exit(): void;
  /** Index in the sequence (title slide = 0), or null when not presenting. */
  current(): number | null;
  length(): number;
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'Enter']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

export function createPresentation(deps: PresentationDeps): Presentation {
  const { store } = deps;
  const overlay = h('div', { class: 'presentation', id: 'presentation', hidden: true, role: 'region', 'aria-live': 'polite' });
  deps.container.append(overlay);
  let steps: Step[] = [];
  let index: number | null = null;

  const sources = (): string => {
    const s = store.getState();
    const seen = new Set<string>();
    for (const layer of allLayers(s)) {
      if (s.layerUi[layer.id]?.visible) seen.add(localize(layer.provenance.source, s.lang));
    }
    return [...seen].join(' · ');
  };

  const legend = (): HTMLElement | null => {
    const s = store.getState();
    const visible = allLayers(s).filter((l) => s.layerUi[l.id]?.visible && s.layerData[l.id]?.status === 'ready');
    if (visible.length === 0) return null;
    const box = h('div', { class: 'presentation__legend', 'aria-label': t(s.lang, 'present.legend') });
    for (const layer of visible.slice(0, 6)) {
      const list = h('ul', {});
      for (const item of legendItems(layer, s.lang).slice(0, 8)) {
        list.append(h('li', {}, swatch(`swatch swatch--${layer.geometry}`, item.color), h('span', { text: item.label })));
      }
      box.append(h('section', {}, h('h3', { text: localize(layer.legendTitle ?? layer.title, s.lang) }), list));
    }
    return box;
  };

  const render = () => {
    if (index === null) return;
    const s = store.getState();
    const lang = s.lang;
    const step = steps[index]!;
    clear(overlay);
    overlay.classList.toggle('presentation--cover', step.kind !== 'slide');
    const button = (key: 'present.prev' | 'present.next' | 'present.exit', symbol: string, run: () => void) => {
      const b = h('button', { type: 'button', class: 'presentation__button', 'aria-label': t(lang, key), title: t(lang, key), text: symbol });
      b.addEventListener('click', run);
      return b;
    };
    const controls = h(
      'div',
      { class: 'presentation__controls' },
      button('present.prev', '‹', () => api.prev()),
      h('span', { class: 'presentation__counter', text: t(lang, 'present.counter', { n: index + 1, total: steps.length }) }),
      button('present.next', '›', () => api.next()),
      button('present.exit', '✕', () => api.exit()),
    );
    if (step.kind === 'title') {
      const manifest = s.pack.manifest;
      const date = new Date();
      overlay.append(
        h(
          'div',
          { class: 'presentation__cover' },
          h('h1', { text: manifest ? localize(manifest.title, lang) : t(lang, 'app.title') }),
          h('p', { text: t(lang, 'app.subtitle') }),
          h('p', { class: 'presentation__date', text: `${formatNumber(date.getDate(), lang)}/${date.getMonth() + 1}/${date.getFullYear()}` }),
        ),
        controls,
      );
    } else if (step.kind === 'closing') {
      overlay.append(h('div', { class: 'presentation__cover' }, h('h1', { text: t(lang, 'present.closing') }), h('p', { text: t(lang, 'present.closingSub', { sources: sources() }) })), controls);
    } else {
      overlay.append(h('div', { class: 'presentation__title' }, h('h1', { text: step.slide.title[lang] || step.slide.title.vi || step.slide.title.en })));
      const l = legend();
      if (l) overlay.append(l);
      overlay.append(controls);
    }
  };

  const apply = (animate: boolean) => {
    if (index === null) return;
    const step = steps[index]!;
    if (step.kind === 'slide') deps.showSlide(step.slide, animate);
    else if (step.kind === 'title') deps.showPackExtent(animate);
    render();
  };

  const onKey = (e: KeyboardEvent) => {
    if (index === null) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    if (NEXT_KEYS.has(e.key)) api.next();
    else if (PREV_KEYS.has(e.key)) api.prev();
    else if (e.key === 'Home') api.go(0);
    else if (e.key === 'End') api.go(steps.length - 1);
    else if (e.key === 'Escape') api.exit();
    else return;
    e.preventDefault();
  };

  store.subscribe((s) => s.lang, render);
  // entering or leaving full screen resizes the map: show the current step again, without flying
  document.addEventListener('fullscreenchange', () => {
    if (index === null) return;
    deps.onLayout();
    apply(false);
  });

  const api: Presentation = {
    start(start = 0) {
      steps = [{ kind: 'title' }, ...store.getState().slides.map((slide) => ({ kind: 'slide' as const, slide })), { kind: 'closing' }];
      index = Math.min(Math.max(0, start), steps.length - 1);
      document.body.classList.add('presenting');
      overlay.hidden = false;
      document.addEventListener('keydown', onKey);
      deps.onLayout();
      // a real projector session wants full screen; browsers may refuse it without a gesture
      document.documentElement.requestFullscreen?.().catch(() => {});
      apply(false);
    },
    next() {
      if (index !== null && index < steps.length - 1) api.go(index + 1);
    },
    prev() {
      if (index !== null && index > 0) api.go(index - 1);
    },
    go(i) {
      if (index === null) return;
      index = Math.min(Math.max(0, i), steps.length - 1);
      apply(true);
    },
    exit() {
      if (index === null) return;
      index = null;
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('presenting');
      overlay.hidden = true;
      clear(overlay);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      deps.onLayout();
    },
    current: () => index,
    length: () => steps.length,
  };
  return api;
}
