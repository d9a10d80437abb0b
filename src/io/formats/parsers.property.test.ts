import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import type { ImportResult } from './types';
import { parseGeojson } from './geojson';
import { parseCsv } from './csv';
import { parseKml, parseKmz } from './kml';
import { parseFlatGeobuf } from './flatgeobuf';
import { parseShapefileZip } from './shapefile';
import { importFile } from './registry';

// For any input, every parser returns a value (never throws) and a failure names the file.
// Runs are few so that the unit suite stays quick; the arbitraries lean towards the format.

const RUNS = { numRuns: 60 };

function expectNamed(r: ImportResult, file: string): void {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) expect(r.error.params?.file).toBe(file);
}

const jsonish = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: v, properties: v }] })),
  fc.record({ type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Feature'), coordinates: fc.jsonValue(), geometries: fc.jsonValue() }).map((g) => JSON.stringify(g)),
);
const csvish = fc.oneof(
  fc.string(),
  fc.array(fc.array(fc.oneof(fc.string(), fc.double().map(String), fc.constantFrom('lon', 'lat', 'x', 'y', '102,5', '"')), { maxLength: 5 }), { maxLength: 8 }).map((rows) =>
    ['lon;lat;ten', ...rows.map((r) => r.join(';'))].join('\n'),
  ),
);
const kmlish = fc.oneof(
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.constantFrom('<Placemark>', '</Placemark>', '<Point><coordinates>', '</coordinates></Point>', '103,22', '<Polygon>', '<![CDATA[', '&amp;', '&x;')), { maxLength: 20 }).map(
    (parts) => `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${parts.join('')}</Document></kml>`,
  ),
);
const bytesish = fc.uint8Array({ maxLength: 2000 });

describe('parsers never throw and name the file', () => {
  it('GeoJSON', async () => {
    await fc.assert(fc.asyncProperty(jsonish, async (text) => expectNamed(await parseGeojson('a.geojson', text), 'a.geojson')), RUNS);
  });

  it('CSV', async () => {
    await fc.assert(fc.asyncProperty(csvish, async (text) => expectNamed(await parseCsv('a.csv', text), 'a.csv')), RUNS);
  });

  it('KML and KMZ', async () => {
    await fc.assert(fc.asyncProperty(kmlish, async (text) => expectNamed(await parseKml('a.kml', text), 'a.kml')), RUNS);
    await fc.assert(
      fc.asyncProperty(kmlish, async (text) => expectNamed(await parseKmz('a.kmz', zipSync({ 'doc.kml': new TextEncoder().encode(text) })), 'a.kmz')),
      { numRuns: 20 },
    );
  });

  it('FlatGeobuf', async () => {
    const magic = new Uint8Array([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);
    const fgbish = fc.oneof(bytesish, bytesish.map((b) => new Uint8Array([...magic, ...b])));
    await fc.assert(fc.asyncProperty(fgbish, async (bytes) => expectNamed(await parseFlatGeobuf('a.fgb', bytes), 'a.fgb')), RUNS);
  });

  it('shapefile zip', async () => {
    const zipish = fc.oneof(
      bytesish,
      fc.record({ shp: bytesish, dbf: bytesish, prj: fc.string() }).map(({ shp, dbf, prj }) => zipSync({ 'a.shp': shp, 'a.dbf': dbf, 'a.prj': new TextEncoder().encode(prj) })),
    );
    await fc.assert(fc.asyncProperty(zipish, async (bytes) => expectNamed(await parseShapefileZip('a.zip', bytes), 'a.zip')), RUNS);
  });

  it('importFile, whatever the name claims', async () => {
    const names = fc.constantFrom('x.geojson', 'x.json', 'x.csv', 'x.kml', 'x.kmz', 'x.zip', 'x.fgb', 'x.txt', 'x');
    const content = fc.oneof(bytesish, jsonish.map((s) => new TextEncoder().encode(s)), csvish.map((s) => new TextEncoder().encode(s)));
    await fc.assert(fc.asyncProperty(names, content, async (name, bytes) => expectNamed(await importFile({ name, bytes }), name)), RUNS);
  });
});
