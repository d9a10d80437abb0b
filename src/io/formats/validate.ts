// Checks shared by every format: size limit, null / out-of-range geometries, reprojection
// to WGS 84, self-intersecting polygons and "this landed outside Vietnam" diagnosis.

import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { LAI_CHAU_LON0, VN2000_UTM48_ID, VN2000_UTM49_ID, WGS84_ID, resolveCrs, tm3, transformer } from '../crs';
import type { ImportMessage, ImportedLayer, ImportParams, ProgressFn, SkippedItem } from './types';
import { throwIfAborted } from './types';
import { MAX_IMPORT_BYTES, checkFileSize } from './limits';
import { ringsProblemAt } from './ring_crossings';

export { MAX_IMPORT_BYTES, checkFileSize };

/** Rough bounding box of Vietnam (mainland and near islands), lon/lat. */
export const VIETNAM_BBOX = { west: 102.1, south: 8.4, east: 109.5, north: 23.4 } as const;

export function inVietnam(lon: number, lat: number, margin = 0): boolean {
  const b = VIETNAM_BBOX;
  return lon >= b.west - margin && lon <= b.east + margin && lat >= b.south - margin && lat <= b.north + margin;
}

/** Every position of a geometry, in order (a generator, so big layers are not copied). */
export function* positions(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point':
      yield g.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* g.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) yield* r;
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const r of p) yield* r;
      break;
    case 'GeometryCollection':
      for (const c of g.geometries) yield* positions(c);
      break;
  }
}

function firstPosition(g: Geometry): Position | undefined {
  for (const p of positions(g)) return p;
  return undefined;
}

/**
 * Structural check of every coordinate array (not only the first of each level: one junk
 * ring would otherwise throw later, in the position walk); returns a reason or undefined.
 */
export function geometryProblem(g: unknown): string | undefined {
  if (typeof g !== 'object' || g === null) return 'not an object';
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (geom.type === 'GeometryCollection') {
    if (!Array.isArray(geom.geometries)) return 'GeometryCollection without geometries';
    // nesting depth is bounded before this (MAX_JSON_DEPTH in geojson.ts)
    for (const c of geom.geometries) {
      const p = geometryProblem(c);
      if (p) return p;
    }
    return undefined;
  }
  const depth: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
  const d = typeof geom.type === 'string' ? depth[geom.type] : undefined;
  if (d === undefined) return `unknown geometry type ${String(geom.type)}`;
  let level: unknown[] = [geom.coordinates];
  for (let i = 0; i < d; i++) {
    const next: unknown[] = [];
    for (const c of level) {
      if (!Array.isArray(c)) return `${geom.type} without coordinate arrays`;
      if (c.length === 0) return `${geom.type} is empty`;
      for (const x of c) next.push(x);
    }
    level = next;
  }
  for (const p of level) if (!Array.isArray(p) || p.length < 2) return `${geom.type} position is not [x, y]`;
  return undefined;
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

function badPosition(g: Geometry, geographic: boolean): Position | undefined {
  for (const p of positions(g)) {
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return p;
    if (geographic && (Math.abs(x) > 180 || Math.abs(y) > 90)) return p;
  }
  return undefined;
}

// ---------------------------------------------------------------- CRS guessing

/** Sample up to `max` first positions of features, for CRS guessing and diagnosis. */
export function samplePositions(features: readonly Feature[], max = 200): [number, number][] {
  const out: [number, number][] = [];
  const step = Math.max(1, Math.floor(features.length / max));
  for (let i = 0; i < features.length && out.length < max; i += step) {
    const g = features[i]?.geometry;
    const p = g && !geometryProblem(g) ? firstPosition(g) : undefined;
    if (p && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1])) {
      out.push([p[0], p[1]]);
    }
  }
  return out;
}

export type CrsGuess =
  | { kind: 'degrees' }
  | { kind: 'metres'; x: number; y: number };

