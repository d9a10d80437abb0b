import type { LoadLayerFileRequest } from '../workers/layer_file_protocol';
import { parseCsvPoints, parseGeojsonText, type ParseResult } from './parse_layer_file';

// Fetches and parses one pack file. Runs in the layer-file worker so that reading and
// parsing large files never blocks the map; progress is reported in bytes.

export async function fetchText(
  url: string,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; status: number | null }> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    if (signal.aborted) throw e;
    return { ok: false, status: null };
  }
  if (!response.ok) return { ok: false, status: response.status };
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return { ok: true, text: await response.text() };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress(loaded, total);
  }
  parts.push(decoder.decode());
  return { ok: true, text: parts.join('') };
}

export async function fetchLayerFile(
  req: LoadLayerFileRequest,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<ParseResult> {
  const fetched = await fetchText(req.url, onProgress, signal);
  if (!fetched.ok) {
    return fetched.status === null
      ? { ok: false, reason: { key: 'reason.network' } }
      : { ok: false, reason: { key: 'reason.http', params: { status: String(fetched.status) } } };
  }
  if (req.format === 'csv') {
    if (!req.coordinates) return { ok: false, reason: { key: 'reason.csvColumns', params: { lon: '?', lat: '?', columns: '' } } };
    return parseCsvPoints(fetched.text, req.coordinates);
  }
  return parseGeojsonText(fetched.text, req.geometry);
}
