/// <reference lib="webworker" />
import { createStatsJobRunner } from './stats_job';
import type { StatsWorkerRequest, StatsWorkerResponse } from './stats_protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runner = createStatsJobRunner((msg: StatsWorkerResponse) => scope.postMessage(msg));

scope.onmessage = (event: MessageEvent<StatsWorkerRequest>) => {
  void runner.handle(event.data);
};
