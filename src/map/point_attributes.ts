import type { Feature } from 'geojson';
import type { LayerStyle } from '../catalog/manifest_types';
import { circleRadius, featureColor, hexToRgb } from '../style/layer_style';
import { positionOffsets, valueAt, type PointTable, type TextColumn } from '../io/point_table';

// Binary attributes for deck.gl point layers: flat typed arrays instead of one accessor call
// per point, which is what keeps a million points fast to build and never rebuilt on pan/zoom.

export interface PointAttributes {
  length: number;
  /** lon, lat, … of the drawn points (WGS 84, full precision: export and picking use these) */
  positions: Float64Array;
  /**
   * The same positions relative to `origin`, in float32: what deck.gl draws (LNGLAT_OFFSETS),
   * so it uploads them as they are instead of splitting every point into 64-bit high and low
   * parts. Null when the points span too much latitude for that (see positionOffsets).
   */
  offsets: Float32Array | null;
  origin: [number, number];
  /**
   * RGBA of each drawn point, or null when all have `color` (a single-colour style of a point
   * table): then there is no array to fill on the main thread nor to upload (3 MB, and 10–30 ms
   * of the task in which a 757,576-row table arrived).
   */
  colors: Uint8Array | null;
  color: [number, number, number, number];
  /** Index of each drawn point in the layer's features, for picking; null when every row is drawn, in order. */
  featureIndex: Uint32Array | null;
}

/** The layer feature (or table row) that drawn point `i` shows. */
export function featureIndexOf(attrs: PointAttributes, i: number): number {
  return attrs.featureIndex ? attrs.featureIndex[i]! : i;
}

/** The RGB of drawn point `i`. */
export function pointColor(attrs: PointAttributes, i: number): [number, number, number] {
  const c = attrs.colors;
  return c ? [c[i * 4]!, c[i * 4 + 1]!, c[i * 4 + 2]!] : [attrs.color[0], attrs.color[1], attrs.color[2]];
}

/**
 * Whether drawn point `i` is in a sample of about one point in `every`. Chosen by a hash of the
 * index, not every n-th point, so that rows written in a regular order (a grid, plots of n trees)
 * do not lose whole lines or always keep the same member of a group.
 */
export function inSample(i: number, every: number): boolean {
  let h = Math.imul(i, 0x9e3779b1) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77) >>> 0;
  h ^= h >>> 13;
  return h % every === 0;
}

/**
 * About one point in `every` of a layer's attributes (see inSample), as attributes of their own:
 * what the map draws while it moves (DeckPoints). `featureIndex` still leads to the layer's rows.
 */
export function samplePointAttributes(attrs: PointAttributes, every: number): PointAttributes {
  let count = 0;
  for (let i = 0; i < attrs.length; i++) if (inSample(i, every)) count++;
  const positions = new Float64Array(count * 2);
  const offsets = attrs.offsets ? new Float32Array(count * 2) : null;
  const colors = attrs.colors ? new Uint8Array(count * 4) : null;
  const featureIndex = new Uint32Array(count);
  let j = 0;
  for (let i = 0; i < attrs.length; i++) {
    if (!inSample(i, every)) continue;
    positions[2 * j] = attrs.positions[2 * i]!;
    positions[2 * j + 1] = attrs.positions[2 * i + 1]!;
    if (offsets) {
      offsets[2 * j] = attrs.offsets![2 * i]!;
      offsets[2 * j + 1] = attrs.offsets![2 * i + 1]!;
    }
    if (colors) colors.set(attrs.colors!.subarray(4 * i, 4 * i + 4), 4 * j);
    featureIndex[j] = featureIndexOf(attrs, i);
    j++;
  }
  return { length: count, positions, offsets, origin: attrs.origin, colors, color: attrs.color, featureIndex };
}

/** Disc radius in CSS pixels of a point layer drawn by deck.gl (map exports draw the same size). */
export function deckRadius(spec: { style: LayerStyle }): number {
  return Math.max(1.5, circleRadius(spec.style) / 2);
}

export function matchesFilters(properties: Record<string, unknown> | null, filters: Record<string, string>): boolean {
  for (const [field, value] of Object.entries(filters)) {
    const v = properties?.[field];
    if (v === null || v === undefined || String(v) !== value) return false;
  }
  return true;
}

