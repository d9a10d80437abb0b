import { computeStats } from '../analysis/overlay_stats';
import type { StatsCalls } from './stats_protocol';
import type { Handlers } from './worker_server';

// The statistics worker's handler as a plain function, so tests (and a fallback on the main
// thread) can run it without a Worker. An exception becomes the request's error (worker_server.ts).

/** `progressIntervalMs` throttles progress messages. */
export function createStatsHandlers(progressIntervalMs = 50): Handlers<StatsCalls> {
  return {
    compute: (params, { signal, progress }) => {
      let last = -Infinity;
      return computeStats(params, {
        signal,
        onProgress: (p) => {
          const now = performance.now();
          if (now - last < progressIntervalMs) return;
          last = now;
          progress(p);
        },
      });
    },
  };
}
