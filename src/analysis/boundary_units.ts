import type { FeatureCollection } from 'geojson';
import { multiPolygonAreaM2, polygonAreaM2 } from './area';
import { intersectionAreaM2, ringSide, unionAreaM2, type NearEdges } from './clip_area';
import { edgesInBox, locatePoint, locatePointInMulti, segmentsIntersect, type MultiPoly, type Poly } from './polygon_ops';
import { BBoxIndex, bboxOfPolygons, bboxesIntersect, type BBox } from './spatial_index';

// Boundary units (communes) prepared for overlay: polygons, area, and an index of their edges,
// so a shape that meets no boundary edge is measured without clipping.

export interface BoundaryUnit {
  code: string;
  name: string | null;
  polys: MultiPoly;
  bbox: BBox;
  areaM2: number;
  /** x1,y1,x2,y2 per boundary edge */
  edges: Float64Array;
  /** per edge: +1 when the unit lies left of it, −1 when right */
  edgeSides: Int8Array;
  /** per edge: the index (in `polys`) of the polygon it bounds */
  edgePolys: Uint32Array;
  edgeIndex: BBoxIndex;
}

export interface PreparedBoundaries {
  units: BoundaryUnit[];
  index: BBoxIndex;
  warnings: string[];
}

/** Polygon / MultiPolygon coordinates of a geometry, or null for anything else. */
export function polygonsOf(geometry: unknown): MultiPoly | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g) return null;
  if (g.type === 'Polygon') return [g.coordinates as MultiPoly[number]];
  if (g.type === 'MultiPolygon') return g.coordinates as MultiPoly;
  return null;
}

/** Groups boundary features by code (a unit split over several features becomes one unit). */
export function prepareBoundaries(fc: FeatureCollection, codeField: string, nameField?: string): PreparedBoundaries {
  const byCode = new Map<string, { name: string | null; polys: MultiPoly }>();
  const warnings: string[] = [];
  fc.features.forEach((f, i) => {
    const raw = f.properties?.[codeField];
    const polys = polygonsOf(f.geometry);
    if (raw === undefined || raw === null || raw === '') {
      warnings.push(`boundary feature ${i} has no "${codeField}"; ignored`);
      return;
    }
    if (!polys) {
      warnings.push(`boundary feature ${i} is not a polygon; ignored`);
      return;
    }
    const code = String(raw);
    const nameRaw = nameField ? f.properties?.[nameField] : undefined;
    const entry = byCode.get(code);
    if (entry) entry.polys.push(...polys);
    else byCode.set(code, { name: nameRaw == null ? null : String(nameRaw), polys: [...polys] });
  });
  const units = [...byCode].map(([code, { name, polys }]) => prepareUnit(code, name, polys));
  return { units, index: new BBoxIndex(units.map((u) => u.bbox)), warnings };
}

function prepareUnit(code: string, name: string | null, polys: MultiPoly): BoundaryUnit {
  const coords: number[] = [];
  const sides: number[] = [];
  const edgePolys: number[] = [];
  polys.forEach((p, k) => {
    p.forEach((ring, r) => {
      const side = ringSide(ring, r === 0);
      for (let i = 1; i < ring.length; i++) {
        coords.push(ring[i - 1]![0]!, ring[i - 1]![1]!, ring[i]![0]!, ring[i]![1]!);
        sides.push(side);
        edgePolys.push(k);
      }
    });
  });
  const edges = Float64Array.from(coords);
  const boxes: BBox[] = [];
  for (let i = 0; i < edges.length; i += 4) {
    boxes.push([
      Math.min(edges[i]!, edges[i + 2]!), Math.min(edges[i + 1]!, edges[i + 3]!),
      Math.max(edges[i]!, edges[i + 2]!), Math.max(edges[i + 1]!, edges[i + 3]!),
    ]);
  }
  return { code, name, polys, bbox: bboxOfPolygons(polys), areaM2: multiPolygonAreaM2(polys), edges, edgeSides: Int8Array.from(sides), edgePolys: Uint32Array.from(edgePolys), edgeIndex: new BBoxIndex(boxes) };
}

export type Relation = 'inside' | 'outside' | 'crosses';

