import type { StatsWorkerRequest, StatsWorkerResponse } from './stats_protocol';
import { computeStats } from '../analysis/overlay_stats';

// The statistics worker's message handling as a plain function, so tests (and a fallback on the
// main thread) can run it without a Worker.

export interface StatsJobRunner {
  handle(req: StatsWorkerRequest): Promise<void>;
}

/** `post` receives every response; `progressIntervalMs` throttles progress messages. */
export function createStatsJobRunner(post: (msg: StatsWorkerResponse) => void, progressIntervalMs = 50): StatsJobRunner {
  const running = new Map<number, AbortController>();
  return {
    async handle(req) {
      if (req.type === 'cancel') {
        running.get(req.id)?.abort();
        return;
      }
      const controller = new AbortController();
      running.set(req.id, controller);
      let last = -Infinity;
      try {
        // let a cancel that is already queued arrive before the synchronous work starts
        await Promise.resolve();
        const result = computeStats(req.params, {
          signal: controller.signal,
          onProgress: (progress) => {
            const now = performance.now();
            if (now - last < progressIntervalMs) return;
            last = now;
            post({ type: 'progress', id: req.id, progress });
          },
        });
        post({ type: 'result', id: req.id, result });
      } catch (e) {
        if (!controller.signal.aborted) post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
      } finally {
        running.delete(req.id);
      }
    },
  };
}
