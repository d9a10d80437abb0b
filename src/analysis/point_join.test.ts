import type { Feature, FeatureCollection, Position } from 'geojson';
import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, test } from 'vitest';
import { CROSSED, UnitGrid, UnitLocator, joinPointsToUnits, pointInUnit } from './point_join';
import { prepareBoundaries } from './boundary_units';
import { locatePointInMulti } from './polygon_ops';

function createRect(w: number, s: number, e: number, n: number): Position[] {
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}
function createCommunes(): FeatureCollection {
  const star: Position[] = [];
  for (let k = 0; k < 60; k++) {
    const a = (2 * Math.PI * k) / 60;
    const r = 0.04 * (0.6 + 0.4 * Math.sin(5 * a));
    star.push([102.35 + r * Math.cos(a), 22.05 + r * Math.sin(a)]);
  }
  star.push(star[0]!);
  const features: Feature[] = [
    { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: [createRect(102.0, 22.0, 102.1, 22.1)] } },
    { type: 'Feature', properties: { code: 'B' }, geometry: { type: 'Polygon', coordinates: [createRect(102.1, 22.0, 102.2, 22.1), createRect(102.14, 22.04, 102.16, 22.06)] } },
    { type: 'Feature', properties: { code: 'C' }, geometry: { type: 'Polygon', coordinates: [star] } },
  ];
  return { type: 'FeatureCollection', features };
}

describe('joinPointsToUnits', () => {
  test('simple cases: inside, in a hole, outside, on a shared border (first unit wins)', () => {
    const xy = Float64Array.from([102.05, 22.05, 102.15, 22.05, 102.12, 22.02, 102.5, 22.5, 102.1, 22.05]);
    const r = joinPointsToUnits(xy, createCommunes(), 'code');
    expect([...r.unitOf]).toEqual([0, -1, 1, -1, 0]);
    expect([...r.counts]).toEqual([2, 1, 0]);
    expect(r.outside).toBe(2);
  });

  test('agrees with turf booleanPointInPolygon on 20,000 random points', () => {
    const fc = createCommunes();
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const n = 20000;
    const xy = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = 101.98 + rnd() * 0.44;
      xy[2 * i + 1] = 21.98 + rnd() * 0.14;
    }
    const r = joinPointsToUnits(xy, fc, 'code');
    for (let i = 0; i < n; i++) {
      const p = point([xy[2 * i]!, xy[2 * i + 1]!]);
      const expected = fc.features.findIndex((f) => booleanPointInPolygon(p, f as Feature<import('geojson').Polygon>));
      expect(r.unitOf[i]).toBe(expected);
    }
    expect(r.counts.reduce((a, b) => a + b, 0) + r.outside).toBe(n);
  });

  test('the grid marks every cell an edge passes through, so no edge point is answered from a cell', () => {
    const { units } = prepareBoundaries(createCommunes(), 'code');
    const grid = new UnitGrid(units);
    expect(grid.nx).toBeGreaterThan(100);
    let sampled = 0;
    for (const u of units) {
      for (let k = 0; k < u.edges.length; k += 4) {
        const [ax, ay, bx, by] = [u.edges[k]!, u.edges[k + 1]!, u.edges[k + 2]!, u.edges[k + 3]!];
        for (let t = 0; t <= 1; t += 1 / 512) {
          const cell = grid.cellOf(ax + (bx - ax) * t, ay + (by - ay) * t);
          if (cell >= 0) expect(grid.cells[cell]).toBe(CROSSED);
          sampled++;
        }
      }
    }
    expect(sampled).toBeGreaterThan(30_000);
  });

  test('agrees with the exact test for points on, beside and between edges and vertices', () => {
    const fc = createCommunes();
    const { units } = prepareBoundaries(fc, 'code');
    const pts: number[] = [];
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const u of units) {
      for (let k = 0; k < u.edges.length; k += 4) {
        const [ax, ay, bx, by] = [u.edges[k]!, u.edges[k + 1]!, u.edges[k + 2]!, u.edges[k + 3]!];
        for (const d of [0, 1e-12, -1e-12, 1e-9, -1e-9, 1e-6, -1e-6]) {
          const t = rnd();
          pts.push(ax + d, ay, ax + (bx - ax) * t + d, ay + (by - ay) * t - d);
        }
      }
    }
    for (let i = 0; i < 20_000; i++) pts.push(101.98 + rnd() * 0.44, 21.98 + rnd() * 0.14);
    const xy = Float64Array.from(pts);
    const r = joinPointsToUnits(xy, fc, 'code');
    for (let i = 0; i < xy.length / 2; i++) {
      const expected = units.findIndex((u) => pointInUnit(xy[2 * i]!, xy[2 * i + 1]!, u));
      expect(r.unitOf[i]).toBe(expected);
    }
  });
});

