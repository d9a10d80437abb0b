import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { crsFromName, parseGeojson } from './geojson';

// cs2cs (PROJ 9, official VN-2000 shift): 102.811 22.379 ↔ TM-3 103° E 480341.596175 N 2475637.630415
const TM3 = [480341.596175, 2475637.630415];
const DEG_1MM = 1e-8;

const fc = (features: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const pt = (c: number[], p: Record<string, unknown> = {}): unknown => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: p });

describe('parseGeojson', () => {
  it('reads a FeatureCollection, a single Feature and a bare geometry', async () => {
    for (const text of [fc([pt([102.811, 22.379], { ten: 'Mường Tè' })]), JSON.stringify(pt([102.811, 22.379])), '{"type":"Point","coordinates":[102.811,22.379]}']) {
      const r = await parseGeojson('a.geojson', text);
      expect(r.ok).toBe(true);
      if (r.ok) expect((r.layers[0]?.data.features[0]?.geometry as Point).coordinates).toEqual([102.811, 22.379]);
    }
  });

  it('reprojects the legacy crs member (EPSG:9205 = VN-2000 TM-3 103°)', async () => {
    const r = await parseGeojson('tm3.geojson', fc([pt(TM3)], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9205' } } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [lon, lat] = (r.layers[0]?.data.features[0]?.geometry as Point).coordinates;
    expect(Math.abs((lon ?? 0) - 102.811)).toBeLessThan(DEG_1MM);
    expect(Math.abs((lat ?? 0) - 22.379)).toBeLessThan(DEG_1MM);
    expect(r.layers[0]?.sourceCrs).toBe('VN2000:TM3:103');
    expect(r.layers[0]?.warnings[0]?.key).toBe('import.warn.legacyCrs');
  });

  it('understands CRS names', () => {
    expect(crsFromName('EPSG:3405')).toBe('EPSG:3405');
    expect(crsFromName('urn:ogc:def:crs:EPSG::4326')).toBe('EPSG:4326');
    expect(crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(crsFromName('EPSG:2000')).toBeUndefined();
  });

  it('rejects an unknown declared CRS with projected coordinates', async () => {
    const r = await parseGeojson('x.geojson', fc([pt([1e6, 1e6])], { crs: { type: 'name', properties: { name: 'EPSG:27700' } } }));
    expect(!r.ok && r.error).toEqual({ key: 'import.error.crsUnknown', params: { file: 'x.geojson', crs: 'EPSG:27700' } });
  });

  it('reports truncated JSON', async () => {
    const text = fc([pt([102.8, 22.3])]).slice(0, 40);
    const r = await parseGeojson('cut.geojson', text);
    expect(!r.ok && r.error.key).toBe('import.error.truncatedJson');
    expect(!r.ok && r.error.params?.file).toBe('cut.geojson');
  });

  it('reports invalid JSON and JSON that is not GeoJSON', async () => {
    const bad = await parseGeojson('a.geojson', '{"type": FeatureCollection}');
    expect(!bad.ok && bad.error.key).toBe('import.error.invalidJson');
    const other = await parseGeojson('a.geojson', '{"type":"Topology"}');
    expect(!other.ok && other.error).toEqual({ key: 'import.error.notGeojson', params: { file: 'a.geojson', type: 'Topology' } });
  });

  it('skips and lists null geometries and out-of-range coordinates', async () => {
    const text = fc([pt([102.8, 22.3]), { type: 'Feature', geometry: null, properties: {} }, pt([200, 22])]);
    const r = await parseGeojson('a.geojson', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layers[0]?.data.features).toHaveLength(1);
    expect(r.layers[0]?.skipped).toEqual([
      { feature: 2, reason: { key: 'import.skip.nullGeometry' } },
      { feature: 3, reason: { key: 'import.skip.outOfRange', params: { lon: '200', lat: '22' } } },
    ]);
  });

  it('flags self-intersecting polygons but loads them', async () => {
    const bowtie = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[102.8, 22.3], [102.9, 22.4], [102.9, 22.3], [102.8, 22.4], [102.8, 22.3]]] } };
    const square = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[102.8, 22.3], [102.9, 22.3], [102.9, 22.4], [102.8, 22.3]]] } };
    const r = await parseGeojson('p.geojson', fc([square, bowtie]));
    expect(r.ok && r.layers[0]?.selfIntersecting).toEqual([1]);
    expect(r.ok && r.layers[0]?.data.features).toHaveLength(2);
  });

  it('warns when data lands outside Vietnam with swapped axes', async () => {
    const r = await parseGeojson('s.geojson', fc([pt([22.379, 102.811 - 100])]));
    expect(r.ok).toBe(true);
    const r2 = await parseGeojson('s.geojson', fc([pt([22.379, 80.5])]));
    expect(r2.ok && r2.layers[0]?.warnings.map((w) => w.key)).toEqual(['import.warn.outsideUnknown']);
    const r3 = await parseGeojson('s.geojson', fc([pt([22.379, 2.811]), pt([21.5, 3.5])]));
    expect(r3.ok && r3.layers[0]?.warnings.map((w) => w.key)).toEqual(['import.warn.outsideUnknown']);
  });

  it('errors on an empty file and a collection with no features', async () => {
    expect(await parseGeojson('e.geojson', '')).toEqual({ ok: false, error: { key: 'import.error.empty', params: { file: 'e.geojson' } } });
    const r = await parseGeojson('e.geojson', fc([]));
    expect(!r.ok && r.error.key).toBe('import.error.noFeatures');
  });
});
