import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';

// Messages of the import worker, declared once for both sides.

export type ImportRequest =
  | { type: 'import'; id: number; input: ImportInput; options: Omit<ImportOptions, 'signal'> }
  | { type: 'cancel'; id: number };

export type ImportResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; result: ImportResult };