export function isDegrees(x: number, y: number): boolean {
  return Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

/** Degrees unless most sampled positions are beyond lon/lat range (a few typos don't count). */
export function guessUnits(sample: readonly (readonly [number, number])[]): CrsGuess {
  const bad = sample.filter(([x, y]) => !isDegrees(x, y));
  const first = bad[0];
  return first && bad.length * 2 > sample.length ? { kind: 'metres', x: first[0], y: first[1] } : { kind: 'degrees' };
}

/** Looks like VN-2000 TM-3/UTM easting/northing somewhere in Vietnam. */
export function looksLikeVnGrid(x: number, y: number): boolean {
  return x > 100_000 && x < 900_000 && y > 800_000 && y < 2_700_000;
}

/**
 * CRS for data that declares none: the user's choice, WGS 84 for degrees, or Lai Châu's
 * TM-3 103° (with a warning) for easting/northing that fit Vietnam. Otherwise an error.
 */
export function crsForUndeclared(
  file: string,
  sample: readonly (readonly [number, number])[],
  chosen: string | undefined,
): { crs: string; warning?: ImportMessage } | { error: ImportMessage } {
  if (chosen) {
    if (!resolveCrs(chosen)) return { error: { key: 'import.error.crsUnknown', params: { file, crs: chosen } } };
    return { crs: chosen };
  }
  const g = guessUnits(sample);
  if (g.kind === 'degrees') return { crs: WGS84_ID };
  if (sample.filter(([x, y]) => looksLikeVnGrid(x, y)).length >= 0.8 * sample.length) {
    const def = tm3(LAI_CHAU_LON0);
    return { crs: def.id, warning: { key: 'import.warn.assumedCrs', params: { file, crs: def.label.vi } } };
  }
  return { error: { key: 'import.error.crsNeeded', params: { file, x: fmt(g.x), y: fmt(g.y) } } };
}

// ---------------------------------------------------------------- outside Vietnam

/** Provincial TM-3 meridians plus the two UTM zones, tried when data misses Vietnam. */
function candidateCrs(): string[] {
  const ids: string[] = [];
  for (let m = 102; m <= 109.5; m += 0.25) ids.push(tm3(m).id);
  ids.push(VN2000_UTM48_ID, VN2000_UTM49_ID);
  return ids;
}

function share(sample: readonly (readonly [number, number])[], f: (xy: readonly [number, number]) => [number, number]): number {
  if (sample.length === 0) return 0;
  let inside = 0;
  for (const xy of sample) {
    const [lon, lat] = f(xy);
    if (inVietnam(lon, lat)) inside++;
  }
  return inside / sample.length;
}

/**
 * Explain why data landed outside Vietnam, testing the usual mistakes on the source
 * coordinates: swapped axes, another TM-3 zone / UTM zone, then a near miss (datum).
 */
export function diagnoseOutside(
  sourceSample: readonly (readonly [number, number])[],
  sourceCrs: string,
  base: ImportParams,
  outsideCount: number,
  example: readonly [number, number],
): ImportMessage {
  const params = { ...base, count: outsideCount };
  const toWgs = safeTransformer(sourceCrs);
  if (toWgs && share(sourceSample, ([x, y]) => toWgs([y, x])) >= 0.8) {
    return { key: 'import.warn.outsideSwapped', params };
  }
  const def = resolveCrs(sourceCrs);
  if (def?.kind === 'projected') {
    for (const id of candidateCrs()) {
      if (id === sourceCrs) continue;
      const f = safeTransformer(id);
      if (f && share(sourceSample, f) >= 0.8) {
        const label = resolveCrs(id)?.label.vi ?? id;
        return { key: 'import.warn.outsideZone', params: { ...params, suggested: label, suggestedCrs: id } };
      }
    }
  }
  const [lon, lat] = example;
  if (inVietnam(lon, lat, 0.05)) return { key: 'import.warn.outsideDatum', params };
  return { key: 'import.warn.outsideUnknown', params: { ...params, lon: fmt(lon), lat: fmt(lat) } };
}

function safeTransformer(from: string): ((xy: readonly [number, number]) => [number, number]) | undefined {
  try {
    return transformer(from, WGS84_ID);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- self-intersection

function isPolygonal(g: Geometry | null): g is Polygon | MultiPolygon {
  return g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

/**
 * Where a ring crosses or touches itself or another ring of the same polygon, or undefined.
 * Parts of a MultiPolygon are tested one by one: parts touching at a vertex are valid.
 * A sweep (ring_crossings.ts), O(n log n): a 1,000,000-vertex ring takes seconds.
 */
export function selfIntersection(g: Polygon | MultiPolygon): [number, number] | undefined {
  try {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of parts) {
      const at = ringsProblemAt(rings);
      if (at) return at;
    }
    return undefined;
  } catch {
    return [NaN, NaN]; // a ring too broken to test is not a valid polygon either
  }
}

export function selfIntersects(g: Polygon | MultiPolygon): boolean {
  return selfIntersection(g) !== undefined;
}

/**
 * Repair a self-intersecting polygon by unioning it with itself (polyclip-ts, the
 * Martinez-Rueda sweep turf's union uses). Chosen over turf `unkinkPolygon`, which drops
 * holes and splits by even-odd only, and over buffer(0), which in turf goes through a
 * projected JSTS buffer and moves vertices. The union keeps holes and every vertex, adds
 * the crossing points, and returns a valid MultiPolygon when a bow-tie splits in two.
 */
export async function repairPolygon(g: Polygon | MultiPolygon): Promise<Polygon | MultiPolygon | null> {
  const pc = await import('polyclip-ts');
  const input = (g.type === 'Polygon' ? g.coordinates : g.coordinates) as Parameters<typeof pc.union>[0];
  const out = pc.union(input) as Position[][][];
  if (out.length === 0) return null;
  const first = out[0];
  if (out.length === 1 && first) return { type: 'Polygon', coordinates: first };
  return { type: 'MultiPolygon', coordinates: out };
}

// ---------------------------------------------------------------- finish a layer

export interface FinishInput {
  file: string;
  name: string;
  /** Features in `sourceCrs`; mutated in place (reprojected). */
  features: (Feature | null)[];
  sourceCrs: string;
  warnings?: ImportMessage[];
  skipped?: SkippedItem[];
  /** Number a feature as users see it: default 1-based feature index. */
  numberOf?: (index: number) => { row?: number; feature?: number };
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

const LIST_MAX = 20;

export function listNumbers(ns: readonly number[]): string {
  const head = ns.slice(0, LIST_MAX).join(', ');
  return ns.length > LIST_MAX ? `${head}, … (+${ns.length - LIST_MAX})` : head;
}

/**
 * Skip null / broken / out-of-range geometries, reproject to WGS 84, flag
 * self-intersecting polygons, warn when data lands outside Vietnam.
 */
export async function finishLayer(input: FinishInput): Promise<ImportedLayer> {
  const { file, name, sourceCrs, signal, onProgress } = input;
  const warnings = [...(input.warnings ?? [])];
  const skipped = [...(input.skipped ?? [])];
  const numberOf = input.numberOf ?? ((i: number) => ({ feature: i + 1 }));
  const def = resolveCrs(sourceCrs);
  const geographic = def?.kind !== 'projected';
  const toWgs = sourceCrs === WGS84_ID ? undefined : transformer(sourceCrs, WGS84_ID);

  const kept: Feature[] = [];
  const source: Feature[] = [];
  const total = input.features.length;
  for (let i = 0; i < total; i++) {
    if (i % 5000 === 0) {
      throwIfAborted(signal);
      onProgress?.({ fraction: i / Math.max(1, total), stage: 'reproject' });
    }
    const f = input.features[i];
    if (!f || !f.geometry) {
      skipped.push({ ...numberOf(i), reason: { key: 'import.skip.nullGeometry' } });
      continue;
    }
    const problem = geometryProblem(f.geometry);
    if (problem) {
      skipped.push({ ...numberOf(i), reason: { key: 'import.skip.invalidGeometry', params: { detail: problem } } });
      continue;
    }
    const before = badPosition(f.geometry, geographic);
    const first = firstPosition(f.geometry);
    const src: [number, number] | undefined = first ? [first[0] ?? NaN, first[1] ?? NaN] : undefined;
    if (!before && toWgs) {
      for (const p of positions(f.geometry)) {
        const [x, y] = toWgs([p[0] ?? NaN, p[1] ?? NaN]);
        p[0] = x;
        p[1] = y;
      }
      delete f.geometry.bbox;
    }
    const bad = before ?? badPosition(f.geometry, true);
    if (bad) {
      skipped.push({
        ...numberOf(i),
        reason: { key: 'import.skip.outOfRange', params: { lon: fmt(bad[0]), lat: fmt(bad[1]) } },
      });
      continue;
    }
    delete f.bbox;
    kept.push({ ...f, properties: f.properties ?? {} });
    if (src) source.push({ type: 'Feature', geometry: { type: 'Point', coordinates: src }, properties: null });
  }

  throwIfAborted(signal);
  onProgress?.({ fraction: 0.9, stage: 'validate' });
  const selfIntersecting: number[] = [];
  let firstCrossing: [number, number] | undefined;
  for (let i = 0; i < kept.length; i++) {
    const g = kept[i]?.geometry ?? null;
    if (i % 1000 === 0) throwIfAborted(signal);
    if (!isPolygonal(g)) continue;
    const at = selfIntersection(g);
    if (at) {
      selfIntersecting.push(i);
      firstCrossing ??= at;
    }
  }

  const base = { file, layer: name };
  // Outside-Vietnam check on each kept feature's first position.
  let outside = 0;
  let example: [number, number] | undefined;
  for (const f of kept) {
    const p = f.geometry ? firstPosition(f.geometry) : undefined;
    if (p && !inVietnam(p[0] ?? NaN, p[1] ?? NaN)) {
      outside++;
      example ??= [p[0] ?? NaN, p[1] ?? NaN];
    }
  }
  if (outside > 0 && example) {
    warnings.push(diagnoseOutside(samplePositions(source), sourceCrs, base, outside, example));
  }
  if (selfIntersecting.length > 0) {
    warnings.push({
      key: 'import.warn.selfIntersecting',
      params: {
        ...base,
        count: selfIntersecting.length,
        list: listNumbers(selfIntersecting.map((i) => i + 1)),
        at: firstCrossing && Number.isFinite(firstCrossing[0]) ? `${fmt(firstCrossing[1])}, ${fmt(firstCrossing[0])}` : '—',
      },
    });
  }
  if (skipped.length > 0) {
    const nums = skipped.map((s) => s.row ?? s.feature ?? 0);
    warnings.push({ key: 'import.warn.skipped', params: { ...base, count: skipped.length, list: listNumbers(nums) } });
  }
  onProgress?.({ fraction: 1, stage: 'done' });
  const data: FeatureCollection = { type: 'FeatureCollection', features: kept };
  return { name, data, sourceCrs, warnings, skipped, selfIntersecting };
}

/** Turn a layer whose every feature was skipped into the file-level error. */
export function emptyLayerError(file: string, layer: ImportedLayer): ImportMessage | undefined {
  if (layer.data.features.length > 0) return undefined;
  const first = layer.skipped[0];
  if (!first) return { key: 'import.error.noFeatures', params: { file } };
  return {
    key: 'import.error.noValidFeatures',
    params: { file, count: layer.skipped.length, first: first.row ?? first.feature ?? 0 },
  };
}
