import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import { createAppStore } from '../state/store';
import type { TileRequest } from '../io/worker_tiles';
import { tileUrl } from '../io/worker_tiles';
import { registerTileProvider, releaseTiles, releaseUnusedTiles, type TileSource } from './tile_requests';

function createDropRecorder(sent: TileRequest[]): TileSource {
  return { request: () => Promise.resolve(new ArrayBuffer(0)), drop: (key) => void sent.push({ type: 'dropTiles', key }) };
}

function userLayer(id: string): LayerSpec {
  return {
    id,
    title: { vi: id, en: id },
    group: 'user',
    file: `${id}.geojson`,
    format: 'geojson',
    geometry: 'polygon',
    style: { type: 'single', color: '#336699' },
    provenance: { source: 'test' },
    illustrative: false,
  } as LayerSpec;
}

describe('releaseUnusedTiles', () => {
  it('tells the worker to drop a layer index once no layer data refers to it, and only then', () => {
    const sent: TileRequest[] = [];
    const provider = registerTileProvider('test', createDropRecorder(sent));
    const store = createAppStore('vi');
    releaseUnusedTiles(store);
    const empty = { type: 'FeatureCollection' as const, features: [] };
    const ready = (tiles: string) => ({ status: 'ready' as const, data: empty, featureCount: 0, skipped: [], error: null, tiles });
    store.getState().addUserLayer(userLayer('a'), ready(tileUrl(provider, 'ka')));
    store.getState().addUserLayer(userLayer('b'), ready(tileUrl(provider, 'kb')));
    store.getState().setLayerVisible('a', false);
    expect(sent).toEqual([]);
    // edited features are drawn from GeoJSON: the tiles of the old ones go
    store.getState().setUserLayerFeatures('a', empty);
    expect(store.getState().layerData.a?.tiles).toBeUndefined();
    expect(sent).toEqual([{ type: 'dropTiles', key: 'ka' }]);
    store.getState().removeUserLayer('b');
    expect(sent).toEqual([{ type: 'dropTiles', key: 'ka' }, { type: 'dropTiles', key: 'kb' }]);
  });

  it('releases one template directly (tiles of an import that is not shown as a layer), and ignores other URLs', () => {
    const sent: TileRequest[] = [];
    const provider = registerTileProvider('test', createDropRecorder(sent));
    releaseTiles(tileUrl(provider, '3-0-polygon'));
    releaseTiles('https://example.com/{z}/{x}/{y}');
    expect(sent).toEqual([{ type: 'dropTiles', key: '3-0-polygon' }]);
  });
});
