import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { importFile } from '../formats/registry';
import type { ImportOptions } from '../formats/types';
import { exportLayer } from './export_layer';
import { maxDistance } from './geometry_compare';
import type { ExportFormat } from './types';

// Import → export → import keeps every feature, attribute name, type and Vietnamese text,
// and every coordinate within 1 mm, for each format × CRS (issue 3, item 6).

const MM = 0.001;
const CRSS = ['EPSG:4326', 'VN2000:TM3:103', 'EPSG:3405'] as const;

function createFeature(ma: string, geometry: Geometry, extra: Record<string, string | number | boolean> = {}): Feature {
  return {
    type: 'Feature',
    geometry,
    properties: {
      ma, // commune-style code: leading zeros must stay text
      'Tên đơn vị hành chính': `Thị trấn Mường Tè ${ma}`,
      ten_xa: 'Pa Vệ Sử',
      ghi_chu: 'bản "Nậm Hàng", Mù Cả; dòng 2',
      dan_so: 4321,
      dien_tich: 0.1 + 0.2,
      do_cao_tuong_doi: -12.5,
      ty_le: 1e-7,
      ...extra,
    },
  };
}

const ring = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

function createLayer(withBooleans: boolean): FeatureCollection {
  const b = (v: boolean): Record<string, boolean> => (withBooleans ? { co_dien: v } : {});
  return {
    type: 'FeatureCollection',
    features: [
      createFeature('03433', { type: 'Point', coordinates: [102.811, 22.379] }, b(true)),
      createFeature('03434', { type: 'Point', coordinates: [102.6123456789, 22.71] }, b(false)),
      createFeature('03436', { type: 'MultiPoint', coordinates: [[102.7, 22.5], [102.71, 22.51]] }, b(true)),
      createFeature('03439', { type: 'LineString', coordinates: [[102.5, 22.2], [102.6, 22.25], [102.7, 22.21]] }, b(true)),
      createFeature('03442', { type: 'MultiLineString', coordinates: [[[102.5, 22.3], [102.55, 22.35]], [[102.6, 22.3], [102.62, 22.4]]] }, b(false)),
      createFeature('03445', { type: 'Polygon', coordinates: [ring(102.8, 22.3, 0.1), ring(102.82, 22.32, 0.02).reverse()] }, b(true)),
      createFeature('03448', {
        type: 'MultiPolygon',
        coordinates: [[ring(102.4, 22.6, 0.05)], [ring(102.5, 22.6, 0.05), ring(102.51, 22.61, 0.01).reverse()]],
      }, b(false)),
    ],
  };
}

async function reimport(file: { filename: string; bytes: Uint8Array }, options: ImportOptions = {}): Promise<Feature[]> {
  const r = await importFile({ name: file.filename, bytes: file.bytes }, options);
  if (!r.ok) throw new Error(`re-import failed: ${JSON.stringify(r.error)}`);
  return r.layers.flatMap((l) => l.data.features);
}

/** First import: the layer as the app holds it after a user imports our GeoJSON. */
async function importedLayer(withBooleans: boolean): Promise<FeatureCollection> {
  const text = JSON.stringify(createLayer(withBooleans));
  const features = await reimport({ filename: 'xa.geojson', bytes: new TextEncoder().encode(text) });
  return { type: 'FeatureCollection', features };
}

/** Our CSV importer keeps the coordinate columns as attributes; drop them to compare. */
function withoutColumns(features: Feature[], columns: readonly string[]): Feature[] {
  return features.map((f) => ({ ...f, properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => !columns.includes(k))) }));
}

function expectSameLayer(before: readonly Feature[], after: readonly Feature[]): void {
  expect(after.length).toBe(before.length);
  const byCode = new Map(after.map((f) => [f.properties?.['ma'], f]));
  for (const f of before) {
    const g = byCode.get(f.properties?.['ma']);
    expect(g, `feature ${String(f.properties?.['ma'])}`).toBeDefined();
    expect(g?.properties).toStrictEqual(f.properties); // names, types and text, exactly
    expect(maxDistance(f.geometry as Geometry, g?.geometry as Geometry)).toBeLessThan(MM);
  }
}

describe.each(CRSS)('round trip through %s', (crs) => {
  it.each<ExportFormat>(['geojson', 'shapefile'])('%s keeps every feature, attribute and coordinate', async (format) => {
    const layer = await importedLayer(true);
    const file = await exportLayer(layer, { format, crs, name: 'Xã Mường Tè' });
    expect(file.skipped).toEqual([]);
    expectSameLayer(layer.features, await reimport(file));
  });

  it('csv-wkt keeps every feature, attribute and coordinate', async () => {
    // CSV has no boolean type; booleans are covered by the GeoJSON and shapefile cases
    const layer = await importedLayer(false);
    const file = await exportLayer(layer, { format: 'csv-wkt', crs, name: 'xa' });
    expect(file.skipped).toEqual([]);
    // EWKT "SRID=…;" names the CRS, so no choice is needed on re-import
    const back = await reimport(file);
    expectSameLayer(layer.features, withoutColumns(back, ['WKT']));
    // and a second CSV → CSV trip does not pile up WKT_2 columns
    const again = await exportLayer({ type: 'FeatureCollection', features: back }, { format: 'csv-wkt', crs, name: 'xa' });
    const header = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\r\n')[0];
    expect(header(again.bytes)).toBe(header(file.bytes));
  });

  it('csv-latlon keeps every point, attribute and coordinate, and lists the non-points it skipped', async () => {
    const layer = await importedLayer(false);
    const file = await exportLayer(layer, { format: 'csv-latlon', crs, name: 'xa' });
    expect(file.skipped).toEqual([2, 3, 4, 5, 6]);
    // a CSV of X/Y metres cannot say its CRS: the user picks it on import, as here
    const options = crs === 'EPSG:4326' ? {} : { crs };
    const back = await reimport(file, options);
    expectSameLayer(layer.features.slice(0, 2), withoutColumns(back, ['lat', 'lon', 'X_VN2000', 'Y_VN2000']));
  });
});
