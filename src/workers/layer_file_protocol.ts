import type { CsvCoordinates, GeometryKind, LayerFormat } from '../catalog/manifest_types';
import type { ImportResult } from '../io/formats/types';
import type { FeatureSliceMessage } from '../io/map_source';
import type { Call } from './worker_protocol';
import type { TileCalls } from './tile_protocol';

// The one declaration of the layer-file worker's messages; both sides import it.

export interface LoadLayerFileRequest {
  type: 'load';
  id: number;
  url: string;
  format: LayerFormat;
  geometry: GeometryKind;
  coordinates?: CsvCoordinates;
  /** Provider name for the URLs of this worker's tiles (workers/tile_requests.ts). */
  tileProvider: string;
}

/** Progress of a layer file: bytes read, or a slice of a large layer's features ahead of the result (io/map_source.ts). */
export type LayerFileProgress = { type: 'progress'; loaded: number; total: number } | FeatureSliceMessage;

export type LayerFileCalls = TileCalls & {
  /** `type` and `id` are the generic client's (workers/worker_client.ts). */
  load: Call<Omit<LoadLayerFileRequest, 'type' | 'id'>, ImportResult, LayerFileProgress>;
};
