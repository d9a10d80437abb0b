import { describe, expect, it } from 'vitest';
import { decodeViewHash, encodeViewHash, sameLayerUi, type ViewState } from './view_url';

describe('view hash', () => {
  it('round-trips every part of the view', () => {
    const view: ViewState = {
      camera: { zoom: 10.25, lat: 22.45, lng: 102.65 },
      basemap: 'osm',
      boundarySet: '2025',
      layers: {
        'forest-cover': { visible: true, opacity: 0.75, filters: { use: 'phong_ho' } },
        'planting-areas': { visible: true, opacity: 0.9, filters: { year: '2023', commune: 'Pa Vệ Sử' } },
      },
      selected: '03448',
      lang: 'en',
    };
    expect(decodeViewHash(encodeViewHash(view))).toEqual(view);
  });

  it('leaves hidden layers and the offline basemap out', () => {
    const hash = encodeViewHash({ basemap: 'offline', layers: { a: { visible: false, opacity: 1, filters: {} }, b: { visible: true, opacity: 1, filters: {} } } });
    expect(hash).toBe('#lyr=b*100');
  });

  it('survives separators and non-ASCII in filter fields and values', () => {
    const layers = { 'my.odd_id-x': { visible: true, opacity: 0.5, filters: { 'a=b,tên*': 'x&y,z~w Pa Vệ Sử' } } };
    expect(decodeViewHash(encodeViewHash({ layers })).layers).toEqual(layers);
  });

  it('drops layer ids that are not safe identifiers, and never touches a prototype', () => {
    const view = decodeViewHash('#lyr=__proto__*50,constructor*50,my%2Codd*50,ok*50~__proto__=x');
    expect(Object.keys(view.layers!)).toEqual(['ok']);
    expect(Object.keys(view.layers!.ok!.filters)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('drops a camera out of range', () => {
    expect(decodeViewHash('#map=10/1e308/102').camera).toBeUndefined();
    expect(decodeViewHash('#map=1e9/22/102').camera).toBeUndefined();
  });

  it('keeps a link short enough to paste into a chat', () => {
    const layers = Object.fromEntries(['communes-2013', 'forest-cover', 'planting-areas', 'crop-zones', 'project-sites'].map((id) => [id, { visible: true, opacity: 0.8, filters: { year: '2023' } }]));
    const hash = encodeViewHash({ camera: { zoom: 11.5, lat: 22.43, lng: 102.77 }, boundarySet: '2013', layers, selected: '03454', lang: 'en' });
    expect(hash.length).toBeLessThan(300);
  });

  it('ignores garbage instead of throwing', () => {
    expect(decodeViewHash('#map=abc/1/2&base=mars&lang=fr&lyr=%E0%A4%A&sel=%')).toEqual({ layers: {}, selected: '%' });
    expect(decodeViewHash('')).toEqual({});
  });
});

describe('sameLayerUi', () => {
  const base = { a: { visible: true, opacity: 0.8, filters: {} }, b: { visible: false, opacity: 1, filters: {} } };

  it('ignores the opacity of hidden layers and rounding below 1 %', () => {
    expect(sameLayerUi(base, { a: { visible: true, opacity: 0.801, filters: {} }, b: { visible: false, opacity: 0.2, filters: {} } })).toBe(true);
  });

  it('notices visibility, opacity and filter changes', () => {
    expect(sameLayerUi(base, { ...base, b: { visible: true, opacity: 1, filters: {} } })).toBe(false);
    expect(sameLayerUi(base, { ...base, a: { visible: true, opacity: 0.5, filters: {} } })).toBe(false);
    expect(sameLayerUi(base, { ...base, a: { visible: true, opacity: 0.8, filters: { year: '2023' } } })).toBe(false);
  });
});
