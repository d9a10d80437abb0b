import { describe, expect, it } from 'vitest';
import { parsePlanCsv } from './planting_plan';

describe('parsePlanCsv', () => {
  it('reads year, code and hectares, padding codes to 5 digits', () => {
    const { rows, skipped } = parsePlanCsv('year,commune_code,commune,plan_ha\n2023,3439,Xã Ka Lăng,12.5\n2022,03440,Xã Tá Bạ,7\n');
    expect(rows).toEqual([
      { year: '2023', communeCode: '03439', planHa: 12.5 },
      { year: '2022', communeCode: '03440', planHa: 7 },
    ]);
    expect(skipped).toEqual([]);
  });

  it('skips rows without a year or a number and strips a byte-order mark', () => {
    const { rows, skipped } = parsePlanCsv('\ufeffyear,commune_code,plan_ha\n2023,03439,abc\n,03440,3\n2023,03442,"4,5"\n');
    expect(rows).toEqual([{ year: '2023', communeCode: '03442', planHa: 4.5 }]);
    expect(skipped).toEqual([1, 2]);
  });
});
