/// <reference lib="webworker" />
import { fetchLayerFile } from '../io/fetch_layer_file';
import type { LayerFileCalls } from './layer_file_protocol';
import { tableTransferables } from '../io/point_table';
import { postInSlices } from '../io/map_source';
import { WorkerTileIndexes, tileUrl } from '../io/worker_tiles';
import { serveWorker } from './worker_server';
import { tileHandlers } from './tile_protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Tile indexes of the large polygon and line layers this worker parsed, kept for the map. */
const tiles = new WorkerTileIndexes();

serveWorker<LayerFileCalls>({
  ...tileHandlers(tiles),
  load: async (params, ctx) => {
    const req = { type: 'load' as const, id: ctx.id, ...params };
    let lastPost = 0;
    const result = await fetchLayerFile(
      req,
      (loaded, total) => {
        // progress at most every 50 ms: more would flood the main thread with messages
        const now = performance.now();
        if (now - lastPost > 50) {
          lastPost = now;
          ctx.progress({ type: 'progress', loaded, total });
        }
      },
      ctx.signal,
    );
    // a cancelled load is answered as cancelled by the server (worker_server.ts)
    if (ctx.signal.aborted) return result;
    // a large collection goes in slices; the map reads the file itself when it can (io/map_source.ts)
    const layer = result.ok ? result.layers[0] : undefined;
    const sliced = layer && !layer.points ? postInSlices(layer.data, req.id, 0, (msg) => ctx.progress(msg)) : null;
    if (layer && sliced && req.geometry !== 'point') {
      // the slices are on their way while the tiles are cut (io/worker_tiles.ts)
      const key = String(req.id);
      await tiles.add(key, layer.data.features);
      return { ...result, layers: [{ ...layer, data: sliced, tiles: { [req.geometry]: tileUrl(req.tileProvider, key) } }] };
    }
    if (layer && sliced) {
      // not for a pack on another server: over a poor connection the file would come twice
      const sameOrigin = new URL(req.url).origin === scope.location.origin;
      const mapSource = req.format === 'geojson' && layer.skipped.length === 0 && sameOrigin ? req.url : undefined;
      return { ...result, layers: [{ ...layer, data: sliced, ...(mapSource ? { mapSource } : {}) }] };
    }
    // typed columns of a large point layer are transferred, not copied
    if (layer?.points) ctx.transfer(tableTransferables(layer.points));
    return result;
  },
});
