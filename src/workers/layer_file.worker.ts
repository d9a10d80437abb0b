/// <reference lib="webworker" />
import { fetchLayerFile } from '../io/fetch_layer_file';
import type { WorkerRequest, WorkerResponse } from './layer_file_protocol';
import { tableTransferables } from '../io/point_table';
import { postInSlices } from '../io/map_source';
import { WorkerTileIndexes, tileUrl } from '../io/worker_tiles';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
/** Tile indexes of the large polygon and line layers this worker parsed, kept for the map. */
const tiles = new WorkerTileIndexes();

function post(msg: WorkerResponse): void {
  scope.postMessage(msg);
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.type === 'tile' || req.type === 'dropTiles') return tiles.handle(req, (msg, transfer) => scope.postMessage(msg, transfer));
  if (req.type === 'cancel') {
    running.get(req.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(req.id, controller);
  let lastPost = 0;
  try {
    const result = await fetchLayerFile(
      req,
      (loaded, total) => {
        // progress at most every 50 ms: more would flood the main thread with messages
        const now = performance.now();
        if (now - lastPost > 50) {
          lastPost = now;
          post({ type: 'progress', id: req.id, loaded, total });
        }
      },
      controller.signal,
    );
    if (controller.signal.aborted) return;
    // a large collection goes in slices; the map reads the file itself when it can (io/map_source.ts)
    const layer = result.ok ? result.layers[0] : undefined;
    const sliced = layer && !layer.points ? postInSlices(layer.data, req.id, 0, post) : null;
    if (layer && sliced && req.geometry !== 'point') {
      // the slices are on their way while the tiles are cut (io/worker_tiles.ts)
      const key = String(req.id);
      await tiles.add(key, layer.data.features);
      post({ type: 'result', id: req.id, result: { ok: true, layers: [{ ...layer, data: sliced, tiles: { [req.geometry]: tileUrl(req.tileProvider, key) } }] } });
      return;
    }
    if (layer && sliced) {
      // not for a pack on another server: over a poor connection the file would come twice
      const sameOrigin = new URL(req.url).origin === scope.location.origin;
      const mapSource = req.format === 'geojson' && layer.skipped.length === 0 && sameOrigin ? req.url : undefined;
      post({ type: 'result', id: req.id, result: { ok: true, layers: [{ ...layer, data: sliced, ...(mapSource ? { mapSource } : {}) }] } });
      return;
    }
    // typed columns of a large point layer are transferred, not copied
    const transfer = layer?.points ? tableTransferables(layer.points) : [];
    scope.postMessage({ type: 'result', id: req.id, result } satisfies WorkerResponse, transfer);
  } catch {
    // aborted: the caller already settled its promise
  } finally {
    running.delete(req.id);
  }
};
