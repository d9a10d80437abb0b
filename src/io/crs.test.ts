import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import {
  SUPPORTED_CRS,
  VN2000_TOWGS84,
  WGS84_ID,
  fromTm3,
  reprojectGeoJSON,
  resolveCrs,
  tm3,
  tm6,
  toTm3,
  transformer,
} from './crs';

/*
 * Control values: PROJ 9.1.1 (Rel. 9.1.1, December 1st, 2022, Debian proj-bin), computed
 * independently of proj4js with, for each block below:
 *
 *   SRC="+proj=longlat +datum=WGS84 +no_defs"
 *   T="+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278"
 *   TM3_103:    cs2cs -f %.6f $SRC +to +proj=tmerc +lat_0=0 +lon_0=103 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 $T +units=m +no_defs < pts.txt
 *   UTM48:      cs2cs -f %.6f $SRC +to +proj=utm +zone=48 +ellps=WGS84 $T +units=m +no_defs < pts.txt
 *   TM3_105_45: cs2cs -f %.6f $SRC +to +proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 $T +units=m +no_defs < pts.txt
 *   VN2000_GEO: cs2cs -f %.10f $SRC +to +proj=longlat +ellps=WGS84 $T +no_defs < pts.txt
 *   UNFLIPPED:  as TM3_103 but rotations -0.00928836,0.01975479,-0.00427372 (the decision's
 *               coordinate-frame signs wrongly pasted into +towgs84)
 *   NO_SHIFT:   as TM3_103 without +towgs84
 *
 * pts.txt holds POINTS (lon lat, WGS 84). Cross-checks with the EPSG database gave identical
 * numbers: `echo "22.379 102.811" | cs2cs -f %.6f EPSG:4326 EPSG:9205` → 480341.596175
 * 2475637.630415, and EPSG:3405 → 274420.962894 2476525.072197.
 */
const POINTS: ReadonlyArray<readonly [number, number]> = [
  [102.811, 22.379], // Mường Tè township centre
  [102.32, 22.17],
  [102.99, 22.78],
  [102.15, 22.4], // western border area
  [102.6, 22.05],
  [103.05, 22.6], // east of the central meridian
];

// [easting, northing]
const TM3_103: ReadonlyArray<readonly [number, number]> = [
  [480341.596175, 2475637.630415],
  [429675.801203, 2452641.498169],
  [498777.047387, 2520026.745489],
  [412286.253633, 2478198.006564],
  [458517.588136, 2439252.155461],
  [504944.38155, 2500096.541548],
];
const UTM48: ReadonlyArray<readonly [number, number]> = [
  [274420.962894, 2476525.072197],
  [223432.005989, 2454191.627961],
  [293455.190712, 2520675.164555],
  [206371.89778, 2479992.467181],
  [252109.907113, 2440417.193077],
  [299354.761115, 2500659.451618],
];
const TM3_105_45: ReadonlyArray<readonly [number, number]> = [
  [197066.583668, 2478587.082653],
  [145923.570953, 2456488.596781],
  [216337.972725, 2522675.401566],
  [128976.52975, 2482397.815152],
  [174558.162963, 2442560.518782],
  [222140.662759, 2502614.846263],
];
const VN2000_GEO: ReadonlyArray<readonly [number, number]> = [
  [102.8090947408, 22.3799439015],
  [102.3180973125, 22.1709394175],
  [102.9880893177, 22.7809435546],
  [102.1480941128, 22.4009359268],
  [102.5980990731, 22.0509434543],
  [103.0480918781, 22.6009453866],
];
const UNFLIPPED: ReadonlyArray<readonly [number, number]> = [
  [480342.339946, 2475637.91858],
  [429676.54098, 2452641.79526],
  [498777.798926, 2520027.030412],
  [412286.997928, 2478198.306672],
  [458518.325522, 2439252.447489],
  [504945.129603, 2500096.825394],
];
const NO_SHIFT: ReadonlyArray<readonly [number, number]> = [
  [480537.658838, 2475532.869474],
  [429871.564941, 2452536.59904],
  [498973.223375, 2519922.25128],
  [412481.911519, 2478093.257464],
  [458713.521808, 2439147.178982],
  [505140.59291, 2499991.925867],
];

const MM = 0.001;
const DEG_EPS = 1e-9;

function dist(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function at<T>(arr: ReadonlyArray<T>, i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`missing control value ${i}`);
  return v;
}