export function buildPointAttributes(features: Feature[], style: LayerStyle, filters: Record<string, string>): PointAttributes {
  const n = features.length;
  const positions = new Float64Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const featureIndex = new Uint32Array(n);
  const rgbCache = new Map<string, [number, number, number]>();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    if (f.geometry?.type !== 'Point') continue;
    const props = f.properties as Record<string, unknown> | null;
    if (!matchesFilters(props, filters)) continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    positions[count * 2] = lon;
    positions[count * 2 + 1] = lat;
    const hex = featureColor(style, props);
    let rgb = rgbCache.get(hex);
    if (!rgb) {
      rgb = hexToRgb(hex);
      rgbCache.set(hex, rgb);
    }
    colors.set([rgb[0], rgb[1], rgb[2], 255], count * 4);
    featureIndex[count] = i;
    count++;
  }
  const drawn = positions.subarray(0, count * 2);
  return { length: count, positions: drawn, ...positionOffsets(drawn), colors: colors.subarray(0, count * 4), color: [0, 0, 0, 255], featureIndex: featureIndex.subarray(0, count) };
}

/**
 * The same attributes from a columnar table (large point CSVs): positions are copied from one
 * Float64Array, colours computed once per distinct value of a dictionary column. The rows that
 * pass the filters are drawn; `featureIndex` maps each drawn point back to its table row.
 */
export function buildTableAttributes(table: PointTable, style: LayerStyle, filters: Record<string, string>): PointAttributes {
  const n = table.length;
  const active = Object.entries(filters);
  let featureIndex: Uint32Array | null = null;
  if (active.length > 0) {
    const keep = new Uint32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      let ok = true;
      for (const [field, value] of active) {
        const v = valueAt(table, field, i);
        if (v === null || String(v) !== value) {
          ok = false;
          break;
        }
      }
      if (ok) keep[m++] = i;
    }
    featureIndex = keep.subarray(0, m);
  }
  const count = featureIndex ? featureIndex.length : n;
  const positions = !featureIndex ? table.positions : new Float64Array(count * 2);
  if (featureIndex) {
    for (let k = 0; k < count; k++) {
      const i = featureIndex[k]!;
      positions[2 * k] = table.positions[2 * i]!;
      positions[2 * k + 1] = table.positions[2 * i + 1]!;
    }
  }
  if (style.type === 'single') {
    const [r, g, b] = hexToRgb(style.color);
    return { length: count, positions, ...tableOffsets(table, positions), colors: null, color: [r, g, b, 255], featureIndex };
  }
  const colors = new Uint8Array(count * 4);
  const rgba = (hex: string): number => {
    const [r, g, b] = hexToRgb(hex);
    return r | (g << 8) | (b << 16) | (255 << 24);
  };
  const out = new Uint32Array(colors.buffer); // little-endian: r, g, b, a in memory order
  const row = (k: number) => (featureIndex ? featureIndex[k]! : k);
  {
    const field = style.field;
    const dict = table.text[field]?.kind === 'dict' ? (table.text[field] as Extract<TextColumn, { kind: 'dict' }>) : null;
    if (dict) {
      const byCode = dict.values.map((v) => rgba(featureColor(style, { [field]: v.trim() === '' ? null : v.trim() })));
      for (let k = 0; k < count; k++) out[k] = byCode[dict.codes[row(k)]!]!;
    } else {
      const cache = new Map<string | number | null, number>();
      for (let k = 0; k < count; k++) {
        const v = valueAt(table, field, row(k));
        let c = cache.get(v);
        if (c === undefined) {
          c = rgba(featureColor(style, { [field]: v }));
          if (cache.size < 4096) cache.set(v, c);
        }
        out[k] = c;
      }
    }
  }
  return { length: count, positions, ...tableOffsets(table, positions), colors, color: [0, 0, 0, 255], featureIndex };
}

/** The table's own offsets (built in its worker) when every row is drawn. */
function tableOffsets(table: PointTable, positions: Float64Array) {
  return positions === table.positions && table.drawOffsets ? table.drawOffsets : positionOffsets(positions);
}
