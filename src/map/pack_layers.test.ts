import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import type { LayerUi } from '../state/store';
import { DECK_POINT_THRESHOLD, buildStyleLayers, filterExpression, interactiveLayerIds, packLayerOf, perFeature, styleLayerIds, usesDeck } from './pack_layers';

function createLayer(patch: Partial<LayerSpec> = {}): LayerSpec {
  return {
    id: 'forest',
    title: 'Forest',
    group: 'g',
    file: 'f.geojson',
    format: 'geojson',
    geometry: 'polygon',
    style: { type: 'single', color: '#00aa00' },
    provenance: { source: 'test' },
    ...patch,
  };
}

function createUi(patch: Partial<LayerUi> = {}): LayerUi {
  return { visible: true, opacity: 0.5, filters: {}, ...patch };
}

describe('styleLayerIds', () => {
  it('gives polygons a fill and an outline, plus a label when declared', () => {
    expect(styleLayerIds(createLayer({ label: { field: 'name' } }))).toEqual(['forest::fill', 'forest::line', 'forest::label']);
  });

  it('gives points a circle layer', () => {
    expect(styleLayerIds(createLayer({ geometry: 'point' }))).toEqual(['forest::circle']);
  });

  it('leaves labels out of the interactive layers', () => {
    expect(interactiveLayerIds(createLayer({ label: { field: 'name' } }))).toEqual(['forest::fill', 'forest::line']);
  });
});

describe('packLayerOf', () => {
  it('recovers the pack layer id, and null for basemap layers', () => {
    expect(packLayerOf('crop-zones::fill')).toBe('crop-zones');
    expect(packLayerOf('basemap-countries')).toBeNull();
  });
});

describe('filterExpression', () => {
  it('is undefined without filters', () => {
    expect(filterExpression({})).toBeUndefined();
  });

  it('compares as text so a year filter matches numeric years', () => {
    expect(filterExpression({ year: '2023', status: 'planned' })).toEqual([
      'all',
      ['==', ['to-string', ['get', 'year']], '2023'],
      ['==', ['to-string', ['get', 'status']], 'planned'],
    ]);
  });
});

describe('buildStyleLayers', () => {
  it('hides every part of an invisible layer', () => {
    const layers = buildStyleLayers(createLayer({ label: { field: 'name' } }), createUi({ visible: false }));
    expect(layers.map((l) => (l.layout as Record<string, unknown>).visibility)).toEqual(['none', 'none', 'none']);
  });

  it('applies the opacity and the filter to the fill', () => {
    const [fill] = buildStyleLayers(createLayer(), createUi({ opacity: 0.4, filters: { year: '2023' } }));
    expect(fill).toMatchObject({
      type: 'fill',
      source: 'pack:forest',
      filter: ['all', ['==', ['to-string', ['get', 'year']], '2023']],
      paint: { 'fill-color': perFeature('#00aa00') },
    });
    expect(JSON.stringify(fill?.paint)).toContain('0.4');
  });

  it('gives every fill a per-feature colour and opacity, whatever the style (one shared program)', () => {
    const styles: LayerSpec['style'][] = [
      { type: 'single', color: '#00aa00' },
      { type: 'categories', field: 'k', categories: [{ value: 'a', label: 'a', color: '#ff0000' }] },
      { type: 'graduated', field: 'v', classes: [{ max: 1, color: '#000000' }, { min: 1, color: '#ffffff' }] },
    ];
    for (const style of styles) {
      const [fill] = buildStyleLayers(createLayer({ style }), createUi());
      const paint = fill!.paint as Record<string, unknown>;
      expect(Array.isArray(paint['fill-color']), style.type).toBe(true);
      expect(Array.isArray(paint['fill-opacity']), style.type).toBe(true);
    }
  });

  it('scales the fill by fillOpacity but keeps the outline at the layer opacity', () => {
    const [fill, line] = buildStyleLayers(createLayer({ style: { type: 'single', color: '#fff', fillOpacity: 0.5 } }), createUi({ opacity: 0.8 }));
    expect(JSON.stringify(fill?.paint)).toContain('0.4');
    expect((line?.paint as Record<string, unknown>)['line-opacity']).toBe(0.8);
  });

  it('uses the declared label font for labels', () => {
    const layers = buildStyleLayers(createLayer({ label: { field: 'name_vi' } }), createUi());
    expect((layers[2]?.layout as Record<string, unknown>)['text-font']).toEqual(['Noto Sans Regular']);
  });
});

describe('usesDeck', () => {
  it('sends large point layers to deck.gl when the renderer is auto', () => {
    expect(usesDeck(createLayer({ geometry: 'point' }), DECK_POINT_THRESHOLD + 1)).toBe(true);
    expect(usesDeck(createLayer({ geometry: 'point' }), 100)).toBe(false);
  });

  it('follows an explicit renderer, but only deck-draws points', () => {
    expect(usesDeck(createLayer({ geometry: 'point', renderer: 'deck' }), 5)).toBe(true);
    expect(usesDeck(createLayer({ geometry: 'point', renderer: 'maplibre' }), 1e6)).toBe(false);
    expect(usesDeck(createLayer({ geometry: 'polygon', renderer: 'deck' }), 5)).toBe(false);
  });
});
