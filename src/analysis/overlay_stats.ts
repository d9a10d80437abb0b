import type { Feature, FeatureCollection, Position } from 'geojson';
import { m2ToHa } from './area';
import { areaInUnitM2, polygonsOf, prepareBoundaries, reachesUnit, unionAreaInUnitM2 } from './boundary_units';
import { unionAreaM2 } from './clip_area';
import { overlapClusters, type ClusterInput } from './overlap_clusters';
import { UnitLocator } from './point_join';
import { bboxOfPolygons, type BBox } from './spatial_index';
import { valueAt, type PointTable } from '../io/point_table';

// Statistics of a layer over boundary units (communes): hectares per class per unit for
// polygons, count and sums of numeric fields for points, shares of the unit's area, totals.
// Pure: the worker and the tests call the same function.

export interface ComputeStatsParams {
  /** Features, or a large point CSV's typed columns (only the columns counted need be there). */
  layer: FeatureCollection | PointTable;
  boundaries: FeatureCollection;
  /** property of a boundary feature holding its code (e.g. the GSO code, kept as a string) */
  boundaryCodeField: string;
  /** property holding the unit's name, copied into the rows; default none */
  boundaryNameField?: string;
  /** property of a layer feature that splits rows into classes; default none (one class) */
  groupBy?: string;
  /** point-layer properties to sum per unit; default none */
  numericFields?: string[];
}

export interface StatsProgress {
  phase: 'overlaps' | 'measure';
  done: number;
  total: number;
}

export interface StatsOptions {
  onProgress?: (p: StatsProgress) => void;
  /** checked between features; an abort rejects with `signal.reason` */
  signal?: AbortSignal;
}

export interface Measures {
  /** hectares of polygon area (overlaps within a class counted once) */
  ha: number;
  /** point features inside; for polygons, features reaching into the unit */
  count: number;
  /** sums of `numericFields` over point features */
  sums: Record<string, number>;
  /** how many point features had a number in each field (for averages) */
  valueCounts: Record<string, number>;
}

export interface StatsRow extends Measures {
  boundaryCode: string;
  boundaryName: string | null;
  boundaryHa: number;
  /** value of `groupBy` ('' when missing), or null without `groupBy` */
  class: string | null;
  /** ha / boundaryHa × 100 */
  pctOfBoundary: number;
}

export interface BoundaryTotal extends Measures {
  boundaryCode: string;
  boundaryName: string | null;
  boundaryHa: number;
  pctOfBoundary: number;
}

export interface ClassTotal extends Measures {
  class: string | null;
  /** ha / sum of boundary areas × 100 */
  pctOfTotal: number;
}

export interface StatsResult {
  geometry: 'polygon' | 'point' | 'mixed' | 'empty';
  /** one row per unit × class with any area or count, units in input order, classes sorted */
  rows: StatsRow[];
  /** one per unit, in input order, summed over classes */
  boundaries: BoundaryTotal[];
  /** per class over all units */
  classes: ClassTotal[];
  /** over all units (sum of the units: land in two overlapping units counts twice) */
  total: Measures & { boundaryHa: number; pctOfTotal: number };
  /** layer features that reach no unit */
  outsideCount: number;
  skipped: { index: number; reason: 'no-geometry' | 'unsupported-geometry' }[];
  warnings: string[];
}

const NO_CLASS = '\u0000';

function emptyMeasures(fields: readonly string[]): Measures {
  const sums: Record<string, number> = {};
  const valueCounts: Record<string, number> = {};
  for (const f of fields) {
    sums[f] = 0;
    valueCounts[f] = 0;
  }
  return { ha: 0, count: 0, sums, valueCounts };
}

function addInto(target: Measures, m: Measures): void {
  target.ha += m.ha;
  target.count += m.count;
  for (const k of Object.keys(m.sums)) {
    target.sums[k] = (target.sums[k] ?? 0) + m.sums[k]!;
    target.valueCounts[k] = (target.valueCounts[k] ?? 0) + m.valueCounts[k]!;
  }
}