describe('VN-2000 control points (PROJ cs2cs)', () => {
  const cases: ReadonlyArray<[string, string, ReadonlyArray<readonly [number, number]>]> = [
    ['TM-3 103°00′', tm3(103).id, TM3_103],
    ['UTM 48N (EPSG:3405)', 'EPSG:3405', UTM48],
    ['TM-3 105°45′', tm3(105.75).id, TM3_105_45],
  ];

  for (const [name, id, expected] of cases) {
    it(`${name}: forward within 1 mm, round trip within 1e-9°`, () => {
      const fwd = transformer(WGS84_ID, id);
      const inv = transformer(id, WGS84_ID);
      POINTS.forEach((p, i) => {
        const xy = fwd(p);
        expect(dist(xy, at(expected, i))).toBeLessThan(MM);
        const back = inv(xy);
        expect(Math.abs(back[0] - p[0])).toBeLessThan(DEG_EPS);
        expect(Math.abs(back[1] - p[1])).toBeLessThan(DEG_EPS);
      });
    });
  }

  it('VN-2000 geographic (EPSG:4756) matches cs2cs to 1e-9°', () => {
    const fwd = transformer(WGS84_ID, 'EPSG:4756');
    POINTS.forEach((p, i) => {
      const ll = fwd(p);
      const e = at(VN2000_GEO, i);
      expect(Math.abs(ll[0] - e[0])).toBeLessThan(DEG_EPS);
      expect(Math.abs(ll[1] - e[1])).toBeLessThan(DEG_EPS);
    });
  });

  it('toTm3 names X as northing and Y as easting', () => {
    const r = toTm3(102.811, 22.379);
    expect(Math.abs(r.x_northing - 2475637.630415)).toBeLessThan(MM);
    expect(Math.abs(r.y_easting - 480341.596175)).toBeLessThan(MM);
  });

  it('fromTm3 agrees with cs2cs inverse to ~1 mm and round-trips exactly', () => {
    // cs2cs -f %.10f <TM3_103 def> +to $SRC, input "480000 2475000" / "430000 2452000".
    // cs2cs's inverse is not the exact inverse of its own forward: feeding the forward
    // result of 102.811 22.379 back gives 102.811000011 22.378999995 (1.1e-8°, ≈1.2 mm),
    // because the 2D point's height is dropped between the two shifts. Our inverse is the
    // exact inverse of the (PROJ-identical) forward, so it sits ≈1.2 mm from cs2cs's inverse.
    const ROUGHLY_1MM_DEG = 1.5e-8;
    const a = fromTm3(2475000, 480000);
    expect(Math.abs(a.lon - 102.8076906556)).toBeLessThan(ROUGHLY_1MM_DEG);
    expect(Math.abs(a.lat - 22.3732373631)).toBeLessThan(ROUGHLY_1MM_DEG);
    const b = fromTm3(2452000, 430000, 103);
    expect(Math.abs(b.lon - 102.3231711787)).toBeLessThan(ROUGHLY_1MM_DEG);
    expect(Math.abs(b.lat - 22.1642196481)).toBeLessThan(ROUGHLY_1MM_DEG);

    for (const [lon, lat] of POINTS) {
      const t = toTm3(lon, lat, 104.5);
      const back = fromTm3(t.x_northing, t.y_easting, 104.5);
      expect(Math.abs(back.lon - lon)).toBeLessThan(DEG_EPS);
      expect(Math.abs(back.lat - lat)).toBeLessThan(DEG_EPS);
    }
  });

  it('typed survey coordinates come back unchanged after a trip through WGS 84', () => {
    for (const [x, y] of [[2475000, 480000], [2452123.45, 430987.65], [2520026.75, 498777.05]] as const) {
      const ll = fromTm3(x, y);
      const t = toTm3(ll.lon, ll.lat);
      expect(Math.abs(t.x_northing - x)).toBeLessThan(1e-6);
      expect(Math.abs(t.y_easting - y)).toBeLessThan(1e-6);
    }
  });

  it('TM-3 104°30′ and UTM 49N match single cs2cs / EPSG values', () => {
    // cs2cs ... +lon_0=104.5 ... → 325861.766135 2476603.711900
    const t = toTm3(102.811, 22.379, 104.5);
    expect(Math.abs(t.y_easting - 325861.766135)).toBeLessThan(MM);
    expect(Math.abs(t.x_northing - 2476603.7119)).toBeLessThan(MM);
    // echo "16.05 108.2" | cs2cs -f %.6f EPSG:4326 EPSG:3406 → 200203.018616 1776607.253999
    expect(dist(transformer(WGS84_ID, 'EPSG:3406')([108.2, 16.05]), [200203.018616, 1776607.253999])).toBeLessThan(MM);
  });

  it('WGS 84 Web Mercator and WGS 84 UTM 48N match cs2cs', () => {
    // echo "22.379 102.811" | cs2cs -f %.6f EPSG:4326 EPSG:3857 → 11444868.167947 2557089.956188
    expect(dist(transformer(WGS84_ID, 'EPSG:3857')([102.811, 22.379]), [11444868.167947, 2557089.956188])).toBeLessThan(MM);
    // cs2cs $SRC +to +proj=utm +zone=48 +datum=WGS84 → 274615.678288 2476417.678922
    expect(dist(transformer(WGS84_ID, 'EPSG:32648')([102.811, 22.379]), [274615.678288, 2476417.678922])).toBeLessThan(MM);
  });

  it('TM-3 → UTM 48N within VN-2000 needs no datum shift and matches cs2cs', () => {
    const f = transformer(tm3(103).id, 'EPSG:3405');
    TM3_103.forEach((xy, i) => {
      expect(dist(f(xy), at(UTM48, i))).toBeLessThan(MM);
    });
  });
});

