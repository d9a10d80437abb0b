/// <reference lib="webworker" />
import { createStatsHandlers } from './stats_handlers';
import { serveWorker } from './worker_server';

serveWorker(createStatsHandlers());
