import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { parseCsv, detectDelimiter, csvFormat } from './csv';
import { encodeWindows1258 } from './test_fixtures';

// Control point, PROJ 9 cs2cs with the official VN-2000 shift (facts §6):
//   cs2cs +proj=longlat +datum=WGS84 +to +proj=tmerc +lat_0=0 +lon_0=103 +k=0.9999
//         +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=<official> +units=m
//   102.811 22.379  →  480341.596175 2475637.630415
const LON = 102.811;
const LAT = 22.379;
const TM3_E = 480341.596175;
const TM3_N = 2475637.630415;
const DEG_1MM = 1e-8; // ≈ 1 mm

function point(r: Awaited<ReturnType<typeof parseCsv>>, i = 0): number[] {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.layers[0]?.data.features[i]?.geometry as Point).coordinates;
}

describe('detectDelimiter', () => {
  it('prefers ; when Vietnamese Excel uses decimal commas', () => {
    expect(detectDelimiter('ten;kinh_do;vi_do\nA;102,811;22,379\nB;102,9;22,4')).toBe(';');
    expect(detectDelimiter('a,b\n1,2\n3,4')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
  });
});

describe('parseCsv', () => {
  it('reads a ;-separated, decimal-comma file with Vietnamese headers', async () => {
    const text = 'Tên;Kinh độ;Vĩ độ;Dân số\nMường Tè;102,811;22,379;1.234\nKan Hồ;102,9;22,41;987';
    const r = await parseCsv('xa.csv', text);
    expect(point(r)).toEqual([LON, LAT]);
    if (!r.ok) return;
    const props = r.layers[0]?.data.features[0]?.properties;
    expect(props).toMatchObject({ 'Tên': 'Mường Tè', 'Dân số': 1234 });
    expect(r.layers[0]?.sourceCrs).toBe('EPSG:4326');
  });

  it('finds lat/lon columns by English and unaccented names, any order', async () => {
    const r = await parseCsv('p.csv', 'id,LAT,Lng\n1,22.379,102.811');
    expect(point(r)).toEqual([LON, LAT]);
    const r2 = await parseCsv('p.csv', 'kinh_do,vi_do\n102.811,22.379');
    expect(point(r2)).toEqual([LON, LAT]);
  });

  it('reads X = northing, Y = easting (Vietnamese survey convention) in a chosen TM-3 zone', async () => {
    const text = `Điểm;X;Y\nMốc 1;2.475.637,630415;480.341,596175`;
    const r = await parseCsv('moc.csv', text, { crs: 'VN2000:TM3:103' });
    const [lon, lat] = point(r);
    expect(Math.abs((lon ?? 0) - LON)).toBeLessThan(DEG_1MM);
    expect(Math.abs((lat ?? 0) - LAT)).toBeLessThan(DEG_1MM);
    if (r.ok) expect(r.layers[0]?.warnings.map((w) => w.key)).toContain('import.warn.csvXNorthing');
  });

  it('assumes Lai Châu TM-3 103° for metres without a chosen CRS, with a warning', async () => {
    const r = await parseCsv('moc.csv', `X,Y\n${TM3_N},${TM3_E}`);
    const [lon, lat] = point(r);
    expect(Math.abs((lon ?? 0) - LON)).toBeLessThan(DEG_1MM);
    expect(Math.abs((lat ?? 0) - LAT)).toBeLessThan(DEG_1MM);
    if (r.ok) expect(r.layers[0]?.warnings.map((w) => w.key)).toContain('import.warn.assumedCrs');
  });

  it('honours X = easting when the user says so', async () => {
    const r = await parseCsv('moc.csv', `X,Y\n${TM3_E},${TM3_N}`, { crs: 'VN2000:TM3:103', csv: { xIsNorthing: false } });
    expect(Math.abs((point(r)[0] ?? 0) - LON)).toBeLessThan(DEG_1MM);
  });

  it('swaps lon/lat columns that hold each other’s values', async () => {
    const r = await parseCsv('p.csv', 'lon,lat\n22.379,102.811\n22.4,102.9');
    expect(point(r)).toEqual([LON, LAT]);
    if (r.ok) expect(r.layers[0]?.warnings[0]?.key).toBe('import.warn.csvSwappedColumns');
  });

  it('skips rows with missing or invalid coordinates and lists them by spreadsheet row', async () => {
    const text = 'ten,lat,lon\nA,22.379,102.811\nB,,102.8\nC,abc,102.8\nD,95,102.8\nE,22.4,102.9';
    const r = await parseCsv('p.csv', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const layer = r.layers[0];
    expect(layer?.data.features).toHaveLength(2);
    expect(layer?.skipped.map((s) => [s.row, s.reason.key])).toEqual([
      [3, 'import.skip.missingCoords'],
      [4, 'import.skip.invalidCoords'],
      [5, 'import.skip.outOfRange'],
    ]);
    expect(layer?.warnings.find((w) => w.key === 'import.warn.skipped')?.params).toMatchObject({ count: 3, list: '3, 4, 5', file: 'p.csv' });
  });

  it('returns csvNoCoordinates with the parsed table for a join or column choice', async () => {
    const r = await parseCsv('dan_so.csv', 'Mã xã;Tên xã;Dân số\n03433;Kan Hồ;1200');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ key: 'import.error.csvNoCoordinates', params: { file: 'dan_so.csv', columns: 'Mã xã, Tên xã, Dân số' } });
    expect(r.table?.rows[0]).toEqual({ 'Mã xã': '03433', 'Tên xã': 'Kan Hồ', 'Dân số': 1200 });
  });

  it('reports a chosen column that does not exist', async () => {
    const r = await parseCsv('p.csv', 'a,b\n1,2', { csv: { lon: 'kd', lat: 'b' } });
    expect(!r.ok && r.error.key).toBe('import.error.csvColumnMissing');
  });

  it('reads a WKT column', async () => {
    const r = await parseCsv('w.csv', 'ten;WKT\nA;POINT (102.811 22.379)\nB;POLYGON ((102.8 22.3, 102.9 22.3, 102.9 22.4, 102.8 22.3))\nC;POINT (x');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layers[0]?.data.features.map((f) => f.geometry?.type)).toEqual(['Point', 'Polygon']);
    expect(r.layers[0]?.skipped[0]).toMatchObject({ row: 4, reason: { key: 'import.skip.badWkt' } });
  });

  it('errors when every row is bad', async () => {
    const r = await parseCsv('p.csv', 'lat,lon\nx,y\n1,');
    expect(!r.ok && r.error).toMatchObject({ key: 'import.error.noValidFeatures', params: { count: 2, first: 2 } });
  });

  it('errors on an empty file', async () => {
    expect(await parseCsv('e.csv', ' \n')).toEqual({ ok: false, error: { key: 'import.error.empty', params: { file: 'e.csv' } } });
  });
});

describe('csvFormat.parse (bytes)', () => {
  it('round-trips Vietnamese text from Windows-1258 and UTF-8 with BOM', async () => {
    const text = 'Tên;Kinh độ;Vĩ độ\nPa Vệ Sử;102,811;22,379';
    const cp = await csvFormat.parse({ name: 'a.csv', bytes: encodeWindows1258(text) }, {}, () => {});
    const bom = await csvFormat.parse({ name: 'b.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]) }, {}, () => {});
    for (const r of [cp, bom]) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.layers[0]?.data.features[0]?.properties?.['Tên']).toBe('Pa Vệ Sử');
    }
    if (cp.ok) expect(cp.layers[0]?.warnings[0]).toEqual({ key: 'import.warn.encodingGuessed', params: { file: 'a.csv', encoding: 'windows-1258' } });
  });
});
