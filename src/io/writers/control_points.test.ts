import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { shapefileEntries } from './shapefile_writer';
import { exportLayer } from './export_layer';
import { reprojectGeoJSON } from '../crs';
import Papa from 'papaparse';

// Control values computed independently with PROJ 9 cs2cs and the official VN-2000 shift:
//   echo "102.811 22.379" | cs2cs -f %.6f +proj=longlat +datum=WGS84 +to \
//     +proj=tmerc +lat_0=0 +lon_0=103 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 \
//     +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m
//   → 480341.596175 2475637.630415   (TM-3 103°)
//   same with +proj=utm +zone=48 → 274420.962894 2476525.072197   (UTM 48N)
const TM3 = { e: 480341.596175, n: 2475637.630415 };
const UTM48 = { e: 274420.962894, n: 2476525.072197 };
const MM = 0.001;

function createPointLayer(): FeatureCollection {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [102.811, 22.379] }, properties: { ten: 'Mốc' } }] };
}

// papaparse, not a split on commas: EWKT holds a ';', which the CSV writer quotes for Excel
function csvRow(bytes: Uint8Array): Record<string, string> {
  const { data } = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
  return data[0] ?? {};
}

describe('exported coordinates match cs2cs control values', () => {
  it('shapefile in TM-3 103° holds E 480341.596 N 2475637.630', () => {
    const projected = reprojectGeoJSON(createPointLayer(), 'EPSG:4326', 'VN2000:TM3:103');
    const { entries } = shapefileEntries(projected, { crs: 'VN2000:TM3:103', name: 'moc' });
    const shp = entries['moc.shp'] as Uint8Array;
    const dv = new DataView(shp.buffer, shp.byteOffset);
    expect(dv.getInt32(100 + 8, true)).toBe(1); // Point record
    expect(Math.abs(dv.getFloat64(100 + 12, true) - TM3.e)).toBeLessThan(MM);
    expect(Math.abs(dv.getFloat64(100 + 20, true) - TM3.n)).toBeLessThan(MM);
  });

  it('CSV in TM-3 103° has X (northing) 2475637.630 and Y (easting) 480341.596', async () => {
    const file = await exportLayer(createPointLayer(), { format: 'csv-latlon', crs: 'VN2000:TM3:103', name: 'moc' });
    const row = csvRow(file.bytes.subarray(3));
    expect(Math.abs(Number(row['X_VN2000']) - TM3.n)).toBeLessThan(MM);
    expect(Math.abs(Number(row['Y_VN2000']) - TM3.e)).toBeLessThan(MM);
  });

  it('CSV WKT in UTM 48N is EWKT with the cs2cs easting/northing', async () => {
    const file = await exportLayer(createPointLayer(), { format: 'csv-wkt', crs: 'EPSG:3405', name: 'moc' });
    const wkt = csvRow(file.bytes.subarray(3))['WKT'] ?? '';
    const m = /^SRID=3405;POINT \(([\d.]+) ([\d.]+)\)$/.exec(wkt);
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m?.[1]) - UTM48.e)).toBeLessThan(MM);
    expect(Math.abs(Number(m?.[2]) - UTM48.n)).toBeLessThan(MM);
  });
});
