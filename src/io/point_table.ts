import type { Feature, FeatureCollection } from 'geojson';
import type { ColumnarCsv } from './csv_columnar';
import { pointIndexData } from './point_index';

// A large point layer held as columns instead of GeoJSON features: positions in one
// Float64Array (lon, lat interleaved, WGS 84), number columns as Float64Arrays, text columns
// dictionary-encoded (few distinct values) or as one UTF-8 buffer with offsets (ids, names).
// Everything but the dictionaries' few strings is an ArrayBuffer, so a worker can transfer a
// million rows to the main thread without a structured clone of a million objects, and deck.gl
// draws it from binary attributes. A row's attributes are materialised only when asked for
// (popups, export).

export type TextColumn =
  | { kind: 'dict'; values: string[]; codes: Uint32Array }
  | { kind: 'utf8'; bytes: Uint8Array; offsets: Uint32Array };

export interface PointTable {
  length: number;
  /** lon, lat, lon, lat, … (WGS 84) */
  positions: Float64Array;
  /** attribute columns in file order (coordinates included, as in the small-data path) */
  columns: string[];
  numeric: Record<string, Float64Array>;
  text: Record<string, TextColumn>;
  /**
   * `positions` as float32 offsets from an origin, what the map draws (positionOffsets),
   * computed where the table is built (a worker) so the main thread need not.
   */
  drawOffsets?: PositionOffsets;
  /** A point index of `positions` (point_index.ts), built with the table so clicks need not. */
  pointIndex?: ArrayBuffer;
}

export interface PositionOffsets {
  /** null when the points span too much latitude (see MAX_OFFSET_HALF_SPAN_DEG) */
  offsets: Float32Array | null;
  origin: [number, number];
}

/**
 * deck.gl projects LNGLAT_OFFSETS with a second-order expansion of Mercator about the origin;
 * the third-order term it drops is 0.2 m at ±0.305° of latitude (the district's extent) and
 * 0.33 m at ±0.35°, under a pixel up to zoom 18. Wider data (a province) is drawn from
 * full-precision lon/lat instead.
 */
export const MAX_OFFSET_HALF_SPAN_DEG = 0.35;

/** Positions as float32 offsets from the centre of their bounding box (null offsets when too wide). */
export function positionOffsets(positions: Float64Array): PositionOffsets {
  const box = positionsBounds(positions);
  const origin: [number, number] = box ? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] : [0, 0];
  if (box && (box[3] - box[1]) / 2 > MAX_OFFSET_HALF_SPAN_DEG) return { offsets: null, origin };
  const offsets = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 2) {
    offsets[i] = positions[i]! - origin[0];
    offsets[i + 1] = positions[i + 1]! - origin[1];
  }
  return { offsets, origin };
}

/** Rows above which a point CSV is read into a PointTable and drawn by deck.gl from binary attributes. */
export const LARGE_POINT_ROWS = 20_000;

/**
 * Whether a file could become a large point table: a CSV/TSV long enough for LARGE_POINT_ROWS
 * rows of at least "lon,lat" (15 bytes). Cheap, so the map can get ready before parsing ends.
 */
export function mayHoldLargePointTable(name: string, byteLength: number): boolean {
  return /\.(csv|tsv|txt)$/i.test(name) && byteLength >= LARGE_POINT_ROWS * 15;
}

/** Line breaks in the bytes: an upper bound of the data rows + 1, counted without decoding. */
export function countLines(bytes: Uint8Array, limit = Infinity): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && n < limit; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

const utf8 = new TextDecoder('utf-8');

/** Dictionary when the distinct values are few (≤ 1/4 of the rows and ≤ 65,536), else UTF-8 + offsets. */
export function encodeText(values: readonly string[]): TextColumn {
  const n = values.length;
  const dict = new Map<string, number>();
  const codes = new Uint32Array(n);
  const cap = Math.min(65_536, Math.max(16, n >> 2));
  let i = 0;
  for (; i < n; i++) {
    const v = values[i]!;
    let c = dict.get(v);
    if (c === undefined) {
      if (dict.size >= cap) break;
      c = dict.size;
      dict.set(v, c);
    }
    codes[i] = c;
  }
  if (i === n) return { kind: 'dict', values: [...dict.keys()], codes };
  const enc = new TextEncoder();
  const offsets = new Uint32Array(n + 1);
  let bytes = new Uint8Array(Math.max(64, n * 8));
  let used = 0;
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    const need = used + v.length * 3;
    if (need > bytes.length) {
      const grown = new Uint8Array(Math.max(need, bytes.length * 2));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    used += enc.encodeInto(v, bytes.subarray(used)).written;
    offsets[k + 1] = used;
  }
  return { kind: 'utf8', bytes: bytes.slice(0, used), offsets };
}

export function textAt(col: TextColumn, i: number): string {
  if (col.kind === 'dict') return col.values[col.codes[i]!] ?? '';
  return utf8.decode(col.bytes.subarray(col.offsets[i]!, col.offsets[i + 1]!));
}

/** One column's value at a row as the small-data path would hold it: number, text, or null when empty. */
export function valueAt(t: PointTable, column: string, i: number): string | number | null {
  const num = t.numeric[column];
  if (num) {
    const v = num[i]!;
    return Number.isNaN(v) ? null : v;
  }
  const txt = t.text[column];
  if (!txt) return null;
  const s = textAt(txt, i).trim();
  return s === '' ? null : s;
}

