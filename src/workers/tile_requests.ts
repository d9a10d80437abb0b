import type { Feature } from 'geojson';
import { parseTileUrl, tileTemplateKey } from '../io/worker_tiles';
import type { TileCalls } from './tile_protocol';
import type { RequestOptions } from './worker_client';
import type { ParamsOf, ResultOf } from './worker_protocol';
import type { AppStore } from '../state/store';

// Main-thread side of the worker tiles (io/worker_tiles.ts): each client of a worker that holds
// tile indexes registers itself as a provider; the map's tile protocol asks the provider a
// tile URL names.

/** What the map's tile protocol asks of a worker that holds tile indexes. */
export interface TileSource {
  request(key: string, z: number, x: number, y: number): Promise<ArrayBuffer>;
  drop(key: string): void;
}

/** Sends a tile request through a worker client (workers/worker_client.ts). */
export type TileRequester = <K extends keyof TileCalls & string>(type: K, params: ParamsOf<TileCalls, K>, opts?: RequestOptions<never>) => Promise<ResultOf<TileCalls, K>>;

/**
 * Main-thread side of one worker's tile indexes. It remembers which features each index was cut
 * from (the same objects the layer data holds, so no copy), so that a worker replacing one that
 * was terminated (a cancelled import that did not stop) cuts them again: `restore()`, before
 * the tile requests the map is waiting for are sent again. The layers already on the map keep
 * their tiles and their URLs.
 */
export class WorkerTileRequests implements TileSource {
  private readonly held = new Map<string, Feature[]>();

  constructor(private readonly send: TileRequester) {}

  request(key: string, z: number, x: number, y: number): Promise<ArrayBuffer> {
    // a tile is asked again of a new worker, never failed for a worker that was replaced
    return this.send('tile', { key, z, x, y }, { resend: true });
  }

  drop(key: string): void {
    this.held.delete(key);
    this.send('dropTiles', { key }).catch(() => {});
  }

  /** A worker cut the index `key` from `features`. */
  hold(key: string, features: Feature[]): void {
    this.held.set(key, features);
  }

  /** Keys held (for tests and the debug API). */
  keys(): string[] {
    return [...this.held.keys()];
  }

  /** Cuts every index held again, in a new worker. */
  restore(): void {
    for (const [key, features] of this.held) {
      this.send('indexTiles', { key, features }, { resend: true }).catch((e: unknown) => console.warn(`[mtmap] tiles of ${key} not restored`, e));
    }
  }
}

const providers = new Map<string, TileSource>();
let providerCount = 0;

/** Registers a worker's tile requests; returns the provider name its tile URLs carry. */
export function registerTileProvider(kind: string, requests: TileSource): string {
  const name = `${kind}${++providerCount}`;
  providers.set(name, requests);
  return name;
}

/** Fetches one tile for the map's tile protocol. */
export function fetchWorkerTile(url: string): Promise<ArrayBuffer> {
  const address = parseTileUrl(url);
  const provider = address && providers.get(address.provider);
  if (!address || !provider) return Promise.reject(new Error(`no tiles for ${url}`));
  return provider.request(address.key, address.z, address.x, address.y);
}

/** Lets the worker that holds the tiles of `url` (a tile URL template) drop them. */
export function releaseTiles(url: string): void {
  const template = tileTemplateKey(url);
  if (template) providers.get(template.provider)?.drop(template.key);
}

/**
 * Lets workers drop the tile index of a layer once no layer data refers to it any more (the
 * layer was removed, the pack replaced, or the features edited, which makes it a GeoJSON source).
 */
export function releaseUnusedTiles(store: AppStore): () => void {
  let held = new Set<string>();
  return store.subscribe(
    (s) => s.layerData,
    (layerData) => {
      const now = new Set<string>();
      for (const entry of Object.values(layerData)) if (entry.tiles) now.add(entry.tiles);
      for (const url of held) if (!now.has(url)) releaseTiles(url);
      held = now;
    },
  );
}
