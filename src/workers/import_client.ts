import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';
import { fail } from '../io/formats/types';
import type { ImportCalls } from './import_protocol';
import { mayHoldLargePointTable } from '../io/point_table';
import { FeatureSlices } from '../io/map_source';
import { tileTemplateKey } from '../io/worker_tiles';
import { geometryMatches } from '../io/formats/geometry_filter';
import { WorkerTileRequests, registerTileProvider } from './tile_requests';
import { CancelledError, WorkerClient, type WorkerClientOptions, type WorkerLike } from './worker_client';

// Main-thread side of the import worker: one promise per file, with progress and cancel, over
// the generic client (worker_client.ts). The file's bytes are transferred, not copied. An
// import never rejects: a cancel resolves as the "import cancelled" result the UI shows, a
// failed or replaced worker as an internal error naming the file.

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

function createDefaultWorker(): WorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export class ImportClient {
  private readonly client: WorkerClient<ImportCalls>;
  /** Tiles of large polygon and line layers, which the worker keeps (io/worker_tiles.ts). */
  readonly tiles: WorkerTileRequests;
  private readonly tileProvider: string;

  constructor(
    private readonly hooks: ImportHooks = {},
    createWorker: () => WorkerLike = createDefaultWorker,
    options: Partial<Omit<WorkerClientOptions, 'create' | 'onReplaced'>> = {},
  ) {
    // a worker replacing one that was terminated cuts the tiles of the layers on the map again
    this.client = new WorkerClient<ImportCalls>({ name: 'import worker', ...options, create: createWorker, onReplaced: () => this.tiles.restore() });
    this.tiles = new WorkerTileRequests((type, params, opts) => this.client.request(type, params, opts));
    this.tileProvider = registerTileProvider('import', this.tiles);
  }

  /** Workers replaced so far (a cancelled import that did not stop in time). */
  get replacements(): number {
    return this.client.replacements;
  }

  async import(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    if (this.hooks.onLargePoints && mayHoldLargePointTable(input.name, input.file?.size ?? input.bytes.length)) this.hooks.onLargePoints();
    const { signal, ...rest } = options;
    // features of large layers arriving in slices (io/map_source.ts), kept by this call only, so
    // a cancelled or failed import's slices go with it
    const slices = new FeatureSlices();
    let id = 0;
    try {
      // the bytes are transferred, or the file is read in the worker; either way they come back
      const { result, bytes } = await this.client.request(
        'import',
        { input, options: rest, tileProvider: this.tileProvider },
        {
          transfer: [input.bytes.buffer as ArrayBuffer],
          ...(signal ? { signal } : {}),
          onProgress: (msg) => {
            if (msg.type === 'progress') return onProgress(msg.progress);
            id = msg.id;
            slices.add(msg);
          },
        },
      );
      input.bytes = bytes;
      if (result.ok) {
        slices.fill(id, result.layers.map((l) => l.data));
        this.holdTiles(result);
      }
      if (this.stage(result)) await new Promise((resolve) => setTimeout(resolve, 0));
      return result;
    } catch (e) {
      slices.drop(id);
      if (e instanceof CancelledError) return fail('import.error.cancelled', { file: input.name });
      return fail('import.error.internal', { file: input.name, detail: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Remembers which features each tile index was cut from (workers/tile_requests.ts). */
  private holdTiles(result: Extract<ImportResult, { ok: true }>): void {
    for (const layer of result.layers) {
      for (const [kind, url] of Object.entries(layer.tiles ?? {})) {
        const key = url && tileTemplateKey(url)?.key;
        if (key) this.tiles.hold(key, layer.data.features.filter((f) => geometryMatches(f.geometry, kind as 'polygon' | 'line')));
      }
    }
  }

  private stage(result: ImportResult): boolean {
    if (!result.ok || !this.hooks.stagePoints) return false;
    // one table at a time is held uploaded (a zip with several point layers: the first)
    const offsets = result.layers.find((l) => l.points?.drawOffsets?.offsets)?.points?.drawOffsets?.offsets;
    return offsets ? this.hooks.stagePoints(offsets) : false;
  }
}
