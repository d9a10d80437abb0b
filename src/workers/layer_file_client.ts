import type { ImportResult } from '../io/formats/types';
import { FeatureSlices } from '../io/map_source';
import { tileTemplateKey } from '../io/worker_tiles';
import type { LayerFileCalls, LoadLayerFileRequest } from './layer_file_protocol';
import { WorkerTileRequests, registerTileProvider } from './tile_requests';
import { CancelledError, WorkerClient, type WorkerClientOptions, type WorkerLike } from './worker_client';

// Main-thread side of the layer-file worker: one promise per file, with progress and abort,
// over the generic client (worker_client.ts). A load rejects with CancelledError on abort.

export { CancelledError };

function createDefaultWorker(): WorkerLike {
  return new Worker(new URL('./layer_file.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export class LayerFileClient {
  private readonly client: WorkerClient<LayerFileCalls>;
  /** Tiles of large polygon and line layers, which the worker keeps (io/worker_tiles.ts). */
  readonly tiles: WorkerTileRequests;
  private readonly tileProvider: string;

  constructor(createWorker: () => WorkerLike = createDefaultWorker, options: Partial<Omit<WorkerClientOptions, 'create' | 'onReplaced'>> = {}) {
    // a worker replacing one that was terminated cuts the tiles of the pack's layers again
    this.client = new WorkerClient<LayerFileCalls>({ name: 'layer-file worker', ...options, create: createWorker, onReplaced: () => this.tiles.restore() });
    this.tiles = new WorkerTileRequests((type, params, opts) => this.client.request(type, params, opts));
    this.tileProvider = registerTileProvider('pack', this.tiles);
  }

  async load(
    req: Omit<LoadLayerFileRequest, 'type' | 'id' | 'tileProvider'>,
    onProgress: (loaded: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<ImportResult> {
    // features of a large layer arriving in slices (io/map_source.ts), kept by this call only
    let slices = new FeatureSlices();
    let id = 0;
    const result = await this.client.request(
      'load',
      { ...req, tileProvider: this.tileProvider },
      {
        signal,
        onProgress: (msg) => {
          if (msg.type === 'progress') return onProgress(msg.loaded, msg.total);
          id = msg.id;
          slices.add(msg);
        },
        // sent again to a worker that replaced a lost one: its slices come again
        onResend: () => (slices = new FeatureSlices()),
      },
    );
    const layer = result.ok ? result.layers[0] : undefined;
    if (layer) {
      slices.fill(id, [layer.data]);
      const url = layer.tiles && Object.values(layer.tiles)[0];
      const key = url && tileTemplateKey(url)?.key;
      if (key) this.tiles.hold(key, layer.data.features);
    }
    return result;
  }
}