/** A finite number from a number or a plain numeric string ("1234.5"); otherwise null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function pct(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

function pointsOf(f: Feature): Position[] | null {
  const g = f.geometry;
  if (g?.type === 'Point') return [g.coordinates];
  if (g?.type === 'MultiPoint') return g.coordinates;
  return null;
}

interface PolyItem extends ClusterInput {
  feature: number;
}

export function computeStats(params: ComputeStatsParams, opts: StatsOptions = {}): StatsResult {
  const { layer, groupBy, numericFields = [] } = params;
  const { signal, onProgress } = opts;
  signal?.throwIfAborted();
  const { units, index, warnings } = prepareBoundaries(params.boundaries, params.boundaryCodeField, params.boundaryNameField);
  if ('positions' in layer) return computeTableStats(layer, params, opts, { units, index, warnings });
  // acc[unit] : class key → measures
  const acc = units.map(() => new Map<string, Measures>());
  const measuresFor = (u: number, key: string): Measures => {
    let m = acc[u]!.get(key);
    if (!m) acc[u]!.set(key, (m = emptyMeasures(numericFields)));
    return m;
  };
  const classOf = (f: Feature): string => {
    if (!groupBy) return NO_CLASS;
    const v = f.properties?.[groupBy];
    return v === undefined || v === null ? '' : String(v);
  };

  const skipped: StatsResult['skipped'] = [];
  const polyItems: PolyItem[] = [];
  const pointFeatures: number[] = [];
  layer.features.forEach((f, i) => {
    if (!f.geometry) return skipped.push({ index: i, reason: 'no-geometry' });
    const polys = polygonsOf(f.geometry);
    if (polys) return polyItems.push({ polys, bbox: bboxOfPolygons(polys), key: classOf(f), feature: i });
    if (pointsOf(f)) return pointFeatures.push(i);
    skipped.push({ index: i, reason: 'unsupported-geometry' });
  });
  const total = polyItems.length + pointFeatures.length;
  let outsideCount = 0;

  // points: a grid answers most, the unit index and an exact point-in-polygon the rest (point_join.ts)
  const locator = pointFeatures.length ? new UnitLocator(units, index) : null;
  let done = 0;
  for (const i of pointFeatures) {
    if ((done & 255) === 0) {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'measure', done, total });
    }
    done++;
    const f = layer.features[i]!;
    const hit = new Set<number>();
    for (const p of pointsOf(f)!) for (const u of locator!.unitsAt(p[0]!, p[1]!)) hit.add(u);
    if (hit.size === 0) outsideCount++;
    const key = classOf(f);
    for (const u of hit) {
      const m = measuresFor(u, key);
      m.count++;
      for (const field of numericFields) {
        const v = toNumber(f.properties?.[field]);
        if (v === null) continue;
        m.sums[field]! += v;
        m.valueCounts[field]!++;
      }
    }
  }

  // polygons: overlapping polygons of one class are grouped; each group's union is measured per
  // unit without building it (Green's theorem over the split boundaries, clip_area.ts)
  const clusters = overlapClusters(polyItems, {
    ...(signal ? { signal } : {}),
    onProgress: (d, t) => onProgress?.({ phase: 'overlaps', done: d, total: t }),
  });
  for (const members of clusters) {
    signal?.throwIfAborted();
    onProgress?.({ phase: 'measure', done, total });
    done += members.length;
    if (members.length === 1) measureShape(members);
    else measureCluster(members);
  }

  function measureCluster(members: number[]): void {
    const key = polyItems[members[0]!]!.key;
    const shapes = members.map((k) => polyItems[k]!.polys);
    const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const k of members) {
      const b = polyItems[k]!.bbox;
      box[0] = Math.min(box[0], b[0]);
      box[1] = Math.min(box[1], b[1]);
      box[2] = Math.max(box[2], b[2]);
      box[3] = Math.max(box[3], b[3]);
    }
    let whole: number | undefined;
    const wholeM2 = (): number => (whole ??= unionAreaM2(shapes));
    let reached = false;
    for (const u of index.search(box)) {
      const unit = units[u]!;
      const m2 = unionAreaInUnitM2(shapes, box, unit, wholeM2);
      if (m2 <= 0) continue;
      reached = true;
      const m = measuresFor(u, key);
      m.ha += m2ToHa(m2);
      m.count += members.filter((k) => reachesUnit(polyItems[k]!.polys, unit)).length;
    }
    if (!reached) outsideCount += members.length;
  }

  function measureShape(members: number[]): void {
    const shape = polyItems[members[0]!]!.polys;
    const box = polyItems[members[0]!]!.bbox;
    const key = polyItems[members[0]!]!.key;
    let reached = false;
    for (const u of index.search(box)) {
      const unit = units[u]!;
      let m2: number;
      try {
        m2 = areaInUnitM2(shape, box, unit);
      } catch (e) {
        warnings.push(`clipping features ${members.map((k) => polyItems[k]!.feature).join(', ')} by ${unit.code} failed (${String(e)})`);
        continue;
      }
      if (m2 <= 0) continue;
      reached = true;
      const m = measuresFor(u, key);
      m.ha += m2ToHa(m2);
      m.count += members.length === 1 ? 1 : members.filter((k) => reachesUnit(polyItems[k]!.polys, unit)).length;
    }
    if (!reached) outsideCount += members.length;
  }
  onProgress?.({ phase: 'measure', done: total, total });

  return assemble(units, acc, numericFields, {
    geometry: polyItems.length && pointFeatures.length ? 'mixed' : polyItems.length ? 'polygon' : pointFeatures.length ? 'point' : 'empty',
    outsideCount,
    skipped,
    warnings,
  });
}

/**
 * A large point table, counted from its columns: no feature objects are built for it (a million
 * rows as objects took seconds on the main thread, before they were cloned to the worker). The
 * same rules as for point features: a point counts in every unit that holds it.
 */
