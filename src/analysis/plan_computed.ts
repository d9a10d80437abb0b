import type { Geometry, Position } from 'geojson';
import { geometryAreaM2, m2ToHa } from './area';
import { areaInUnitM2, polygonsOf, type PreparedBoundaries } from './boundary_units';
import { locatePointInMulti } from './polygon_ops';
import { bboxOfPolygons } from './spatial_index';
import { ringsProblemAt } from '../io/formats/ring_crossings';

// The fields a plan feature carries that the app computes, never the user: its area and the
// commune it lies in. They use the statistics engine's own functions (geodesic area of
// analysis/area.ts, the clipping of boundary_units.ts), so a plot's area in the table is the
// area the per-commune statistics count.

export interface PlanComputed {
  /** Hectares, geodesic; null for points and lines. */
  areaHa: number | null;
  communeCode: string | null;
  communeName: string | null;
}

/** Area kept to the square metre: 0.0001 ha. */
const HA_DECIMALS = 4;

export function roundHa(ha: number): number {
  const f = 10 ** HA_DECIMALS;
  return Math.round(ha * f) / f;
}

/**
 * Area and commune of a geometry. The commune is the unit holding most of a polygon's area,
 * most of a line's length (by its segments' midpoints), or a point; null outside every unit
 * or without boundaries.
 */
export function computePlanFields(geometry: Geometry | null, boundaries: PreparedBoundaries | null): PlanComputed {
  const polys = polygonsOf(geometry);
  const areaHa = polys ? roundHa(m2ToHa(geometryAreaM2(geometry))) : null;
  const unit = boundaries && geometry ? majorityUnit(geometry, boundaries) : null;
  return { areaHa, communeCode: unit?.code ?? null, communeName: unit?.name ?? null };
}

function majorityUnit(geometry: Geometry, b: PreparedBoundaries) {
  const polys = polygonsOf(geometry);
  const weights = new Map<number, number>();
  const add = (i: number, w: number) => weights.set(i, (weights.get(i) ?? 0) + w);
  const unitAt = (x: number, y: number) => {
    for (const i of b.index.search([x, y, x, y])) if (locatePointInMulti(x, y, b.units[i]!.polys) === 'inside') return i;
    return -1;
  };
  if (polys) {
    const box = bboxOfPolygons(polys);
    for (const i of b.index.search(box)) {
      const m2 = areaInUnitM2(polys, box, b.units[i]!);
      if (m2 > 0) add(i, m2);
    }
  } else {
    for (const [p, w] of weightedPoints(geometry)) {
      const i = unitAt(p[0]!, p[1]!);
      if (i >= 0) add(i, w);
    }
  }
  let best = -1;
  let bestW = 0;
  for (const [i, w] of weights) {
    if (w > bestW) [best, bestW] = [i, w];
  }
  return best >= 0 ? b.units[best]! : null;
}

/** Points standing for a point or line geometry, each with its weight (a segment's length). */
function weightedPoints(g: Geometry): Array<[Position, number]> {
  const lines: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  if (g.type === 'Point') return [[g.coordinates, 1]];
  if (g.type === 'MultiPoint') return g.coordinates.map((p) => [p, 1]);
  const out: Array<[Position, number]> = [];
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1]!, line[i]!];
      out.push([[(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2], Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!)]);
    }
  }
  return out;
}

/** Why a geometry cannot be a plan feature, and where (lon, lat) when there is a place. */
export type GeometryProblem =
  | { problem: 'wrong-type'; expected: 'point' | 'line' | 'polygon'; got: string }
  | { problem: 'too-few-vertices'; min: number; got: number }
  | { problem: 'not-finite' }
  | { problem: 'self-intersection'; at: [number, number] };

const KIND_TYPES = { point: ['Point', 'MultiPoint'], line: ['LineString', 'MultiLineString'], polygon: ['Polygon', 'MultiPolygon'] } as const;

/**
 * Null when the geometry is a valid feature of a layer of `kind`: the right type, finite
 * coordinates, at least 2 vertices per line and 3 distinct per ring, and rings that neither
 * cross nor touch themselves or each other (the same check the import applies).
 */
export function planGeometryProblem(geometry: Geometry | null | undefined, kind: 'point' | 'line' | 'polygon'): GeometryProblem | null {
  const type = geometry?.type ?? 'null';
  if (!geometry || !(KIND_TYPES[kind] as readonly string[]).includes(type)) return { problem: 'wrong-type', expected: kind, got: type };
  const coords = JSON.stringify((geometry as { coordinates: unknown }).coordinates);
  if (coords.includes('null')) return { problem: 'not-finite' };
  const finite = (p: Position) => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90;
  if (geometry.type === 'Point') return finite(geometry.coordinates) ? null : { problem: 'not-finite' };
  if (geometry.type === 'MultiPoint') return geometry.coordinates.length > 0 && geometry.coordinates.every(finite) ? null : { problem: 'not-finite' };
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    for (const line of lines) {
      if (!line.every(finite)) return { problem: 'not-finite' };
      const distinct = new Set(line.map((p) => `${p[0]},${p[1]}`)).size;
      if (distinct < 2) return { problem: 'too-few-vertices', min: 2, got: distinct };
    }
    return lines.length > 0 ? null : { problem: 'too-few-vertices', min: 2, got: 0 };
  }
  const polys = polygonsOf(geometry) ?? [];
  if (polys.length === 0) return { problem: 'too-few-vertices', min: 3, got: 0 };
  for (const rings of polys) {
    for (const ring of rings) {
      if (!ring.every(finite)) return { problem: 'not-finite' };
      const distinct = new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
      if (distinct < 3) return { problem: 'too-few-vertices', min: 3, got: distinct };
    }
  }
  // parts of a multipolygon are checked together: two parts that overlap are refused too
  const at = ringsProblemAt(polys.flat());
  return at ? { problem: 'self-intersection', at } : null;
}
