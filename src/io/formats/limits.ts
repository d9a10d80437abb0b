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

/**
 * Most features one file may hold (GeoJSON, KML, shapefile, FlatGeobuf; per layer). Beyond
 * this the map cannot stay responsive even with tiles; the largest pack layer has ~150,000.
 */
export const MAX_FEATURES = 1_000_000;

/** Most data rows a CSV may hold: large point CSVs become typed columns, which go further. */
export const MAX_CSV_ROWS = 3_000_000;

/**
 * Deepest nesting accepted in GeoJSON properties and GeometryCollections. Valid GeoJSON
 * needs about ten levels; a deeply nested value would overflow the stack when the layer
 * is copied to the page (structured clone), with an unhelpful error.
 */
export const MAX_JSON_DEPTH = 64;

/** Every limit, for the README's "Limits" paragraph and for tests. */
export const IMPORT_LIMITS = { MAX_IMPORT_BYTES, MAX_UNZIPPED_BYTES, MAX_FEATURES, MAX_CSV_ROWS, MAX_JSON_DEPTH } as const;

/** Whether `value` nests objects/arrays deeper than `max` (iterative: no stack to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
