import type { CsvCoordinates, GeometryKind, LayerFormat } from '../catalog/manifest_types';
import type { ImportResult } from '../io/formats/types';
import type { FeatureSliceMessage } from '../io/map_source';
import type { TileRequest, TileResponse } from '../io/worker_tiles';

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

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = LoadLayerFileRequest | CancelRequest | TileRequest;

export type WorkerResponse =
  | { type: 'progress'; id: number; loaded: number; total: number }
  /** Part of a large layer's features, ahead of its result, which then has none (io/map_source.ts). */
  | FeatureSliceMessage
  | { type: 'result'; id: number; result: ImportResult }
  | TileResponse;
