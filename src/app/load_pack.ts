import type { PackManifest } from '../catalog/manifest_types';
import { problemMessage, validateManifest } from '../catalog/validate_manifest';
import { MAX_JSON_DEPTH, jsonTextTooDeep } from '../catalog/intake_limits';
import type { AppStore } from '../state/store';
import type { Message } from '../i18n/i18n';
import { localize } from '../i18n/i18n';
import type { ImportResult } from '../io/formats/types';
import { fetchText } from '../io/fetch_layer_file';
import type { LoadLayerFileRequest } from '../workers/layer_file_protocol';
import { CancelledError } from '../workers/layer_file_client';

// Loads a data pack: manifest first (validated, so a bad pack never replaces a good one),
// then every layer file in the worker. A failing file marks only its own layer as broken.

export interface LayerFileLoader {
  load(
    req: Omit<LoadLayerFileRequest, 'type' | 'id' | 'tileProvider'>,
    onProgress: (loaded: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<ImportResult>;
}

const PARALLEL_FILES = 3;

export { problemMessage };

async function fetchManifest(store: AppStore, url: string, signal: AbortSignal): Promise<PackManifest | null> {
  const { pushMessage } = store.getState();
  const fetched = await fetchText(url, () => {}, signal);
  if (!fetched.ok) {
    const reason: Message =
      fetched.status === null ? { key: 'reason.network' } : { key: 'reason.http', params: { status: String(fetched.status) } };
    pushMessage('error', { key: 'error.packFetch', params: { url } }, { reason });
    return null;
  }
  if (jsonTextTooDeep(fetched.text)) {
    pushMessage('error', { key: 'error.packTooDeep', params: { url, max: MAX_JSON_DEPTH } });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(fetched.text);
  } catch (e) {
    pushMessage('error', { key: 'error.packJson', params: { url, reason: (e as Error).message } });
    return null;
  }
  const result = validateManifest(json);
  if (!result.ok) {
    pushMessage('error', { key: 'error.packInvalid', params: { url, count: result.total } }, { first: problemMessage(result.problems[0]!) });
    // one log entry for the pack author, holding the bounded list (validate_manifest keeps MAX_PROBLEMS)
    const more = result.total > result.problems.length ? `\n… and ${result.total - result.problems.length} more` : '';
    console.warn(`[mtmap] ${url}: ${result.total} problem(s)\n${result.problems.map((p) => `${p.path} ${p.code} expected=${p.expected ?? ''} got=${p.got ?? ''}`).join('\n')}${more}`);
    return null;
  }
  return result.manifest;
}

export async function loadPack(store: AppStore, files: LayerFileLoader, manifestUrl: string, signal: AbortSignal): Promise<boolean> {
  const url = new URL(manifestUrl, window.location.href).href;
  const s = store.getState();
  s.packLoading(url, 0);
  let manifest: PackManifest | null;
  try {
    manifest = await fetchManifest(store, url, signal);
  } catch (e) {
    if (!signal.aborted) throw e;
    manifest = null;
  }
  if (!manifest) {
    if (signal.aborted) s.pushMessage('info', { key: 'loading.cancelled', params: { url } });
    else if (store.getState().pack.manifest) s.pushMessage('info', { key: 'error.keepPrevious' });
    s.packFailed();
    return false;
  }
  s.packManifest(url, manifest);

  const queue = [...manifest.layers];
  let done = 0;
  const total = queue.length;
  for (const layer of queue) {
    s.setLayerData(layer.id, { status: 'loading', data: null, featureCount: 0, skipped: [], error: null });
  }
  const worker = async () => {
    for (let layer = queue.shift(); layer; layer = queue.shift()) {
      s.packProgress(done, total, layer.file);
      let result: ImportResult;
      try {
        result = await files.load(
          { url: new URL(layer.file, url).href, format: layer.format, geometry: layer.geometry, coordinates: layer.coordinates },
          () => {},
          signal,
        );
      } catch (e) {
        if (e instanceof CancelledError) return;
        result = { ok: false, error: { key: 'import.error.network', params: { file: layer.file } } };
      }
      done++;
      s.packProgress(done, total, layer.file);
      const title = localize(layer.title, store.getState().lang);
      const read = result.ok ? result.layers[0] : undefined;
      if (!read) {
        const error: Message = result.ok ? { key: 'import.error.noFeatures', params: { file: layer.file } } : result.error;
        s.setLayerData(layer.id, { status: 'error', data: null, featureCount: 0, skipped: [], error });
        s.pushMessage('error', { key: 'import.error.packLayer', params: { title, file: layer.file } }, { reason: error });
        continue;
      }
      const { data, points, mapSource } = read;
      const tiles = read.tiles?.[layer.geometry];
      // numbered as before: CSV data rows (the header not counted), else features
      const skipped = read.skipped.map((item) => (item.row !== undefined ? item.row - 1 : (item.feature ?? 0)));
      if (points) s.setLayerData(layer.id, { status: 'ready', data: null, points, featureCount: points.length, skipped, error: null });
      else s.setLayerData(layer.id, { status: 'ready', data, featureCount: data.features.length, skipped, error: null, ...(mapSource ? { mapSource } : {}), ...(tiles ? { tiles } : {}) });
      if (skipped.length > 0) {
        const rows = skipped.slice(0, 20).join(', ') + (skipped.length > 20 ? ', …' : '');
        s.pushMessage('warning', { key: 'warn.skipped', params: { title, file: layer.file, count: skipped.length, rows } });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FILES }, worker));
  if (signal.aborted) {
    for (const layer of manifest.layers) {
      if (store.getState().layerData[layer.id]?.status === 'loading') {
        s.setLayerData(layer.id, { status: 'error', data: null, featureCount: 0, skipped: [], error: { key: 'loading.cancelled', params: { url } } });
      }
    }
    s.pushMessage('info', { key: 'loading.cancelled', params: { url } });
  }
  s.packDone();
  return !signal.aborted;
}
