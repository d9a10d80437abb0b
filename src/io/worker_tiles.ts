import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature } from 'geojson';

// Large polygon and line layers are cut into vector tiles in the worker that parsed them, and the
// map asks that worker for each tile as it needs it (map/map_view.ts registers the protocol).
// Measured with 50,000 polygons (scripts/bench.mjs, polygons): as a GeoJSON source, MapLibre's
// setData serialised an imported layer on the main thread (1.8–2.0 s in one task), and for a
// pack file it read itself, MapLibre 6's worker posted the parsed file back to the main thread
// (1.2–1.5 s). A tile is a few kilobytes, transferred, not cloned.
//
// Tile URLs: `mttiles://<provider>/<key>/{z}/{x}/{y}`; the provider names the worker that holds
// the index (see workers/tile_requests.ts), the key one layer in it. Feature ids in the tiles are
// the features' indexes in the layer, as the GeoJSON sources' `generateId` gives them, so clicks,
// hovers and selections look features up the same way for both kinds of source.

export const TILE_PROTOCOL = 'mttiles';
/** The one source layer of every worker tile. */
export const TILE_SOURCE_LAYER = 'features';
/** Detail is kept up to this zoom; the map overzooms beyond it. */
export const TILE_MAX_ZOOM = 14;
export const TILE_EXTENT = 4096;

export function tileUrl(provider: string, key: string): string {
  return `${TILE_PROTOCOL}://${provider}/${key}/{z}/{x}/{y}`;
}

export interface TileAddress {
  provider: string;
  key: string;
  z: number;
  x: number;
  y: number;
}

/** Reads a tile request's URL (the template above with z/x/y filled in); null if it is not one. */
export function parseTileUrl(url: string): TileAddress | null {
  const m = /^mttiles:\/\/([^/]+)\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (!m) return null;
  return { provider: m[1]!, key: m[2]!, z: Number(m[3]), x: Number(m[4]), y: Number(m[5]) };
}

/** The provider and key of a tile URL template, to release its index. */
export function tileTemplateKey(template: string): { provider: string; key: string } | null {
  const m = /^mttiles:\/\/([^/]+)\/([^/]+)\//.exec(template);
  return m ? { provider: m[1]!, key: m[2]! } : null;
}

/** Messages between a client and the worker holding tile indexes (both workers share them). */
export type TileRequest = { type: 'tile'; tile: number; key: string; z: number; x: number; y: number } | { type: 'dropTiles'; key: string };
/** An empty tile is an empty buffer: a valid vector tile with no layers. */
export type TileResponse = { type: 'tile'; tile: number; data: ArrayBuffer };

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