describe('why the shift parameters matter', () => {
  const tmBase = '+proj=tmerc +lat_0=0 +lon_0=103 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84';
  const unflippedTowgs84 =
    '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';

  it('the official +towgs84 is the one in every VN-2000 definition', () => {
    for (const c of SUPPORTED_CRS.filter((d) => d.datum === 'VN2000')) {
      expect(c.proj).toContain(`+towgs84=${VN2000_TOWGS84}`);
    }
    expect(tm3(106.25).proj).toContain(`+towgs84=${VN2000_TOWGS84}`);
  });

  it('unflipped rotation signs move points by 0.3–1 m (values checked against cs2cs)', () => {
    const wrong = proj4('WGS84', `${tmBase} +towgs84=${unflippedTowgs84} +units=m +no_defs`);
    POINTS.forEach((p, i) => {
      const w = wrong.forward([p[0], p[1]]);
      const wxy: [number, number] = [w[0] ?? NaN, w[1] ?? NaN];
      expect(dist(wxy, at(UNFLIPPED, i))).toBeLessThan(MM);
      const t = toTm3(p[0], p[1]);
      const d = dist(wxy, [t.y_easting, t.x_northing]);
      expect(d).toBeGreaterThan(0.3);
      expect(d).toBeLessThan(1);
    });
  });

  it('omitting the shift moves points by more than 150 m (values checked against cs2cs)', () => {
    const none = proj4('WGS84', `${tmBase} +units=m +no_defs`);
    POINTS.forEach((p, i) => {
      const n = none.forward([p[0], p[1]]);
      const nxy: [number, number] = [n[0] ?? NaN, n[1] ?? NaN];
      expect(dist(nxy, at(NO_SHIFT, i))).toBeLessThan(MM);
      const t = toTm3(p[0], p[1]);
      expect(dist(nxy, [t.y_easting, t.x_northing])).toBeGreaterThan(150);
    });
  });
});

