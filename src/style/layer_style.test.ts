import { describe, expect, it } from 'vitest';
import type { LayerSpec, LayerStyle } from '../catalog/manifest_types';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { colorExpression, darken, featureColor, hexToRgb, legendItems, outlineColor } from './layer_style';

const { createExpression } = expression;

function createLayer(style: LayerStyle): LayerSpec {
  return {
    id: 'x',
    title: { vi: 'Lớp thử', en: 'Test layer' },
    group: 'g',
    file: 'x.geojson',
    format: 'geojson',
    geometry: 'polygon',
    style,
    provenance: { source: 'test' },
  };
}

describe('colorExpression', () => {
  it('returns the colour itself for a single style', () => {
    expect(colorExpression({ type: 'single', color: '#ff0000' })).toBe('#ff0000');
  });

  it('matches categories as strings so numeric years match too', () => {
    const expr = colorExpression({
      type: 'categories',
      field: 'year',
      categories: [
        { value: 2022, color: '#111111', label: '2022' },
        { value: 2023, color: '#222222', label: '2023' },
      ],
    });
    expect(expr).toEqual(['match', ['to-string', ['get', 'year']], '2022', '#111111', '2023', '#222222', '#bdbdbd']);
  });

  it('drops duplicate category values, which MapLibre rejects', () => {
    const expr = colorExpression({
      type: 'categories',
      field: 'k',
      categories: [
        { value: 'a', color: '#111111', label: 'a' },
        { value: 'a', color: '#222222', label: 'a again' },
      ],
      otherColor: '#999999',
    });
    expect(expr).toEqual(['match', ['to-string', ['get', 'k']], 'a', '#111111', '#999999']);
  });

  it('steps graduated classes in ascending order whatever the manifest order', () => {
    const expr = colorExpression({
      type: 'graduated',
      field: 'v',
      classes: [
        { min: 10, color: '#bbbbbb' },
        { max: 10, color: '#aaaaaa' },
      ],
    });
    expect(expr).toEqual([
      'case',
      ['any', ['!', ['has', 'v']], ['==', ['get', 'v'], null], ['==', ['get', 'v'], '']],
      '#bdbdbd',
      ['step', ['to-number', ['get', 'v'], 0], '#aaaaaa', 10, '#bbbbbb'],
    ]);
  });

  it('draws what featureColor gives, evaluated by MapLibre itself; no value is no data (grey), not the lowest class', () => {
    const graduated: LayerStyle = { type: 'graduated', field: 'v', classes: [{ max: 10, color: '#aaaaaa' }, { min: 10, color: '#bbbbbb' }] };
    const categories: LayerStyle = { type: 'categories', field: 'v', categories: [{ value: 3, color: '#111111', label: '3' }], otherColor: '#999999' };
    for (const style of [graduated, categories]) {
      const compiled = createExpression(colorExpression(style), { type: 'color' } as never);
      if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
      for (const properties of [{ v: 3 }, { v: 10 }, { v: '25' }, { v: 0 }, {}, { v: null }, { v: '' }]) {
        // MapLibre's Color prints as hex when opaque
        const drawn = String(compiled.value.evaluate({ zoom: 10 }, { type: 3, properties } as never));
        expect(drawn, JSON.stringify(properties)).toBe(featureColor(style, properties));
      }
    }
    expect([featureColor(graduated, { v: null }), featureColor(graduated, { v: '' }), featureColor(graduated, { v: NaN }), featureColor(graduated, { v: 0 })]).toEqual(['#bdbdbd', '#bdbdbd', '#bdbdbd', '#aaaaaa']);
  });
});

describe('darken', () => {
  it('scales each channel', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080');
    expect(darken('#1a9850', 1)).toBe('#1a9850');
  });

  it('falls back to dark grey for colours it cannot parse', () => {
    expect(darken('rgb(1,2,3)')).toBe('#333333');
  });
});

describe('outlineColor', () => {
  it('prefers the manifest outline colour', () => {
    expect(outlineColor({ type: 'single', color: '#ffffff', outlineColor: '#000000' })).toBe('#000000');
  });
});

describe('legendItems', () => {
  it('ends a graduated legend with the no-data grey when the style has features without a value', () => {
    const style: LayerStyle = { type: 'graduated', field: 'v', classes: [{ max: 10, color: '#aaaaaa' }, { min: 10, color: '#bbbbbb' }], noData: true };
    expect(legendItems(createLayer(style), 'vi').at(-1)).toEqual({ color: '#bdbdbd', label: 'Không có số liệu' });
    expect(legendItems(createLayer(style), 'en').at(-1)).toEqual({ color: '#bdbdbd', label: 'No data' });
    expect(legendItems(createLayer({ ...style, noData: false }), 'en')).toHaveLength(2);
  });

  it('uses the layer title for a single style in the chosen language', () => {
    expect(legendItems(createLayer({ type: 'single', color: '#123456' }), 'en')).toEqual([{ color: '#123456', label: 'Test layer' }]);
  });

  it('lists categories with localized labels', () => {
    const layer = createLayer({
      type: 'categories',
      field: 'use',
      categories: [{ value: 'phong_ho', color: '#00aa00', label: { vi: 'Rừng phòng hộ', en: 'Protection forest' } }],
    });
    expect(legendItems(layer, 'vi')).toEqual([{ color: '#00aa00', label: 'Rừng phòng hộ' }]);
  });

  it('writes graduated ranges with the number style of the language', () => {
    const layer = createLayer({
      type: 'graduated',
      field: 'budget',
      unit: { vi: 'triệu đồng', en: 'million VND' },
      classes: [
        { max: 1500.5, color: '#a' },
        { min: 1500.5, color: '#b' },
      ],
    });
    expect(legendItems(layer, 'vi').map((i) => i.label)).toEqual(['< 1.500,5 triệu đồng', '≥ 1.500,5 triệu đồng']);
    expect(legendItems(layer, 'en').map((i) => i.label)).toEqual(['< 1,500.5 million VND', '≥ 1,500.5 million VND']);
  });
});

describe('featureColor', () => {
  const categories: LayerStyle = {
    type: 'categories',
    field: 'year',
    categories: [{ value: 2023, color: '#222222', label: '2023' }],
    otherColor: '#999999',
  };

  it('matches categories as text, like the map expression', () => {
    expect(featureColor(categories, { year: '2023' })).toBe('#222222');
    expect(featureColor(categories, { year: 2019 })).toBe('#999999');
    expect(featureColor(categories, null)).toBe('#999999');
  });

  it('picks the graduated class whose lower bound the value reaches', () => {
    const style: LayerStyle = { type: 'graduated', field: 'v', classes: [{ min: 10, color: '#bbbbbb' }, { max: 10, color: '#aaaaaa' }] };
    expect([featureColor(style, { v: 3 }), featureColor(style, { v: 10 }), featureColor(style, { v: '25' }), featureColor(style, {})]).toEqual([
      '#aaaaaa',
      '#bbbbbb',
      '#bbbbbb',
      '#bdbdbd',
    ]);
  });
});

describe('hexToRgb', () => {
  it('reads long and short hex colours', () => {
    expect(hexToRgb('#1a9850')).toEqual([26, 152, 80]);
    expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
    expect(hexToRgb('teal')).toEqual([189, 189, 189]);
  });
});
