import type { Feature, FeatureCollection } from 'geojson';

// Large GeoJSON layers cross from a worker (pack files, the user's imports) to the map without a
// structured clone of the whole collection in one main-thread task. Measured with 50,000 polygons of 24
// vertices (scripts/bench.mjs, polygons): receiving the collection in one message took ~0.7 s
// of one task plus ~1 s of garbage collection, and MapLibre's setData serialised it again for
// its own worker (~1.5 s). Now the worker sends the features in slices, each received in its
// own task, and for a pack file MapLibre's worker reads the file itself from its URL (feature ids
// from their index, `generateId`, as for every layer). An imported file has no URL: the map is
// given the features and still serialises them for its worker.
//
// Only when the parsed features are the file's features one for one (nothing left out), so
// index ids agree, and the file is on the app's own server (embedded packs), where reading it
// twice costs no download. A data: or blob: URL of the parsed features would work for the rest, but
// MapLibre resolves a data: URL on the main thread (0.4 s for 40 MB) and fetches any URL that is
// not http(s) there too, parsing and posting the result back.

/** Features above which a layer is sent in slices. */
export const SLICED_FEATURES = 5_000;
/** Features per message: a few tens of milliseconds to receive on a busy 2-core machine. */
export const FEATURES_PER_SLICE = 1_000;

export function featureSlices(features: readonly Feature[]): Feature[][] {
  const slices: Feature[][] = [];
  for (let i = 0; i < features.length; i += FEATURES_PER_SLICE) slices.push(features.slice(i, i + FEATURES_PER_SLICE));
  return slices;
}

/** A worker message carrying one slice of the features of layer `layer` of request `id`. */
export interface FeatureSliceMessage {
  type: 'features';
  id: number;
  layer: number;
  features: Feature[];
}

/**
 * Worker side: posts a large collection's features in slices and returns the empty collection
 * to put in the result in its place; null (nothing posted) when the collection is small.
 */
export function postInSlices(fc: FeatureCollection, id: number, layer: number, post: (msg: FeatureSliceMessage) => void): FeatureCollection | null {
  if (fc.features.length <= SLICED_FEATURES) return null;
  for (const features of featureSlices(fc.features)) post({ type: 'features', id, layer, features });
  return { type: 'FeatureCollection', features: [] };
}

/** Main-thread side: gathers the slices of each request until its result arrives. */
export class FeatureSlices {
  private readonly byRequest = new Map<number, Map<number, Feature[]>>();

  add(msg: FeatureSliceMessage): void {
    let layers = this.byRequest.get(msg.id);
    if (!layers) this.byRequest.set(msg.id, (layers = new Map()));
    let features = layers.get(msg.layer);
    if (!features) layers.set(msg.layer, (features = []));
    for (const f of msg.features) features.push(f);
  }

  /** Puts the gathered features of request `id` into its collections (by layer index) and forgets them. */
  fill(id: number, collections: readonly FeatureCollection[]): void {
    const layers = this.byRequest.get(id);
    this.byRequest.delete(id);
    if (!layers) return;
    for (const [layer, features] of layers) {
      const fc = collections[layer];
      if (fc) fc.features = features;
    }
  }

  /** Forgets a request that was cancelled. */
  drop(id: number): void {
    this.byRequest.delete(id);
  }
}
