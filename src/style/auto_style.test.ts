import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { categoriesStyle, describeFields, graduatedStyle, singleStyle } from './auto_style';
import { featureColor, legendItems } from './layer_style';

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

  it('marks the style noData when some features have no value, and only then', () => {
    expect(graduatedStyle('v', createFeatures([{ v: 1 }, { v: null }, { v: 3 }])).noData).toBe(true);
    expect(graduatedStyle('v', createFeatures([{ v: 1 }, { v: '' }])).noData).toBe(true);
    expect(graduatedStyle('v', createFeatures([{ v: 1 }, {}])).noData).toBe(true);
    expect(graduatedStyle('v', createFeatures([{ v: 1 }, { v: 3 }])).noData).toBeUndefined();
  });
});

describe('graduatedStyle options', () => {
  const features = createFeatures([8, 9, 14, 12, 10, 11, 13].map((v) => ({ v })));

  it('keeps method and ramp in the style and spans the data from its minimum to its maximum', () => {
    const style = graduatedStyle('v', features, { method: 'equal-interval', classes: 3, ramp: 'viridis' });
    expect(style).toMatchObject({ method: 'equal-interval', ramp: 'viridis' });
    expect(style.classes.map((c) => [c.min, c.max, c.color])).toEqual([
      [8, 10, '#440154'],
      [10, 12, '#21918c'],
      [12, 14, '#fde725'],
    ]);
  });

  it('labels every class as a range in the number style of the language', () => {
    const style = graduatedStyle('v', createFeatures([{ v: 1234.5 }, { v: 2000 }, { v: 3500.25 }]), { method: 'equal-interval', classes: 3 });
    const layer = { id: 'x', title: 'x', group: 'g', file: 'f', format: 'geojson' as const, geometry: 'polygon' as const, style, provenance: { source: 's' } };
    expect(legendItems(layer, 'vi').map((i) => i.label)).toEqual(['1.234,5 – 1.989,75', '1.989,75 – 2.745', '2.745 – 3.500,25']);
    expect(legendItems(layer, 'en').map((i) => i.label)).toEqual(['1,234.5 – 1,989.75', '1,989.75 – 2,745', '2,745 – 3,500.25']);
  });

  it('ignores empty cells rather than counting them as zero', () => {
    const style = graduatedStyle('v', createFeatures([{ v: 5 }, { v: null }, { v: '' }, { v: 7 }]), { method: 'equal-interval', classes: 4 });
    expect(style.classes[0]!.min).toBe(5);
  });
});
