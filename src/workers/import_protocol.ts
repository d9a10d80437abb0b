import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';
import type { FeatureSliceMessage } from '../io/map_source';

// Messages of the import worker, declared once for both sides.

export type ImportRequest =
  | { type: 'import'; id: number; input: ImportInput; options: Omit<ImportOptions, 'signal'> }
  | { type: 'cancel'; id: number };

export type ImportResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  /** Part of a large layer's features, ahead of the result, where that layer then has none (io/map_source.ts). */
  | FeatureSliceMessage
  | { type: 'result'; id: number; result: ImportResult };
