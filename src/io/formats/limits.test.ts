import { describe, expect, it } from 'vitest';
import { importFile } from './registry';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './limits';

const enc = (s: string) => new TextEncoder().encode(s);
const pointFc = (n: number) =>
  JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [103, 22 + i / 1e4] }, properties: {} })) });

describe('nestedDeeperThan', () => {
  it('measures depth without recursion, even 100,000 levels deep', () => {
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
    const deep = JSON.parse('['.repeat(1e5) + ']'.repeat(1e5));
    expect(nestedDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('importFile: bounded inputs', () => {
  it('refuses a GeoJSON with more features than the limit, saying how many', async () => {
    const r = await importFile({ name: 'many.geojson', bytes: enc(pointFc(12)) }, { maxFeatures: 10 });
    expect(r).toEqual({ ok: false, error: { key: 'import.error.tooManyFeatures', params: { file: 'many.geojson', count: 12, limit: 10 } } });
    expect((await importFile({ name: 'ok.geojson', bytes: enc(pointFc(10)) }, { maxFeatures: 10 })).ok).toBe(true);
  });

  it('refuses a KML past the feature limit too (checked for every format)', async () => {
    const pm = '<Placemark><Point><coordinates>103,22</coordinates></Point></Placemark>'.repeat(5);
    const r = await importFile({ name: 'p.kml', bytes: enc(`<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${pm}</Document></kml>`) }, { maxFeatures: 3 });
    expect(r).toMatchObject({ ok: false, error: { key: 'import.error.tooManyFeatures', params: { file: 'p.kml', count: 5, limit: 3 } } });
  });

  it('refuses a CSV with more rows than the limit before parsing it', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},103,22`).join('\n');
    const r = await importFile({ name: 'rows.csv', bytes: enc(`id,lon,lat\n${rows}\n`) }, { maxCsvRows: 10 });
    expect(r).toEqual({ ok: false, error: { key: 'import.error.tooManyRows', params: { file: 'rows.csv', limit: 10 } } });
  });

  it('refuses deeply nested properties and GeometryCollections with a message, not a stack overflow', async () => {
    const deepProps = `{"type":"Feature","geometry":{"type":"Point","coordinates":[103,22]},"properties":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expect(await importFile({ name: 'deep.geojson', bytes: enc(deepProps) })).toEqual({
      ok: false,
      error: { key: 'import.error.tooDeep', params: { file: 'deep.geojson', feature: 1, limit: MAX_JSON_DEPTH } },
    });
    let g = '{"type":"Point","coordinates":[103,22]}';
    for (let i = 0; i < 20_000; i++) g = `{"type":"GeometryCollection","geometries":[${g}]}`;
    const r = await importFile({ name: 'gc.geojson', bytes: enc(g) });
    expect(r).toMatchObject({ ok: false, error: { key: 'import.error.tooDeep', params: { file: 'gc.geojson' } } });
  });

  it('refuses a bare deeply nested array as not GeoJSON', async () => {
    const r = await importFile({ name: 'arr.json', bytes: enc('['.repeat(100_000) + ']'.repeat(100_000)) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.params?.file).toBe('arr.json');
    expect(!r.ok && r.error.key).not.toBe('import.error.internal');
  });
});