/** Whether one polygon lies wholly inside, wholly outside, or across the boundary of a unit. */
export function relatePolygon(poly: Poly, box: BBox, unit: BoundaryUnit): Relation {
  if (!bboxesIntersect(box, unit.bbox)) return 'outside';
  const hits = unit.edgeIndex.search(box);
  if (hits.length > 0) {
    const e = unit.edges;
    const hitBox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const h of hits) {
      const k = h * 4;
      hitBox[0] = Math.min(hitBox[0], e[k]!, e[k + 2]!);
      hitBox[1] = Math.min(hitBox[1], e[k + 1]!, e[k + 3]!);
      hitBox[2] = Math.max(hitBox[2], e[k]!, e[k + 2]!);
      hitBox[3] = Math.max(hitBox[3], e[k + 1]!, e[k + 3]!);
    }
    const own = edgesInBox([poly], hitBox);
    for (const h of hits) {
      const k = h * 4;
      const ax = e[k]!, ay = e[k + 1]!, bx = e[k + 2]!, by = e[k + 3]!;
      for (let j = 0; j < own.length; j += 4) {
        if (segmentsIntersect(ax, ay, bx, by, own[j]!, own[j + 1]!, own[j + 2]!, own[j + 3]!)) return 'crosses';
      }
      // no edge contact: a boundary ring (e.g. a hole of the unit) could still lie inside the polygon
      if (locatePoint(ax, ay, poly) !== 'outside') return 'crosses';
    }
  }
  const first = poly[0]?.[0];
  if (!first) return 'outside';
  const loc = locatePointInMulti(first[0]!, first[1]!, unit.polys);
  return loc === 'inside' ? 'inside' : loc === 'outside' ? 'outside' : 'crosses';
}

function nearEdges(unit: BoundaryUnit, box: BBox): NearEdges {
  const coords: number[] = [];
  const sides: number[] = [];
  for (const h of unit.edgeIndex.search(box)) {
    const k = h * 4;
    coords.push(unit.edges[k]!, unit.edges[k + 1]!, unit.edges[k + 2]!, unit.edges[k + 3]!);
    sides.push(unit.edgeSides[h]!);
  }
  return { coords, sides };
}

/** Whether any part of a shape reaches into the unit (no clipping). */
export function reachesUnit(shape: MultiPoly, unit: BoundaryUnit): boolean {
  return shape.some((part) => relatePolygon(part, bboxOfPolygons([part]), unit) !== 'outside');
}

/**
 * Area (m²) of the part of `shape` (disjoint polygons) inside the unit. Each polygon is tested
 * first; only those that meet the unit's boundary are measured piece by piece (clip_area.ts).
 */
export function areaInUnitM2(shape: MultiPoly, box: BBox, unit: BoundaryUnit): number {
  if (!bboxesIntersect(box, unit.bbox)) return 0;
  let m2 = 0;
  for (const part of shape) {
    const partBox = shape.length === 1 ? box : bboxOfPolygons([part]);
    const rel = relatePolygon(part, partBox, unit);
    if (rel === 'inside') m2 += polygonAreaM2(part);
    else if (rel === 'crosses') m2 += intersectionAreaM2(part, partBox, unit.polys, nearEdges(unit, partBox));
  }
  return m2;
}

/**
 * Area (m²) of the union of overlapping shapes inside the unit, without building the union
 * (clip_area.ts unionAreaM2). `wholeM2` gives the union's own area (computed once per cluster by
 * the caller) for clusters that meet no boundary edge of the unit.
 */
export function unionAreaInUnitM2(shapes: readonly MultiPoly[], box: BBox, unit: BoundaryUnit, wholeM2: () => number): number {
  if (!bboxesIntersect(box, unit.bbox)) return 0;
  const near = unit.edgeIndex.search(box);
  if (near.length === 0) {
    // no boundary edge near: the whole cluster is inside or outside the unit
    const first = shapes[0]?.[0]?.[0]?.[0];
    if (!first) return 0;
    return locatePointInMulti(first[0]!, first[1]!, unit.polys) === 'inside' ? wholeM2() : 0;
  }
  return unionAreaM2(shapes, unit, near);
}
