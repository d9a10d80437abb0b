import { describe, expect, it } from 'vitest';
import type { Measures, StatsResult, StatsRow } from './overlay_stats';
import { buildTable, csvNumber, nextSort, plantingHeadline, sortRows, tableToCsv, type DashboardRow } from './dashboard_rows';

function createMeasures(ha: number, count = 0, sums: Record<string, number> = {}): Measures {
  return { ha, count, sums, valueCounts: Object.fromEntries(Object.keys(sums).map((k) => [k, count])) };
}

function createRow(code: string, cls: string | null, ha: number, boundaryHa = 100, count = 1, sums: Record<string, number> = {}): StatsRow {
  return { boundaryCode: code, boundaryName: `Xã ${code}`, boundaryHa, class: cls, ...createMeasures(ha, count, sums), pctOfBoundary: (ha / boundaryHa) * 100 };
}

/** A result for two communes of 100 and 200 ha with classes a and b. */
function createPolygonResult(): Pick<StatsResult, 'rows' | 'boundaries' | 'classes' | 'total'> {
  const rows = [createRow('01', 'a', 10), createRow('01', 'b', 5), createRow('02', 'b', 40, 200)];
  return {
    rows,
    boundaries: [
      { boundaryCode: '01', boundaryName: 'Xã 01', boundaryHa: 100, ...createMeasures(15, 2), pctOfBoundary: 15 },
      { boundaryCode: '02', boundaryName: 'Xã 02', boundaryHa: 200, ...createMeasures(40, 1), pctOfBoundary: 20 },
    ],
    classes: [
      { class: 'a', ...createMeasures(10, 1), pctOfTotal: 10 / 3 },
      { class: 'b', ...createMeasures(45, 2), pctOfTotal: 15 },
    ],
    total: { ...createMeasures(55, 3), boundaryHa: 300, pctOfTotal: 55 / 3 },
  };
}

describe('buildTable', () => {
  it('gives polygon layers ha per class, total and % of commune area, with zeros for missing classes', () => {
    const table = buildTable(createPolygonResult(), { geometry: 'polygon' });
    expect(table.columns.map((c) => c.id)).toEqual(['name', 'class:a', 'class:b', 'total', 'pct']);
    expect(table.rows[1]).toEqual({ code: '02', name: 'Xã 02', values: { 'class:a': 0, 'class:b': 40, total: 40, pct: 20 } });
    expect(table.total.values).toEqual({ 'class:a': 10, 'class:b': 45, total: 55, pct: (55 / 300) * 100 });
  });

  it('gives point layers counts per class, sums and % disbursed', () => {
    const sums = (budget: number, disbursed: number) => ({ budget, disbursed });
    const result: Pick<StatsResult, 'rows' | 'boundaries' | 'classes' | 'total'> = {
      rows: [createRow('01', 'x', 0, 100, 2, sums(100, 25)), createRow('01', 'y', 0, 100, 1, sums(50, 50))],
      boundaries: [{ boundaryCode: '01', boundaryName: 'Xã 01', boundaryHa: 100, ...createMeasures(0, 3, sums(150, 75)), pctOfBoundary: 0 }],
      classes: [
        { class: 'x', ...createMeasures(0, 2, sums(100, 25)), pctOfTotal: 0 },
        { class: 'y', ...createMeasures(0, 1, sums(50, 50)), pctOfTotal: 0 },
      ],
      total: { ...createMeasures(0, 3, sums(150, 75)), boundaryHa: 100, pctOfTotal: 0 },
    };
    const table = buildTable(result, { geometry: 'point', numericFields: ['budget', 'disbursed'], ratio: { part: 'disbursed', whole: 'budget' } });
    expect(table.columns.map((c) => c.id)).toEqual(['name', 'class:x', 'class:y', 'count', 'sum:budget', 'sum:disbursed', 'ratio']);
    expect(table.rows[0]!.values).toEqual({ 'class:x': 2, 'class:y': 1, count: 3, 'sum:budget': 150, 'sum:disbursed': 75, ratio: 50 });
  });

  it('has no class columns when the result is not grouped', () => {
    const r = createPolygonResult();
    const table = buildTable({ ...r, rows: [createRow('01', null, 15)], classes: [{ class: null, ...createMeasures(15, 2), pctOfTotal: 5 }] }, { geometry: 'polygon' });
    expect(table.columns.map((c) => c.id)).toEqual(['name', 'total', 'pct']);
  });
});

