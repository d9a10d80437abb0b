import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { createStatsJobRunner } from './stats_job';
import type { ComputeStatsParams, StatsProgress } from '../analysis/overlay_stats';
import { CancelledError, StatsClient, type StatsWorkerLike } from './stats_client';
import type { StatsWorkerRequest, StatsWorkerResponse } from './stats_protocol';

// The client against an in-process fake worker that runs the same job runner as stats.worker.ts.
function createFakeWorker(): StatsWorkerLike & { sent: StatsWorkerRequest[] } {
  const fake = {
    sent: [] as StatsWorkerRequest[],
    onmessage: null as ((e: MessageEvent<StatsWorkerResponse>) => void) | null,
    runner: createStatsJobRunner((msg) => setTimeout(() => fake.onmessage?.({ data: msg } as MessageEvent<StatsWorkerResponse>)), 0),
    postMessage(msg: StatsWorkerRequest) {
      fake.sent.push(structuredClone(msg));
      setTimeout(() => void fake.runner.handle(structuredClone(msg)));
    },
    terminate() {},
  };
  return fake;
}
function createRect(w: number, s: number, e: number, n: number): Position[] {
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}
function createParams(n: number): ComputeStatsParams {
  const square = (i: number): Feature => ({
    type: 'Feature', properties: {},
    geometry: { type: 'Polygon', coordinates: [createRect(102 + (i % 90) * 0.001, 22 + Math.floor(i / 90) * 0.001, 102.0005 + (i % 90) * 0.001, 22.0005 + Math.floor(i / 90) * 0.001)] },
  });
  const layer: FeatureCollection = { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => square(i)) };
  const boundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { code: '03433' }, geometry: { type: 'Polygon', coordinates: [createRect(101.9, 21.9, 102.2, 22.2)] } }],
  };
  return { layer, boundaries, boundaryCodeField: 'code' };
}

describe('StatsClient', () => {
  test('resolves with the rows and reports progress', async () => {
    const client = new StatsClient(createFakeWorker);
    const progress: StatsProgress[] = [];
    const result = await client.compute(createParams(200), (p) => progress.push(p));
    expect(result.boundaries[0]!.count).toBe(200);
    expect(progress.length).toBeGreaterThan(0);
  });

  test('an abort rejects with CancelledError and sends a cancel message', async () => {
    const fake = createFakeWorker();
    const client = new StatsClient(() => fake);
    const controller = new AbortController();
    const job = client.compute(createParams(50), () => {}, controller.signal);
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(fake.sent.map((m) => m.type)).toEqual(['compute', 'cancel']);
  });

  test('the job runner stops a cancelled job without posting a result', async () => {
    const posted: StatsWorkerResponse[] = [];
    const runner = createStatsJobRunner((m) => posted.push(m));
    const done = runner.handle({ type: 'compute', id: 7, params: createParams(500) });
    await runner.handle({ type: 'cancel', id: 7 });
    await done;
    expect(posted.filter((m) => m.type !== 'progress')).toEqual([]);
  });

  test('a failure comes back as an error message, not a crash', async () => {
    const posted: StatsWorkerResponse[] = [];
    const runner = createStatsJobRunner((m) => posted.push(m));
    await runner.handle({ type: 'compute', id: 1, params: { ...createParams(1), layer: null as unknown as FeatureCollection } });
    expect(posted).toEqual([{ type: 'error', id: 1, message: expect.any(String) }]);
  });
});
