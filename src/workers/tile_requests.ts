import { parseTileUrl, tileTemplateKey, type TileRequest, type TileResponse } from '../io/worker_tiles';
import type { AppStore } from '../state/store';

// Main-thread side of the worker tiles (io/worker_tiles.ts): each client of a worker that holds
// tile indexes registers itself as a provider; the map's tile protocol asks the provider a
// tile URL names.

export class WorkerTileRequests {
  private next = 1;
  private readonly pending = new Map<number, (data: ArrayBuffer) => void>();

  /** `post` sends a message to the worker (starting it if needed). */
  constructor(private readonly post: (msg: TileRequest) => void) {}

  request(key: string, z: number, x: number, y: number): Promise<ArrayBuffer> {
    const tile = this.next++;
    return new Promise((resolve) => {
      this.pending.set(tile, resolve);
      this.post({ type: 'tile', tile, key, z, x, y });
    });
  }

  receive(msg: TileResponse): void {
    this.pending.get(msg.tile)?.(msg.data);
    this.pending.delete(msg.tile);
  }

  drop(key: string): void {
    this.post({ type: 'dropTiles', key });
  }
}

const providers = new Map<string, WorkerTileRequests>();
let providerCount = 0;

/** Registers a worker's tile requests; returns the provider name its tile URLs carry. */
export function registerTileProvider(kind: string, requests: WorkerTileRequests): string {
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
