import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { lonLatRectAreaM2, m2ToHa } from './area';
import { computeStats, toNumber, type StatsProgress } from './overlay_stats';
import { encodeText, type PointTable } from '../io/point_table';

// Two communes side by side at 22° N: A = 102.0–102.1 E, B = 102.1–102.2 E, 22.0–22.1 N.
function createRect(w: number, s: number, e: number, n: number): Position[] {
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}
function createFeature(geometry: Geometry | null, properties: Record<string, unknown> = {}): Feature {
  return { type: 'Feature', geometry, properties } as Feature;
}
function createSquare(w: number, s: number, size: number, properties: Record<string, unknown> = {}): Feature {
  return createFeature({ type: 'Polygon', coordinates: [createRect(w, s, w + size, s + size)] }, properties);
}
function createCollection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
function createCommunes(): FeatureCollection {
  return createCollection([
    createFeature({ type: 'Polygon', coordinates: [createRect(102.0, 22.0, 102.1, 22.1)] }, { code: '03433', name: 'A' }),
    createFeature({ type: 'Polygon', coordinates: [createRect(102.1, 22.0, 102.2, 22.1)] }, { code: '03454', name: 'B' }),
  ]);
}
function ha(w: number, s: number, e: number, n: number): number {
  return m2ToHa(lonLatRectAreaM2(w, s, e, n));
}
function run(features: Feature[], extra: { groupBy?: string; numericFields?: string[] } = {}) {
  return computeStats({ layer: createCollection(features), boundaries: createCommunes(), boundaryCodeField: 'code', boundaryNameField: 'name', ...extra });
}
const CLOSE = 6; // 1e-6 ha = 0.01 m²

