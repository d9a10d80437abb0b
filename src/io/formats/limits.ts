import type { ImportMessage } from './types';

// Import limits, kept free of heavy imports so the main thread can check a File before
// reading it.

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const MB = 1024 * 1024;

/** Call with `file.size` before reading the file. */
export function checkFileSize(name: string, size: number, maxBytes = MAX_IMPORT_BYTES): ImportMessage | undefined {
  if (size <= maxBytes) return undefined;
  return {
    key: 'import.error.tooLarge',
    params: { file: name, size: Math.round((size / MB) * 10) / 10, limit: Math.round(maxBytes / MB) },
  };
}
