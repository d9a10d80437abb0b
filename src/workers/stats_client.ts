import type { ComputeStatsParams, StatsProgress, StatsResult } from '../analysis/overlay_stats';
import { CancelledError } from './layer_file_client';
import type { ComputeStatsRequest, StatsWorkerRequest, StatsWorkerResponse } from './stats_protocol';

// Main-thread side of the statistics worker: one promise per job, with progress and abort.

export { CancelledError };

/** The part of `Worker` the client uses (a fake in tests). */
export interface StatsWorkerLike {
  postMessage(msg: StatsWorkerRequest): void;
  onmessage: ((event: MessageEvent<StatsWorkerResponse>) => void) | null;
  terminate(): void;
}

type Pending = {
  resolve: (r: StatsResult) => void;
  reject: (e: Error) => void;
  onProgress: (p: StatsProgress) => void;
};

function createDefaultWorker(): StatsWorkerLike {
  return new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' }) as unknown as StatsWorkerLike;
}

export class StatsClient {
  private worker: StatsWorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly createWorker: () => StatsWorkerLike = createDefaultWorker) {}

  private ensureWorker(): StatsWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const msg = event.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') return p.onProgress(msg.progress);
      this.pending.delete(msg.id);
      if (msg.type === 'result') p.resolve(msg.result);
      else p.reject(new Error(msg.message));
    };
    this.worker = worker;
    return worker;
  }

  /** Statistics of `params.layer` over `params.boundaries`; rejects with CancelledError on abort. */
  compute(params: ComputeStatsParams, onProgress: (p: StatsProgress) => void = () => {}, signal?: AbortSignal): Promise<StatsResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<StatsResult>((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      this.pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.pending.delete(id)) return;
          worker.postMessage({ type: 'cancel', id });
          reject(new CancelledError());
        },
        { once: true },
      );
      worker.postMessage({ type: 'compute', id, params } satisfies ComputeStatsRequest);
    });
  }

  /** Stops the worker; pending jobs reject with CancelledError. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }
}
