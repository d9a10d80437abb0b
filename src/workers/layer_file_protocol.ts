import type { CsvCoordinates, GeometryKind, LayerFormat } from '../catalog/manifest_types';
import type { Feature } from 'geojson';
import type { ParseResult } from '../io/parse_layer_file';

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
  /** Part of a large layer's features, ahead of its result (see map_source.ts). */
  | { type: 'features'; id: number; features: Feature[] }
  /** `chunked`: the features came in 'features' messages; the result's collection is empty. */
  | { type: 'result'; id: number; result: ParseResult; chunked?: boolean };
