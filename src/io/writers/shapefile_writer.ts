// Zipped Shapefile writer: .shp/.shx/.dbf/.prj/.cpg per geometry kind (a shapefile holds
// one shape type, so a mixed layer becomes one .shp per kind inside the zip), plus a
// `<name>.fieldnames.csv` sidecar when dBase's 10-byte names had to shorten attributes.
//
// Written by hand rather than with @mapbox/shp-write: that package writes the .dbf with
// the old `dbf` module (no UTF-8 .cpg, no field-name mapping, fixed numeric precision),
// which would break the lossless round trip this exporter promises.
//
// Input coordinates must already be in the target CRS (export_layer.ts reprojects).
// Rings follow the shapefile spec: outer rings clockwise, holes counter-clockwise.

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { formatFieldNameSidecar } from '../formats/field_names';
import { inferFields, writeDbf } from './dbf_writer';
import { esriWkt } from './prj_writer';
import { asciiStem, utf8, type WriterOutput } from './types';

export type ShpKind = 'point' | 'multipoint' | 'line' | 'polygon';
const KINDS: readonly ShpKind[] = ['polygon', 'line', 'point', 'multipoint'];
const SHAPE_TYPE: Record<ShpKind, number> = { point: 1, line: 3, polygon: 5, multipoint: 8 };

type XY = [number, number];

/** The shapefile kind of a geometry, or undefined for what a shapefile cannot hold. */
export function shpKind(g: Geometry | null): ShpKind | undefined {
  switch (g?.type) {
    case 'Point':
      return 'point';
    case 'MultiPoint':
      return 'multipoint';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    default:
      return undefined; // null, GeometryCollection
  }
}

function xy(p: Position): XY {
  return [p[0] ?? NaN, p[1] ?? NaN];
}

/** Twice the signed area; > 0 is counter-clockwise with y up. */
function signedArea2(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as XY;
    const b = ring[i] as XY;
    s += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return -s;
}

