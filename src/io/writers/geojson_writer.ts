// GeoJSON writer. In WGS 84 the output is plain RFC 7946. In a projected CRS it is not
// RFC 7946 any more (which requires WGS 84 lon/lat): the coordinates are easting/northing
// and the file carries the legacy (2008 spec) `crs` member, e.g.
//   "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::9205"}}
// GDAL/QGIS and our own importer honour it. CRSs without an EPSG code (TM-3 zones EPSG
// has not numbered) can only be named by our id ("VN2000:TM3:103.5"), which no reader —
// ours included, for now — understands; the export form offers only CRSs with a code.
//
// Numbers are written by JSON.stringify, i.e. the shortest text that reads back as the
// same double, so coordinates and attributes survive unchanged.

import type { FeatureCollection } from 'geojson';
import { WGS84_ID, resolveCrs } from '../crs';
import { utf8, type WriterOutput } from './types';

/** The legacy `crs` name for a CRS id, as GDAL writes it. */
export function legacyCrsName(crsId: string): string {
  const def = resolveCrs(crsId);
  return def?.epsg !== undefined ? `urn:ogc:def:crs:EPSG::${def.epsg}` : crsId;
}

/** `fc` must already be in `crsId`; features without geometry are kept (GeoJSON allows null). */
export function writeGeojson(fc: FeatureCollection, crsId: string = WGS84_ID): WriterOutput {
  const features = fc.features.map((f) => ({
    type: 'Feature' as const,
    ...(f.id !== undefined ? { id: f.id } : {}),
    properties: f.properties ?? {},
    geometry: f.geometry,
  }));
  const crs = crsId === WGS84_ID ? '' : `"crs":${JSON.stringify({ type: 'name', properties: { name: legacyCrsName(crsId) } })},\n`;
  // One feature per line: readable in a text editor and diff-friendly, without the bulk of full indentation.
  const text = `{"type":"FeatureCollection",\n${crs}"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  return { bytes: utf8(text), skipped: [] };
}
