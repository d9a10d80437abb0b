import type { ImportResult } from '../io/formats/types';
import { FeatureSlices } from '../io/map_source';
import type { LoadLayerFileRequest, WorkerRequest, WorkerResponse } from './layer_file_protocol';
import { WorkerTileRequests, registerTileProvider } from './tile_requests';

// Main-thread side of the layer-file worker: one promise per file, with progress and abort.

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

type Pending = {
  resolve: (r: ImportResult) => void;
  reject: (e: Error) => void;
  onProgress: (loaded: number, total: number) => void;
};

export class LayerFileClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Features of large layers arriving in slices (io/map_source.ts). */
  private readonly slices = new FeatureSlices();
  /** Tiles of large polygon and line layers, which the worker keeps (io/worker_tiles.ts). */
  private readonly tiles = new WorkerTileRequests((msg) => this.ensureWorker().postMessage(msg satisfies WorkerRequest));
  private readonly tileProvider = registerTileProvider('pack', this.tiles);

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./layer_file.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      if (msg.type === 'tile') return this.tiles.receive(msg);
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress(msg.loaded, msg.total);
      else if (msg.type === 'features') this.slices.add(msg);
      else {
        this.pending.delete(msg.id);
        if (msg.result.ok) this.slices.fill(msg.id, [msg.result.layers[0]?.data ?? { type: 'FeatureCollection', features: [] }]);
        p.resolve(msg.result);
      }
    };
    this.worker = worker;
    return worker;
  }

  load(
    req: Omit<LoadLayerFileRequest, 'type' | 'id' | 'tileProvider'>,
    onProgress: (loaded: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<ImportResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ImportResult>((resolve, reject) => {
      if (signal.aborted) return reject(new CancelledError());
      this.pending.set(id, { resolve, reject, onProgress });
      signal.addEventListener(
        'abort',
        () => {
          if (!this.pending.delete(id)) return;
          this.slices.drop(id);
          worker.postMessage({ type: 'cancel', id });
          reject(new CancelledError());
        },
        { once: true },
      );
      worker.postMessage({ type: 'load', id, ...req, tileProvider: this.tileProvider } satisfies LoadLayerFileRequest);
    });
  }
}
