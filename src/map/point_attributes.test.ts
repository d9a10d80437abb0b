import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { buildPointAttributes, buildTableAttributes, featureIndexOf, inSample, matchesFilters, pointColor, samplePointAttributes, type PointAttributes } from './point_attributes';
import { encodeText, positionOffsets, tableToFeatures, type PointTable } from '../io/point_table';

function createPoint(lon: number, lat: number, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

describe('buildPointAttributes', () => {
  const style = { type: 'categories' as const, field: 'p', categories: [{ value: 'a', color: '#ff0000', label: 'A' }], otherColor: '#0000ff' };

  it('packs positions and colours into flat arrays', () => {
    const attrs = buildPointAttributes([createPoint(102.5, 22.4, { p: 'a' }), createPoint(102.7, 22.3, { p: 'b' })], style, {});
    expect(attrs.length).toBe(2);
    expect([...attrs.positions]).toEqual([102.5, 22.4, 102.7, 22.3]);
    expect([...attrs.colors!]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('drops filtered-out and non-point features but remembers original indexes', () => {
    const features: Feature[] = [
      createPoint(1, 1, { p: 'a', year: 2022 }),
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: { year: 2023 } },
      createPoint(2, 2, { p: 'b', year: 2023 }),
    ];
    const attrs = buildPointAttributes(features, style, { year: '2023' });
    expect(attrs.length).toBe(1);
    expect([...attrs.featureIndex!]).toEqual([2]);
  });
});

describe('matchesFilters', () => {
  it('compares as text and rejects missing values', () => {
    expect(matchesFilters({ year: 2023 }, { year: '2023' })).toBe(true);
    expect(matchesFilters({}, { year: '2023' })).toBe(false);
    expect(matchesFilters(null, {})).toBe(true);
  });
});

describe('buildTableAttributes', () => {
  const style = { type: 'categories' as const, field: 'p', categories: [{ value: 'a', color: '#ff0000', label: 'A' }], otherColor: '#0000ff' };
  const table = (): PointTable => ({
    length: 3,
    positions: new Float64Array([1, 1, 2, 2, 3, 3]),
    columns: ['p', 'year'],
    numeric: { year: new Float64Array([2022, 2023, 2023]) },
    text: { p: encodeText(['a', 'b', 'a']) },
  });

  it('gives the same colours as the feature path', () => {
    const t = table();
    const fromTable = buildTableAttributes(t, style, {});
    const fromFeatures = buildPointAttributes(tableToFeatures(t).features, style, {});
    expect([...fromTable.colors!]).toEqual([...fromFeatures.colors!]);
    expect([...fromTable.positions]).toEqual([...fromFeatures.positions]);
  });

  it('filters rows and maps drawn points back to table rows', () => {
    const attrs = buildTableAttributes(table(), style, { year: '2023' });
    expect(attrs.length).toBe(2);
    expect([...attrs.featureIndex!]).toEqual([1, 2]);
    expect([...attrs.positions]).toEqual([2, 2, 3, 3]);
    expect([...attrs.colors!]).toEqual([0, 0, 255, 255, 255, 0, 0, 255]);
    expect([0, 1].map((i) => featureIndexOf(attrs, i))).toEqual([1, 2]);
    expect(pointColor(attrs, 1)).toEqual([255, 0, 0]);
  });

  it('draws every row in order with one colour without per-point arrays (single style, no filter)', () => {
    const attrs = buildTableAttributes(table(), { type: 'single', color: '#1b7837' }, {});
    expect(attrs.colors).toBeNull();
    expect(attrs.featureIndex).toBeNull();
    expect(attrs.color).toEqual([0x1b, 0x78, 0x37, 255]);
    expect([0, 1, 2].map((i) => featureIndexOf(attrs, i))).toEqual([0, 1, 2]);
    expect(pointColor(attrs, 2)).toEqual([0x1b, 0x78, 0x37]);
  });
});

describe('buildTableAttributes offsets', () => {
  const positions = new Float64Array([102.4, 22.2, 102.6, 22.4, 102.8, 22.6]);
  const table: PointTable = { length: 3, positions, columns: ['k'], numeric: {}, text: { k: encodeText(['a', 'b', 'a']) }, drawOffsets: positionOffsets(positions) };

  it("uses the table's own offsets (built in its worker) when every row is drawn", () => {
    const attrs = buildTableAttributes(table, { type: 'single', color: '#ff0000' }, {});
    expect(attrs.offsets).toBe(table.drawOffsets!.offsets);
    expect(attrs.origin).toBe(table.drawOffsets!.origin);
  });

  it('computes offsets of the filtered rows from their own bounding box', () => {
    const attrs = buildTableAttributes(table, { type: 'single', color: '#ff0000' }, { k: 'a' });
    expect([...attrs.featureIndex!]).toEqual([0, 2]);
    expect(attrs.origin[0]).toBeCloseTo(102.6, 12);
    expect(attrs.origin[1]).toBeCloseTo(22.4, 12);
    expect([...attrs.offsets!].map((v) => +v.toFixed(6))).toEqual([-0.2, -0.2, 0.2, 0.2]);
  });
});

describe('samplePointAttributes', () => {
  // a 1000 × 100 grid written row by row, three colours in turn, every 4th row filtered out
  function gridAttributes(): PointAttributes {
    const kept: number[] = [];
    for (let i = 0; i < 100_000; i++) if (i % 4 !== 3) kept.push(i);
    const n = kept.length;
    const positions = new Float64Array(2 * n);
    const offsets = new Float32Array(2 * n);
    const colors = new Uint8Array(4 * n);
    kept.forEach((row, k) => {
      positions.set([102 + (row % 1000) * 0.001, 22 + Math.floor(row / 1000) * 0.001], 2 * k);
      offsets.set([positions[2 * k]! - 102.5, positions[2 * k + 1]! - 22.05], 2 * k);
      colors.set([row % 3, 0, 0, 255], 4 * k);
    });
    return { length: n, positions, offsets, origin: [102.5, 22.05], colors, color: [0, 0, 0, 255], featureIndex: Uint32Array.from(kept) };
  }

  it('keeps about one point in `every`, each with its own position, offset, colour and row', () => {
    const attrs = gridAttributes();
    const s = samplePointAttributes(attrs, 8);
    expect(s.length).toBeGreaterThan(attrs.length / 8 * 0.95);
    expect(s.length).toBeLessThan(attrs.length / 8 * 1.05);
    expect(s.positions.length).toBe(2 * s.length);
    expect(s.offsets!.length).toBe(2 * s.length);
    expect(s.colors!.length).toBe(4 * s.length);
    expect(s.origin).toEqual(attrs.origin);
    for (let j = 0; j < s.length; j += 97) {
      const row = featureIndexOf(s, j);
      const k = attrs.featureIndex!.indexOf(row);
      expect(inSample(k, 8)).toBe(true);
      expect([s.positions[2 * j], s.positions[2 * j + 1]]).toEqual([attrs.positions[2 * k], attrs.positions[2 * k + 1]]);
      expect([s.offsets![2 * j], s.offsets![2 * j + 1]]).toEqual([attrs.offsets![2 * k], attrs.offsets![2 * k + 1]]);
      expect(pointColor(s, j)).toEqual(pointColor(attrs, k));
    }
  });

  it('is spread over the whole grid: no column or row of the grid is left out', () => {
    const s = samplePointAttributes(gridAttributes(), 8);
    const columns = new Set<number>();
    const rows = new Set<number>();
    for (let j = 0; j < s.length; j++) {
      columns.add(Math.round((s.positions[2 * j]! - 102) * 1000));
      rows.add(Math.round((s.positions[2 * j + 1]! - 22) * 1000));
    }
    // the filter left 750 of the 1000 columns (those with x % 4 === 3 are out); one in every
    // 8th index would keep 1 column in 8 of a grid written row by row
    expect(columns.size).toBe(750);
    expect(rows.size).toBe(100);
  });

  it('keeps the single colour of a one-colour layer without an array, and is the same every time', () => {
    const attrs: PointAttributes = { length: 1000, positions: new Float64Array(2000).fill(1), offsets: null, origin: [0, 0], colors: null, color: [1, 2, 3, 255], featureIndex: null };
    const a = samplePointAttributes(attrs, 4);
    expect(a.colors).toBeNull();
    expect(a.offsets).toBeNull();
    expect(a.color).toEqual([1, 2, 3, 255]);
    expect(Array.from(a.featureIndex!)).toEqual(Array.from(samplePointAttributes(attrs, 4).featureIndex!));
    expect(Array.from(a.featureIndex!).every((row) => inSample(row, 4))).toBe(true);
  });
});
