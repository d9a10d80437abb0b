import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  codeKey,
  detectKeyColumn,
  indexBoundaries,
  indicatorColumns,
  joinedFeatures,
  joinTable,
  matchValue,
  nameKey,
  type BoundaryFields,
  type JoinTable,
} from './table_join';

// The default pack's two boundary sets (codes and names as in ../shared/facts/muong-te.md §2).
const load = (file: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../data/${file}`, import.meta.url)), 'utf8')) as FeatureCollection;
const FIELDS: BoundaryFields = { codeField: 'gso_code', nameField: 'name_vi', typeField: 'type_vi' };
const B2013 = load('communes-2013-2025.geojson');
const B2025 = load('communes-2025.geojson');
const I2013 = indexBoundaries(B2013, FIELDS);
const I2025 = indexBoundaries(B2025, FIELDS);

const table = (columns: string[], rows: (string | number | null)[][]): JoinTable => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))),
});

const codeOf = (v: string | number, by: 'code' | 'name', index = I2013) => {
  const m = matchValue(index, v, by);
  return 'unit' in m ? m.unit.code : m.reason;
};

describe('match keys', () => {
  it('restores the leading zero Excel strips, from numbers and from text', () => {
    expect(codeKey(3433)).toBe('03433');
    expect(codeKey('3433')).toBe('03433');
    expect(codeKey(' 03433 ')).toBe('03433');
    expect(codeKey(3433.5)).toBeNull();
    expect(codeKey('Mù Cả')).toBeNull();
    expect(codeOf(3469, 'code')).toBe('03469');
    expect(codeOf('3451', 'code')).toBe('03451');
  });

  it('ignores diacritics, case, spaces and unit-type prefixes in names', () => {
    expect(nameKey('Xã Pa Vệ Sử')).toEqual({ type: 'xa', key: 'pavesu' });
    expect(nameKey('THỊ TRẤN Mường Tè')).toEqual({ type: 'thi tran', key: 'muongte' });
    expect(nameKey('TT. Mường Tè')).toEqual({ type: 'thi tran', key: 'muongte' });
    expect(nameKey('X.Mù Cả')).toEqual({ type: 'xa', key: 'muca' });
    expect(nameKey('Phường Tân Phong').type).toBe('phuong');
    for (const v of ['mu ca', 'MÙ CẢ', 'Xã Mù Cả', 'x. mu ca', 'Mù-Cả']) expect(codeOf(v, 'name')).toBe('03451');
    expect(codeOf('nam khao', 'name')).toBe('03457');
    expect(codeOf('Xã Tá Bạ', 'name')).toBe('03440');
  });

  it('accepts the known variant spellings Kan/Can Hồ, Pa Vệ Sử/Sủ, Bum/Bun', () => {
    expect(codeOf('Can Hồ', 'name')).toBe('03469');
    expect(codeOf('xa kan ho', 'name')).toBe('03469');
    expect(codeOf('Pa Vệ Sủ', 'name')).toBe('03448');
    expect(codeOf('Bun Tở', 'name')).toBe('03454');
    expect(codeOf('Xã Bun Nưa', 'name')).toBe('03466');
    // …and on the 2025 communes, where Bum Tở has the town's old code
    expect(codeOf('Bun Tở', 'name', I2025)).toBe('03433');
    expect(codeOf('Bun Nua', 'name', I2025)).toBe('03466');
  });

  it('tells the town from the commune of the same name by the prefix, and calls a bare name ambiguous', () => {
    expect(codeOf('Thị trấn Mường Tè', 'name')).toBe('03433');
    expect(codeOf('TT Mường Tè', 'name')).toBe('03433');
    expect(codeOf('Xã Mường Tè', 'name')).toBe('03445');
    expect(codeOf('Mường Tè', 'name')).toBe('ambiguous');
    // since 2025 there is one Mường Tè, a xã; the former town is not it
    expect(codeOf('Mường Tè', 'name', I2025)).toBe('03445');
    expect(codeOf('Thị trấn Mường Tè', 'name', I2025)).toBe('noMatch');
  });

  it('does not match near misses', () => {
    expect(codeOf('Pa Ve', 'name')).toBe('noMatch');
    expect(codeOf('3434', 'code')).toBe('noMatch');
    expect(codeOf('Xã', 'name')).toBe('noMatch');
    expect(codeOf('', 'name')).toBe('empty');
  });
});

describe('joinTable', () => {
  const ntm = table(
    ['Mã xã', 'Tên xã', 'Tiêu chí NTM', 'Tỷ lệ nghèo (%)'],
    [
      [3433, 'TT Mường Tè', 12, 8.5],
      [3469, 'Can Hồ', 9, 41.2],
      [3448, 'Pa Vệ Sủ', 8, 52.7],
      [3454, 'Bun Tở', 14, 30.1],
      [99999, 'Xã Không Có', 10, 20],
      [null, 'Mù Cả', 7, 60.3],
    ],
  );

  it('restores leading zeros and lists the rows that did not match', () => {
    const r = joinTable(ntm, I2013, { column: 'Mã xã' });
    expect(r.by).toBe('code');
    expect(r.column).toBe('Mã xã');
    expect(r.matched.map((m) => [m.rowNumber, m.unit.code])).toEqual([
      [2, '03433'],
      [3, '03469'],
      [4, '03448'],
      [5, '03454'],
    ]);
    expect(r.unmatched).toEqual([
      { rowNumber: 6, value: '99999', reason: 'noMatch' },
      { rowNumber: 7, value: '', reason: 'empty' },
    ]);
    expect(r.unitsWithoutRow.map((u) => u.code)).toEqual(['03436', '03439', '03440', '03442', '03445', '03451', '03457', '03463', '03466', '03467']);
    expect(r.duplicates).toEqual([]);
  });

  it('detects the name column here (5 matches against 4 codes) and joins by name, with variants and prefixes', () => {
    expect(detectKeyColumn(ntm, I2013)).toEqual({ column: 'Tên xã', by: 'name', matched: 5 });
    const r = joinTable(ntm, I2013);
    expect(r.column).toBe('Tên xã');
    expect(r.by).toBe('name');
    expect(r.matched.map((m) => m.unit.code)).toEqual(['03433', '03469', '03448', '03454', '03451']);
    expect(r.unmatched).toEqual([{ rowNumber: 6, value: 'Xã Không Có', reason: 'noMatch' }]);
  });

  it('prefers the column with more matches, names when the codes are wrong', () => {
    const t = table(['code', 'name', 'v'], [[1, 'Mù Cả', 1], [2, 'Tà Tổng', 2], [3433, 'Ka Lăng', 3]]);
    expect(detectKeyColumn(t, I2013)).toEqual({ column: 'name', by: 'name', matched: 3 });
  });

  it('prefers codes on a tie', () => {
    const t = table(['name', 'code'], [['Mù Cả', '3451'], ['Tà Tổng', '3463']]);
    expect(detectKeyColumn(t, I2013)).toEqual({ column: 'code', by: 'code', matched: 2 });
  });

  it('reports duplicate keys and joins the first row', () => {
    const t = table(['ma', 'v'], [['03451', 1], [3451, 2], ['3463', 3], ['3451', 4]]);
    const r = joinTable(t, I2013);
    expect(r.duplicates).toEqual([{ code: '03451', name: 'Mù Cả', rowNumbers: [2, 3, 5] }]);
    expect(r.matched.map((m) => [m.rowNumber, m.unit.code])).toEqual([
      [2, '03451'],
      [4, '03463'],
    ]);
    expect(r.unmatched).toEqual([]);
  });

  it('uses the spreadsheet row numbers the parser kept', () => {
    const t = { ...table(['ma'], [['1'], ['2']]), rowNumbers: [3, 7] };
    expect(joinTable(t, I2013).unmatched.map((u) => u.rowNumber)).toEqual([3, 7]);
  });

  it('joins the 2025 communes by their own codes: 3433 is Bum Tở, 3460 Hua Bum, 3454 no longer exists', () => {
    const t = table(['Mã xã', 'Tên', 'v'], [[3433, 'Bum Tở', 1], [3460, 'Hua Bun', 2], [3454, 'Bum Tở (cũ)', 3], [3439, 'Thu Lũm', 4]]);
    const r = joinTable(t, I2025);
    expect(r.column).toBe('Mã xã');
    expect(r.matched.map((m) => [m.unit.code, m.unit.name])).toEqual([
      ['03433', 'Bum Tở'],
      ['03460', 'Hua Bum'],
      ['03439', 'Thu Lũm'],
    ]);
    expect(r.unmatched).toEqual([{ rowNumber: 4, value: '3454', reason: 'noMatch' }]);
    expect(r.unitsWithoutRow).toHaveLength(5);
  });

  it('returns no column and every row unmatched when nothing matches', () => {
    const t = table(['a', 'b'], [['x', 1], ['y', 2]]);
    const r = joinTable(t, I2013);
    expect(r.column).toBeNull();
    expect(r.matched).toEqual([]);
    expect(r.unmatched.map((u) => u.rowNumber)).toEqual([2, 3]);
  });
});

describe('joinedFeatures and indicatorColumns', () => {
  it('gives each matched unit its polygon and the row, plus the boundary code and name', () => {
    const t = table(['Mã xã', 'Tiêu chí NTM'], [[3451, 15], [3463, 11]]);
    const r = joinTable(t, I2013);
    const fc = joinedFeatures(t, B2013, r);
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]!.properties).toEqual({ 'Mã xã': 3451, 'Tiêu chí NTM': 15, boundary_code: '03451', boundary_name: 'Mù Cả' });
    const source = B2013.features.find((f) => f.properties?.gso_code === '03451')!;
    expect(fc.features[0]!.geometry).toEqual(source.geometry);
    // a copy: restyling or repairing the joined layer never touches the boundary layer
    expect(fc.features[0]!.geometry).not.toBe(source.geometry);
  });

  it('merges a unit split over several features into one multipolygon', () => {
    const sq = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [0, 2].map((x) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: sq(x) }, properties: { gso_code: '03451', name_vi: 'Mù Cả' } })),
    };
    const idx = indexBoundaries(fc, FIELDS);
    const t = table(['ma'], [['3451']]);
    const g = joinedFeatures(t, fc, joinTable(t, idx)).features[0]!.geometry;
    expect(g).toEqual({ type: 'MultiPolygon', coordinates: [sq(0), sq(2)] });
  });

  it('offers numeric columns other than the key and the codes as indicators', () => {
    const t = table(['Tên xã', 'Mã', 'NTM', 'Ghi chú', 'Độ che phủ'], [['Mù Cả', 3451, 15, 'a', 70.5], ['Tà Tổng', 3463, 11, 'b', null]]);
    expect(indicatorColumns(t, I2013, 'Tên xã')).toEqual(['NTM', 'Độ che phủ']);
  });
});