describe('computeStats: polygons', () => {
  test('a square inside one commune is measured whole, with its share of the commune', () => {
    const r = run([createSquare(102.02, 22.02, 0.01)]);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row.boundaryCode).toBe('03433');
    expect(row.boundaryName).toBe('A');
    expect(row.class).toBeNull();
    expect(row.ha).toBeCloseTo(ha(102.02, 22.02, 102.03, 22.03), CLOSE);
    expect(row.boundaryHa).toBeCloseTo(ha(102.0, 22.0, 102.1, 22.1), CLOSE);
    expect(row.pctOfBoundary).toBeCloseTo((row.ha / row.boundaryHa) * 100, 9);
    expect(row.count).toBe(1);
  });

  test('a square crossing the commune border is split between the two', () => {
    const r = run([createSquare(102.09, 22.05, 0.02)]);
    const [a, b] = r.boundaries;
    expect(a!.ha).toBeCloseTo(ha(102.09, 22.05, 102.1, 22.07), CLOSE);
    expect(b!.ha).toBeCloseTo(ha(102.1, 22.05, 102.11, 22.07), CLOSE);
    expect(r.total.ha).toBeCloseTo(ha(102.09, 22.05, 102.11, 22.07), CLOSE);
    expect(r.total.count).toBe(2);
  });

  test('overlapping squares of one class are not double-counted', () => {
    const r = run([createSquare(102.02, 22.02, 0.02, { c: 'TXG' }), createSquare(102.03, 22.03, 0.02, { c: 'TXG' })], { groupBy: 'c' });
    const union = ha(102.02, 22.02, 102.04, 22.04) + ha(102.03, 22.03, 102.05, 22.05) - ha(102.03, 22.03, 102.04, 22.04);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.ha).toBeCloseTo(union, CLOSE);
    expect(r.rows[0]!.count).toBe(2);
  });

  test('an exact duplicate is counted once; a nested square adds nothing', () => {
    const r = run([createSquare(102.02, 22.02, 0.02), createSquare(102.02, 22.02, 0.02), createSquare(102.025, 22.025, 0.005)]);
    expect(r.total.ha).toBeCloseTo(ha(102.02, 22.02, 102.04, 22.04), CLOSE);
  });

  test('overlapping squares of different classes each count in full', () => {
    const r = run([createSquare(102.02, 22.02, 0.02, { c: 'RPH' }), createSquare(102.03, 22.03, 0.02, { c: 'RSX' })], { groupBy: 'c' });
    expect(r.classes.map((c) => c.class)).toEqual(['RPH', 'RSX']);
    expect(r.classes[0]!.ha).toBeCloseTo(ha(102.02, 22.02, 102.04, 22.04), CLOSE);
    expect(r.classes[1]!.ha).toBeCloseTo(ha(102.03, 22.03, 102.05, 22.05), CLOSE);
  });

  test('squares that only share an edge are both counted in full', () => {
    const r = run([createSquare(102.02, 22.02, 0.01), createSquare(102.03, 22.02, 0.01)]);
    expect(r.total.ha).toBeCloseTo(ha(102.02, 22.02, 102.04, 22.03), CLOSE);
  });

  test('overlapping squares across the border are unioned, then split', () => {
    const r = run([createSquare(102.08, 22.05, 0.03), createSquare(102.09, 22.05, 0.03)]);
    expect(r.boundaries[0]!.ha).toBeCloseTo(ha(102.08, 22.05, 102.1, 22.08), CLOSE);
    expect(r.boundaries[1]!.ha).toBeCloseTo(ha(102.1, 22.05, 102.12, 22.08), CLOSE);
  });

  test('holes are left out, also where the holed polygon crosses the border', () => {
    const holed = createFeature({
      type: 'Polygon',
      coordinates: [createRect(102.08, 22.02, 102.12, 22.06), createRect(102.09, 22.03, 102.11, 22.05)],
    });
    const r = run([holed]);
    expect(r.boundaries[0]!.ha).toBeCloseTo(ha(102.08, 22.02, 102.1, 22.06) - ha(102.09, 22.03, 102.1, 22.05), CLOSE);
    expect(r.boundaries[1]!.ha).toBeCloseTo(ha(102.1, 22.02, 102.12, 22.06) - ha(102.1, 22.03, 102.11, 22.05), CLOSE);
  });

  test('a commune with a hole does not get the land in its hole', () => {
    const boundaries = createCollection([
      createFeature({ type: 'Polygon', coordinates: [createRect(102.0, 22.0, 102.1, 22.1), createRect(102.04, 22.04, 102.06, 22.06)] }, { code: 'X' }),
    ]);
    const layer = createCollection([createSquare(102.03, 22.03, 0.04), createSquare(102.045, 22.045, 0.01)]);
    const r = computeStats({ layer, boundaries, boundaryCodeField: 'code' });
    expect(r.boundaries[0]!.ha).toBeCloseTo(ha(102.03, 22.03, 102.07, 22.07) - ha(102.04, 22.04, 102.06, 22.06), CLOSE);
    expect(r.outsideCount).toBe(0); // the small square lies in the hole but was unioned with the big one
  });

  test('a multipolygon with one part in each commune', () => {
    const multi = createFeature({ type: 'MultiPolygon', coordinates: [[createRect(102.02, 22.02, 102.03, 22.03)], [createRect(102.15, 22.02, 102.17, 22.03)]] });
    const r = run([multi]);
    expect(r.boundaries[0]!.ha).toBeCloseTo(ha(102.02, 22.02, 102.03, 22.03), CLOSE);
    expect(r.boundaries[1]!.ha).toBeCloseTo(ha(102.15, 22.02, 102.17, 22.03), CLOSE);
  });

  test('rows per class per commune, class totals and the district total', () => {
    const r = run(
      [createSquare(102.02, 22.02, 0.01, { c: 'b' }), createSquare(102.12, 22.02, 0.01, { c: 'a' }), createSquare(102.05, 22.05, 0.01, { c: 'a' }), createSquare(102.15, 22.05, 0.01, {})],
      { groupBy: 'c' },
    );
    expect(r.rows.map((x) => `${x.boundaryCode}:${x.class}`)).toEqual(['03433:a', '03433:b', '03454:', '03454:a']);
    const low = ha(102.02, 22.02, 102.03, 22.03);
    const high = ha(102.05, 22.05, 102.06, 22.06);
    expect(r.classes.map((c) => c.class)).toEqual(['', 'a', 'b']);
    expect(r.classes.find((c) => c.class === 'a')!.ha).toBeCloseTo(low + high, CLOSE);
    expect(r.classes.find((c) => c.class === 'b')!.ha).toBeCloseTo(low, CLOSE);
    expect(r.total.ha).toBeCloseTo(2 * low + 2 * high, CLOSE);
    expect(r.total.boundaryHa).toBeCloseTo(ha(102.0, 22.0, 102.2, 22.1), CLOSE);
    expect(r.total.pctOfTotal).toBeCloseTo((r.total.ha / r.total.boundaryHa) * 100, 9);
  });

  test('features outside every commune and unsupported geometries are reported', () => {
    const r = run([createSquare(105, 10, 0.01), createFeature({ type: 'LineString', coordinates: [[102, 22], [102.1, 22.1]] }), createFeature(null)]);
    expect(r.outsideCount).toBe(1);
    expect(r.skipped).toEqual([{ index: 1, reason: 'unsupported-geometry' }, { index: 2, reason: 'no-geometry' }]);
    expect(r.rows).toEqual([]);
    expect(r.geometry).toBe('polygon');
  });
});

