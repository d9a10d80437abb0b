import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';
import type { ImportRequest, ImportResponse } from './import_protocol';
import { mayHoldLargePointTable } from '../io/point_table';
import { FeatureSlices } from '../io/map_source';
import { WorkerTileRequests, registerTileProvider } from './tile_requests';

// Main-thread side of the import worker: one promise per file, with progress and cancel.
// The file's bytes are transferred, not copied.

export interface ImportHooks {
  /** Called as a file that may hold a large point table starts importing. */
  onLargePoints?: () => void;
  /**
   * Called with a point table's draw offsets as its result arrives; true when the map uploaded
   * them (DeckPoints.stage). The result is then handed on a task later, so that the upload and
   * the layer's set-up do not fall in one main-thread task.
   */
  stagePoints?: (offsets: Float32Array) => boolean;
}

export class ImportClient {
  constructor(private readonly hooks: ImportHooks = {}) {}

  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ImportResult) => void; onProgress: (p: ImportProgress) => void; input: ImportInput }>();
  /** Features of large layers arriving in slices (io/map_source.ts). */
  private readonly slices = new FeatureSlices();
  /** Tiles of large polygon and line layers, which the worker keeps (io/worker_tiles.ts). */
  private readonly tiles = new WorkerTileRequests((msg) => this.ensureWorker().postMessage(msg satisfies ImportRequest));
  private readonly tileProvider = registerTileProvider('import', this.tiles);

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      const msg = event.data;
      if (msg.type === 'tile') return this.tiles.receive(msg);
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress(msg.progress);
      else if (msg.type === 'features') this.slices.add(msg);
      else {
        this.pending.delete(msg.id);
        p.input.bytes = msg.bytes;
        if (msg.result.ok) this.slices.fill(msg.id, msg.result.layers.map((l) => l.data));
        const result = msg.result;
        if (this.stage(result)) setTimeout(() => p.resolve(result), 0);
        else p.resolve(result);
      }
    };
    this.worker = worker;
    return worker;
  }

  import(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const worker = this.ensureWorker();
    if (this.hooks.onLargePoints && mayHoldLargePointTable(input.name, input.file?.size ?? input.bytes.length)) this.hooks.onLargePoints();
    const id = this.nextId++;
    const { signal, ...rest } = options;
    return new Promise<ImportResult>((resolve) => {
      this.pending.set(id, { resolve, onProgress, input });
      signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id } satisfies ImportRequest), { once: true });
      // the bytes are transferred, or the file is read in the worker; either way they come back
      worker.postMessage({ type: 'import', id, input, options: rest, tileProvider: this.tileProvider } satisfies ImportRequest, [input.bytes.buffer as ArrayBuffer]);
    });
  }

  private stage(result: ImportResult): boolean {
    if (!result.ok || !this.hooks.stagePoints) return false;
    // one table at a time is held uploaded (a zip with several point layers: the first)
    const offsets = result.layers.find((l) => l.points?.drawOffsets?.offsets)?.points?.drawOffsets?.offsets;
    return offsets ? this.hooks.stagePoints(offsets) : false;
  }
}
