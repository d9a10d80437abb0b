import type { LoadLayerFileRequest } from '../workers/layer_file_protocol';
import type { CsvCoordinates } from '../catalog/manifest_types';
import { parseCsvColumnar } from './csv_columnar';
import { parseCsvPoints, parseGeojsonText, type ParseResult } from './parse_layer_file';
import { LARGE_POINT_ROWS, countLines, pointTableFromColumnar } from './point_table';

// Fetches and parses one pack file. Runs in the layer-file worker so that reading and
// parsing large files never blocks the map; progress is reported in bytes.

/** The response body as UTF-8 text, with progress (pack GeoJSON is UTF-8 by RFC 7946). */
export async function fetchText(
  url: string,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; status: number | null }> {
  const got = await fetchBytes(url, onProgress, signal);
  return got.ok ? { ok: true, text: new TextDecoder('utf-8').decode(got.bytes) } : got;
}

export async function fetchLayerFile(
  req: LoadLayerFileRequest,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<ParseResult> {
  if (req.format === 'csv') {
    const got = await fetchBytes(req.url, onProgress, signal);
    if (!got.ok) {
      return got.status === null
        ? { ok: false, reason: { key: 'reason.network' } }
        : { ok: false, reason: { key: 'reason.http', params: { status: String(got.status) } } };
    }
    if (!req.coordinates) return { ok: false, reason: { key: 'reason.csvColumns', params: { lon: '?', lat: '?', columns: '' } } };
    return parseCsvLayer(got.bytes, req.coordinates);
  }
  const fetched = await fetchText(req.url, onProgress, signal);
  if (!fetched.ok) {
    return fetched.status === null
      ? { ok: false, reason: { key: 'reason.network' } }
      : { ok: false, reason: { key: 'reason.http', params: { status: String(fetched.status) } } };
  }
  return parseGeojsonText(fetched.text, req.geometry);
}

/** The response body as bytes, with progress. */
export async function fetchBytes(
  url: string,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; status: number | null }> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    if (signal.aborted) throw e;
    return { ok: false, status: null };
  }
  if (!response.ok) return { ok: false, status: response.status };
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parts.push(value);
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * A pack's point CSV: above LARGE_POINT_ROWS rows it is read into typed columns (no GeoJSON
 * features; the worker transfers them), else parsed into features as before.
 */
export function parseCsvLayer(bytes: Uint8Array, coords: CsvCoordinates): ParseResult {
  if (countLines(bytes, LARGE_POINT_ROWS + 2) > LARGE_POINT_ROWS + 1) {
    const csv = parseCsvColumnar(bytes);
    const r = pointTableFromColumnar(csv, coords.lon, coords.lat);
    if (r && r.table.length > 0) return { ok: true, value: { data: { type: 'FeatureCollection', features: [] }, points: r.table, skipped: r.skipped } };
    if (!csv.columns.includes(coords.lon) || !csv.columns.includes(coords.lat)) {
      return { ok: false, reason: { key: 'reason.csvColumns', params: { lon: coords.lon, lat: coords.lat, columns: csv.columns.join(', ') } } };
    }
    // coordinate columns that are not plain numbers: the full parser reports which rows
  }
  return parseCsvPoints(new TextDecoder('utf-8').decode(bytes), coords);
}
