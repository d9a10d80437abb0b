import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { identifyPrj } from '../prj';
import { shapefileEntries, shpParts, writeShpShx } from './shapefile_writer';

function createLayer(geometries: Geometry[]): FeatureCollection {
  return { type: 'FeatureCollection', features: geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: { n: i } })) };
}

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]; // counter-clockwise

/** > 0: counter-clockwise. */
function area2(ring: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return -s;
}

describe('shapefile writer', () => {
  it('writes outer rings clockwise and holes counter-clockwise, whatever the input order', () => {
    const parts = shpParts({ type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 2)] });
    expect(area2(parts[0]!)).toBeLessThan(0);
    expect(area2(parts[1]!)).toBeGreaterThan(0);
  });

  it('closes unclosed rings and flattens multipolygons into parts', () => {
    const open = square(0, 0, 1).slice(0, 4);
    const parts = shpParts({ type: 'MultiPolygon', coordinates: [[open], [square(5, 5, 1), square(5.2, 5.2, 0.2)]] });
    expect(parts).toHaveLength(3);
    expect(parts[0]![0]).toEqual(parts[0]![4]);
  });

  it('writes a consistent .shp/.shx pair (lengths, offsets, bounding box)', () => {
    const { shp, shx } = writeShpShx('line', [{ type: 'LineString', coordinates: [[1, 2], [3, 4]] }, { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[5, 6], [7, 8]]] }]);
    const s = new DataView(shp.buffer);
    const x = new DataView(shx.buffer);
    expect(s.getInt32(0, false)).toBe(9994);
    expect(s.getInt32(24, false) * 2).toBe(shp.length);
    expect(x.getInt32(24, false) * 2).toBe(shx.length);
    expect(s.getInt32(32, true)).toBe(3);
    expect([0, 1, 2, 3].map((i) => s.getFloat64(36 + 8 * i, true))).toEqual([0, 0, 7, 8]);
    // second record starts where the .shx says, with record number 2 and a 2-part polyline
    const off = x.getInt32(108, false) * 2;
    expect(s.getInt32(off, false)).toBe(2);
    expect(s.getInt32(off + 8 + 36, true)).toBe(2);
  });

  it('puts each geometry kind in its own .shp and skips what a shapefile cannot hold', () => {
    const { entries, skipped } = shapefileEntries(
      createLayer([
        { type: 'Point', coordinates: [102.8, 22.3] },
        { type: 'Polygon', coordinates: [square(102, 22, 0.1)] },
        { type: 'GeometryCollection', geometries: [] },
        { type: 'MultiPoint', coordinates: [[102, 22], [103, 23]] },
      ]),
      { crs: 'EPSG:4326', name: 'Xã Mường Tè' },
    );
    expect(Object.keys(entries).filter((k) => k.endsWith('.shp')).sort()).toEqual(['Xa_Muong_Te_multipoint.shp', 'Xa_Muong_Te_point.shp', 'Xa_Muong_Te_polygon.shp']);
    expect(new TextDecoder().decode(entries['Xa_Muong_Te_point.cpg'])).toBe('UTF-8');
    expect(skipped).toEqual([2]);
  });

  it.each(['EPSG:4326', 'VN2000:TM3:103', 'VN2000:TM3:105.75', 'EPSG:3405', 'EPSG:3406'])('writes a .prj that identifyPrj reads back as %s', (crs) => {
    const { entries } = shapefileEntries(createLayer([{ type: 'Point', coordinates: [1, 2] }]), { crs, name: 'a' });
    const r = identifyPrj(new TextDecoder().decode(entries['a.prj']));
    expect(r.ok && r.crsId).toBe(crs);
  });

  it('writes the fieldnames.csv sidecar only when names had to be shortened', () => {
    const short = shapefileEntries(createLayer([{ type: 'Point', coordinates: [1, 2] }]), { crs: 'EPSG:4326', name: 'a' });
    expect(short.entries['a.fieldnames.csv']).toBeUndefined();
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { 'Tên xã': 'Mù Cả' } }] };
    const long = shapefileEntries(fc, { crs: 'EPSG:4326', name: 'a' });
    expect(new TextDecoder().decode(long.entries['a.fieldnames.csv'])).toBe('short,full\r\nTen_xa,Tên xã\r\n');
  });
});
