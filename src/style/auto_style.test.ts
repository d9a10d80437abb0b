import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { categoriesStyle, describeFields, graduatedStyle, singleStyle } from './auto_style';
import { featureColor } from './layer_style';

function createFeatures(props: Record<string, unknown>[]): Feature[] {
  return props.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: p }));
}

describe('singleStyle', () => {
  it('gives successive layers different colours and polygons a see-through fill', () => {
    const a = singleStyle(0, 'polygon');
    const b = singleStyle(1, 'point');
    expect(a.type === 'single' && b.type === 'single' && a.color !== b.color).toBe(true);
    expect(a.fillOpacity).toBe(0.6);
  });
});

describe('describeFields', () => {
  it('marks fields numeric only when every value is a number', () => {
    const fields = describeFields(createFeatures([{ a: 1, b: 'x', c: null }, { a: 2.5, b: 3 }]));
    expect(fields).toEqual([
      { name: 'a', numeric: true },
      { name: 'b', numeric: false },
    ]);
  });
});

describe('categoriesStyle', () => {
  it('gives each value its own colour, sorted naturally', () => {
    const style = categoriesStyle('crop', createFeatures([{ crop: 'Sâm' }, { crop: 'Thảo quả' }, { crop: 'Sâm' }, { crop: 'Sa nhân' }]));
    expect(style.type === 'categories' && style.categories.map((c) => c.value)).toEqual(['Sa nhân', 'Sâm', 'Thảo quả']);
  });

  it('keeps the twelve most frequent values and sends the rest to other', () => {
    const props = Array.from({ length: 20 }, (_, i) => ({ k: `v${i}` }));
    props.push({ k: 'v19' }, { k: 'v19' });
    const style = categoriesStyle('k', createFeatures(props));
    expect(style.type === 'categories' && style.categories.length).toBe(12);
    expect(style.type === 'categories' && style.categories.some((c) => c.value === 'v19')).toBe(true);
  });
});

describe('graduatedStyle', () => {
  it('makes quantile classes that put the smallest and largest values in the end classes', () => {
    const features = createFeatures(Array.from({ length: 100 }, (_, i) => ({ v: i })));
    const style = graduatedStyle('v', features);
    expect(style.type === 'graduated' && style.classes.length).toBe(5);
    expect(featureColor(style, { v: 0 })).toBe('#ffffcc');
    expect(featureColor(style, { v: 99 })).toBe('#253494');
  });

  it('collapses classes when values repeat', () => {
    const style = graduatedStyle('v', createFeatures([{ v: 1 }, { v: 1 }, { v: 1 }, { v: 5 }]));
    expect(style.type === 'graduated' && style.classes.length).toBe(2);
  });

  it('copes with a field that has no numbers', () => {
    expect(graduatedStyle('v', createFeatures([{ v: 'x' }])).type).toBe('graduated');
  });
});
