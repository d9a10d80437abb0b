// Coordinate transforms for the reference systems of io/crs_defs.ts (re-exported here), with proj4.

import proj4 from 'proj4';
import type { Converter } from 'proj4';
import type { GeoJSON, Geometry, Position } from 'geojson';
import { LAI_CHAU_LON0, VN, WGS84_ID, resolveCrs, tm3, type CrsDef } from './crs_defs';

export * from './crs_defs';

export type XY = readonly [number, number];
export type XYTransform = (xy: XY) => [number, number];

// We run the datum step ourselves instead of letting proj4 see +towgs84 on both sides.
// proj4 routes VN-2000 → VN-2000 (e.g. TM-3 → UTM 48N) through WGS 84 and back, and a
// 2D shift followed by the reverse 2D shift misses by ≈1.2 mm (1.1e-8°): the height the
// first shift produces is dropped before the second. PROJ's cs2cs has the same gap.
const GEO_BASE = '+proj=longlat +ellps=WGS84 +no_defs';
const SHIFT = proj4('+proj=longlat +datum=WGS84 +no_defs', `+proj=longlat ${VN} +no_defs`);

function pair(p: number[]): [number, number] {
  return [p[0] ?? NaN, p[1] ?? NaN];
}

/** WGS 84 → VN-2000 geographic, identical to PROJ (point taken at WGS 84 height 0). */
function wgs84ToVn2000(lon: number, lat: number): [number, number] {
  return pair(SHIFT.forward([lon, lat]));
}

/**
 * VN-2000 → WGS 84 geographic as the exact inverse of `wgs84ToVn2000`, so that survey
 * coordinates typed by a user come back unchanged after a trip through WGS 84. The shift is
 * almost a pure translation (Jacobian ≈ identity to 1e-5), so each fixed-point correction
 * of proj4's reverse shift shrinks the residual ~1e5×: 1e-8° → 1e-13° → float noise.
 */
function vn2000ToWgs84(lon: number, lat: number): [number, number] {
  let [pl, pp] = pair(SHIFT.inverse([lon, lat]));
  for (let i = 0; i < 2; i++) {
    const [fl, fp] = wgs84ToVn2000(pl, pp);
    pl -= fl - lon;
    pp -= fp - lat;
  }
  return [pl, pp];
}

const projectionCache = new Map<string, Converter>();

/**
 * Converter between lon/lat and the CRS's grid on the same datum. Datum hints are stripped
 * so proj4 does projection maths only (Web Mercator's sphere included: "+nadgrids=@null"
 * exists precisely to stop PROJ shifting between the sphere and the ellipsoid).
 */
function projectionOf(def: CrsDef): Converter {
  let conv = projectionCache.get(def.proj);
  if (!conv) {
    const bare = def.proj
      .replace(/\s\+(towgs84|nadgrids)=\S+/g, '')
      .replace(/\+datum=WGS84/, '+ellps=WGS84');
    conv = proj4(GEO_BASE, bare);
    projectionCache.set(def.proj, conv);
  }
  return conv;
}

function mustResolve(id: string): CrsDef {
  const def = resolveCrs(id);
  if (!def) throw new Error(`Unknown CRS id: ${id}`);
  return def;
}

const transformerCache = new Map<string, XYTransform>();

/**
 * A reusable [x, y] → [x, y] function between two CRS ids (lon/lat order for geographic
 * CRSs, easting/northing for projected). Throws for unknown ids — callers pick ids from
 * the registry or from `identifyPrj`, so an unknown one is a programming error.
 */
export function transformer(fromId: string, toId: string): XYTransform {
  const key = `${fromId}|${toId}`;
  const cached = transformerCache.get(key);
  if (cached) return cached;

  const from = mustResolve(fromId);
  const to = mustResolve(toId);
  let f: XYTransform;
  if (from.proj === to.proj) {
    f = (xy) => [xy[0], xy[1]];
  } else {
    const unproject = from.kind === 'projected' ? projectionOf(from) : undefined;
    const project = to.kind === 'projected' ? projectionOf(to) : undefined;
    const shift =
      from.datum === to.datum ? undefined : from.datum === 'WGS84' ? wgs84ToVn2000 : vn2000ToWgs84;
    f = (xy) => {
      let p: [number, number] = unproject ? pair(unproject.inverse([xy[0], xy[1]])) : [xy[0], xy[1]];
      if (shift) p = shift(p[0], p[1]);
      return project ? pair(project.forward(p)) : p;
    };
  }
  transformerCache.set(key, f);
  return f;
}

/** TM-3 grid coordinates named the Vietnamese survey way: X is northing, Y is easting. */
export interface Tm3XY {
  readonly x_northing: number;
  readonly y_easting: number;
}

/** WGS 84 lon/lat → VN-2000 / TM-3 (X = northing, Y = easting). */
export function toTm3(lon: number, lat: number, lon0: number = LAI_CHAU_LON0): Tm3XY {
  const [e, n] = transformer(WGS84_ID, tm3(lon0).id)([lon, lat]);
  return { x_northing: n, y_easting: e };
}

/** VN-2000 / TM-3 (X = northing, Y = easting) → WGS 84 lon/lat. */
export function fromTm3(
  x_northing: number,
  y_easting: number,
  lon0: number = LAI_CHAU_LON0,
): { lon: number; lat: number } {
  const [lon, lat] = transformer(tm3(lon0).id, WGS84_ID)([y_easting, x_northing]);
  return { lon, lat };
}

function mapPositions(coords: Position[], f: XYTransform): void {
  for (const p of coords) {
    const [x, y] = f([p[0] ?? NaN, p[1] ?? NaN]);
    p[0] = x;
    p[1] = y; // any 3rd element (height) is left as is: datum shifts here are horizontal
  }
}

function reprojectGeometry(g: Geometry, f: XYTransform): void {
  switch (g.type) {
    case 'Point':
      mapPositions([g.coordinates], f);
      break;
    case 'MultiPoint':
    case 'LineString':
      mapPositions(g.coordinates, f);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const ring of g.coordinates) mapPositions(ring, f);
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) mapPositions(ring, f);
      break;
    case 'GeometryCollection':
      for (const child of g.geometries) reprojectGeometry(child, f);
      break;
  }
  // A bbox in the old CRS would be silently wrong; dropping it is safer than a stale one.
  delete g.bbox;
}

export interface ReprojectOptions {
  /** Mutate the input instead of returning a deep copy (saves memory on big imports). */
  readonly inPlace?: boolean;
}

/**
 * Reproject every coordinate of a GeoJSON object (Geometry, Feature or FeatureCollection).
 * Returns a deep copy unless `inPlace` is set. Any `bbox` members are removed.
 */
export function reprojectGeoJSON<T extends GeoJSON>(
  obj: T,
  fromId: string,
  toId: string,
  options: ReprojectOptions = {},
): T {
  const f = transformer(fromId, toId);
  const target = options.inPlace ? obj : structuredClone(obj);
  const g: GeoJSON = target;
  if (g.type === 'FeatureCollection') {
    for (const feat of g.features) {
      if (feat.geometry) reprojectGeometry(feat.geometry, f);
      delete feat.bbox;
    }
    delete g.bbox;
  } else if (g.type === 'Feature') {
    if (g.geometry) reprojectGeometry(g.geometry, f);
    delete g.bbox;
  } else {
    reprojectGeometry(g, f);
  }
  return target;
}
