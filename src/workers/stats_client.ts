import type { ComputeStatsParams, StatsProgress, StatsResult } from '../analysis/overlay_stats';
import { CancelledError, WorkerClient, type WorkerClientOptions, type WorkerLike } from './worker_client';
import type { StatsCalls } from './stats_protocol';

// Main-thread side of the statistics worker: the generic client (worker_client.ts) under the
// names the dashboard and the area-of-interest tab call.

export { CancelledError };

function createDefaultWorker(): WorkerLike {
  return new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export class StatsClient {
  private readonly client: WorkerClient<StatsCalls>;

  constructor(createWorker: () => WorkerLike = createDefaultWorker, options: Partial<Omit<WorkerClientOptions, 'create'>> = {}) {
    this.client = new WorkerClient<StatsCalls>({ name: 'statistics worker', ...options, create: createWorker });
  }

  /** Statistics of `params.layer` over `params.boundaries`; rejects with CancelledError on abort. */
  compute(params: ComputeStatsParams, onProgress: (p: StatsProgress) => void = () => {}, signal?: AbortSignal): Promise<StatsResult> {
    return this.client.request('compute', params, { onProgress, ...(signal ? { signal } : {}) });
  }

  /** Stops the worker; pending jobs reject with CancelledError. */
  dispose(): void {
    this.client.dispose();
  }
}
