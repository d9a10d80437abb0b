import type { ComputeStatsParams, StatsProgress, StatsResult } from '../analysis/overlay_stats';
import type { Call } from './worker_protocol';

// The one declaration of the statistics worker's requests; both sides import it.

export type StatsCalls = {
  compute: Call<ComputeStatsParams, StatsResult, StatsProgress>;
};
