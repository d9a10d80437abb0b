/// <reference lib="webworker" />
import { importFile } from '../io/formats/registry';
import type { ImportCalls } from './import_protocol';
import { tableTransferables } from '../io/point_table';
import { SLICED_FEATURES, postInSlices } from '../io/map_source';
import { readInput, type ImportedLayer, type ImportResult } from '../io/formats/types';
import { WorkerTileIndexes, tileUrl } from '../io/worker_tiles';
import { geometryMatches } from '../io/formats/geometry_filter';
import type { GeometryKind } from '../catalog/manifest_types';
import { serveWorker } from './worker_server';
import { tileHandlers } from './tile_protocol';

// Parsing and reprojection of the user's files run here, never on the main thread.

/** Tile indexes of the large polygon and line layers imported here, kept for the map. */
const tiles = new WorkerTileIndexes();

/**
 * Cuts tiles of a large layer's polygons and of its lines, each as the layer the UI makes of them
 * (catalog/import_layers.ts splits a file's features by geometry, in the same order).
 */
async function tileLayer(layer: ImportedLayer, key: string, provider: string): Promise<ImportedLayer['tiles']> {
  if (layer.points || layer.data.features.length <= SLICED_FEATURES) return undefined;
  const urls: Partial<Record<GeometryKind, string>> = {};
  for (const kind of ['polygon', 'line'] as const) {
    const features = layer.data.features.filter((f) => geometryMatches(f.geometry, kind));
    if (features.length <= SLICED_FEATURES) continue;
    await tiles.add(`${key}-${kind}`, features);
    urls[kind] = tileUrl(provider, `${key}-${kind}`);
  }
  return Object.keys(urls).length > 0 ? urls : undefined;
}

serveWorker<ImportCalls>({
  ...tileHandlers(tiles),
  import: async (req, ctx) => {
    let last = 0;
    const input = await readInput(req.input);
    const result = await importFile(input, { ...req.options, signal: ctx.signal }, (progress) => {
      const now = performance.now();
      if (now - last > 50 || progress.stage === 'done') {
        last = now;
        ctx.progress({ type: 'progress', progress });
      }
    });
    // large collections go in slices (io/map_source.ts), and their tiles are cut while the slices
    // travel (io/worker_tiles.ts); typed columns of large point layers are transferred, not copied
    const sent: ImportResult = result.ok
      ? {
          ...result,
          layers: await Promise.all(
            result.layers.map(async (l, i) => {
              const data = postInSlices(l.data, ctx.id, i, (msg) => ctx.progress(msg)) ?? l.data;
              const urls = await tileLayer(l, `${ctx.id}-${i}`, req.tileProvider);
              return { ...l, data, ...(urls ? { tiles: urls } : {}) };
            }),
          ),
        }
      : result;
    ctx.transfer(sent.ok ? sent.layers.flatMap((l) => (l.points ? tableTransferables(l.points) : [])) : []);
    ctx.transfer([input.bytes.buffer as ArrayBuffer]);
    return { result: sent, bytes: input.bytes };
  },
});
