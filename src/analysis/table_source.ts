import type { Feature, FeatureCollection, Position } from 'geojson';
import type { PointTable } from '../io/point_table';
import { valueAt } from '../io/point_table';
import type { CellValue, TableColumn, TableSource } from './table_query';

// A layer's features seen as a table (analysis/table_query.ts): GeoJSON features, or the
// typed columns of a large point layer read one cell at a time. One source per data object,
// so its sort and search caches live exactly as long as the data they describe.

const sources = new WeakMap<object, TableSource>();

export function featureTableSource(data: FeatureCollection): TableSource {
  const hit = sources.get(data);
  if (hit) return hit;
  const seen = new Map<string, boolean>();
  for (const f of data.features) {
    const p = f.properties;
    if (!p) continue;
    for (const k in p) {
      const v = p[k] as unknown;
      const numeric = v === null || v === undefined || v === '' || typeof v === 'number';
      const was = seen.get(k);
      if (was === undefined) seen.set(k, numeric);
      else if (was && !numeric) seen.set(k, false);
    }
  }
  const columns: TableColumn[] = [...seen].map(([name, numeric]) => ({ name, numeric }));
  const src: TableSource = {
    length: data.features.length,
    columns,
    value: (row, column) => cell(data.features[row]?.properties?.[column]),
  };
  sources.set(data, src);
  return src;
}

export function pointTableSource(t: PointTable): TableSource {
  const hit = sources.get(t);
  if (hit) return hit;
  const src: TableSource = {
    length: t.length,
    columns: t.columns.map((name) => ({ name, numeric: name in t.numeric })),
    value: (row, column) => valueAt(t, column, row),
    dictionary: (column) => {
      const col = t.text[column];
      return col?.kind === 'dict' ? col : undefined;
    },
  };
  sources.set(t, src);
  return src;
}

function cell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** [west, south, east, north] of some rows' geometries; null when none has coordinates. */
export function rowsBounds(data: { data: FeatureCollection | null; points?: PointTable }, rows: Iterable<number>): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const add = (x: number, y: number) => {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  };
  for (const r of rows) {
    if (data.points) {
      if (r < data.points.length) add(data.points.positions[2 * r]!, data.points.positions[2 * r + 1]!);
      continue;
    }
    const g = data.data?.features[r]?.geometry;
    if (g) eachPosition(g as { type: string; coordinates?: unknown; geometries?: unknown[] }, add);
  }
  return w === Infinity ? null : [w, s, e, n];
}

function eachPosition(g: { type: string; coordinates?: unknown; geometries?: unknown[] }, add: (x: number, y: number) => void): void {
  if (g.type === 'GeometryCollection') {
    for (const c of g.geometries ?? []) eachPosition(c as typeof g, add);
    return;
  }
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const p = c as Position;
      add(p[0]!, p[1]!);
      return;
    }
    for (const x of c) walk(x);
  };
  walk(g.coordinates);
}

/** The table of a layer's data: its point table's columns, or its features; null while it loads. */
export function layerTableSource(entry: { data: FeatureCollection | null; points?: PointTable } | undefined): TableSource | null {
  if (entry?.points) return pointTableSource(entry.points);
  return entry?.data ? featureTableSource(entry.data) : null;
}

/** Up to `max` of the rows as GeoJSON features (geometry only), for drawing a selection. */
export function rowsFeatures(entry: { data: FeatureCollection | null; points?: PointTable }, rows: Iterable<number>, max = 5000): Feature[] {
  const out: Feature[] = [];
  for (const r of rows) {
    if (out.length >= max) break;
    if (entry.points) {
      if (r < entry.points.length) out.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [entry.points.positions[2 * r]!, entry.points.positions[2 * r + 1]!] } });
      continue;
    }
    const g = entry.data?.features[r]?.geometry;
    if (g) out.push({ type: 'Feature', properties: {}, geometry: g });
  }
  return out;
}
