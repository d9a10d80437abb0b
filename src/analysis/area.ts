import type { Geometry, Position } from 'geojson';

// Ellipsoidal (WGS 84) polygon area, for hectares that agree with GIS software.
//
// Method: every vertex is mapped into Lambert's cylindrical equal-area projection *on the
// ellipsoid* (x = a·λ, y = a·q(φ)/2, Snyder 1987 eq. 3-12), and the ring is measured with the
// shoelace formula there. The projection preserves area exactly, so the only difference from a
// geodesic computation is the shape of each edge (straight in lon/lat vs geodesic), which for
// edges of a few km is below 1e-6 relative. A lon/lat rectangle (parallels and meridians as
// edges, as RFC 7946 reads it) is measured exactly.
//
// Why not turf's `area`: it uses a sphere of radius 6,378,137 m, which at 22° N overstates
// areas by ≈ 0.5 % (see area.test.ts), five times the 0.1 % tolerance.
// Why not Karney's geodesic polygon area: equally exact here, but ~10× slower per vertex and
// another dependency; this needs one sin and one log per vertex.
// Not handled: rings that cross the antimeridian (not needed for Vietnam).

/** WGS 84 semi-major axis (m) and flattening. */
export const WGS84_A = 6378137;
export const WGS84_F = 1 / 298.257223563;

const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const DEG = Math.PI / 180;
/** a²/2: the area scale of the (λ rad, q) plane, whose shoelace sum is twice the area. */
const HALF_A2 = (WGS84_A * WGS84_A) / 2;

/** Snyder's q(φ), the authalic "latitude function"; a²·q/2 is the equal-area y. */
export function authalicQ(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  const es = E * s;
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

/** Unsigned area of one closed or open ring of [lon, lat] positions, in m². */
export function ringAreaM2(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0]!;
  const last = ring[n - 1]!;
  const m = first[0] === last[0] && first[1] === last[1] ? n - 1 : n;
  if (m < 3) return 0;
  // coordinates relative to the first vertex keep the shoelace sum precise
  const x0 = first[0]! * DEG;
  const y0 = authalicQ(first[1]!);
  let sum = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i < m; i++) {
    const p = ring[i]!;
    const x = p[0]! * DEG - x0;
    const y = authalicQ(p[1]!) - y0;
    sum += px * y - x * py;
    px = x;
    py = y;
  }
  return (Math.abs(sum) / 2) * HALF_A2;
}

/** Area of one polygon (outer ring minus holes), m². */
export function polygonAreaM2(rings: readonly (readonly Position[])[]): number {
  let area = 0;
  rings.forEach((ring, i) => {
    area += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
  });
  return Math.max(0, area);
}

/** Area of a list of polygons (MultiPolygon coordinates), m². Polygons are assumed disjoint. */
export function multiPolygonAreaM2(polygons: readonly (readonly (readonly Position[])[])[]): number {
  let area = 0;
  for (const p of polygons) area += polygonAreaM2(p);
  return area;
}

/** Area of any GeoJSON geometry, m² (0 for points and lines). */
export function geometryAreaM2(geometry: Geometry | null): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Polygon':
      return polygonAreaM2(geometry.coordinates);
    case 'MultiPolygon':
      return multiPolygonAreaM2(geometry.coordinates);
    case 'GeometryCollection':
      return geometry.geometries.reduce((s, g) => s + geometryAreaM2(g), 0);
    default:
      return 0;
  }
}

export const M2_PER_HA = 10_000;

export function m2ToHa(m2: number): number {
  return m2 / M2_PER_HA;
}

/** Exact ellipsoidal area of the lon/lat rectangle [west, south, east, north], m². */
export function lonLatRectAreaM2(west: number, south: number, east: number, north: number): number {
  return HALF_A2 * Math.abs((east - west) * DEG) * Math.abs(authalicQ(north) - authalicQ(south));
}
