// CSV writer: UTF-8 with BOM (so Excel reads Vietnamese correctly), comma-separated,
// CRLF rows, RFC 4180 quoting. Geometry as the first column(s), attributes after:
//   - 'latlon': points only, `lat`,`lon` in degrees — or, for a projected VN-2000 CRS,
//     `X_VN2000` (northing) and `Y_VN2000` (easting), the Vietnamese survey convention;
//   - 'wkt': any geometry as a `WKT` column; in a projected CRS with an EPSG code the
//     value is EWKT ("SRID=9205;POLYGON …") so the file says which CRS it is in.
// Our importer keeps coordinate columns as attributes too, so a layer that came from a
// CSV carries e.g. `lat`/`lon` attributes: attributes named like this file's geometry
// columns are not written again (they are regenerated from the geometry, in the new CRS),
// which makes CSV → CSV round trips stable instead of growing `lat_2` columns.
//
// Cells, quoting and the formula guard (header cells included) are csv_table.ts's, the one
// CSV writer every export of the app goes through.

import type { FeatureCollection, Geometry } from 'geojson';
import { resolveCrs } from '../crs';
import { geometryToWkt } from './wkt_writer';
import { csvTable } from './csv_table';
import type { WriterOutput } from './types';

export type CsvGeometryMode = 'latlon' | 'wkt';

export interface CsvWriteOptions {
  readonly geometry: CsvGeometryMode;
  /** CRS of the coordinates in `fc`. */
  readonly crs: string;
  /** Prefix formula-like text with an apostrophe (default true). */
  readonly formulaGuard?: boolean;
}

/** Names of the coordinate columns for a CRS. */
export function coordinateColumns(crsId: string): readonly [string, string] {
  const def = resolveCrs(crsId);
  if (def?.kind !== 'projected') return ['lat', 'lon'];
  return def.datum === 'VN2000' ? ['X_VN2000', 'Y_VN2000'] : ['y', 'x'];
}

function coordinateCells(g: Geometry): [number, number] {
  if (g.type !== 'Point') throw new Error('unreachable: non-point in lat/lon CSV');
  const [x = NaN, y = NaN] = g.coordinates;
  // Geographic: lat, lon. Projected: northing, easting (X/Y the Vietnamese way, y/x otherwise).
  return [y, x];
}

export function writeCsv(fc: FeatureCollection, options: CsvWriteOptions): WriterOutput {
  const guard = options.formulaGuard ?? true;
  const skipped: number[] = [];
  const rows = fc.features.filter((f, i) => {
    const ok = options.geometry === 'wkt' ? f.geometry !== null : f.geometry?.type === 'Point';
    if (!ok) skipped.push(i);
    return ok;
  });
  const allFields: string[] = [];
  const seen = new Set<string>();
  for (const f of rows) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k)) (seen.add(k), allFields.push(k));

  const def = resolveCrs(options.crs);
  const srid = def?.kind === 'projected' && def.epsg !== undefined ? `SRID=${def.epsg};` : '';
  const geomHeader = options.geometry === 'wkt' ? ['WKT'] : [...coordinateColumns(options.crs)];
  const geomNames = new Set(geomHeader.map((h) => h.toLowerCase()));
  const fields = allFields.filter((k) => !geomNames.has(k.trim().toLowerCase()));
  const table: unknown[][] = [[...geomHeader, ...fields]];
  for (const f of rows) {
    const g = f.geometry as Geometry;
    const geomCells = options.geometry === 'wkt' ? [srid + geometryToWkt(g)] : coordinateCells(g);
    table.push([...geomCells, ...fields.map((k) => f.properties?.[k])]);
  }
  const bytes = new TextEncoder().encode(csvTable(table, { formulaGuard: guard }));
  return { bytes, skipped };
}
