import type { Feature } from 'geojson';

// Large GeoJSON layers of a data pack cross from the layer worker to the map without a structured
// clone of the whole collection in one main-thread task. Measured with 50,000 polygons of 24
// vertices (scripts/bench.mjs, polygons): receiving the collection in one message took ~0.7 s
// of one task plus ~1 s of garbage collection, and MapLibre's setData serialised it again for
// its own worker (~1.5 s). Now the worker sends the features in slices, each received in its
// own task, and MapLibre's worker reads the pack's file itself from its URL (feature ids from
// their index, `generateId`, as for every layer).
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