function closedRing(ring: readonly Position[], clockwise: boolean): XY[] {
  const r = ring.map(xy);
  const first = r[0];
  const last = r[r.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
  const ccw = signedArea2(r) > 0;
  return ccw === clockwise ? r.reverse() : r;
}

/** Parts (point lists) of a geometry as the shapefile stores them. */
export function shpParts(g: Geometry): XY[][] {
  switch (g.type) {
    case 'Point':
      return [[xy(g.coordinates)]];
    case 'MultiPoint':
      return [g.coordinates.map(xy)];
    case 'LineString':
      return [g.coordinates.map(xy)];
    case 'MultiLineString':
      return g.coordinates.map((l) => l.map(xy));
    case 'Polygon':
      return g.coordinates.map((r, i) => closedRing(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((poly) => poly.map((r, i) => closedRing(r, i === 0)));
    default:
      return [];
  }
}

type Box = [number, number, number, number];

function boxOf(parts: readonly XY[][], into?: Box): Box {
  const b: Box = into ?? [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    for (const [x, y] of part) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

function recordContent(kind: ShpKind, parts: XY[][]): Uint8Array {
  const type = SHAPE_TYPE[kind];
  if (kind === 'point') {
    const [x, y] = parts[0]?.[0] ?? [NaN, NaN];
    const dv = new DataView(new ArrayBuffer(20));
    dv.setInt32(0, type, true);
    dv.setFloat64(4, x, true);
    dv.setFloat64(12, y, true);
    return new Uint8Array(dv.buffer);
  }
  const box = boxOf(parts);
  const points = parts.flat();
  const partCount = kind === 'multipoint' ? 0 : parts.length;
  // MultiPoint: type, box, numPoints, points. PolyLine / Polygon: type, box, numParts, numPoints, parts, points.
  const head = kind === 'multipoint' ? 40 : 44 + 4 * partCount;
  const dv = new DataView(new ArrayBuffer(head + 16 * points.length));
  dv.setInt32(0, type, true);
  box.forEach((v, i) => dv.setFloat64(4 + 8 * i, v, true));
  if (kind === 'multipoint') dv.setInt32(36, points.length, true);
  else {
    dv.setInt32(36, partCount, true);
    dv.setInt32(40, points.length, true);
    let start = 0;
    parts.forEach((p, i) => {
      dv.setInt32(44 + 4 * i, start, true);
      start += p.length;
    });
  }
  points.forEach(([x, y], i) => {
    dv.setFloat64(head + 16 * i, x, true);
    dv.setFloat64(head + 16 * i + 8, y, true);
  });
  return new Uint8Array(dv.buffer);
}

function mainHeader(kind: ShpKind, fileBytes: number, box: Box): Uint8Array {
  const dv = new DataView(new ArrayBuffer(100));
  dv.setInt32(0, 9994, false);
  dv.setInt32(24, fileBytes / 2, false); // lengths are in 16-bit words
  dv.setInt32(28, 1000, true);
  dv.setInt32(32, SHAPE_TYPE[kind], true);
  box.forEach((v, i) => dv.setFloat64(36 + 8 * i, Number.isFinite(v) ? v : 0, true));
  return new Uint8Array(dv.buffer);
}

/** .shp and .shx bytes for geometries of one kind. */
export function writeShpShx(kind: ShpKind, geometries: readonly Geometry[]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = geometries.map((g) => recordContent(kind, shpParts(g)));
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) boxOf(shpParts(g), box);
  const shpLen = 100 + contents.reduce((n, c) => n + 8 + c.length, 0);
  const shxLen = 100 + 8 * contents.length;
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(shxLen);
  shp.set(mainHeader(kind, shpLen, box));
  shx.set(mainHeader(kind, shxLen, box));
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let off = 100;
  contents.forEach((c, i) => {
    shpView.setInt32(off, i + 1, false);
    shpView.setInt32(off + 4, c.length / 2, false);
    shp.set(c, off + 8);
    shxView.setInt32(100 + 8 * i, off / 2, false);
    shxView.setInt32(100 + 8 * i + 4, c.length / 2, false);
    off += 8 + c.length;
  });
  return { shp, shx };
}

function hasCoordinates(g: Geometry): boolean {
  return shpParts(g).some((p) => p.length > 0);
}

export interface ShapefileWriteOptions {
  /** CRS of the coordinates, written as the .prj. */
  readonly crs: string;
  /** Layer name: the base name of the files inside the zip. */
  readonly name: string;
}

/** The files of a zipped shapefile (path → bytes), before zipping; exported for tests. */
export function shapefileEntries(fc: FeatureCollection, options: ShapefileWriteOptions): { entries: Record<string, Uint8Array>; skipped: number[] } {
  const prj = esriWkt(options.crs);
  if (prj === undefined) throw new Error(`No .prj can be written for CRS ${options.crs}`);
  const groups = new Map<ShpKind, Feature[]>();
  const skipped: number[] = [];
  fc.features.forEach((f, i) => {
    const kind = shpKind(f.geometry);
    if (!kind || !f.geometry || !hasCoordinates(f.geometry)) {
      skipped.push(i);
      return;
    }
    const list = groups.get(kind) ?? [];
    list.push(f);
    groups.set(kind, list);
  });
  const kinds = KINDS.filter((k) => groups.has(k));
  const stem = asciiStem(options.name);
  const entries: Record<string, Uint8Array> = {};
  for (const kind of kinds) {
    const features = groups.get(kind) ?? [];
    const base = kinds.length > 1 ? `${stem}_${kind}` : stem;
    const { shp, shx } = writeShpShx(kind, features.map((f) => f.geometry as Geometry));
    const props = features.map((f) => f.properties);
    const fields = inferFields(props);
    entries[`${base}.shp`] = shp;
    entries[`${base}.shx`] = shx;
    entries[`${base}.dbf`] = writeDbf(fields, props).bytes;
    entries[`${base}.prj`] = utf8(prj);
    entries[`${base}.cpg`] = utf8('UTF-8');
    const renamed = fields.filter((f) => f.short !== f.name).map((f) => [f.short, f.name] as const);
    if (renamed.length > 0) entries[`${base}.fieldnames.csv`] = utf8(formatFieldNameSidecar(renamed));
  }
  return { entries, skipped };
}

/** A zipped shapefile of `fc` (coordinates already in `options.crs`). */
export async function writeShapefileZip(fc: FeatureCollection, options: ShapefileWriteOptions): Promise<WriterOutput> {
  const { entries, skipped } = shapefileEntries(fc, options);
  const { zipSync } = await import('fflate');
  return { bytes: zipSync(entries, { level: 6 }), skipped };
}
