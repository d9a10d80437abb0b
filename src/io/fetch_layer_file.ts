import type { LoadLayerFileRequest } from '../workers/layer_file_protocol';
import { importFile } from './formats/registry';
import type { ImportResult } from './formats/types';
import { fail } from './formats/types';

// Fetches one pack file and reads it through the format registry (io/formats), the same
// road as the user's own files: one result type, one set of messages. Runs in the
// layer-file worker so that reading and parsing large files never blocks the map;
// progress is reported in bytes.

/** The response body as UTF-8 text, with progress (pack GeoJSON is UTF-8 by RFC 7946). */
export async function fetchText(
  url: string,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; status: number | null }> {
  const got = await fetchBytes(url, onProgress, signal);
  return got.ok ? { ok: true, text: new TextDecoder('utf-8').decode(got.bytes) } : got;
}

/** The file name messages show: the URL's last path segment, as the manifest wrote it. */
export function fileNameOf(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.split('/').pop() || u.hostname);
}

/**
 * One pack layer file: its manifest format (not guessed), only its declared geometry kind,
 * a CSV's coordinate columns from the manifest. Large point CSVs become typed columns in the
 * CSV format (io/point_table.ts), as user imports do.
 */
export async function fetchLayerFile(
  req: LoadLayerFileRequest,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<ImportResult> {
  const file = fileNameOf(req.url);
  const got = await fetchBytes(req.url, onProgress, signal);
  if (!got.ok) return got.status === null ? fail('import.error.network', { file }) : fail('import.error.http', { file, status: String(got.status) });
  if (req.format === 'csv' && !req.coordinates) return fail('import.error.csvNoCoordinates', { file, columns: '?' });
  return importFile(
    { name: file, bytes: got.bytes },
    {
      format: req.format,
      geometry: req.geometry,
      signal,
      ...(req.coordinates ? { csv: { lon: req.coordinates.lon, lat: req.coordinates.lat } } : {}),
    },
  );
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
