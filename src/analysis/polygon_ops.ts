import * as polyclip from 'polyclip-ts';
import type { Position } from 'geojson';
import type { BBox } from './spatial_index';

// Exact predicates and the polygon-clipping wrappers used by the overlay.

export type Ring = Position[];
export type Poly = Ring[];
export type MultiPoly = Poly[];

export type PointLocation = 'inside' | 'boundary' | 'outside';

/** Cross product sign helper with a tolerance scaled to the segment, so collinear reads as 0. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const scale = Math.abs(bx - ax) + Math.abs(by - ay) + Math.abs(cx - ax) + Math.abs(cy - ay);
  return Math.abs(d) <= 1e-12 * scale * scale ? 0 : d;
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  return (
    orient(ax, ay, bx, by, px, py) === 0 &&
    px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by)
  );
}

/** Where a point lies relative to a polygon with holes (even-odd over all rings). */
export function locatePoint(x: number, y: number, poly: readonly (readonly Position[])[]): PointLocation {
  let inside = false;
  for (const ring of poly) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
      if (onSegment(x, y, ax, ay, bx, by)) return 'boundary';
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

export function locatePointInMulti(x: number, y: number, polys: MultiPoly): PointLocation {
  let onEdge = false;
  for (const p of polys) {
    const loc = locatePoint(x, y, p);
    if (loc === 'inside') return 'inside';
    if (loc === 'boundary') onEdge = true;
  }
  return onEdge ? 'boundary' : 'outside';
}

/** Segments cross at a single interior point of both (touching or collinear does not count). */
export function segmentsCrossProperly(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number,
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  return o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0 && o1 > 0 !== o2 > 0 && o3 > 0 !== o4 > 0;
}

/** Segments share at least one point (crossing, touching or overlapping). */
export function segmentsIntersect(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number,
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (
    (o1 === 0 && onSegment(cx, cy, ax, ay, bx, by)) ||
    (o2 === 0 && onSegment(dx, dy, ax, ay, bx, by)) ||
    (o3 === 0 && onSegment(ax, ay, cx, cy, dx, dy)) ||
    (o4 === 0 && onSegment(bx, by, cx, cy, dx, dy))
  );
}

/** Flat list of the edges of `polys` whose bounding box meets `box`: x1,y1,x2,y2 per edge. */
export function edgesInBox(polys: MultiPoly, box: BBox): number[] {
  const out: number[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
        if (Math.max(ax, bx) < box[0] || Math.min(ax, bx) > box[2]) continue;
        if (Math.max(ay, by) < box[1] || Math.min(ay, by) > box[3]) continue;
        out.push(ax, ay, bx, by);
      }
    }
  }
  return out;
}

/**
 * A point strictly inside the polygon (holes respected): the middle of the widest interior span
 * of a horizontal line placed between two distinct vertex heights, so it never meets a vertex.
 */
export function interiorPoint(poly: Poly): [number, number] | null {
  const ys: number[] = [];
  for (const ring of poly) for (const p of ring) ys.push(p[1]!);
  ys.sort((a, b) => a - b);
  const unique = ys.filter((v, i) => i === 0 || v !== ys[i - 1]);
  if (unique.length < 2) return null;
  const k = Math.max(1, Math.floor(unique.length / 2));
  const y = (unique[k - 1]! + unique[k]!) / 2;
  const xs: number[] = [];
  for (const ring of poly) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      if (a[1]! > y !== b[1]! > y) xs.push(a[0]! + ((y - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let bestLen = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const len = xs[i + 1]! - xs[i]!;
    if (len > bestLen) {
      bestLen = len;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

type ClipGeom = polyclip.Geom;

function asClip(polys: MultiPoly): ClipGeom {
  return polys as unknown as ClipGeom;
}

/** Union of several multipolygons (robust: polyclip-ts, the clipper used by turf 7). */
export function unionAll(parts: readonly MultiPoly[]): MultiPoly {
  if (parts.length === 0) return [];
  const [first, ...rest] = parts;
  return polyclip.union(asClip(first!), ...rest.map(asClip)) as MultiPoly;
}

export function intersect(a: MultiPoly, b: MultiPoly): MultiPoly {
  return polyclip.intersection(asClip(a), asClip(b)) as MultiPoly;
}
