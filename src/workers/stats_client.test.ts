import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { ComputeStatsParams, StatsProgress } from '../analysis/overlay_stats';
import { CancelledError, StatsClient } from './stats_client';
import { createStatsHandlers } from './stats_handlers';
import { createFakeWorker } from './fake_worker';
import { createServer } from './worker_server';
import type { ServerMessage } from './worker_protocol';
import type { StatsCalls } from './stats_protocol';

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
    const client = new StatsClient(() => createFakeWorker<StatsCalls>(createStatsHandlers(0)));
    const progress: StatsProgress[] = [];
    const result = await client.compute(createParams(200), (p) => progress.push(p));
    expect(result.boundaries[0]!.count).toBe(200);
    expect(progress.length).toBeGreaterThan(0);
  });

  test('an abort rejects with CancelledError and sends a cancel message', async () => {
    const fake = createFakeWorker<StatsCalls>(createStatsHandlers());
    const client = new StatsClient(() => fake);
    const controller = new AbortController();
    const job = client.compute(createParams(50), () => {}, controller.signal);
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.received.map((m) => m.kind)).toEqual(['request', 'cancel']);
  });

  test('the handler stops a cancelled job, and the server answers it as cancelled', async () => {
    const posted: ServerMessage[] = [];
    const handle = createServer(createStatsHandlers(), (m) => posted.push(m));
    // a cancel that arrives before the job's answer is posted: the answer is "cancelled", not the rows
    const done = handle({ kind: 'request', id: 7, type: 'compute', params: createParams(500) });
    await handle({ kind: 'cancel', id: 7 });
    await done;
    expect(posted.filter((m) => m.kind !== 'progress')).toEqual([{ kind: 'cancelled', id: 7 }]);
  });

  test('a failure comes back as an error message, not a crash', async () => {
    const posted: ServerMessage[] = [];
    const handle = createServer(createStatsHandlers(), (m) => posted.push(m));
    await handle({ kind: 'request', id: 1, type: 'compute', params: { ...createParams(1), layer: null as unknown as FeatureCollection } });
    expect(posted).toEqual([{ kind: 'error', id: 1, name: 'TypeError', message: expect.any(String) }]);
  });
});
