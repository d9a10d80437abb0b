import { describe, expect, test } from 'vitest';
import { distance as turfDistance } from '@turf/turf';
import { polygonAreaM2 } from './area';
import { geodesicSegment, measure, verticesCsv, type LonLat, type ToGrid } from './measure';

// a stand-in grid projection: the tests of the numbers must not depend on proj4
const createGrid = (): ToGrid => (lon, lat) => ({ x_northing: lat * 1000, y_easting: lon * 1000 });

describe('geodesicSegment', () => {
  test('GeographicLib\'s published cases: GeodSolve0 (JFK → CDG) and the README\'s Wellington → Salamanca', () => {
    // geographiclib-geodesic test/geodesictest.js "GeodSolve0": azi1 53.47022, s12 5853226 m
    const s = geodesicSegment([-73.8, 40.6], [2.55, 49.01666667]);
    expect(Math.abs(s.m - 5853226)).toBeLessThan(0.5);
    expect(Math.abs(s.bearingDeg - 53.47022)).toBeLessThan(0.5e-5);
    // README: "The distance is 19959679.267 m."
    expect(geodesicSegment([174.81, -41.32], [-5.5, 40.96]).m.toFixed(3)).toBe('19959679.267');
  });

  test('1° of meridian from the equator is 110,574.389 m on WGS 84 (the sphere says 111,195 m)', () => {
    const s = geodesicSegment([0, 0], [0, 1]);
    expect(s.m).toBeCloseTo(110574.389, 2);
    expect(s.bearingDeg).toBe(0);
    expect(turfDistance([0, 0], [0, 1], { units: 'meters' })).toBeCloseTo(111195.08, 1);
  });

  test('1° of longitude along the equator is a·π/180 = 111,319.491 m, bearing 090°', () => {
    const s = geodesicSegment([102, 0], [103, 0]);
    expect(s.m).toBeCloseTo(111319.4908, 3);
    expect(s.bearingDeg).toBeCloseTo(90, 9);
  });

  test('bearings are in [0, 360): due west is 270°, due south 180°', () => {
    expect(geodesicSegment([103, 22.3], [102.9, 22.3]).bearingDeg).toBeCloseTo(270, 1);
    expect(geodesicSegment([103, 22.3], [103, 22.2]).bearingDeg).toBeCloseTo(180, 9);
    expect(geodesicSegment([103, 22.3], [103, 22.3])).toEqual({ m: 0, bearingDeg: 0 });
  });
});

describe('measure', () => {
  const path: LonLat[] = [[102.8, 22.3], [102.81, 22.3], [102.81, 22.31]];

  test('distance: one segment per pair, total their sum, no area', () => {
    const m = measure('distance', path, createGrid());
    expect(m.segments).toHaveLength(2);
    expect(m.totalM).toBeCloseTo(m.segments[0]!.m + m.segments[1]!.m, 9);
    expect(m.areaHa).toBeUndefined();
    expect(m.vertices).toEqual([
      { lon: 102.8, lat: 22.3, x: 22300, y: 102800 },
      { lon: 102.81, lat: 22.3, x: 22300, y: 102810 },
      { lon: 102.81, lat: 22.31, x: 22310, y: 102810 },
    ]);
  });

  test('area: the ring is closed, the perimeter includes the closing edge, hectares are area.ts\'s', () => {
    const ring: LonLat[] = [[102.8, 22.3], [102.81, 22.3], [102.81, 22.31], [102.8, 22.31]];
    const m = measure('area', ring, createGrid());
    expect(m.segments).toHaveLength(4);
    expect(m.perimeterM).toBeCloseTo(m.segments.reduce((s, g) => s + g.m, 0), 9);
    expect(m.totalM).toBe(m.perimeterM);
    expect(m.areaM2).toBe(polygonAreaM2([ring.map((p) => [...p])]));
    // SpatiaLite's spheroid area of this cell (area.test.ts): 1,141,006.06 m²
    expect(m.areaHa!).toBeCloseTo(114.1006, 3);
    // a repeated first vertex at the end changes nothing
    expect(measure('area', [...ring, ring[0]!], createGrid())).toEqual(m);
  });

  test('area with fewer than 3 vertices has no area yet and no closing edge', () => {
    const m = measure('area', path.slice(0, 2), createGrid());
    expect(m.segments).toHaveLength(1);
    expect(m.areaHa).toBeUndefined();
    expect(measure('area', [], createGrid())).toEqual({ mode: 'area', totalM: 0, segments: [], vertices: [] });
  });
});

test('verticesCsv writes a header and one row per vertex, decimal point', () => {
  const csv = verticesCsv([{ lon: 102.8123456789, lat: 22.3, x: 2467890.1234, y: 480123.5 }]);
  expect(csv).toBe('n,x_northing_m,y_easting_m,lon,lat\r\n1,2467890.123,480123.5,102.8123457,22.3\r\n');
});
