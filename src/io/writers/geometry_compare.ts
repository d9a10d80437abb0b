// Test helpers (imported by *.test.ts only): compare geometries in metres after a round
// trip. Shapefiles legitimately change two things that are not coordinates: ring
// direction (outer rings clockwise) and Multi* of one part read back as the single type.

import type { Geometry, Position } from 'geojson';

/** Distance in metres between two lon/lat positions (haversine on the WGS 84 mean radius). */
export function metres(a: Position, b: Position): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const [lon1 = NaN, lat1 = NaN] = a;
  const [lon2 = NaN, lat2 = NaN] = b;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Parts as lists of positions, with single types promoted to Multi*. */
function parts(g: Geometry): Position[][][] {
  switch (g.type) {
    case 'Point':
      return [[[g.coordinates]]];
    case 'MultiPoint':
      return g.coordinates.map((p) => [[p]]);
    case 'LineString':
      return [[g.coordinates]];
    case 'MultiLineString':
      return g.coordinates.map((l) => [l]);
    case 'Polygon':
      return [g.coordinates];
    case 'MultiPolygon':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(parts);
  }
}

function listDistance(a: readonly Position[], b: readonly Position[]): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  a.forEach((p, i) => (d = Math.max(d, metres(p, b[i] as Position))));
  return d;
}

/**
 * Largest distance in metres between matching positions of two geometries, allowing a
 * reversed ring or line; Infinity when the structure differs.
 */
export function maxDistance(a: Geometry, b: Geometry): number {
  const pa = parts(a);
  const pb = parts(b);
  if (pa.length !== pb.length) return Infinity;
  let d = 0;
  pa.forEach((part, i) => {
    const other = pb[i] ?? [];
    if (part.length !== other.length) d = Infinity;
    part.forEach((ring, j) => {
      const o = other[j] ?? [];
      d = Math.max(d, Math.min(listDistance(ring, o), listDistance([...ring].reverse(), o)));
    });
  });
  return d;
}
