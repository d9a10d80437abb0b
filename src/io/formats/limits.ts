import type { ImportMessage } from './types';

// Import limits, kept free of heavy imports so the main thread can check a File before
// reading it.

const MB = 1024 * 1024;

/** Largest file accepted, checked before any parsing. */
export const MAX_IMPORT_BYTES = 200 * MB;

/**
 * Most a zip (shapefile, KMZ) may inflate to, its kept entries together: checked on the
 * declared sizes before inflating and on the real output while inflating. A 200 MB zipped
 * shapefile rarely inflates past 3×; parsing more than this would exhaust a browser tab.
 */
export const MAX_UNZIPPED_BYTES = 600 * MB;

/** Call with `file.size` before reading the file. */
export function checkFileSize(name: string, size: number, maxBytes = MAX_IMPORT_BYTES): ImportMessage | undefined {
  if (size <= maxBytes) return undefined;
  return {
    key: 'import.error.tooLarge',
    params: { file: name, size: Math.round((size / MB) * 10) / 10, limit: Math.round(maxBytes / MB) },
  };
}
