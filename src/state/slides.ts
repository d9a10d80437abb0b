import type { ViewState } from './view_url';

// Slides for meetings: each one is a saved view (camera, layers, filters, selection) with a
// title and speaker notes in both languages. Pure list operations, used by the store.

export interface Slide {
  id: string;
  title: { vi: string; en: string };
  notes: { vi: string; en: string };
  view: ViewState;
}

let counter = 0;

export function newSlideId(): string {
  counter += 1;
  return `slide-${Date.now().toString(36)}-${counter}`;
}

export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const j = index + delta;
  if (index < 0 || index >= items.length || j < 0 || j >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(j, 0, item!);
  return out;
}

export function duplicateSlide(slides: readonly Slide[], id: string): Slide[] {
  const i = slides.findIndex((s) => s.id === id);
  if (i < 0) return [...slides];
  const src = slides[i]!;
  const copy: Slide = { ...structuredClone(src), id: newSlideId() };
  return [...slides.slice(0, i + 1), copy, ...slides.slice(i + 1)];
}

/** Checks a value read from a project file; returns the slides it can trust. */
export function sanitizeSlides(value: unknown): Slide[] {
  if (!Array.isArray(value)) return [];
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return value
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    .map((s) => {
      const title = (s.title ?? {}) as Record<string, unknown>;
      const notes = (s.notes ?? {}) as Record<string, unknown>;
      return {
        id: typeof s.id === 'string' && s.id !== '' ? s.id : newSlideId(),
        title: { vi: text(title.vi), en: text(title.en) },
        notes: { vi: text(notes.vi), en: text(notes.en) },
        view: (typeof s.view === 'object' && s.view !== null ? s.view : {}) as ViewState,
      };
    });
}
