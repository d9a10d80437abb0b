import { describe, expect, test } from 'vitest';
import { COMMUNE_MAPPING_2025 } from './commune_mapping_2025';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { geometryAreaM2, m2ToHa } from './area';
import { computeStats } from './overlay_stats';
import { normalizeGsoCode, parseUnitMapping, reaggregateStats, reaggregateTo2025, type OldCommuneRow } from './reaggregate';

function createRow(code: string | number, ha: number, extra: Partial<OldCommuneRow> = {}): OldCommuneRow {
  return { boundaryCode: code, ha, count: 1, sums: {}, valueCounts: {}, ...extra };
}

describe('COMMUNE_MAPPING_2025', () => {
  test('holds the 15 rows of the resolution table, codes with leading zeros', () => {
    expect(COMMUNE_MAPPING_2025).toHaveLength(15);
    for (const m of COMMUNE_MAPPING_2025) {
      expect(m.oldCode).toMatch(/^0\d{4}$/);
      expect(m.newCode).toMatch(/^0\d{4}$/);
    }
    expect(new Set(COMMUNE_MAPPING_2025.map((m) => m.newCode)).size).toBe(8);
  });
});

describe('reaggregateTo2025', () => {
  test('sums the old communes into the new one (Bum Tở = township + Bum Tở + Kan Hồ)', () => {
    const r = reaggregateTo2025([
      createRow('03433', 10, { boundaryHa: 1229 }),
      createRow('03454', 20, { boundaryHa: 13649 }),
      createRow('03469', 30.5, { boundaryHa: 23773 }),
    ]);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row.boundaryCode).toBe('03433');
    expect(row.boundaryName).toBe('Xã Bum Tở');
    expect(row.ha).toBe(60.5);
    expect(row.count).toBe(3);
    expect(row.boundaryHa).toBe(1229 + 13649 + 23773);
    expect(row.pctOfBoundary).toBeCloseTo((60.5 / (1229 + 13649 + 23773)) * 100, 12);
    expect(row.sourceCodes).toEqual(['03433', '03454', '03469']);
    expect(row.missingCodes).toEqual([]);
  });

  test('numeric codes get their leading zero back; unknown codes are listed', () => {
    const r = reaggregateTo2025([createRow(3445, 1), createRow('3457', 2), createRow('99999', 5)]);
    expect(r.rows.map((x) => [x.boundaryCode, x.ha])).toEqual([['03445', 3]]);
    expect(r.unmapped).toEqual(['99999']);
    expect(normalizeGsoCode(' 3433 ')).toBe('03433');
    expect(normalizeGsoCode('X1')).toBe('X1');
  });

  test('classes stay apart; sums and value counts add up', () => {
    const r = reaggregateTo2025([
      createRow('03436', 5, { class: 'RPH', sums: { budget: 100 }, valueCounts: { budget: 1 } }),
      createRow('03439', 7, { class: 'RPH', sums: { budget: 50 }, valueCounts: { budget: 1 } }),
      createRow('03439', 1, { class: 'RSX' }),
    ]);
    expect(r.rows.map((x) => [x.boundaryCode, x.class, x.ha])).toEqual([['03439', 'RPH', 12], ['03439', 'RSX', 1]]);
    expect(r.rows[0]!.sums).toEqual({ budget: 150 });
    expect(r.rows[0]!.valueCounts).toEqual({ budget: 2 });
  });

  test('Hua Bum reports the part outside the former district as missing; given areas win', () => {
    const r = reaggregateTo2025([createRow('03467', 8, { boundaryHa: 8053 })], { newAreasHa: { '03460': 20000 } });
    expect(r.rows[0]!.boundaryCode).toBe('03460');
    expect(r.rows[0]!.missingCodes).toEqual(['03460']);
    expect(r.rows[0]!.boundaryHa).toBe(20000);
    expect(r.rows[0]!.pctOfBoundary).toBeCloseTo(0.04, 12);
  });
});

