import type { Feature } from 'geojson';
import type { TileIndexes } from './tile_index';

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

/**
 * Worker side: the tile indexes of the large layers this worker parsed (io/tile_index.ts). That
 * module, with geojson-vt and vt-pbf, is loaded at the first large layer: both workers start with
 * every page load, and their scripts count in the start-up's JavaScript (16 kB gzipped).
 */
export class WorkerTileIndexes {
  private loaded: Promise<TileIndexes> | null = null;

  private indexes(): Promise<TileIndexes> {
    return (this.loaded ??= import('./tile_index').then((m) => new m.TileIndexes()));
  }

  /** Indexes a layer's features; their positions in `features` become the tiles' feature ids. */
  async add(key: string, features: Feature[]): Promise<void> {
    (await this.indexes()).add(key, features);
  }

  /** One tile of index `key` (empty when there is no such index). */
  async tile(key: string, z: number, x: number, y: number): Promise<ArrayBuffer> {
    return (await this.indexes()).tile(key, z, x, y);
  }

  async drop(key: string): Promise<void> {
    if (this.loaded) (await this.loaded).drop(key);
  }

  /** Answers a tile message; `post` transfers the tile's buffer. */
  async handle(msg: TileRequest, post: (msg: TileResponse, transfer: Transferable[]) => void): Promise<void> {
    if (msg.type === 'dropTiles' && !this.loaded) return;
    (await this.indexes()).handle(msg, post);
  }
}
