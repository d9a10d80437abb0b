import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { parseLocaleNumber, queryRows, type TableSource } from './table_query';
import { featureTableSource, pointTableSource, rowsBounds } from './table_source';
import { parseCsvColumnar } from '../io/csv_columnar';
import { pointTableFromColumnar } from '../io/point_table';

function createSource(rows: Array<Record<string, string | number | null>>): TableSource {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((properties, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [102 + i, 22 + i] }, properties })),
  };
  return featureTableSource(fc);
}

const ids = (rows: Uint32Array) => [...rows];

describe('parseLocaleNumber', () => {
  it('reads the Vietnamese decimal comma and the English decimal point', () => {
    expect(parseLocaleNumber('12,5')).toBe(12.5);
    expect(parseLocaleNumber('12.5')).toBe(12.5);
    expect(parseLocaleNumber('-0,25')).toBe(-0.25);
  });
  it('reads thousands separators when both marks or repeated groups appear', () => {
    expect(parseLocaleNumber('1.234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1,234.5')).toBe(1234.5);
    expect(parseLocaleNumber('1.234.567')).toBe(1234567);
    expect(parseLocaleNumber('1 234,5')).toBe(1234.5);
  });
  it('refuses text that is not a number', () => {
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber('abc')).toBeNull();
    expect(parseLocaleNumber('1,2,3')).toBeNull();
    expect(parseLocaleNumber('12 ha')).toBeNull();
  });
});

describe('queryRows', () => {
  const src = createSource([
    { name: 'Đông', ha: 10, kind: 'rừng' },
    { name: 'Dương', ha: 2, kind: 'lúa' },
    { name: 'An', ha: null, kind: 'rừng' },
    { name: 'Ă', ha: 2.5, kind: 'Rừng sản xuất' },
    { name: 'Lô 10', ha: 30, kind: null },
    { name: 'Lô 2', ha: -1, kind: 'lúa' },
  ]);

  it('keeps the file order without a query', () => {
    expect(ids(queryRows(src))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('sorts numbers numerically with empty cells last in both directions', () => {
    expect(ids(queryRows(src, { sort: { field: 'ha' } }))).toEqual([5, 1, 3, 0, 4, 2]);
    expect(ids(queryRows(src, { sort: { field: 'ha', desc: true } }))).toEqual([4, 0, 3, 1, 5, 2]);
  });

  it('sorts text in Vietnamese order: A < Ă, D < Đ, numbers inside text by value', () => {
    const names = (rows: Uint32Array) => ids(rows).map((i) => src.value(i, 'name'));
    expect(names(queryRows(src, { sort: { field: 'name' } }))).toEqual(['An', 'Ă', 'Dương', 'Đông', 'Lô 2', 'Lô 10']);
  });

  it('searches every column without diacritics or case', () => {
    expect(ids(queryRows(src, { search: 'dong' }))).toEqual([0]);
    expect(ids(queryRows(src, { search: 'RUNG' }))).toEqual([0, 2, 3]);
    expect(ids(queryRows(src, { search: 'rung san' }))).toEqual([3]);
    expect(ids(queryRows(src, { search: '2.5' }))).toEqual([3]);
  });

  it('filters by equal value, contained text and numeric range', () => {
    expect(ids(queryRows(src, { filters: [{ field: 'kind', op: 'eq', value: 'lúa' }] }))).toEqual([1, 5]);
    expect(ids(queryRows(src, { filters: [{ field: 'ha', op: 'eq', value: '2,5' }] }))).toEqual([3]);
    expect(ids(queryRows(src, { filters: [{ field: 'kind', op: 'contains', value: 'rung' }] }))).toEqual([0, 2, 3]);
    expect(ids(queryRows(src, { filters: [{ field: 'ha', op: 'range', min: 2, max: 10 }] }))).toEqual([0, 1, 3]);
    expect(ids(queryRows(src, { filters: [{ field: 'ha', op: 'range', min: 0 }], sort: { field: 'ha', desc: true } }))).toEqual([4, 0, 3, 1]);
  });

  it('ignores filters and sorts on fields the layer does not have', () => {
    expect(ids(queryRows(src, { filters: [{ field: 'nope', op: 'eq', value: 'x' }], sort: { field: 'nope' } }))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads a point table column by column, dictionary columns included', () => {
    const csv = 'id,lon,lat,name,kind\n1,102.5,22.4,Đông,b\n2,102.6,22.3,An,a\n3,102.7,22.6,Ă,b\n';
    const t = pointTableFromColumnar(parseCsvColumnar(new TextEncoder().encode(csv)), 'lon', 'lat')!.table;
    const pts = pointTableSource(t);
    expect(pts.columns.find((c) => c.name === 'id')?.numeric).toBe(true);
    expect(ids(queryRows(pts, { sort: { field: 'name' } }))).toEqual([1, 2, 0]);
    expect(ids(queryRows(pts, { sort: { field: 'kind', desc: true } }))).toEqual([0, 2, 1]);
    expect(ids(queryRows(pts, { search: 'dong' }))).toEqual([0]);
    expect(rowsBounds({ data: null, points: t }, [0, 2])).toEqual([102.5, 22.4, 102.7, 22.6]);
  });

  it('sorts and searches 100,000 rows (time logged, not asserted)', { timeout: 30_000 }, () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ name: `Điểm ${(i * 7919) % 100_000}`, ha: (i * 31) % 977, kind: ['rừng', 'lúa', 'nương'][i % 3]! }));
    const big = createSource(rows);
    let t0 = performance.now();
    const sorted = queryRows(big, { sort: { field: 'name' } });
    const sortText = performance.now() - t0;
    t0 = performance.now();
    queryRows(big, { sort: { field: 'ha', desc: true } });
    const sortNum = performance.now() - t0;
    t0 = performance.now();
    const found = queryRows(big, { search: 'diem 123' });
    const search = performance.now() - t0;
    t0 = performance.now();
    queryRows(big, { search: 'diem 124', sort: { field: 'name' } });
    const again = performance.now() - t0;
    console.log(`table_query 100k: sort text ${sortText.toFixed(0)} ms, sort number ${sortNum.toFixed(0)} ms, first search ${search.toFixed(0)} ms, cached search+sort ${again.toFixed(0)} ms`);
    expect(sorted.length).toBe(100_000);
    expect(big.value(sorted[0]!, 'name')).toBe('Điểm 0');
    expect(found.length).toBeGreaterThan(0);
  });
});
