// Shared types of the exporters. Everything is structured-cloneable (plain objects and a
// Uint8Array) so an export can run in a worker and be posted back unchanged.

/** Export formats offered to the user. CSV comes in two flavours: points as lat/lon, or any geometry as WKT. */
export const EXPORT_FORMATS = ['geojson', 'csv-latlon', 'csv-wkt', 'shapefile'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** CRSs the export form offers, in order (ids from io/crs.ts): WGS 84, VN-2000 TM-3 103°, VN-2000 UTM 48N / 49N. */
export const EXPORT_CRS_IDS = ['EPSG:4326', 'VN2000:TM3:103', 'EPSG:3405', 'EPSG:3406'] as const;

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Target CRS id (io/crs.ts); default WGS 84. */
  readonly crs?: string;
  /** Layer name, used for the file name (and the names inside a zip). Default "layer". */
  readonly name?: string;
}

export interface ExportedFile {
  readonly filename: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  /**
   * 0-based indexes of features the format could not hold (no geometry; for lat/lon CSV
   * anything but points; for shapefiles GeometryCollections). Empty when all were written.
   */
  readonly skipped: readonly number[];
}

/** A writer returns the file body plus the features it had to leave out. */
export interface WriterOutput {
  readonly bytes: Uint8Array;
  readonly skipped: readonly number[];
}

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A safe file-name stem: keeps Vietnamese letters, drops path and control characters. */
export function fileStem(name: string | undefined): string {
  const s = (name ?? '').normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, '_').replace(/^[._]+|[._]+$/g, '');
  return s === '' ? 'layer' : s.slice(0, 80);
}

/** ASCII-only stem for names inside a zip: GIS tools on Windows mangle non-ASCII shapefile names. */
export function asciiStem(name: string | undefined): string {
  const s = (name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  return s === '' ? 'layer' : s.slice(0, 60);
}
