import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature } from 'geojson';
import { TILE_EXTENT, TILE_SOURCE_LAYER, WorkerTileIndexes, parseTileUrl, tileTemplateKey, tileUrl } from './worker_tiles';
import { TileIndexes } from './tile_index';
import { fetchWorkerTile, registerTileProvider, type TileSource } from '../workers/tile_requests';

// Small squares on a row near Mường Tè town; z12 tile 3217/1818 holds 102.8–102.9° E, 22.3–22.4° N.
function square(i: number, properties: Record<string, unknown>): Feature {
  const w = 102.81 + i * 0.01;
  const s = 22.35;
  return {
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [[[w, s], [w + 0.005, s], [w + 0.005, s + 0.005], [w, s + 0.005], [w, s]]] },
  };
}

function tileAt(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [x, y];
}

function decode(buffer: ArrayBuffer) {
  return new VectorTile(new PbfReader(new Uint8Array(buffer)));
}

describe('worker tiles', () => {
  const features = [
    square(0, { ten: 'Rừng sản xuất', ha: 12.5, ok: true }),
    square(1, { ten: 'Đất trống', ha: 0.25, note: null }),
    square(2, { ten: 'Sâm Lai Châu', ha: 3 }),
  ];

  it('cuts tiles whose feature ids are the indexes of the features, with their attributes', () => {
    const tiles = new TileIndexes();
    tiles.add('a', features);
    const [x, y] = tileAt(102.83, 22.352, 12);
    const layer = decode(tiles.tile('a', 12, x, y)).layers[TILE_SOURCE_LAYER]!;
    expect(layer.extent).toBe(TILE_EXTENT);
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).sort((p, q) => (p.id ?? 0) - (q.id ?? 0));
    expect(got.map((f) => f.id)).toEqual([0, 1, 2]);
    expect(got.map((f) => f.properties)).toEqual([{ ten: 'Rừng sản xuất', ha: 12.5, ok: true }, { ten: 'Đất trống', ha: 0.25 }, { ten: 'Sâm Lai Châu', ha: 3 }]);
    // each square comes back where it was, to within a tile unit (about 2 m at z12)
    const ring = got[1]!.toGeoJSON(x, y, 12).geometry as { coordinates: number[][][] };
    const lons = ring.coordinates[0]!.map((p) => p[0]!);
    expect(Math.min(...lons)).toBeCloseTo(102.82, 4);
    expect(Math.max(...lons)).toBeCloseTo(102.825, 4);
  });

  it('loads the tiling code at the first layer, and answers tile requests the same way', async () => {
    const tiles = new WorkerTileIndexes();
    const posted: ArrayBuffer[] = [];
    const post = (msg: { data: ArrayBuffer }) => posted.push(msg.data);
    // releasing before anything was tiled does not load the tiling code
    await tiles.handle({ type: 'dropTiles', key: 'a' }, post);
    expect((tiles as unknown as { loaded: unknown }).loaded).toBeNull();
    await tiles.add('a', features);
    const [x, y] = tileAt(102.83, 22.352, 12);
    await tiles.handle({ type: 'tile', tile: 1, key: 'a', z: 12, x, y }, post);
    expect(decode(posted[0]!).layers[TILE_SOURCE_LAYER]!.length).toBe(3);
    await tiles.handle({ type: 'dropTiles', key: 'a' }, post);
    await tiles.handle({ type: 'tile', tile: 2, key: 'a', z: 12, x, y }, post);
    expect(posted[1]!.byteLength).toBe(0);
  });

  it('gives an empty tile away from the data, and none once the index is dropped', () => {
    const tiles = new TileIndexes();
    tiles.add('a', features);
    const [x, y] = tileAt(105.8, 21.0, 12);
    expect(tiles.tile('a', 12, x, y).byteLength).toBe(0);
    const [x1, y1] = tileAt(102.83, 22.352, 12);
    expect(tiles.tile('a', 12, x1, y1).byteLength).toBeGreaterThan(0);
    tiles.drop('a');
    expect(tiles.has('a')).toBe(false);
    expect(tiles.tile('a', 12, x1, y1).byteLength).toBe(0);
  });

  it('reads tile URLs and templates, and refuses others', () => {
    const template = tileUrl('pack1', '7-polygon');
    expect(template).toBe('mttiles://pack1/7-polygon/{z}/{x}/{y}');
    expect(parseTileUrl(template.replace('{z}/{x}/{y}', '12/3217/1818'))).toEqual({ provider: 'pack1', key: '7-polygon', z: 12, x: 3217, y: 1818 });
    expect(parseTileUrl('https://example.com/12/3217/1818')).toBeNull();
    expect(parseTileUrl(template)).toBeNull();
    expect(tileTemplateKey(template)).toEqual({ provider: 'pack1', key: '7-polygon' });
  });

  it('routes a tile request to the worker that holds the index, and back', async () => {
    const tiles = new TileIndexes();
    tiles.add('k', features);
    // the "worker" answers asynchronously, as a real one does
    const requests: TileSource = {
      request: (key, z, x, y) => new Promise((resolve) => queueMicrotask(() => resolve(tiles.tile(key, z, x, y)))),
      drop: (key) => queueMicrotask(() => tiles.drop(key)),
    };
    const provider = registerTileProvider('test', requests);
    const [x, y] = tileAt(102.83, 22.352, 12);
    const buffer = await fetchWorkerTile(tileUrl(provider, 'k').replace('{z}/{x}/{y}', `12/${x}/${y}`));
    expect(decode(buffer).layers[TILE_SOURCE_LAYER]!.length).toBe(3);
    await expect(fetchWorkerTile(tileUrl('nobody', 'k').replace('{z}/{x}/{y}', '1/1/1'))).rejects.toThrow(/no tiles/);
    requests.drop('k');
    await new Promise((r) => setTimeout(r, 0));
    expect(tiles.has('k')).toBe(false);
  });
});