describe('sorting', () => {
  const rows: DashboardRow[] = [
    { code: '1', name: 'Tà Tổng', values: { total: 5 } },
    { code: '2', name: 'Bum Nưa', values: { total: 9 } },
    { code: '3', name: 'Ka Lăng', values: { total: 5 } },
  ];

  it('sorts numbers both ways, ties by name', () => {
    expect(sortRows(rows, { column: 'total', dir: 'descending' }).map((r) => r.code)).toEqual(['2', '3', '1']);
    expect(sortRows(rows, { column: 'total', dir: 'ascending' }).map((r) => r.code)).toEqual(['3', '1', '2']);
  });

  it('sorts names in Vietnamese order', () => {
    expect(sortRows(rows, { column: 'name', dir: 'ascending' }).map((r) => r.name)).toEqual(['Bum Nưa', 'Ka Lăng', 'Tà Tổng']);
  });

  it('starts a new numeric column descending and toggles on a second click', () => {
    expect(nextSort(null, 'total')).toEqual({ column: 'total', dir: 'descending' });
    expect(nextSort({ column: 'total', dir: 'descending' }, 'total')).toEqual({ column: 'total', dir: 'ascending' });
    expect(nextSort({ column: 'total', dir: 'descending' }, 'name')).toEqual({ column: 'name', dir: 'ascending' });
  });
});

describe('CSV', () => {
  it('writes numbers with a dot decimal and no grouping', () => {
    expect(csvNumber(1234.5678)).toBe(1234.57);
    expect(csvNumber(-0.001)).toBe(0);
    expect(csvNumber(7, 0)).toBe(7);
    expect(csvNumber(Number.NaN)).toBeNull();
  });

  it('starts with a byte-order mark, quotes cells that need it and ends with the total', () => {
    const table = buildTable(createPolygonResult(), { geometry: 'polygon' });
    const csv = tableToCsv(table, { code: 'Mã', total: 'Tổng, huyện', column: (c) => (c.id === 'name' ? 'Xã' : c.id) });
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines[0]).toBe('Mã,Xã,class:a,class:b,total,pct');
    expect(lines[1]).toBe('01,Xã 01,10,5,15,15');
    expect(lines[3]).toBe(',"Tổng, huyện",10,45,55,18.33');
  });

  it('guards formula-like header cells and text cells, and keeps negative numbers numbers', () => {
    const table = buildTable(createPolygonResult(), { geometry: 'polygon' });
    const rows = table.rows.map((r, i) => (i === 0 ? { ...r, code: '@01', name: '=HYPERLINK("x")', values: { ...r.values, total: -12.5 } } : r));
    const csv = tableToCsv({ ...table, rows }, { code: '+Mã', total: '-Tổng', column: (c) => (c.id === 'name' ? '=Xã' : `@${c.id}`) });
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(`'+Mã,'=Xã,'@class:a,'@class:b,'@total,'@pct`);
    expect(lines[1]).toBe(`'@01,"'=HYPERLINK(""x"")",10,5,-12.5,15`);
    expect(lines[3]?.split(',')[1]).toBe(`'-Tổng`);
  });
});

describe('plantingHeadline', () => {
  const rows = [createRow('01', '2023', 300.2), createRow('02', '2023', 227.1), createRow('01', '2022', 80)];
  const plan = [
    { year: '2023', communeCode: '01', planHa: 200 },
    { year: '2023', communeCode: '02', planHa: 300 },
    { year: '2022', communeCode: '01', planHa: 100 },
    { year: '2024', communeCode: '01', planHa: 90 },
  ];

  it('compares the latest planted year with its plan', () => {
    const h = plantingHeadline(rows, plan)!;
    expect(h.year).toBe('2023');
    expect(h.plantedHa).toBeCloseTo(527.3, 9);
    expect(h.planHa).toBe(500);
    expect(h.pct).toBeCloseTo(105.46, 9);
  });

  it('takes a given year, and is null without a plan for it', () => {
    expect(plantingHeadline(rows, plan, '2022')).toEqual({ year: '2022', plantedHa: 80, planHa: 100, pct: 80 });
    expect(plantingHeadline(rows, plan, '2019')).toBeNull();
  });
});
