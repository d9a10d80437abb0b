import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { buildPointAttributes, buildTableAttributes, matchesFilters, positionOffsets } from './point_attributes';
import { encodeText, tableToFeatures, type PointTable } from '../io/point_table';

function createPoint(lon: number, lat: number, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

describe('buildPointAttributes', () => {
  const style = { type: 'categories' as const, field: 'p', categories: [{ value: 'a', color: '#ff0000', label: 'A' }], otherColor: '#0000ff' };

  it('packs positions and colours into flat arrays', () => {
    const attrs = buildPointAttributes([createPoint(102.5, 22.4, { p: 'a' }), createPoint(102.7, 22.3, { p: 'b' })], style, {});
    expect(attrs.length).toBe(2);
    expect([...attrs.positions]).toEqual([102.5, 22.4, 102.7, 22.3]);
    expect([...attrs.colors]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('drops filtered-out and non-point features but remembers original indexes', () => {
    const features: Feature[] = [
      createPoint(1, 1, { p: 'a', year: 2022 }),
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: { year: 2023 } },
      createPoint(2, 2, { p: 'b', year: 2023 }),
    ];
    const attrs = buildPointAttributes(features, style, { year: '2023' });
    expect(attrs.length).toBe(1);
    expect([...attrs.featureIndex]).toEqual([2]);
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
    expect([...fromTable.colors]).toEqual([...fromFeatures.colors]);
    expect([...fromTable.positions]).toEqual([...fromFeatures.positions]);
  });

  it('filters rows and maps drawn points back to table rows', () => {
    const attrs = buildTableAttributes(table(), style, { year: '2023' });
    expect(attrs.length).toBe(2);
    expect([...attrs.featureIndex]).toEqual([1, 2]);
    expect([...attrs.positions]).toEqual([2, 2, 3, 3]);
    expect([...attrs.colors]).toEqual([0, 0, 255, 255, 255, 0, 0, 255]);
  });
});

describe('positionOffsets', () => {
  it('gives float32 offsets from the bounding-box centre that restore positions to within 1 cm', () => {
    const positions = new Float64Array([102.3456789, 22.1234567, 102.9876543, 22.7654321, 102.5, 22.5]);
    const { offsets, origin } = positionOffsets(positions);
    expect(origin[0]).toBeCloseTo((102.3456789 + 102.9876543) / 2, 12);
    expect(origin[1]).toBeCloseTo((22.1234567 + 22.7654321) / 2, 12);
    expect(offsets).not.toBeNull();
    for (let i = 0; i < positions.length; i += 2) {
      // 1e-7° is about 1 cm on the ground
      expect(Math.abs(origin[0] + offsets![i]! - positions[i]!)).toBeLessThan(1e-7);
      expect(Math.abs(origin[1] + offsets![i + 1]! - positions[i + 1]!)).toBeLessThan(1e-7);
    }
  });

  it('gives no offsets for data spanning more latitude than the offset projection keeps accurate', () => {
    expect(positionOffsets(new Float64Array([103, 21.7, 103.1, 22.3])).offsets).not.toBeNull();
    const wide = positionOffsets(new Float64Array([103, 21.5, 103.1, 22.3]));
    expect(wide.offsets).toBeNull();
    expect(wide.origin[1]).toBeCloseTo(21.9, 12);
  });

  it('copes with no points', () => {
    expect(positionOffsets(new Float64Array(0))).toEqual({ offsets: new Float32Array(0), origin: [0, 0] });
  });
});
