import type { CsvCoordinates, GeometryKind, LayerFormat } from '../catalog/manifest_types';
import type { ParseResult } from '../io/parse_layer_file';
import type { FeatureSliceMessage } from '../io/map_source';

// The one declaration of the layer-file worker's messages; both sides import it.

export interface LoadLayerFileRequest {
  type: 'load';
  id: number;
  url: string;
  format: LayerFormat;
  geometry: GeometryKind;
  coordinates?: CsvCoordinates;
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = LoadLayerFileRequest | CancelRequest;

export type WorkerResponse =
  | { type: 'progress'; id: number; loaded: number; total: number }
  /** Part of a large layer's features, ahead of its result, which then has none (io/map_source.ts). */
  | FeatureSliceMessage
  | { type: 'result'; id: number; result: ParseResult };
