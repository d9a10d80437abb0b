// Shared types of the import layer. Everything here is structured-cloneable, so the same
// functions run in a Web Worker and post their results to the UI unchanged.

import type { FeatureCollection } from 'geojson';
import type { PointTable } from '../point_table';
import type { GeometryKind } from '../../catalog/manifest_types';
import type { ImportStringKey } from '../../i18n/strings_import';

export type ImportParams = Record<string, string | number>;

/** Same shape as i18n `Message`; assignable to it once the import keys are merged. */
export interface ImportMessage {
  key: ImportStringKey;
  params?: ImportParams;
}

/** A row (CSV: spreadsheet row number, header = 1) or feature (1-based) that was left out. */
export interface SkippedItem {
  row?: number;
  feature?: number;
  reason: ImportMessage;
}

export interface ImportedLayer {
  /** Layer name: file name without extension, or the shapefile / KML document name. */
  name: string;
  /** Always WGS 84 lon/lat. Empty when `points` holds the layer. */
  data: FeatureCollection;
  /** A large point CSV as typed columns (transferred, not cloned); drawn by deck.gl from binary attributes. */
  points?: PointTable;
  /** Vector tiles in the import worker of the polygons or lines of a large layer, by kind (io/worker_tiles.ts). */
  tiles?: Partial<Record<GeometryKind, string>>;
  /** Large pack layers: the URL of a GeoJSON file that holds `data` as it is (io/map_source.ts). */
  mapSource?: string;
  /** CRS id (see io/crs.ts) the coordinates were read in, before reprojection. */
  sourceCrs: string;
  warnings: ImportMessage[];
  skipped: SkippedItem[];
  /** 0-based indexes into `data.features` of polygons whose rings cross themselves. */
  selfIntersecting: number[];
}

/** The parsed table of a CSV without coordinates, for the column picker or a boundary join. */
export interface ImportTable {
  columns: string[];
  rows: Record<string, string | number | null>[];
  /** Spreadsheet row number of each row (header = 1), when the parser kept them. */
  rowNumbers?: number[];
}

export type ImportResult =
  | { ok: true; layers: ImportedLayer[] }
  | { ok: false; error: ImportMessage; table?: ImportTable };

/** A file as bytes; a `File` becomes this with `new Uint8Array(await file.arrayBuffer())`. */
export interface ImportInput {
  name: string;
  /** MIME type as the browser reports it ('' or undefined when unknown). */
  type?: string;
  bytes: Uint8Array;
  /**
   * A file not read yet (then `bytes` is empty): the import worker reads it, because reading
   * 50 MB on the main thread took one task of about 170 ms (readInput).
   */
  file?: Blob;
}

export interface CsvOptions {
  /** Column names chosen by the user; otherwise found by name. */
  lon?: string;
  lat?: string;
  x?: string;
  y?: string;
  wkt?: string;
  /** true: X column is northing (Vietnamese survey convention); default: detected. */
  xIsNorthing?: boolean;
  delimiter?: string;
}

export interface ImportOptions {
  /** Force a format id instead of detecting it (e.g. "open as CSV anyway"). */
  format?: string;
  /** CRS id for data that does not declare one (CSV in metres, shapefile without .prj). */
  crs?: string;
  /** Text encoding label for files that do not declare one; default: detected. */
  encoding?: string;
  csv?: CsvOptions;
  /** Byte limit; default MAX_IMPORT_BYTES. */
  maxBytes?: number;
  /** Keep only this kind of geometry (a pack layer's manifest `geometry`); others are skipped. */
  geometry?: GeometryKind;
  /** Feature limit per layer; default MAX_FEATURES (lowered in tests). */
  maxFeatures?: number;
  /** CSV data-row limit; default MAX_CSV_ROWS (lowered in tests). */
  maxCsvRows?: number;
  /** Limit on what a zip inflates to; default MAX_UNZIPPED_BYTES (lowered in tests). */
  maxUnzippedBytes?: number;
  signal?: AbortSignal;
}

export interface ImportProgress {
  /** 0…1 */
  fraction: number;
  stage: 'read' | 'parse' | 'reproject' | 'validate' | 'done';
}
export type ProgressFn = (p: ImportProgress) => void;

/** The first bytes of a file, for content sniffing. */
export interface SniffInput {
  bytes: Uint8Array;
  /** `bytes` decoded leniently (BOM stripped), for text formats. */
  text: string;
  name: string;
}

export interface FormatEntry<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** Lower-case, with the dot. */
  readonly extensions: readonly string[];
  readonly mimeTypes: readonly string[];
  /** How sure the content is this format: 0 (not it) … 1 (certain). */
  sniff(input: SniffInput): number;
  parse(input: ImportInput, options: ImportOptions, onProgress: ProgressFn): Promise<ImportResult>;
}

export function fail(key: ImportStringKey, params?: ImportParams): { ok: false; error: ImportMessage } {
  return { ok: false, error: params ? { key, params } : { key } };
}

export function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

export function extensionOf(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(dot).toLowerCase() : '';
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled('cancelled');
}

/** The input with its bytes, read from its file if they were not yet. */
export async function readInput(input: ImportInput): Promise<ImportInput> {
  return input.file && input.bytes.length === 0 ? { ...input, bytes: new Uint8Array(await input.file.arrayBuffer()) } : input;
}