describe('registry', () => {
  it('lists the core CRSs with bilingual labels', () => {
    const ids = SUPPORTED_CRS.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['EPSG:4326', 'EPSG:4756', 'EPSG:3405', 'EPSG:3406', 'VN2000:TM3:103']),
    );
    for (const c of SUPPORTED_CRS) {
      expect(c.label.vi.length).toBeGreaterThan(0);
      expect(c.label.en.length).toBeGreaterThan(0);
    }
  });

  it('tm3 builds any provincial meridian, with EPSG codes where they exist', () => {
    expect(tm3().id).toBe('VN2000:TM3:103');
    expect(tm3().epsg).toBe(9205);
    expect(tm3(105.75).epsg).toBe(9210);
    expect(tm3(105.75).label.vi).toContain('105°45′');
    expect(tm3(103.25).epsg).toBeUndefined();
    expect(tm3(105.75000000000001).id).toBe('VN2000:TM3:105.75');
    expect(tm3(103).proj).toBe(
      `+proj=tmerc +lat_0=0 +lon_0=103 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    );
    expect(() => tm3(Number.NaN)).toThrow(RangeError);
  });

  it('tm6 uses k=0.9996 and folds 105°/111° into UTM 48N/49N', () => {
    expect(tm6(105).id).toBe('EPSG:3405');
    expect(tm6(111).id).toBe('EPSG:3406');
    expect(tm6(102).id).toBe('VN2000:TM6:102');
    expect(tm6(102).proj).toContain('+k=0.9996');
  });

  it('resolves parametric ids and EPSG aliases', () => {
    expect(resolveCrs('VN2000:TM3:104.5')?.epsg).toBe(9207);
    expect(resolveCrs('EPSG:9205')?.id).toBe('VN2000:TM3:103');
    expect(resolveCrs('EPSG:32647')?.proj).toContain('+zone=47');
    expect(resolveCrs('VN2000:TM6:105')?.id).toBe('EPSG:3405');
    expect(resolveCrs('EPSG:2154')).toBeUndefined();
    expect(resolveCrs('nonsense')).toBeUndefined();
    expect(() => transformer('nonsense', WGS84_ID)).toThrow(/Unknown CRS/);
  });

  it('EPSG alias and canonical id transform identically', () => {
    const a = transformer(WGS84_ID, 'EPSG:9205')([102.811, 22.379]);
    const b = transformer(WGS84_ID, 'VN2000:TM3:103')([102.811, 22.379]);
    expect(a).toEqual(b);
  });
});

describe('reprojectGeoJSON', () => {
  const fc = (): FeatureCollection<Point | Polygon> => ({
    type: 'FeatureCollection',
    bbox: [102, 22, 103, 23],
    features: [
      { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [102.811, 22.379, 300] } },
      {
        type: 'Feature',
        properties: { n: 2 },
        geometry: {
          type: 'Polygon',
          coordinates: [[[102.32, 22.17], [102.99, 22.78], [102.15, 22.4], [102.32, 22.17]]],
        },
      },
    ],
  });

  it('returns a reprojected copy by default, leaving the input untouched', () => {
    const src = fc();
    const out = reprojectGeoJSON(src, WGS84_ID, 'VN2000:TM3:103');
    expect(src.features[0]?.geometry.coordinates).toEqual([102.811, 22.379, 300]);
    const pt = out.features[0]?.geometry;
    if (pt?.type !== 'Point') throw new Error('expected point');
    expect(dist([pt.coordinates[0] ?? NaN, pt.coordinates[1] ?? NaN], at(TM3_103, 0))).toBeLessThan(MM);
    expect(pt.coordinates[2]).toBe(300);
    expect(out.bbox).toBeUndefined();
    expect(out.features[1]?.properties).toEqual({ n: 2 });
  });

  it('mutates in place when asked, and round-trips', () => {
    const src = fc();
    const same = reprojectGeoJSON(src, WGS84_ID, 'EPSG:3405', { inPlace: true });
    expect(same).toBe(src);
    const poly = src.features[1]?.geometry;
    if (poly?.type !== 'Polygon') throw new Error('expected polygon');
    const ring = poly.coordinates[0] ?? [];
    expect(dist([ring[1]?.[0] ?? NaN, ring[1]?.[1] ?? NaN], at(UTM48, 2))).toBeLessThan(MM);

    reprojectGeoJSON(src, 'EPSG:3405', WGS84_ID, { inPlace: true });
    const back = (poly.coordinates[0] ?? [])[1] ?? [];
    expect(Math.abs((back[0] ?? NaN) - 102.99)).toBeLessThan(DEG_EPS);
    expect(Math.abs((back[1] ?? NaN) - 22.78)).toBeLessThan(DEG_EPS);
  });

  it('handles bare geometries and GeometryCollections', () => {
    const gc = reprojectGeoJSON(
      { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[102.811, 22.379], [102.6, 22.05]] }] },
      WGS84_ID,
      tm3(105.75).id,
    );
    const line = gc.type === 'GeometryCollection' ? gc.geometries[0] : undefined;
    if (line?.type !== 'LineString') throw new Error('expected line');
    expect(dist([line.coordinates[1]?.[0] ?? NaN, line.coordinates[1]?.[1] ?? NaN], at(TM3_105_45, 4))).toBeLessThan(MM);
  });
});