function computeTableStats(
  table: PointTable,
  params: ComputeStatsParams,
  { signal, onProgress }: StatsOptions,
  { units, index, warnings }: ReturnType<typeof prepareBoundaries>,
): StatsResult {
  const { groupBy, numericFields = [] } = params;
  const acc = units.map(() => new Map<string, Measures>());
  const locator = new UnitLocator(units, index);
  let outsideCount = 0;
  const n = table.length;
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0) {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'measure', done: i, total: n });
    }
    const x = table.positions[2 * i]!, y = table.positions[2 * i + 1]!;
    const hits = locator.unitsAt(x, y);
    if (hits.length === 0) {
      outsideCount++;
      continue;
    }
    const v = groupBy ? valueAt(table, groupBy, i) : NO_CLASS;
    const key = v === null ? '' : String(v);
    for (const u of hits) {
      let m = acc[u]!.get(key);
      if (!m) acc[u]!.set(key, (m = emptyMeasures(numericFields)));
      m.count++;
      for (const field of numericFields) {
        const v = toNumber(valueAt(table, field, i));
        if (v === null) continue;
        m.sums[field]! += v;
        m.valueCounts[field]!++;
      }
    }
  }
  onProgress?.({ phase: 'measure', done: n, total: n });
  return assemble(units, acc, numericFields, { geometry: n > 0 ? 'point' : 'empty', outsideCount, skipped: [], warnings });
}

function assemble(
  units: readonly { code: string; name: string | null; areaM2: number }[],
  acc: Map<string, Measures>[],
  fields: readonly string[],
  rest: Pick<StatsResult, 'geometry' | 'outsideCount' | 'skipped' | 'warnings'>,
): StatsResult {
  const keys = new Set<string>();
  for (const m of acc) for (const k of m.keys()) keys.add(k);
  const sortedKeys = [...keys].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  const classValue = (k: string): string | null => (k === NO_CLASS ? null : k);
  const rows: StatsRow[] = [];
  const boundaries: BoundaryTotal[] = [];
  const byClass = new Map<string, Measures>(sortedKeys.map((k) => [k, emptyMeasures(fields)]));
  const total = emptyMeasures(fields);
  let totalM2 = 0;
  units.forEach((unit, u) => {
    const boundaryHa = m2ToHa(unit.areaM2);
    totalM2 += unit.areaM2;
    const sum = emptyMeasures(fields);
    for (const k of sortedKeys) {
      const m = acc[u]!.get(k);
      if (!m) continue;
      addInto(sum, m);
      addInto(byClass.get(k)!, m);
      rows.push({ boundaryCode: unit.code, boundaryName: unit.name, boundaryHa, class: classValue(k), ...m, pctOfBoundary: pct(m.ha, boundaryHa) });
    }
    addInto(total, sum);
    boundaries.push({ boundaryCode: unit.code, boundaryName: unit.name, boundaryHa, ...sum, pctOfBoundary: pct(sum.ha, boundaryHa) });
  });
  const totalHa = m2ToHa(totalM2);
  const classes = sortedKeys.map((k) => {
    const m = byClass.get(k)!;
    return { class: classValue(k), ...m, pctOfTotal: pct(m.ha, totalHa) };
  });
  return { ...rest, rows, boundaries, classes, total: { ...total, boundaryHa: totalHa, pctOfTotal: pct(total.ha, totalHa) } };
}
