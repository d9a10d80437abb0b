import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area as turfArea } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { geometryAreaM2, lonLatRectAreaM2, m2ToHa, polygonAreaM2, ringAreaM2 } from './area';

function createRect(w: number, s: number, e: number, n: number): Position[] {
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

// Independent values: SpatiaLite 5.0.1 (librttopo spheroid area, PROJ 9.1.1, GEOS 3.11.1, Debian 12
// spatialite-bin), computed for this test with
//   spatialite -silent :memory: "SELECT ST_Area(GeomFromText('POLYGON((10 1,11 1,11 2,10 2,10 1))',4326),1)"
// (and likewise for the other rectangles).
const SPATIALITE_RECT_M2: [number, number, number, number, number][] = [
  [10, 1, 11, 2, 12304814950.073],
  [102, 22, 103, 23, 11394444342.535],
  [102.8, 22.3, 102.81, 22.31, 1141006.060112],
  [10, 1, 10.01, 1.01, 1230722.923147],
];

describe('ringAreaM2 / polygonAreaM2', () => {
  test.each(SPATIALITE_RECT_M2)('rectangle %s,%s – %s,%s agrees with SpatiaLite within 1e-4 relative', (w, s, e, n, ref) => {
    const a = polygonAreaM2([createRect(w, s, e, n)]);
    expect(Math.abs(a - ref) / ref).toBeLessThan(1e-4);
  });

  test('a lon/lat rectangle equals the closed form a²·Δλ·Δq/2', () => {
    expect(polygonAreaM2([createRect(102, 22, 103, 23)])).toBeCloseTo(lonLatRectAreaM2(102, 22, 103, 23), 3);
    // the 1° cell at the equator: 12,308.46 km² on WGS 84 (12,363.7 km² on turf's sphere)
    expect(lonLatRectAreaM2(0, 0, 1, 1) / 1e6).toBeCloseTo(12308.464, 3);
  });

  test('orientation and an open ring do not change the area', () => {
    const ring = createRect(102.8, 22.3, 102.81, 22.31);
    expect(ringAreaM2([...ring].reverse())).toBeCloseTo(ringAreaM2(ring), 6);
    expect(ringAreaM2(ring.slice(0, 4))).toBeCloseTo(ringAreaM2(ring), 6);
  });

  test('a hole is subtracted', () => {
    const outer = createRect(102.8, 22.3, 102.82, 22.32);
    const hole = createRect(102.805, 22.305, 102.815, 22.315);
    const expected = lonLatRectAreaM2(102.8, 22.3, 102.82, 22.32) - lonLatRectAreaM2(102.805, 22.305, 102.815, 22.315);
    expect(polygonAreaM2([outer, hole])).toBeCloseTo(expected, 4);
  });

  test('a multipolygon sums its parts; points and lines have no area', () => {
    const a = createRect(102.8, 22.3, 102.81, 22.31);
    const b = createRect(102.9, 22.3, 102.91, 22.31);
    expect(geometryAreaM2({ type: 'MultiPolygon', coordinates: [[a], [b]] })).toBeCloseTo(polygonAreaM2([a]) + polygonAreaM2([b]), 4);
    expect(geometryAreaM2({ type: 'Point', coordinates: [102.8, 22.3] })).toBe(0);
    expect(m2ToHa(25_000)).toBe(2.5);
  });

  test("turf's spherical area is ≈ 0.25 % high at 22° N, too far off for the 0.1 % target", () => {
    const ring = createRect(102, 22, 103, 23);
    const ratio = turfArea({ type: 'Polygon', coordinates: [ring] }) / polygonAreaM2([ring]);
    expect(ratio).toBeGreaterThan(1.002);
  });
});

// The 14 communes of Mường Tè 2013–2025 (GADM 4.1 level 3 as simplified in the reference folder).
// Independent computation, m², SpatiaLite's geodesic area on the WGS 84 ellipsoid:
//   ogr2ogr -f SQLite -dsco SPATIALITE=YES -nln communes mt.sqlite communes-2013-2025.geojson
//   spatialite -silent mt.sqlite "SELECT gso_code, printf('%.3f', ST_Area(GEOMETRY, 1)) FROM communes ORDER BY gso_code"
// Tools: GDAL 3.6.2, SpatiaLite 5.0.1 (PROJ 9.1.1, GEOS 3.11.1), Debian 12 packages gdal-bin and spatialite-bin.
const SPATIALITE_COMMUNE_M2: Record<string, number> = {
  '03433': 12291169.915,
  '03436': 113113043.368,
  '03439': 161124901.562,
  '03440': 91303239.292,
  '03442': 330491812.252,
  '03445': 184678143.811,
  '03448': 240272587.033,
  '03451': 382831130.256,
  '03454': 136486838.337,
  '03457': 107182119.085,
  '03463': 509942268.892,
  '03466': 89321160.654,
  '03467': 80528553.588,
  '03469': 237730246.348,
};

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REFERENCE_DIR = path.resolve(REPO_ROOT, '../shared/reference/muong-te');
const COMMUNES_FILE = path.join(REFERENCE_DIR, 'communes-2013-2025.geojson');
const hasReference = existsSync(COMMUNES_FILE);

describe.skipIf(!hasReference)(`real communes vs SpatiaLite (needs ${COMMUNES_FILE})`, () => {
  const fc = hasReference ? (JSON.parse(readFileSync(COMMUNES_FILE, 'utf8')) as FeatureCollection) : null;

  test('all 14 communes are present', () => {
    const codes = fc!.features.map((f) => String(f.properties?.gso_code)).sort();
    expect(codes).toEqual(Object.keys(SPATIALITE_COMMUNE_M2).sort());
  });

  test.each(Object.entries(SPATIALITE_COMMUNE_M2))('commune %s within 0.1 %% of SpatiaLite ST_Area(geom, 1)', (code, ref) => {
    const f = fc!.features.find((x) => String(x.properties?.gso_code) === code)!;
    const ours = geometryAreaM2(f.geometry);
    expect(Math.abs(ours - ref) / ref).toBeLessThan(0.001);
  });
});
