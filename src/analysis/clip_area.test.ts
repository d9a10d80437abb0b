import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { multiPolygonAreaM2, polygonAreaM2 } from './area';
import { intersectionAreaM2, unionAreaM2 } from './clip_area';
import { intersect, unionAll, type MultiPoly, type Poly } from './polygon_ops';
import { prepareBoundaries } from './boundary_units';
import { bboxOfPolygons } from './spatial_index';

function createBlob(cx: number, cy: number, r: number, n: number, lobes: number, clockwise = false): Poly {
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / n;
    const rr = r * (0.7 + 0.3 * Math.sin(lobes * a));
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return [ring];
}
function measureBoth(poly: Poly, unitPolys: MultiPoly): [number, number] {
  const { units } = prepareBoundaries({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { c: 'u' }, geometry: { type: 'MultiPolygon', coordinates: unitPolys } }] }, 'c');
  const unit = units[0]!;
  const box = bboxOfPolygons([poly]);
  const near = { coords: [] as number[], sides: [] as number[] };
  for (let e = 0; e < unit.edges.length / 4; e++) {
    near.coords.push(unit.edges[4 * e]!, unit.edges[4 * e + 1]!, unit.edges[4 * e + 2]!, unit.edges[4 * e + 3]!);
    near.sides.push(unit.edgeSides[e]!);
  }
  return [intersectionAreaM2(poly, box, unit.polys, near), multiPolygonAreaM2(intersect([poly], unitPolys))];
}

describe('intersectionAreaM2 agrees with polygon clipping (polyclip-ts)', () => {
  const commune = createBlob(102.5, 22.5, 0.1, 120, 5);
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('blob %i across a wiggly commune border', (i) => {
    const a = (i * 2 * Math.PI) / 10;
    const poly = createBlob(102.5 + 0.085 * Math.cos(a), 22.5 + 0.085 * Math.sin(a), 0.01 + 0.003 * i, 90, 3 + (i % 4), i % 2 === 1);
    const [ours, clipped] = measureBoth(poly, [commune]);
    expect(Math.abs(ours - clipped)).toBeLessThan(1e-6 * polygonAreaM2(poly));
  });

  test('a polygon with a hole, and a unit with a hole and a clockwise ring', () => {
    const poly: Poly = [createBlob(102.5, 22.5, 0.05, 60, 3)[0]!, createBlob(102.5, 22.5, 0.01, 40, 2, true)[0]!];
    const unit: MultiPoly = [[createBlob(102.55, 22.5, 0.06, 80, 4, true)[0]!, createBlob(102.545, 22.5, 0.012, 30, 3)[0]!]]; // the unit hole crosses P's outer ring
    const [ours, clipped] = measureBoth(poly, unit);
    expect(Math.abs(ours - clipped)).toBeLessThan(1e-6 * polygonAreaM2(poly));
  });

  test('edges shared with the unit border count once, inside or outside', () => {
    const unit: MultiPoly = [[[[102, 22], [102.1, 22], [102.1, 22.1], [102, 22.1], [102, 22]]]];
    const inside: Poly = [[[102.05, 22.05], [102.1, 22.05], [102.1, 22.08], [102.05, 22.08], [102.05, 22.05]]];
    const outside: Poly = [[[102.1, 22.05], [102.15, 22.05], [102.15, 22.08], [102.1, 22.08], [102.1, 22.05]]];
    const across: Poly = [[[102.05, 22.0], [102.15, 22.0], [102.15, 22.1], [102.05, 22.1], [102.05, 22.0]]];
    expect(measureBoth(inside, unit)[0]).toBeCloseTo(polygonAreaM2(inside), 4);
    expect(measureBoth(outside, unit)[0]).toBeCloseTo(0, 4);
    const [ours, clipped] = measureBoth(across, unit);
    expect(ours).toBeCloseTo(clipped, 3);
  });
});

describe('unionAreaM2 (no union built) agrees with polyclip-ts union, then clip', () => {
  const unitPolys: MultiPoly = [createBlob(102.5, 22.5, 0.1, 120, 5)];
  const { units } = prepareBoundaries({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { c: 'u' }, geometry: { type: 'MultiPolygon', coordinates: unitPolys } }] }, 'c');
  const unit = units[0]!;
  const rect = (w: number, s: number, e: number, n: number): Poly => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];

  test.each([0, 1, 2, 3, 4, 5, 6, 7])('cluster %i of overlapping blobs, inside and across the border', (i) => {
    const a = (i * 2 * Math.PI) / 8;
    const r = i % 2 === 0 ? 0.06 : 0.085; // even: well inside; odd: across the border
    const cx = 102.5 + r * Math.cos(a), cy = 22.5 + r * Math.sin(a);
    const shapes: MultiPoly[] = [0, 1, 2].map((j) => [createBlob(cx + 0.006 * j, cy + 0.004 * ((j * i) % 3), 0.008 + 0.002 * j, 70 + 10 * j, 2 + j, (i + j) % 2 === 1)]);
    const union = unionAll(shapes);
    expect(Math.abs(unionAreaM2(shapes) - multiPolygonAreaM2(union))).toBeLessThan(1e-6 * multiPolygonAreaM2(union));
    const clipped = multiPolygonAreaM2(intersect(union, unitPolys));
    expect(Math.abs(unionAreaM2(shapes, unit) - clipped)).toBeLessThan(1e-6 * multiPolygonAreaM2(union));
  });

  test('duplicates, nesting, shared edges and holes', () => {
    const sq = rect(102.5, 22.5, 102.52, 22.52);
    const holed: Poly = [rect(102.49, 22.49, 102.53, 22.53)[0]!, rect(102.495, 22.495, 102.505, 22.505)[0]!.slice().reverse()];
    const cases: MultiPoly[][] = [
      [[sq], [sq]], // exact duplicate
      [[sq], [rect(102.505, 22.505, 102.51, 22.51)]], // nested
      [[sq], [rect(102.52, 22.5, 102.54, 22.52)], [rect(102.51, 22.51, 102.53, 22.53)]], // shared edge plus a bridge
      [[holed], [rect(102.498, 22.498, 102.502, 22.502)]], // a shape inside another's hole
      [[holed], [rect(102.5, 22.5, 102.51, 22.51)]], // partly over the hole
      [[sq], [rect(102.52, 22.5, 102.54, 22.52)]], // only an edge in common: areas add up
    ];
    for (const shapes of cases) {
      const union = multiPolygonAreaM2(unionAll(shapes));
      expect(Math.abs(unionAreaM2(shapes) - union)).toBeLessThan(1e-6 * union);
      expect(Math.abs(unionAreaM2(shapes, unit) - union)).toBeLessThan(1e-6 * union);
    }
  });

  test('a union that shares part of the unit border, inside and outside', () => {
    const square: MultiPoly = [[[[102, 22], [102.1, 22], [102.1, 22.1], [102, 22.1], [102, 22]]]];
    const u = prepareBoundaries({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { c: 'u' }, geometry: { type: 'MultiPolygon', coordinates: square } }] }, 'c').units[0]!;
    const shapes: MultiPoly[] = [[rect(102.05, 22.05, 102.1, 22.08)], [rect(102.08, 22.04, 102.15, 22.07)], [rect(102.1, 22.02, 102.12, 22.09)]];
    const clipped = multiPolygonAreaM2(intersect(unionAll(shapes), square));
    expect(Math.abs(unionAreaM2(shapes, u) - clipped)).toBeLessThan(1e-6 * clipped);
  });
});