describe('reaggregateStats', () => {
  // Four 0.01° squares side by side: old units A1, A2 merge into new N1, old B stays as N2;
  // a forest polygon covers the west half of each square.
  const square = (x: number, y = 22): Position[][] => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];
  const half = (x: number, y = 22): Position[][] => [[[x, y], [x + 0.005, y], [x + 0.005, y + 0.01], [x, y + 0.01], [x, y]]];
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const poly = (coordinates: Position[][], properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } });
  const oldUnits = fc([poly(square(102.6), { code: '1001' }), poly(square(102.61), { code: '1002' }), poly(square(102.62), { code: '1003' })]);
  const layer = fc([poly(half(102.6), { cls: 'a' }), poly(half(102.61), { cls: 'b' }), poly(half(102.62), { cls: 'a' })]);
  const squareHa = m2ToHa(geometryAreaM2({ type: 'Polygon', coordinates: square(102.6) }));
  const halfHa = (x: number) => m2ToHa(geometryAreaM2({ type: 'Polygon', coordinates: half(x) }));

  test('merged units carry the sum of their old units, shares of their own area', () => {
    const old = computeStats({ layer, boundaries: oldUnits, boundaryCodeField: 'code', groupBy: 'cls' });
    const r = reaggregateStats(old, [{ oldCode: 1001, newCode: 2001 }, { oldCode: '01002', newCode: '02001' }, { oldCode: '1003', newCode: '2002' }], [
      { code: '02001', name: 'N1', ha: 2 * squareHa },
      { code: '02002', name: 'N2', ha: squareHa },
    ]);
    expect(r.boundaries.map((b) => b.boundaryCode)).toEqual(['02001', '02002']);
    expect(r.boundaries[0]!.ha).toBeCloseTo(halfHa(102.6) + halfHa(102.61), 9);
    expect(r.boundaries[0]!.pctOfBoundary).toBeCloseTo(50, 6);
    expect(r.rows.map((x) => [x.boundaryCode, x.boundaryName, x.class])).toEqual([['02001', 'N1', 'a'], ['02001', 'N1', 'b'], ['02002', 'N2', 'a']]);
    expect(r.classes.map((c) => [c.class, Number(c.ha.toFixed(6))])).toEqual([['a', Number((halfHa(102.6) + halfHa(102.62)).toFixed(6))], ['b', Number(halfHa(102.61).toFixed(6))]]);
    expect(r.total.ha).toBeCloseTo(old.total.ha, 9);
    expect(r.uncovered).toEqual({});
    expect(r.unmapped).toEqual([]);
  });

  test('agrees with the statistics computed directly on the merged boundaries', () => {
    const newUnits = fc([
      poly([[[102.6, 22], [102.62, 22], [102.62, 22.01], [102.6, 22.01], [102.6, 22]]], { code: '02001' }),
      poly(square(102.62), { code: '02002' }),
    ]);
    const direct = computeStats({ layer, boundaries: newUnits, boundaryCodeField: 'code', groupBy: 'cls' });
    const old = computeStats({ layer, boundaries: oldUnits, boundaryCodeField: 'code', groupBy: 'cls' });
    const r = reaggregateStats(old, [{ oldCode: '01001', newCode: '02001' }, { oldCode: '01002', newCode: '02001' }, { oldCode: '01003', newCode: '02002' }], direct.boundaries.map((b) => ({ code: b.boundaryCode, name: null, ha: b.boundaryHa })));
    expect(r.rows.map((x) => [x.boundaryCode, x.class])).toEqual(direct.rows.map((x) => [x.boundaryCode, x.class]));
    r.rows.forEach((row, i) => {
      expect(row.ha).toBeCloseTo(direct.rows[i]!.ha, 6);
      expect(row.pctOfBoundary).toBeCloseTo(direct.rows[i]!.pctOfBoundary, 4);
    });
  });

  test('a new unit that also took land from outside the computed set lists the old codes it lacks', () => {
    const old = computeStats({ layer, boundaries: oldUnits, boundaryCodeField: 'code' });
    const r = reaggregateStats(old, [{ oldCode: '01001', newCode: '02001' }, { oldCode: '01002', newCode: '02001' }, { oldCode: '01003', newCode: '02002' }, { oldCode: '09999', newCode: '02002' }], [
      { code: '02001', name: 'N1', ha: 2 * squareHa },
      { code: '02002', name: 'N2', ha: 5 * squareHa },
    ]);
    expect(r.uncovered).toEqual({ '02002': ['09999'] });
    expect(r.boundaries[1]!.pctOfBoundary).toBeCloseTo(10, 6);
  });

  test('old units the table does not place are reported, not lost silently', () => {
    const old = computeStats({ layer, boundaries: oldUnits, boundaryCodeField: 'code' });
    const r = reaggregateStats(old, [{ oldCode: '01001', newCode: '02001' }], [{ code: '02001', name: 'N1', ha: squareHa }]);
    expect(r.unmapped).toEqual(['01002', '01003']);
    expect(r.total.ha).toBeCloseTo(halfHa(102.6), 9);
  });

  test('parseUnitMapping reads the pack table columns and restores leading zeros', () => {
    expect(parseUnitMapping([{ old: '3433', new: 3433 }, { old: '', new: '1' }, { old: '03454', new: '03433' }], 'old', 'new')).toEqual([
      { oldCode: '03433', newCode: '03433' },
      { oldCode: '03454', newCode: '03433' },
    ]);
  });
});
