// Large point CSVs (more than LARGE_POINT_ROWS rows of lon/lat in degrees): read straight from
// the bytes into columns (csv_columnar.ts) and kept as a PointTable — no GeoJSON feature, no row
// object. Anything this fast path does not cover (WKT, X/Y in metres, a chosen CRS, swapped or
// non-numeric coordinate columns) returns null and the full parser in csv.ts handles the file.

import { parseCsvColumnar } from '../csv_columnar';
import { WGS84_ID, resolveCrs } from '../crs';
import { LARGE_POINT_ROWS, countLines, pointTableFromColumnar } from '../point_table';
import { foldName, isUtf8 } from './text';
import type { ImportMessage, ImportOptions, ImportResult, ProgressFn, SkippedItem } from './types';
import { baseName } from './types';
import { inVietnam, listNumbers } from './validate';

/** Folded column names (see foldName) recognised as longitude / latitude; csv.ts uses them too. */
export const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'kinhdo', 'kinhdodong', 'kinhdowgs84'];
export const LAT_NAMES = ['lat', 'latitude', 'vido', 'vidobac', 'vidowgs84'];

export function findColumn(columns: readonly string[], names: readonly string[]): string | undefined {
  const folded = columns.map(foldName);
  for (const n of names) {
    const i = folded.indexOf(n);
    if (i >= 0) return columns[i];
  }
  return undefined;
}

/** True when the file is big enough for the columnar path (counts line breaks, stops early). */
export function isLargeCsv(bytes: Uint8Array): boolean {
  return bytes.length > LARGE_POINT_ROWS * 8 && countLines(bytes, LARGE_POINT_ROWS + 2) > LARGE_POINT_ROWS + 1;
}

/** The columnar import of a large lon/lat CSV, or null when the file needs the full parser. */
export function parseLargePointCsv(file: string, input: Uint8Array, options: ImportOptions, onProgress?: ProgressFn, text?: string): ImportResult | null {
  const o = options.csv ?? {};
  if (o.wkt || o.x || o.y || o.xIsNorthing) return null;
  if (options.crs && resolveCrs(options.crs)?.id !== WGS84_ID) return null;
  // the columnar parser reads UTF-8; other encodings are re-encoded from the decoded text
  const bytes = isUtf8(input) ? input : text !== undefined ? new TextEncoder().encode(text) : null;
  if (!bytes) return null;
  const csv = parseCsvColumnar(bytes, { onProgress: (done, total) => onProgress?.({ fraction: 0.9 * (done / total), stage: 'parse' }) });
  if (o.delimiter && o.delimiter !== csv.delimiter) return null;
  const lon = o.lon ?? findColumn(csv.columns, LON_NAMES);
  const lat = o.lat ?? findColumn(csv.columns, LAT_NAMES);
  if (!lon || !lat || !csv.numeric[lon] || !csv.numeric[lat]) return null;
  // a file whose columns are the wrong way round goes to the full parser, which warns about it
  const x = csv.numeric[lon], y = csv.numeric[lat];
  let straight = 0, swapped = 0;
  const step = Math.max(1, Math.floor(csv.rows / 500));
  for (let i = 0; i < csv.rows; i += step) {
    if (inVietnam(x[i]!, y[i]!)) straight++;
    else if (inVietnam(y[i]!, x[i]!)) swapped++;
  }
  if (swapped > straight) return null;
  const r = pointTableFromColumnar(csv, lon, lat);
  if (!r || r.table.length === 0) return null;
  const name = baseName(file);
  // spreadsheet row numbers (header = 1), as the full parser reports them
  const skipped = r.skipped.map((k): SkippedItem => {
    const a = x[k - 1]!, b = y[k - 1]!;
    return Number.isNaN(a) || Number.isNaN(b)
      ? { row: k + 1, reason: { key: 'import.skip.missingCoords', params: { columns: `${lon}, ${lat}` } } }
      : { row: k + 1, reason: { key: 'import.skip.outOfRange', params: { lon: String(a), lat: String(b) } } };
  });
  const warnings: ImportMessage[] = [];
  if (skipped.length > 0) warnings.push({ key: 'import.warn.skipped', params: { file, layer: name, count: skipped.length, list: listNumbers(skipped.map((s) => s.row ?? 0)) } });
  onProgress?.({ fraction: 1, stage: 'done' });
  return {
    ok: true,
    layers: [{ name, data: { type: 'FeatureCollection', features: [] }, points: r.table, sourceCrs: WGS84_ID, warnings, skipped, selfIntersecting: [] }],
  };
}
