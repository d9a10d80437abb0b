import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { writeGeojson } from './geojson_writer';

const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2] }, properties: { ten: 'Mù Cả' } }] };

describe('geojson writer', () => {
  it('writes plain RFC 7946 in WGS 84', () => {
    const json = JSON.parse(new TextDecoder().decode(writeGeojson(fc).bytes)) as Record<string, unknown>;
    expect(json).toEqual({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Mù Cả' }, geometry: { type: 'Point', coordinates: [1.5, 2] } }] });
  });

  it('names a projected CRS with the legacy crs member (EPSG urn, or our id without a code)', () => {
    const tm3 = JSON.parse(new TextDecoder().decode(writeGeojson(fc, 'VN2000:TM3:103').bytes)) as { crs: unknown };
    expect(tm3.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9205' } });
    const odd = JSON.parse(new TextDecoder().decode(writeGeojson(fc, 'VN2000:TM3:103.5').bytes)) as { crs: unknown };
    expect(odd.crs).toEqual({ type: 'name', properties: { name: 'VN2000:TM3:103.5' } });
  });
});
