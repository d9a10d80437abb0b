import { describe, expect, test } from 'vitest';
import { COMMUNE_MAPPING_2025 } from './commune_mapping_2025';
import { normalizeGsoCode, reaggregateTo2025, type OldCommuneRow } from './reaggregate';

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
