import type { Feature } from 'geojson';
import type { Call } from './worker_protocol';
import type { Handlers } from './worker_server';
import type { WorkerTileIndexes } from '../io/worker_tiles';

// The tile requests both the import and the layer-file worker answer (io/worker_tiles.ts), as
// part of their protocols.

export type TileCalls = {
  /** One tile of the index `key`; an empty buffer is a tile with no features. */
  tile: Call<{ key: string; z: number; x: number; y: number }, ArrayBuffer>;
  dropTiles: Call<{ key: string }, void>;
  /** Cuts an index again, in a worker that replaced the one that held it (workers/tile_requests.ts). */
  indexTiles: Call<{ key: string; features: Feature[] }, void>;
};

/** Worker side: answers the tile requests from `tiles`, transferring each tile's buffer. */
export function tileHandlers(tiles: WorkerTileIndexes): Handlers<TileCalls> {
  return {
    tile: async ({ key, z, x, y }, ctx) => {
      const data = await tiles.tile(key, z, x, y);
      ctx.transfer([data]);
      return data;
    },
    dropTiles: ({ key }) => tiles.drop(key),
    indexTiles: ({ key, features }) => tiles.add(key, features),
  };
}
