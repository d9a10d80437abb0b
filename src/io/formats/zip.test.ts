import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { importFile } from './registry';
import { MAX_UNZIPPED_BYTES } from './limits';
import { readCentralDirectory, unzipEntries } from './zip';
import { createDbf, createShp } from './test_fixtures';

const MB = 1024 * 1024;

/** Rewrite the inflated size an entry declares, in its local header and the central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

function zerosZip(name: string, bytes: number): Uint8Array {
  return zipSync({ [name]: new Uint8Array(bytes) }, { level: 9 });
}

describe('unzipEntries', () => {
  it('refuses, before inflating, entries that declare more than the cap', async () => {
    // two entries claiming 2 GB each, as the 3.9 MB zip that took 60 s and 5 GB did
    const zip = declareSize(zipSync({ 'a.shp': new Uint8Array(10), 'a.dbf': new Uint8Array(10) }), 0x80000000);
    const r = await unzipEntries('bomb.zip', zip);
    expect(r).toEqual({ ok: false, error: { key: 'import.error.zipTooLarge', params: { file: 'bomb.zip', entry: 'a.shp', limit: MAX_UNZIPPED_BYTES / MB } } });
  });

  it('counts the real output when the central directory lies about the size', async () => {
    const zip = declareSize(zerosZip('a.shp', 20 * MB), 1000);
    expect(readCentralDirectory(zip)[0]?.size).toBe(1000);
    const r = await unzipEntries('liar.zip', zip, () => true, 4 * MB);
    expect(r).toMatchObject({ ok: false, error: { key: 'import.error.zipTooLarge', params: { file: 'liar.zip', limit: 4 } } });
  });

  it('unzips an ordinary archive, listing but not inflating entries it does not keep', async () => {
    const zip = zipSync({ 'x/a.shp': new Uint8Array([1, 2, 3]), 'x/readme.txt': new TextEncoder().encode('hi'), '__MACOSX/._a.shp': new Uint8Array(1) });
    const r = await unzipEntries('ok.zip', zip, (n) => n.endsWith('.shp'));
    expect(r).toEqual({ ok: true, entries: { 'x/a.shp': new Uint8Array([1, 2, 3]) }, names: ['x/a.shp', 'x/readme.txt'] });
  });

  it('reads stored (uncompressed) entries', async () => {
    const zip = zipSync({ 'a.kml': new TextEncoder().encode('<kml/>') }, { level: 0 });
    const r = await unzipEntries('s.kmz', zip);
    expect(r.ok && new TextDecoder().decode(r.entries['a.kml'])).toBe('<kml/>');
  });
});

describe('importFile: zip bombs', () => {
  it('refuses a high-ratio shapefile zip quickly, naming the file and the limit', async () => {
    const zip = zerosZip('bomb.shp', 32 * MB); // about 32 kB
    const r = await importFile({ name: 'bomb.zip', bytes: zip }, { maxUnzippedBytes: 8 * MB });
    expect(r).toMatchObject({ ok: false, error: { key: 'import.error.zipTooLarge', params: { file: 'bomb.zip', limit: 8 } } });
  }, 30_000); // building the zip is the slow part

  it('refuses a KMZ that lies about its size', async () => {
    const zip = declareSize(zerosZip('doc.kml', 20 * MB), 100);
    const r = await importFile({ name: 'a.kmz', bytes: zip }, { maxUnzippedBytes: 4 * MB });
    expect(r).toMatchObject({ ok: false, error: { key: 'import.error.zipTooLarge', params: { file: 'a.kmz' } } });
  });

  it('still opens an ordinary shapefile zip', async () => {
    const shp = createShp([{ type: 'Point', coordinates: [102.8, 22.3] }], 1);
    const dbf = createDbf([{ name: 'TEN', type: 'C', length: 10 }], [['A']]);
    const r = await importFile({ name: 'moc.zip', bytes: zipSync({ 'moc.shp': shp, 'moc.dbf': dbf }) });
    expect(r.ok && r.layers[0]?.data.features).toHaveLength(1);
  });
});
