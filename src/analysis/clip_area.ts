import { authalicQ, WGS84_A } from './area';
import { locatePoint, locatePointInMulti, type MultiPoly, type Poly } from './polygon_ops';
import type { BBox } from './spatial_index';

// Area of the intersection of a polygon with a boundary unit, without building the
// intersection: by Green's theorem the area is the sum of x·dy − y·dx over the boundary of
// P ∩ C, which is made of the pieces of P's edges inside C and the pieces of C's edges inside
// P. Edges are split where they meet, each piece is classified by its midpoint, and pieces
// shared by both boundaries count once when both interiors lie on the same side. Measured in
// the same ellipsoidal equal-area plane as area.ts. ~10–50× faster than a general clipper for
// a small polygon against a large unit, since only the unit's edges near P take part.

const DEG = Math.PI / 180;
const HALF_A2 = (WGS84_A * WGS84_A) / 2;

/** Unit edges near a polygon: x1,y1,x2,y2 per edge, and +1/−1 when the unit lies left/right. */
export interface NearEdges {
  coords: number[];
  sides: number[];
}

function signedArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s;
}

/** +1 when the polygon's interior is left of the ring's direction. */
export function ringSide(ring: readonly (readonly number[])[], isOuter: boolean): number {
  return signedArea(ring) > 0 === isOuter ? 1 : -1;
}

/** Parameters in (0, 1) along a→b where it meets segment c→d (crossing, touching or overlapping). */
function splitParams(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, out: number[]): void {
  const rx = bx - ax, ry = by - ay, sx = dx - cx, sy = dy - cy;
  const den = rx * sy - ry * sx;
  const qx = cx - ax, qy = cy - ay;
  const len2 = rx * rx + ry * ry;
  if (len2 === 0) return;
  const scale = Math.sqrt(len2 * (sx * sx + sy * sy));
  if (Math.abs(den) > 1e-12 * scale) {
    const t = (qx * sy - qy * sx) / den;
    const u = (qx * ry - qy * rx) / den;
    if (t > 0 && t < 1 && u >= -1e-12 && u <= 1 + 1e-12) out.push(t);
    return;
  }
  // parallel: only collinear overlaps matter, split at the other segment's ends
  if (Math.abs(qx * ry - qy * rx) > 1e-12 * len2) return;
  for (const [px, py] of [[cx, cy], [dx, dy]] as const) {
    const t = ((px - ax) * rx + (py - ay) * ry) / len2;
    if (t > 0 && t < 1) out.push(t);
  }
}

/** Sum of x·dy − y·dx of the pieces of a→b that lie inside (or on the same-side boundary of) `other`. */
function edgeContribution(
  ax: number, ay: number, bx: number, by: number, side: number,
  splits: number[], inside: (x: number, y: number) => 'inside' | 'boundary' | 'outside',
  sameSideOnBoundary: ((mx: number, my: number, dx: number, dy: number) => boolean) | null,
  x0: number, y0: number,
): number {
  splits.sort((p, q) => p - q);
  splits.push(1);
  let sum = 0;
  let t0 = 0;
  let px = ax, py = ay;
  for (const t of splits) {
    if (t - t0 < 1e-12) continue;
    const qx = ax + (bx - ax) * t, qy = ay + (by - ay) * t;
    const loc = inside((px + qx) / 2, (py + qy) / 2);
    const take = loc === 'inside' || (loc === 'boundary' && sameSideOnBoundary !== null && sameSideOnBoundary((px + qx) / 2, (py + qy) / 2, (qx - px) * side, (qy - py) * side));
    if (take) {
      const X1 = px * DEG - x0, Y1 = authalicQ(py) - y0, X2 = qx * DEG - x0, Y2 = authalicQ(qy) - y0;
      sum += side * (X1 * Y2 - X2 * Y1);
    }
    t0 = t;
    px = qx;
    py = qy;
  }
  return sum;
}

/** m² of `poly` ∩ unit, given the unit's polygons and its edges that meet the polygon's box. */
export function intersectionAreaM2(poly: Poly, box: BBox, unitPolys: MultiPoly, near: NearEdges): number {
  const x0 = box[0] * DEG, y0 = authalicQ(box[1]);
  const ce = near.coords;
  const splits: number[] = [];
  // does the unit edge through (mx, my) have the unit on the same side as direction (dx, dy) has P?
  const sameSide = (mx: number, my: number, dx: number, dy: number): boolean => {
    for (let k = 0, e = 0; k < ce.length; k += 4, e++) {
      const cx = ce[k]!, cy = ce[k + 1]!, ex = ce[k + 2]!, ey = ce[k + 3]!;
      const ux = ex - cx, uy = ey - cy;
      const cross = (mx - cx) * uy - (my - cy) * ux;
      const len2 = ux * ux + uy * uy;
      if (Math.abs(cross) > 1e-9 * len2) continue;
      const t = ((mx - cx) * ux + (my - cy) * uy) / len2;
      if (t < 0 || t > 1) continue;
      return (ux * near.sides[e]! * dx + uy * near.sides[e]! * dy) > 0;
    }
    return false;
  };
  let sum = 0;
  poly.forEach((ring, r) => {
    const side = ringSide(ring, r === 0);
    for (let i = 1; i < ring.length; i++) {
      const ax = ring[i - 1]![0]!, ay = ring[i - 1]![1]!, bx = ring[i]![0]!, by = ring[i]![1]!;
      splits.length = 0;
      for (let k = 0; k < ce.length; k += 4) splitParams(ax, ay, bx, by, ce[k]!, ce[k + 1]!, ce[k + 2]!, ce[k + 3]!, splits);
      sum += edgeContribution(ax, ay, bx, by, side, splits, (x, y) => locatePointInMulti(x, y, unitPolys), sameSide, x0, y0);
    }
  });
  for (let k = 0, e = 0; k < ce.length; k += 4, e++) {
    const cx = ce[k]!, cy = ce[k + 1]!, dx = ce[k + 2]!, dy = ce[k + 3]!;
    splits.length = 0;
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) splitParams(cx, cy, dx, dy, ring[i - 1]![0]!, ring[i - 1]![1]!, ring[i]![0]!, ring[i]![1]!, splits);
    }
    sum += edgeContribution(cx, cy, dx, dy, near.sides[e]!, splits, (x, y) => locatePoint(x, y, poly), null, x0, y0);
  }
  return Math.max(0, (sum / 2) * HALF_A2);
}
