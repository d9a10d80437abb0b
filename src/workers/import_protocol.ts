import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';
import type { FeatureSliceMessage } from '../io/map_source';
import type { TileRequest, TileResponse } from '../io/worker_tiles';

// Messages of the import worker, declared once for both sides.

export type ImportRequest =
  /** `tileProvider`: the name this worker's tile URLs carry (workers/tile_requests.ts). */
  | { type: 'import'; id: number; input: ImportInput; options: Omit<ImportOptions, 'signal'>; tileProvider: string }
  | { type: 'cancel'; id: number }
  | TileRequest;

export type ImportResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  /** Part of a large layer's features, ahead of the result, where that layer then has none (io/map_source.ts). */
  | FeatureSliceMessage
  /** `bytes`: the file's bytes, transferred back for a retry with other options. */
  | { type: 'result'; id: number; result: ImportResult; bytes: Uint8Array }
  | TileResponse;
