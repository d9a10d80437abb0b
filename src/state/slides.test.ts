import { describe, expect, it } from 'vitest';
import { duplicateSlide, moveItem, sanitizeSlides, type Slide } from './slides';

function createSlide(id: string): Slide {
  return { id, title: { vi: `Trang ${id}`, en: `Slide ${id}` }, notes: { vi: '', en: '' }, view: { camera: { zoom: 10, lat: 22.4, lng: 102.8 } } };
}

describe('moveItem', () => {
  it('moves an item and leaves the list alone at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('duplicateSlide', () => {
  it('inserts a deep copy with a new id right after the original', () => {
    const slides = [createSlide('1'), createSlide('2')];
    const out = duplicateSlide(slides, '1');
    expect(out.map((s) => s.title.vi)).toEqual(['Trang 1', 'Trang 1', 'Trang 2']);
    expect(out[1]!.id).not.toBe('1');
    out[1]!.view.camera!.zoom = 3;
    expect(slides[0]!.view.camera!.zoom).toBe(10);
  });
});

describe('sanitizeSlides', () => {
  it('keeps well-formed slides and repairs missing parts', () => {
    const out = sanitizeSlides([createSlide('1'), { title: { vi: 'x' } }, 5, null]);
    expect(out).toHaveLength(2);
    expect(out[1]!.title).toEqual({ vi: 'x', en: '' });
    expect(out[1]!.id).toMatch(/^slide-/);
  });

  it('returns nothing for something that is not a list', () => {
    expect(sanitizeSlides({})).toEqual([]);
  });
});
