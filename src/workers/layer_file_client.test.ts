import type { Feature } from 'geojson';
import { describe, expect, test } from 'vitest';
import { CancelledError, LayerFileClient } from './layer_file_client';
import { createFakeWorker, type FakeWorker } from './fake_worker';
import type { LayerFileCalls } from './layer_file_protocol';
import type { Handlers } from './worker_server';
import { tileHandlers } from './tile_protocol';
import { WorkerTileIndexes } from '../io/worker_tiles';

// LayerFileClient over the generic client, against fake layer-file workers (fake_worker.ts).

function createPoint(name: string): Feature {
  return { type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [102.6, 22.4] } };
}

/** A load that sends its features in two slices, then answers; on a stuck worker it never answers. */
function createHandlers(stuck: boolean): Handlers<LayerFileCalls> {
  return {
    ...tileHandlers(new WorkerTileIndexes()),
    load: (req, ctx) => {
      const tag = stuck ? 'old' : 'new';
      ctx.progress({ type: 'features', id: ctx.id, layer: 0, features: [createPoint(`${tag}-1`)] });
      ctx.progress({ type: 'features', id: ctx.id, layer: 0, features: [createPoint(`${tag}-2`)] });
      if (stuck) return new Promise(() => {});
      return { ok: true, layers: [{ name: req.url, data: { type: 'FeatureCollection', features: [] }, sourceCrs: 'EPSG:4326', warnings: [], skipped: [], selfIntersecting: [] }] };
    },
  };
}

const request = (url: string) => ({ url, format: 'geojson' as const, geometry: 'point' as const });

describe('LayerFileClient', () => {
  test('a load sent again to a replaced worker keeps only the new worker’s slices; the cancelled one rejects with CancelledError', async () => {
    const workers: FakeWorker[] = [];
    const client = new LayerFileClient(
      () => {
        const w = createFakeWorker<LayerFileCalls>(createHandlers(workers.length === 0));
        workers.push(w);
        return w;
      },
      { cancelGraceMs: 20 },
    );
    const controller = new AbortController();
    const cancelled = client.load(request('a.geojson'), () => {}, controller.signal);
    const kept = client.load(request('b.geojson'), () => {}, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    const result = await kept;
    expect(workers).toHaveLength(2);
    expect(result.ok && result.layers[0]!.data.features.map((f) => f.properties?.name)).toEqual(['new-1', 'new-2']);
  });
});
