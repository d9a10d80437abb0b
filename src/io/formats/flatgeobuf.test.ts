import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { parseFlatGeobuf } from './flatgeobuf';

// cs2cs (PROJ 9, official VN-2000 shift): 102.811 22.379 ↔ TM-3 103° E 480341.596175 N 2475637.630415
const fc = (c: number[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: { ten: 'Mường Tè', so: 3 } }],
});

describe('parseFlatGeobuf', () => {
  it('reads WGS 84 features with Vietnamese attributes', async () => {
    const r = await parseFlatGeobuf('a.fgb', serialize(fc([102.811, 22.379]), 4326));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.layers[0]?.data.features[0]?.geometry as Point).coordinates).toEqual([102.811, 22.379]);
    expect(r.layers[0]?.data.features[0]?.properties).toMatchObject({ ten: 'Mường Tè', so: 3 });
  });

  it('reprojects from the header CRS (EPSG:9205)', async () => {
    const r = await parseFlatGeobuf('tm3.fgb', serialize(fc([480341.596175, 2475637.630415]), 9205));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [lon, lat] = (r.layers[0]?.data.features[0]?.geometry as Point).coordinates;
    expect(Math.abs((lon ?? 0) - 102.811)).toBeLessThan(1e-8);
    expect(Math.abs((lat ?? 0) - 22.379)).toBeLessThan(1e-8);
  });

  it('rejects bytes without the FlatGeobuf signature and a truncated file', async () => {
    const bad = await parseFlatGeobuf('a.fgb', new Uint8Array([1, 2, 3, 4, 5]));
    expect(!bad.ok && bad.error.key).toBe('import.error.fgbInvalid');
    const full = serialize(fc([102.8, 22.3]), 4326);
    const cut = await parseFlatGeobuf('a.fgb', full.subarray(0, 20));
    expect(!cut.ok && cut.error).toEqual({ key: 'import.error.fgbInvalid', params: { file: 'a.fgb', detail: 'truncated header' } });
  });
});
