import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { multiPolygonAreaM2, polygonAreaM2 } from './area';
import { intersectionAreaM2 } from './clip_area';
import { intersect, type MultiPoly, type Poly } from './polygon_ops';
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
