import type { ComputeStatsParams, StatsProgress, StatsResult } from '../analysis/overlay_stats';

// The one declaration of the statistics worker's messages; both sides import it.

export interface ComputeStatsRequest {
  type: 'compute';
  id: number;
  params: ComputeStatsParams;
}

export interface CancelStatsRequest {
  type: 'cancel';
  id: number;
}

export type StatsWorkerRequest = ComputeStatsRequest | CancelStatsRequest;

export type StatsWorkerResponse =
  | { type: 'progress'; id: number; progress: StatsProgress }
  | { type: 'result'; id: number; result: StatsResult }
  | { type: 'error'; id: number; message: string };
