import type { Feature } from 'geojson';
import { describe, expect, test } from 'vitest';
import { ImportClient } from './import_client';
import { createFakeWorker, type FakeWorker } from './fake_worker';
import type { ImportCalls } from './import_protocol';
import type { Handlers } from './worker_server';
import { tileHandlers } from './tile_protocol';
import { WorkerTileIndexes } from '../io/worker_tiles';
import { fetchWorkerTile } from './tile_requests';

// ImportClient over the generic client, against fake import workers (fake_worker.ts) whose
// import handler answers with one small layer, or wedges.

function createSquare(w: number): Feature {
  const s = 22.35;
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [w + 0.005, s], [w + 0.005, s + 0.005], [w, s + 0.005], [w, s]]] } };
}

function createImportHandlers(tiles: WorkerTileIndexes): Handlers<ImportCalls> {
  return {
    ...tileHandlers(tiles),
    import: ({ input }) => ({
      result: { ok: true, layers: [{ name: input.name, data: { type: 'FeatureCollection', features: [createSquare(102.81)] }, sourceCrs: 'EPSG:4326', skipped: [], warnings: [], selfIntersecting: [] }] },
      bytes: input.bytes,
    }),
  };
}

/** The first worker wedges on its first import (a synchronous loop); the next ones do not. */
function createWorkers() {
  const workers: FakeWorker[] = [];
  const create = () => {
    const w = createFakeWorker<ImportCalls>(createImportHandlers(new WorkerTileIndexes()), workers.length === 0 ? 'import' : undefined);
    workers.push(w);
    return w;
  };
  return { workers, create };
}

const input = (name: string) => ({ name, type: '', bytes: new TextEncoder().encode('{}') });

describe('ImportClient', () => {
  test('a cancelled import whose worker is wedged resolves as cancelled at once, and the next import works on a new worker', async () => {
    const { workers, create } = createWorkers();
    const client = new ImportClient({}, create, { cancelGraceMs: 20 });
    const controller = new AbortController();
    const wedged = client.import(input('ring.geojson'), { signal: controller.signal }, () => {});
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await wedged).toEqual({ ok: false, error: { key: 'import.error.cancelled', params: { file: 'ring.geojson' } } });
    const next = await client.import(input('small.geojson'), {}, () => {});
    expect(next.ok && next.layers[0]!.name).toBe('small.geojson');
    expect(workers[0]!.terminated).toBe(true);
    expect(client.replacements).toBe(1);
  });

  test('a failed worker resolves as an internal error naming the file', async () => {
    const { workers, create } = createWorkers();
    const client = new ImportClient({}, create, { cancelGraceMs: 20 });
    const job = client.import(input('ring.geojson'), {}, () => {});
    await new Promise((r) => setTimeout(r, 5));
    workers[0]!.fail('out of memory');
    const result = await job;
    expect(!result.ok && result.error).toEqual({ key: 'import.error.internal', params: { file: 'ring.geojson', detail: expect.stringMatching(/out of memory/) } });
  });

  test('the tiles of a layer on the map survive a replaced worker: the new one cuts them again', async () => {
    const { workers, create } = createWorkers();
    const client = new ImportClient({}, create, { cancelGraceMs: 20 });
    // a large layer tiled by the first worker (as import.worker.ts does), its features held here
    const features = [createSquare(102.81), createSquare(102.82)];
    const provider = (client as unknown as { tileProvider: string }).tileProvider;
    const generic = (client as unknown as { client: { request: (type: string, params: unknown) => Promise<void> } }).client;
    await generic.request('indexTiles', { key: '1-0-polygon', features });
    client.tiles.hold('1-0-polygon', features);
    // z12 tile 3217/1786 holds 102.74–102.83° E around 22.35° N
    const url = `mttiles://${provider}/1-0-polygon/12/3217/1786`;
    expect((await fetchWorkerTile(url)).byteLength).toBeGreaterThan(0);
    // a wedged import, cancelled: the worker is replaced, and a tile asked meanwhile is answered by the new one
    const controller = new AbortController();
    const wedged = client.import(input('ring.geojson'), { signal: controller.signal }, () => {});
    await new Promise((r) => setTimeout(r, 5));
    const during = fetchWorkerTile(url);
    controller.abort();
    await wedged;
    expect((await during).byteLength).toBeGreaterThan(0);
    expect(workers).toHaveLength(2);
    expect((await fetchWorkerTile(url)).byteLength).toBeGreaterThan(0);
    // a dropped layer is not cut again by a later worker
    client.tiles.drop('1-0-polygon');
    expect(client.tiles.keys()).toEqual([]);
  });
});
