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
// Formula injection (a cell "=HYPERLINK(…)" run by Excel): text that starts with = + - @,
// tab or CR gets a leading apostrophe. Numbers, and text that is just a signed number
// ("-12.5"), are left alone — a guarded negative number would no longer read back as a
// number. The guard is the one lossy step; it can be turned off for machine-to-machine use.

import type { FeatureCollection, Geometry } from 'geojson';
import { resolveCrs } from '../crs';
import { geometryToWkt } from './wkt_writer';
import { UTF8_BOM, type WriterOutput } from './types';

export type CsvGeometryMode = 'latlon' | 'wkt';

export interface CsvWriteOptions {
  readonly geometry: CsvGeometryMode;
  /** CRS of the coordinates in `fc`. */
  readonly crs: string;
  /** Prefix formula-like text with an apostrophe (default true). */
  readonly formulaGuard?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The text of a cell, before quoting. */
export function cellText(v: unknown, formulaGuard = true): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return formulaGuard && FORMULA_START.test(s) && !SIGNED_NUMBER.test(s) ? `'${s}` : s;
}

/** RFC 4180: quote cells holding the delimiter, quotes, line breaks or edge spaces. */
export function quoteCell(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Names of the coordinate columns for a CRS. */
export function coordinateColumns(crsId: string): readonly [string, string] {
  const def = resolveCrs(crsId);
  if (def?.kind !== 'projected') return ['lat', 'lon'];
  return def.datum === 'VN2000' ? ['X_VN2000', 'Y_VN2000'] : ['y', 'x'];
}

function coordinateCells(g: Geometry): [string, string] {
  if (g.type !== 'Point') throw new Error('unreachable: non-point in lat/lon CSV');
  const [x = NaN, y = NaN] = g.coordinates;
  // Geographic: lat, lon. Projected: northing, easting (X/Y the Vietnamese way, y/x otherwise).
  return [String(y), String(x)];
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
  const lines = [[...geomHeader, ...fields].map((h) => quoteCell(h)).join(',')];
  for (const f of rows) {
    const g = f.geometry as Geometry;
    const geomCells = options.geometry === 'wkt' ? [srid + geometryToWkt(g)] : coordinateCells(g);
    const attrs = fields.map((k) => cellText(f.properties?.[k], guard));
    lines.push([...geomCells, ...attrs].map(quoteCell).join(','));
  }
  const body = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM);
  bytes.set(body, UTF8_BOM.length);
  return { bytes, skipped };
}
