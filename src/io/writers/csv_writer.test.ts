import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { cellText, quoteCell, writeCsv } from './csv_writer';

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

  it('guards formula-like text but not numbers or signed numeric text', () => {
    expect(cellText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(cellText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(cellText('+84 cmd|x')).toBe(`'+84 cmd|x`);
    expect(cellText(-12.5)).toBe('-12.5');
    expect(cellText('-12.5')).toBe('-12.5');
    expect(cellText('=1', false)).toBe('=1');
  });

  it('quotes delimiters, quotes, line breaks and edge spaces', () => {
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('bản "Nậm Hàng"')).toBe('"bản ""Nậm Hàng"""');
    expect(quoteCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(quoteCell(' x')).toBe('" x"');
  });

  it('names projected VN-2000 columns X (northing) and Y (easting)', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [480341.5, 2475637.6] }, properties: {} }] };
    expect(text(writeCsv(fc, { geometry: 'latlon', crs: 'VN2000:TM3:103' }).bytes)).toBe('X_VN2000,Y_VN2000\r\n2475637.6,480341.5\r\n');
  });

  it('does not repeat attributes named like its own geometry columns', () => {
    const out = text(writeCsv(createPoints([{ lat: 1, LON: 2, ten: 'A' }]), { geometry: 'latlon', crs: 'EPSG:4326' }).bytes);
    expect(out.split('\r\n')[0]).toBe('lat,lon,ten');
  });
});
