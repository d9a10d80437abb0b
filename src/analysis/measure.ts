import { Geodesic } from 'geographiclib-geodesic';
import { M2_PER_HA, ringAreaM2 } from './area';
import { csvNumber } from './dashboard_rows';

// Measuring on the map (issue 16 §6): geodesic segment lengths and bearings on the WGS 84
// ellipsoid, total length, and for a polygon its area and perimeter. Pure: the caller hands
// in the lon/lat vertices and, for the grid coordinates, a WGS 84 → VN-2000 TM-3 projection
// (proj4 lives in io/crs.ts and is loaded on demand).
//
// Lengths and bearings: Karney's inverse geodesic (GeographicLib), not turf's distance and
// bearing, which are spherical (Haversine on R = 6,371,008.8 m) and off by up to ~0.3 %
// here. Area: the engine the statistics use (area.ts, ellipsoidal equal-area), so a
// measured polygon and the same polygon as an area of interest show the same hectares.

export type MeasureMode = 'distance' | 'area';
export type LonLat = readonly [number, number];

export interface Segment {
  /** geodesic length, m */
  m: number;
  /** azimuth at the segment's start, degrees clockwise from true north, [0, 360) */
  bearingDeg: number;
}

export interface MeasuredVertex {
  lon: number;
  lat: number;
  /** VN-2000 TM-3 northing (X), m */
  x: number;
  /** VN-2000 TM-3 easting (Y), m */
  y: number;
}

export interface Measurement {
  mode: MeasureMode;
  /** distance: the polyline's length; area: the perimeter (the closing edge included) */
  totalM: number;
  /** distance: one per pair of consecutive vertices; area: the ring's edges, the closing one last (from 3 vertices) */
  segments: Segment[];
  /** area mode with 3 or more vertices */
  areaHa?: number;
  areaM2?: number;
  perimeterM?: number;
  vertices: MeasuredVertex[];
}

/** WGS 84 lon/lat → TM-3 grid, X = northing, Y = easting (io/crs.ts `toTm3`). */
export type ToGrid = (lon: number, lat: number) => { x_northing: number; y_easting: number };

const WGS84 = Geodesic.WGS84;

/** Geodesic length (m) and initial azimuth (degrees from north, [0, 360)) from a to b. */
export function geodesicSegment(a: LonLat, b: LonLat): Segment {
  const r = WGS84.Inverse(a[1], a[0], b[1], b[0], Geodesic.DISTANCE | Geodesic.AZIMUTH);
  const m = r.s12 ?? 0;
  // a zero-length segment has no direction: say north rather than whatever azi1 is
  const azi = m === 0 ? 0 : (r.azi1 ?? 0);
  return { m, bearingDeg: ((azi % 360) + 360) % 360 };
}

/** Drops a repeated closing vertex, so [A, B, C, A] and [A, B, C] are the same ring. */
function openRing(points: readonly LonLat[]): readonly LonLat[] {
  const n = points.length;
  if (n > 3 && points[0]![0] === points[n - 1]![0] && points[0]![1] === points[n - 1]![1]) return points.slice(0, n - 1);
  return points;
}

/** Everything the measure panel shows, for the given vertices. */
export function measure(mode: MeasureMode, input: readonly LonLat[], toGrid: ToGrid): Measurement {
  const points = mode === 'area' ? openRing(input) : input;
  const segments: Segment[] = [];
  for (let i = 1; i < points.length; i++) segments.push(geodesicSegment(points[i - 1]!, points[i]!));
  const polygon = mode === 'area' && points.length >= 3;
  if (polygon) segments.push(geodesicSegment(points[points.length - 1]!, points[0]!));
  const totalM = segments.reduce((s, g) => s + g.m, 0);
  const vertices = points.map(([lon, lat]) => {
    const g = toGrid(lon, lat);
    return { lon, lat, x: g.x_northing, y: g.y_easting };
  });
  const result: Measurement = { mode, totalM, segments, vertices };
  if (polygon) {
    const areaM2 = ringAreaM2(points.map((p) => [p[0], p[1]]));
    result.areaM2 = areaM2;
    result.areaHa = areaM2 / M2_PER_HA;
    result.perimeterM = totalM;
  }
  return result;
}

/** The vertices as CSV (comma separated, decimal point, a header row), for the clipboard. */
export function verticesCsv(vertices: readonly MeasuredVertex[]): string {
  const rows = ['n,x_northing_m,y_easting_m,lon,lat'];
  vertices.forEach((v, i) => rows.push([String(i + 1), csvNumber(v.x, 3), csvNumber(v.y, 3), csvNumber(v.lon, 7), csvNumber(v.lat, 7)].join(',')));
  return `${rows.join('\r\n')}\r\n`;
}
