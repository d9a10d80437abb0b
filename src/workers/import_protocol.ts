import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';
import type { FeatureSliceMessage } from '../io/map_source';
import type { Call } from './worker_protocol';
import type { TileCalls } from './tile_protocol';

// The import worker's requests, declared once for both sides (workers/worker_client.ts).

/** Progress of an import: its stage, or a slice of a large layer's features ahead of the result (io/map_source.ts). */
export type ImportWorkerProgress = { type: 'progress'; progress: ImportProgress } | FeatureSliceMessage;

export interface ImportParams {
  input: ImportInput;
  options: Omit<ImportOptions, 'signal'>;
  /** The name this worker's tile URLs carry (workers/tile_requests.ts). */
  tileProvider: string;
}

export type ImportCalls = TileCalls & {
  /** `bytes`: the file's bytes, transferred back for a retry with other options. */
  import: Call<ImportParams, { result: ImportResult; bytes: Uint8Array }, ImportWorkerProgress>;
};
