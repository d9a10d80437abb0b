import { describe, expect, it } from 'vitest';
import { numericColumns, parseCsvPoints, parseGeojsonText } from './parse_layer_file';

const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };

function createCollection(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('parseGeojsonText', () => {
  it('keeps features of the declared geometry kind with their properties', () => {
    const r = parseGeojsonText(createCollection([{ type: 'Feature', geometry: square, properties: { name: 'Mù Cả' } }]), 'polygon');
    expect(r.ok && r.value.data.features[0]?.properties).toEqual({ name: 'Mù Cả' });
  });

  it('reports an empty file', () => {
    expect(parseGeojsonText('  \n', 'polygon')).toEqual({ ok: false, reason: { key: 'reason.empty' } });
  });

  it('reports truncated JSON with the parser detail', () => {
    const r = parseGeojsonText('{"type":"FeatureCollection","features":[', 'polygon');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.key).toBe('reason.json');
      expect(String(r.reason.params?.detail)).not.toBe('');
    }
  });

  it('rejects JSON that is not a FeatureCollection', () => {
    expect(parseGeojsonText('[1,2]', 'point')).toEqual({ ok: false, reason: { key: 'reason.notGeojson' } });
  });

  it('skips null geometries and reports their positions', () => {
    const r = parseGeojsonText(
      createCollection([
        { type: 'Feature', geometry: null, properties: {} },
        { type: 'Feature', geometry: square, properties: {} },
      ]),
      'polygon',
    );
    expect(r.ok && r.value.skipped).toEqual([1]);
    expect(r.ok && r.value.data.features).toHaveLength(1);
  });

  it('fails when no feature has the declared kind', () => {
    const r = parseGeojsonText(createCollection([{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }]), 'polygon');
    expect(r).toEqual({ ok: false, reason: { key: 'reason.geometryKind', params: { count: 1, expected: 'polygon' } } });
  });
});

describe('numericColumns', () => {
  it('keeps codes with leading zeros as text', () => {
    const rows = [
      { code: '03433', budget: '1200', lat: '22.379' },
      { code: '03436', budget: '', lat: '-1e-3' },
    ];
    expect([...numericColumns(rows, ['code', 'budget', 'lat'])].sort()).toEqual(['budget', 'lat']);
  });

  it('treats a column with any non-number as text', () => {
    expect(numericColumns([{ a: '12' }, { a: '12a' }], ['a']).size).toBe(0);
  });
});

describe('parseCsvPoints', () => {
  const coords = { lon: 'lon', lat: 'lat' };

  it('builds points with typed properties and strips a BOM', () => {
    const r = parseCsvPoints('\uFEFFid,name,commune_code,lat,lon,budget\n1,Đường bản,03448,22.52,102.836,1500\n', coords);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.value.data.features[0]!;
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [102.836, 22.52] });
    expect(f.properties).toEqual({ id: 1, name: 'Đường bản', commune_code: '03448', lat: 22.52, lon: 102.836, budget: 1500 });
  });

  it('skips rows with missing or out-of-range coordinates and lists them', () => {
    const r = parseCsvPoints('lat,lon\n22.5,102.8\n,102.8\n95,102\n22.4,abc\n', coords);
    expect(r.ok && r.value.skipped).toEqual([2, 3, 4]);
    expect(r.ok && r.value.data.features).toHaveLength(1);
  });

  it('names the missing coordinate columns and the ones present', () => {
    const r = parseCsvPoints('x,y\n1,2\n', coords);
    expect(r).toEqual({ ok: false, reason: { key: 'reason.csvColumns', params: { lon: 'lon', lat: 'lat', columns: 'x, y' } } });
  });

  it('fails when no row has coordinates', () => {
    expect(parseCsvPoints('lat,lon\n,\n', coords)).toEqual({ ok: false, reason: { key: 'reason.csvNoRows' } });
  });
});