describe('UnitLocator', () => {
  test('answers every unit holding a point, where units overlap and on shared borders, as the per-unit test does', () => {
    const fc = createCommunes();
    // a "district" over all three communes, and a unit overlapping two of them
    fc.features.push(
      { type: 'Feature', properties: { code: 'D' }, geometry: { type: 'Polygon', coordinates: [createRect(101.99, 21.99, 102.41, 22.11)] } },
      { type: 'Feature', properties: { code: 'E' }, geometry: { type: 'Polygon', coordinates: [createRect(102.07, 22.03, 102.13, 22.07)] } },
    );
    const prepared = prepareBoundaries(fc, 'code');
    const locator = new UnitLocator(prepared.units, prepared.index);
    let seed = 5;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pts: [number, number][] = [[102.1, 22.05], [102.07, 22.05], [102.0, 22.0], [102.41, 22.11]];
    for (const u of prepared.units) {
      for (let k = 0; k < u.edges.length; k += 4) {
        const t = rnd();
        pts.push([u.edges[k]!, u.edges[k + 1]!], [u.edges[k]! + (u.edges[k + 2]! - u.edges[k]!) * t + 1e-9, u.edges[k + 1]! + (u.edges[k + 3]! - u.edges[k + 1]!) * t]);
      }
    }
    for (let i = 0; i < 20_000; i++) pts.push([101.97 + rnd() * 0.46, 21.97 + rnd() * 0.16]);
    const sizes = new Set<number>();
    for (const [x, y] of pts) {
      const expected = prepared.units.flatMap((u, k) => (locatePointInMulti(x, y, u.polys) === 'outside' ? [] : [k]));
      expect([...locator.unitsAt(x, y)], `${x}, ${y}`).toEqual(expected);
      sizes.add(expected.length);
    }
    // every case was reached: outside everything, one unit, and up to four at once (102.1, 22.05
    // is on the A–B border, inside D and E)
    expect([...sizes].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('a unit whose parts overlap holds a point in the overlap, as the per-polygon test says', () => {
    // one commune from two features (the same code) that overlap, and a multipolygon whose
    // parts overlap: inside either part is inside the unit, not even-odd over all their edges
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: [createRect(102.0, 22.0, 102.1, 22.1)] } },
        { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: [createRect(102.05, 22.0, 102.15, 22.1)] } },
        { type: 'Feature', properties: { code: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [[createRect(102.2, 22.0, 102.3, 22.1)], [createRect(102.25, 22.05, 102.35, 22.15)]] } },
      ],
    };
    const prepared = prepareBoundaries(fc, 'code');
    const locator = new UnitLocator(prepared.units, prepared.index);
    for (const [x, y] of [[102.07, 22.05], [102.27, 22.07], [102.02, 22.05], [102.32, 22.12], [102.17, 22.05]] as const) {
      const expected = prepared.units.flatMap((u, k) => (locatePointInMulti(x, y, u.polys) === 'outside' ? [] : [k]));
      expect([...locator.unitsAt(x, y)], `${x}, ${y}`).toEqual(expected);
      expect(prepared.units.map((u) => pointInUnit(x, y, u))).toEqual(prepared.units.map((_, k) => expected.includes(k)));
    }
  });

  test('lists the units in input order, not in the index order', () => {
    // 40 overlapping squares of different sizes and places, all holding (102.2, 22.06)
    const features: Feature[] = [];
    for (let k = 0; k < 40; k++) {
      const dx = ((k * 7) % 40) / 400, dy = ((k * 13) % 40) / 800, r = 0.01 + (k % 3) * 0.01;
      features.push({ type: 'Feature', properties: { code: `S${k}` }, geometry: { type: 'Polygon', coordinates: [createRect(102.2 - dx - r, 22.06 - dy - r, 102.2 + 0.1 - dx + r, 22.06 + 0.05 - dy + r)] } });
    }
    const prepared = prepareBoundaries({ type: 'FeatureCollection', features }, 'code');
    const locator = new UnitLocator(prepared.units, prepared.index);
    expect([...prepared.index.searchPoint(102.2, 22.06)]).not.toEqual(features.map((_, k) => k));
    expect([...locator.unitsAt(102.2, 22.06)]).toEqual(features.map((_, k) => k));
  });
});
