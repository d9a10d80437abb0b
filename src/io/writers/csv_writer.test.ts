import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import fc from 'fast-check';
import Papa from 'papaparse';
import { writeCsv } from './csv_writer';
import { isFormulaLike } from './csv_table';

function createPoints(props: Record<string, unknown>[]): FeatureCollection {
  return { type: 'FeatureCollection', features: props.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [102.8, 22.3] }, properties: p })) };
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes); // TextDecoder drops the BOM by default
}

describe('csv writer', () => {
  it('starts with a UTF-8 BOM and writes lat/lon first', () => {
    const { bytes } = writeCsv(createPoints([{ ten: 'Thị trấn Mường Tè' }]), { geometry: 'latlon', crs: 'EPSG:4326' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes)).toBe('lat,lon,ten\r\n22.3,102.8,Thị trấn Mường Tè\r\n');
  });

  it('guards formula-like attribute values but not numbers or signed numeric text', () => {
    const out = text(writeCsv(createPoints([{ a: '=HYPERLINK("http://x")', b: '@SUM(A1)', c: -12.5, d: '-12.5', e: '+84 cmd|x' }]), { geometry: 'latlon', crs: 'EPSG:4326' }).bytes);
    expect(out.split('\r\n')[1]).toBe(`22.3,102.8,"'=HYPERLINK(""http://x"")",'@SUM(A1),-12.5,-12.5,'+84 cmd|x`);
  });

  it('guards formula-like header cells (attribute names come from imported files)', () => {
    const out = text(writeCsv(createPoints([{ '=cmd|\' /C calc\'!A0': 1, '@x': 2, '-y': 3, '+z': 4, ten: 5 }]), { geometry: 'wkt', crs: 'EPSG:4326' }).bytes);
    expect(out.split('\r\n')[0]).toBe(`WKT,'=cmd|' /C calc'!A0,'@x,'-y,'+z,ten`);
  });

  it('writes the formula guard off only when asked', () => {
    const out = text(writeCsv(createPoints([{ '=h': '=1' }]), { geometry: 'latlon', crs: 'EPSG:4326', formulaGuard: false }).bytes);
    expect(out).toBe('lat,lon,=h\r\n22.3,102.8,=1\r\n');
  });

  it('names projected VN-2000 columns X (northing) and Y (easting)', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [480341.5, 2475637.6] }, properties: {} }] };
    expect(text(writeCsv(fc, { geometry: 'latlon', crs: 'VN2000:TM3:103' }).bytes)).toBe('X_VN2000,Y_VN2000\r\n2475637.6,480341.5\r\n');
  });

  it('does not repeat attributes named like its own geometry columns', () => {
    const out = text(writeCsv(createPoints([{ lat: 1, LON: 2, ten: 'A' }]), { geometry: 'latlon', crs: 'EPSG:4326' }).bytes);
    expect(out.split('\r\n')[0]).toBe('lat,lon,ten');
  });

  it('property: no header or attribute cell of a layer export reads back as a formula', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', ' ', 'a', '1'), minLength: 1, maxLength: 8 });
    const props = fc.dictionary(text, fc.oneof(text, fc.double(), fc.constant(null)), { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(props, { minLength: 1, maxLength: 4 }), fc.constantFrom('latlon' as const, 'wkt' as const), (rows, geometry) => {
        const out = new TextDecoder().decode(writeCsv(createPoints(rows), { geometry, crs: 'EPSG:4326' }).bytes);
        const parsed = Papa.parse<string[]>(out.replace(/\r\n$/, ''), { delimiter: ',', newline: '\r\n' }).data;
        for (const r of parsed) for (const c of r) expect(isFormulaLike(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
