// Export entry point: one layer (WGS 84 GeoJSON, as the store holds it) → a file in the
// chosen format and CRS. Each writer is loaded on demand, so none of them (nor fflate)
// is in the first bundle. Pure: no DOM, so it also runs in a worker or in Node tests.

import type { FeatureCollection } from 'geojson';
import { WGS84_ID, reprojectGeoJSON, resolveCrs } from '../crs';
import { fileStem, type ExportedFile, type ExportOptions, type WriterOutput } from './types';

export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    readonly reason: 'unknown-crs' | 'unknown-format' | 'nothing-to-export',
    message: string,
  ) {
    super(message);
  }
}

/** A short tag for file names: "VN2000_TM3_103", "EPSG3405"; none for WGS 84. */
function crsTag(crsId: string): string {
  if (crsId === WGS84_ID) return '';
  const def = resolveCrs(crsId);
  const tag = def?.id.startsWith('VN2000:') ? def.id.replace(/:/g, '_') : `EPSG${def?.epsg ?? ''}`;
  return `_${tag.replace(/[^A-Za-z0-9_.]/g, '')}`;
}

const MIME = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  zip: 'application/zip',
} as const;

export async function exportLayer(fc: FeatureCollection, options: ExportOptions): Promise<ExportedFile> {
  const crs = options.crs ?? WGS84_ID;
  const def = resolveCrs(crs);
  if (!def) throw new ExportError('unknown-crs', `Unknown CRS id: ${crs}`);
  const data = def.id === WGS84_ID ? fc : reprojectGeoJSON(fc, WGS84_ID, def.id);
  const stem = fileStem(options.name) + crsTag(def.id);
  let out: WriterOutput;
  let ext: string;
  let mime: string;
  switch (options.format) {
    case 'geojson': {
      const { writeGeojson } = await import('./geojson_writer');
      out = writeGeojson(data, def.id);
      [ext, mime] = ['.geojson', MIME.geojson];
      break;
    }
    case 'csv-latlon':
    case 'csv-wkt': {
      const { writeCsv } = await import('./csv_writer');
      out = writeCsv(data, { geometry: options.format === 'csv-wkt' ? 'wkt' : 'latlon', crs: def.id });
      [ext, mime] = ['.csv', MIME.csv];
      break;
    }
    case 'shapefile': {
      const { writeShapefileZip } = await import('./shapefile_writer');
      out = await writeShapefileZip(data, { crs: def.id, name: options.name ?? 'layer' });
      [ext, mime] = ['.zip', MIME.zip];
      break;
    }
    default:
      throw new ExportError('unknown-format', `Unknown export format: ${String((options as { format: unknown }).format)}`);
  }
  if (fc.features.length > 0 && out.skipped.length === fc.features.length) {
    throw new ExportError('nothing-to-export', `None of the ${fc.features.length} features fits the ${options.format} format`);
  }
  return { filename: stem + ext, mime, bytes: out.bytes, skipped: out.skipped };
}
