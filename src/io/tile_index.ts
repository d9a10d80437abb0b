import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature } from 'geojson';
import { TILE_EXTENT, TILE_MAX_ZOOM, TILE_SOURCE_LAYER, type TileRequest, type TileResponse } from './worker_tiles';

// Cutting and encoding the vector tiles of large layers (see io/worker_tiles.ts). Loaded by the
// workers only when a layer is large enough to be tiled (WorkerTileIndexes).

/** Worker side: the tile indexes of the large layers this worker parsed. */
export class TileIndexes {
  private readonly indexes = new Map<string, GeoJSONVT>();

  /** Indexes a layer's features; their positions in `features` become the tiles' feature ids. */
  add(key: string, features: Feature[]): void {
    this.indexes.set(
      key,
      new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: TILE_MAX_ZOOM, extent: TILE_EXTENT, generateId: true, buffer: 64, tolerance: 3 }),
    );
  }

  has(key: string): boolean {
    return this.indexes.has(key);
  }

  tile(key: string, z: number, x: number, y: number): ArrayBuffer {
    const tile = this.indexes.get(key)?.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return new ArrayBuffer(0);
    const bytes = fromGeojsonVt({ [TILE_SOURCE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT });
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  }

  drop(key: string): void {
    this.indexes.delete(key);
  }

  /** Answers a tile message; `post` transfers the tile's buffer. */
  handle(msg: TileRequest, post: (msg: TileResponse, transfer: Transferable[]) => void): void {
    if (msg.type === 'dropTiles') return this.drop(msg.key);
    const data = this.tile(msg.key, msg.z, msg.x, msg.y);
    post({ type: 'tile', tile: msg.tile, data }, [data]);
  }
}
