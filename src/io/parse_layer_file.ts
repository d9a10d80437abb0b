import Papa from 'papaparse';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CsvCoordinates, GeometryKind } from '../catalog/manifest_types';
import type { Message } from '../i18n/i18n';
import type { PointTable } from './point_table';

// Pure parsers for data-pack files. Failures are returned as values carrying an i18n
// message, so the worker can post them and the UI can show them in either language.

export interface ParsedLayer {
  /** Empty when `points` holds the layer. */
  data: FeatureCollection;
  /** A large point CSV as typed columns (io/point_table.ts), drawn by deck.gl. */
  points?: PointTable;
  /** 1-based data row numbers (CSV) or feature indexes (GeoJSON) that were left out. */
  skipped: number[];
  /** Large pack layers: the URL of a GeoJSON file that holds `data` as it is (io/map_source.ts). */
  mapSource?: string;
  /** Large polygon and line pack layers: their vector tiles in the worker (io/worker_tiles.ts). */
  tiles?: string;
}

export type ParseResult = { ok: true; value: ParsedLayer } | { ok: false; reason: Message };

const GEOMETRY_TYPES: Record<GeometryKind, readonly string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point', 'MultiPoint'],
};

export function geometryMatches(geometry: Geometry | null, kind: GeometryKind): boolean {
  return geometry !== null && GEOMETRY_TYPES[kind].includes(geometry.type);
}

export function parseGeojsonText(text: string, kind: GeometryKind): ParseResult {
  if (text.trim() === '') return { ok: false, reason: { key: 'reason.empty' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: { key: 'reason.json', params: { detail: (e as Error).message } } };
  }
  const fc = json as Partial<FeatureCollection>;
  if (typeof json !== 'object' || json === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { ok: false, reason: { key: 'reason.notGeojson' } };
  }
  const features: Feature[] = [];
  const skipped: number[] = [];
  let wrongKind = 0;
  fc.features.forEach((f, i) => {
    if (!f || f.type !== 'Feature' || !f.geometry) {
      skipped.push(i + 1);
      return;
    }
    if (!geometryMatches(f.geometry, kind)) {
      wrongKind++;
      skipped.push(i + 1);
      return;
    }
    features.push({ type: 'Feature', geometry: f.geometry, properties: f.properties ?? {} });
  });
  if (wrongKind > 0 && features.length === 0) {
    return { ok: false, reason: { key: 'reason.geometryKind', params: { count: wrongKind, expected: kind } } };
  }
  return { ok: true, value: { data: { type: 'FeatureCollection', features }, skipped } };
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
// "03433" is a commune code, not the number 3433: leading zeros mark identifiers.
const LEADING_ZERO_RE = /^[-+]?0\d/;

/** Columns whose every non-empty value is a plain number become numbers; the rest stay text. */
export function numericColumns(rows: Record<string, string>[], columns: string[]): Set<string> {
  const numeric = new Set<string>();
  for (const col of columns) {
    let seen = false;
    let ok = true;
    for (const row of rows) {
      const v = (row[col] ?? '').trim();
      if (v === '') continue;
      seen = true;
      if (!NUMBER_RE.test(v) || LEADING_ZERO_RE.test(v)) {
        ok = false;
        break;
      }
    }
    if (seen && ok) numeric.add(col);
  }
  return numeric;
}

function coordinate(value: string | undefined, limit: number): number | null {
  const v = (value ?? '').trim();
  if (!NUMBER_RE.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

export function parseCsvPoints(text: string, coords: CsvCoordinates): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, reason: { key: 'reason.empty' } };
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  const columns = parsed.meta.fields ?? [];
  if (!columns.includes(coords.lon) || !columns.includes(coords.lat)) {
    return {
      ok: false,
      reason: { key: 'reason.csvColumns', params: { lon: coords.lon, lat: coords.lat, columns: columns.join(', ') } },
    };
  }
  const numeric = numericColumns(parsed.data, columns);
  const features: Feature[] = [];
  const skipped: number[] = [];
  parsed.data.forEach((row, i) => {
    const lon = coordinate(row[coords.lon], 180);
    const lat = coordinate(row[coords.lat], 90);
    if (lon === null || lat === null) {
      skipped.push(i + 1);
      return;
    }
    const properties: Record<string, string | number | null> = {};
    for (const col of columns) {
      const raw = (row[col] ?? '').trim();
      properties[col] = raw === '' ? null : numeric.has(col) ? Number(raw) : raw;
    }
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
  });
  if (features.length === 0) return { ok: false, reason: { key: 'reason.csvNoRows' } };
  return { ok: true, value: { data: { type: 'FeatureCollection', features }, skipped } };
}