/** A row's attributes, for a popup or an export. */
export function rowProperties(t: PointTable, i: number): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const c of t.columns) out[c] = valueAt(t, c, i);
  return out;
}

export interface TableFromCsv {
  table: PointTable;
  /** 1-based data row numbers left out (empty or out-of-range coordinates). */
  skipped: number[];
}

/**
 * Keeps the rows whose lon/lat columns hold numbers in range; positions interleaved.
 * Returns null when either column is not numeric (the caller falls back to the full parser).
 */
export function pointTableFromColumnar(csv: ColumnarCsv, lon: string, lat: string): TableFromCsv | null {
  const x = csv.numeric[lon];
  const y = csv.numeric[lat];
  if (!x || !y) return null;
  const n = csv.rows;
  const keep = new Uint32Array(n);
  const skipped: number[] = [];
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]!, b = y[i]!;
    if (a >= -180 && a <= 180 && b >= -90 && b <= 90) keep[m++] = i;
    else skipped.push(i + 1);
  }
  const all = m === n;
  const positions = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    positions[2 * k] = x[i]!;
    positions[2 * k + 1] = y[i]!;
  }
  const numeric: Record<string, Float64Array> = {};
  for (const [c, col] of Object.entries(csv.numeric)) {
    if (all) numeric[c] = col;
    else {
      const out = new Float64Array(m);
      for (let k = 0; k < m; k++) out[k] = col[keep[k]!]!;
      numeric[c] = out;
    }
  }
  const text: Record<string, TextColumn> = {};
  for (const [c, col] of Object.entries(csv.text)) {
    const kept = all ? col : Array.from(keep.subarray(0, m), (i) => col[i] ?? '');
    text[c] = encodeText(kept);
  }
  const pointIndex = pointIndexData(positions);
  return { table: { length: m, positions, columns: csv.columns, numeric, text, drawOffsets: positionOffsets(positions), ...(pointIndex ? { pointIndex } : {}) }, skipped };
}

/** The ArrayBuffers to transfer when posting a table (each once). */
export function tableTransferables(t: PointTable): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => set.add(a.buffer as ArrayBuffer);
  add(t.positions);
  if (t.drawOffsets?.offsets) add(t.drawOffsets.offsets);
  if (t.pointIndex) set.add(t.pointIndex);
  for (const c of Object.values(t.numeric)) add(c);
  for (const c of Object.values(t.text)) {
    if (c.kind === 'dict') add(c.codes);
    else {
      add(c.bytes);
      add(c.offsets);
    }
  }
  return [...set];
}

export function tableBounds(t: PointTable): [number, number, number, number] | null {
  return t.length === 0 ? null : positionsBounds(t.positions);
}

/** [west, south, east, north] of interleaved lon, lat pairs; null when there are none. */
export function positionsBounds(p: Float64Array): [number, number, number, number] | null {
  if (p.length < 2) return null;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < p.length; i += 2) {
    const x = p[i]!, y = p[i + 1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** GeoJSON features of the rows (for exports and the automation API); costly for a million rows. */
export function tableToFeatures(t: PointTable, fields?: readonly string[]): FeatureCollection {
  const features: Feature[] = new Array(t.length);
  const cols = fields ?? t.columns;
  for (let i = 0; i < t.length; i++) {
    const properties: Record<string, string | number | null> = {};
    for (const c of cols) properties[c] = valueAt(t, c, i);
    features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [t.positions[2 * i]!, t.positions[2 * i + 1]!] }, properties };
  }
  return { type: 'FeatureCollection', features };
}

/** Distinct values of a column (filters, legends), up to `max`. */
export function distinctValues(t: PointTable, column: string, max = 200): string[] {
  const cached = distinctCache.get(t)?.get(column);
  if (cached) return cached;
  const txt = t.text[column];
  let out: string[];
  if (txt?.kind === 'dict') out = [...new Set(txt.values.map((v) => v.trim()).filter((v) => v !== ''))].slice(0, max);
  else {
    const seen = new Set<string>();
    for (let i = 0; i < t.length && seen.size < max; i++) {
      const v = valueAt(t, column, i);
      if (v !== null) seen.add(String(v));
    }
    out = [...seen];
  }
  if (!distinctCache.has(t)) distinctCache.set(t, new Map());
  distinctCache.get(t)!.set(column, out);
  return out;
}

const distinctCache = new WeakMap<PointTable, Map<string, string[]>>();

/** The table's attribute columns, as `describeFields` (style/auto_style.ts) lists a layer's fields. */
export function tableFields(t: PointTable): { name: string; numeric: boolean }[] {
  return t.columns.map((name) => ({ name, numeric: name in t.numeric }));
}

/** Features of up to `max` rows spread over the table: enough to describe fields and pick style classes. */
export function sampleFeatures(t: PointTable, max = 5000): Feature[] {
  const step = Math.max(1, Math.floor(t.length / max));
  const out: Feature[] = [];
  for (let i = 0; i < t.length && out.length < max; i += step) {
    out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [t.positions[2 * i]!, t.positions[2 * i + 1]!] }, properties: rowProperties(t, i) });
  }
  return out;
}
