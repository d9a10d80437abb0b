import { describe, expect, it } from 'vitest';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { ACCEPT, FORMAT_IDS, detectFormat, importFile } from './registry';
import { bytesOf, createDbf, createShp, createZip, vn2000Tm3Prj } from './test_fixtures';

const GEOJSON = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[102.811,22.379]},"properties":{}}]}';
const CSV = 'ten;kinh_do;vi_do\nA;102,811;22,379\nB;102,9;22,4';
const KML = '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>102.8,22.3</coordinates></Point></Placemark></kml>';

function detected(name: string, bytes: Uint8Array, type?: string): string {
  const d = detectFormat({ name, bytes, ...(type ? { type } : {}) });
  return d.ok ? d.format.id : d.error.key;
}

describe('registry', () => {
  it('derives ids and the accept list from the entries', () => {
    expect(FORMAT_IDS).toEqual(['geojson', 'csv', 'shapefile', 'kml', 'kmz', 'flatgeobuf']);
    expect(ACCEPT).toContain('.geojson');
    expect(ACCEPT).toContain('.kmz');
  });

  it('detects by extension, MIME type and content', () => {
    expect(detected('a.geojson', bytesOf(GEOJSON))).toBe('geojson');
    expect(detected('a.csv', bytesOf(CSV))).toBe('csv');
    expect(detected('a.kml', bytesOf(KML))).toBe('kml');
    expect(detected('a.kmz', createZip({ 'doc.kml': KML }))).toBe('kmz');
    expect(detected('a.zip', createZip({ 'a.shp': createShp([], 1) }))).toBe('shapefile');
    expect(detected('a.fgb', serialize({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }] }))).toBe('flatgeobuf');
    expect(detected('download', bytesOf(GEOJSON), 'application/geo+json')).toBe('geojson');
    expect(detected('noext', bytesOf(KML))).toBe('kml');
  });

  it('says when the content is not the format the extension claims', () => {
    const asCsv = detectFormat({ name: 'ranh_gioi.geojson', bytes: bytesOf(CSV) });
    expect(!asCsv.ok && asCsv.error).toEqual({
      key: 'import.error.wrongContent',
      params: { file: 'ranh_gioi.geojson', claimed: '.geojson', actual: 'CSV/TSV', suggestedExt: 'csv' },
    });
    const asJson = detectFormat({ name: 'bang.csv', bytes: bytesOf(GEOJSON) });
    expect(!asJson.ok && asJson.error.params).toMatchObject({ claimed: '.csv', actual: 'GeoJSON' });
    const kmlAsZip = detectFormat({ name: 'x.zip', bytes: bytesOf(KML) });
    expect(!kmlAsZip.ok && kmlAsZip.error.params?.actual).toBe('KML');
  });

  it('lets the claimed parser explain damaged content (truncated JSON)', async () => {
    const r = await importFile({ name: 'cut.geojson', bytes: bytesOf(GEOJSON.slice(0, 50)) });
    expect(!r.ok && r.error.key).toBe('import.error.truncatedJson');
  });

  it('says a random binary file is none of the formats, whatever its extension, listing them from the registry', async () => {
    let seed = 7;
    const noise = new Uint8Array(3000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    noise[0] = 0x8f; // not '{', '[', '<' or PK
    for (const name of ['drop.geojson', 'drop.json', 'drop.csv', 'drop.kml', 'drop.zip', 'drop.fgb', 'drop.bin', 'drop']) {
      const r = await importFile({ name, bytes: noise });
      expect(r).toEqual({
        ok: false,
        error: { key: 'import.error.notSupported', params: { file: name, formats: 'GeoJSON, CSV/TSV, Shapefile (.zip), KML, KMZ', last: 'FlatGeobuf' } },
      });
    }
  });

  it('rejects unknown formats, empty files and files over the limit before parsing', async () => {
    const unknown = await importFile({ name: 'a.bin', bytes: new Uint8Array([0, 1, 2, 3]) });
    expect(!unknown.ok && unknown.error.key).toBe('import.error.notSupported');
    expect(await importFile({ name: 'e.csv', bytes: new Uint8Array() })).toEqual({ ok: false, error: { key: 'import.error.empty', params: { file: 'e.csv' } } });
    expect(await importFile({ name: 'e.geojson', bytes: bytesOf('  \n ') })).toMatchObject({ ok: false, error: { key: 'import.error.empty' } });
    const big = await importFile({ name: 'big.csv', bytes: bytesOf(CSV) }, { maxBytes: 10 });
    expect(!big.ok && big.error.key).toBe('import.error.tooLarge');
  });

  it('imports a TM-3 shapefile zip end to end and reports progress', async () => {
    const zip = createZip({
      'moc.shp': createShp([{ type: 'Point', coordinates: [480341.596175, 2475637.630415] }], 1),
      'moc.dbf': createDbf([{ name: 'TEN', type: 'C', length: 20 }], [['Mốc 1']]),
      'moc.prj': vn2000Tm3Prj(103),
    });
    const fractions: number[] = [];
    const r = await importFile({ name: 'moc.zip', type: 'application/zip', bytes: zip }, {}, (p) => fractions.push(p.fraction));
    expect(r.ok && r.layers[0]?.data.features[0]?.properties).toEqual({ TEN: 'Mốc 1' });
    expect(fractions.at(-1)).toBe(1);
  });

  it('returns cancelled when the signal is aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await importFile({ name: 'a.csv', bytes: bytesOf(CSV) }, { signal: ac.signal });
    expect(!r.ok && r.error.key).toBe('import.error.cancelled');
    const ac2 = new AbortController();
    const r2 = await importFile({ name: 'a.csv', bytes: bytesOf(CSV) }, { signal: ac2.signal }, (p) => {
      if (p.stage === 'parse') ac2.abort();
    });
    expect(!r2.ok && r2.error.key).toBe('import.error.cancelled');
  });

  it('can be forced to a format', async () => {
    const r = await importFile({ name: 'weird.geojson', bytes: bytesOf(CSV) }, { format: 'csv' });
    expect(r.ok).toBe(true);
  });
});