describe('computeStats: points', () => {
  function createPoint(lon: number, lat: number, properties: Record<string, unknown> = {}): Feature {
    return createFeature({ type: 'Point', coordinates: [lon, lat] }, properties);
  }

  test('points are counted per commune and numeric fields summed', () => {
    const r = run(
      [
        createPoint(102.05, 22.05, { budget: 100, paid: 40, kind: 'road' }),
        createPoint(102.06, 22.05, { budget: '250.5', paid: null, kind: 'school' }),
        createPoint(102.15, 22.05, { budget: 10, paid: 10, kind: 'road' }),
        createPoint(105, 10, { budget: 999 }),
      ],
      { numericFields: ['budget', 'paid'] },
    );
    expect(r.geometry).toBe('point');
    const [a, b] = r.boundaries;
    expect(a!.count).toBe(2);
    expect(a!.sums).toEqual({ budget: 350.5, paid: 40 });
    expect(a!.valueCounts).toEqual({ budget: 2, paid: 1 });
    expect(b!.count).toBe(1);
    expect(r.total.sums.budget).toBe(360.5);
    expect(r.outsideCount).toBe(1);
    expect(r.total.ha).toBe(0);
  });

  test('points grouped by class; a multipoint counts once per commune', () => {
    const multi = createFeature({ type: 'MultiPoint', coordinates: [[102.01, 22.01], [102.02, 22.02], [102.15, 22.05]] }, { kind: 'site' });
    const r = run([multi, createPoint(102.03, 22.03, { kind: 'road' })], { groupBy: 'kind' });
    expect(r.rows.map((x) => [x.boundaryCode, x.class, x.count])).toEqual([
      ['03433', 'road', 1],
      ['03433', 'site', 1],
      ['03454', 'site', 1],
    ]);
  });

  test('a point table (typed columns) gives the same rows as the same points as features', () => {
    const rows: [number, number, number | null, string][] = [
      [102.05, 22.05, 100, 'road'],
      [102.06, 22.05, 250.5, 'school'],
      [102.15, 22.05, 10, 'road'],
      [102.1, 22.05, 3, 'road'], // on the shared border: counted in both, as a feature would be
      [102.07, 22.02, null, ''],
      [105, 10, 999, 'road'],
    ];
    const features = rows.map(([x, y, budget, kind]) => createPoint(x, y, { budget, kind: kind === '' ? null : kind }));
    const table: PointTable = {
      length: rows.length,
      positions: Float64Array.from(rows.flatMap(([x, y]) => [x, y])),
      columns: ['budget', 'kind'],
      numeric: { budget: Float64Array.from(rows.map(([, , b]) => b ?? NaN)) },
      text: { kind: encodeText(rows.map(([, , , k]) => k)) },
    };
    const opts = { groupBy: 'kind', numericFields: ['budget'] };
    const fromFeatures = run(features, opts);
    const fromTable = computeStats({ layer: table, boundaries: createCommunes(), boundaryCodeField: 'code', boundaryNameField: 'name', ...opts });
    expect(fromTable).toEqual(fromFeatures);
    expect(fromTable.rows.map((x) => [x.boundaryCode, x.class, x.count])).toEqual([
      ['03433', '', 1],
      ['03433', 'road', 2],
      ['03433', 'school', 1],
      ['03454', 'road', 2],
    ]);
    expect(fromTable.outsideCount).toBe(1);
  });

  test('toNumber reads numbers and plain numeric strings only', () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber(' 4.5 ')).toBe(4.5);
    expect(toNumber('')).toBeNull();
    expect(toNumber('1.234,5')).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
  });
});

describe('computeStats: progress and cancel', () => {
  function createMany(n: number): Feature[] {
    return Array.from({ length: n }, (_, i) => createSquare(102.001 + (i % 190) * 0.001, 22.001 + Math.floor(i / 190) * 0.001, 0.0005));
  }

  test('reports progress up to the total', () => {
    const seen: StatsProgress[] = [];
    computeStats({ layer: createCollection(createMany(300)), boundaries: createCommunes(), boundaryCodeField: 'code' }, { onProgress: (p) => seen.push(p) });
    expect(seen.some((p) => p.phase === 'overlaps')).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'measure', done: 300, total: 300 });
  });

  test('an AbortSignal stops the computation between features', () => {
    const controller = new AbortController();
    let calls = 0;
    const job = () =>
      computeStats(
        { layer: createCollection(createMany(2000)), boundaries: createCommunes(), boundaryCodeField: 'code' },
        { signal: controller.signal, onProgress: () => { if (++calls === 3) controller.abort(); } },
      );
    expect(job).toThrow(/abort/i);
    expect(calls).toBe(3);
  });

  test('an already aborted signal throws at once', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => computeStats({ layer: createCollection([]), boundaries: createCommunes(), boundaryCodeField: 'code' }, { signal: controller.signal })).toThrow();
  });
});
