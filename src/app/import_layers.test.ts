import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store';
import { importFile } from '../io/formats/registry';
import { readInput, type ImportInput, type ImportOptions } from '../io/formats/types';
import { importInputs, peekTable, type Importer, type OptionsRequest } from './import_layers';

// The column/CRS dialog hook: a failed CSV import asks for options and retries with the same
// bytes. The real client transfers (detaches) the buffer it is given, or hands the worker the
// file to read, and puts the bytes the worker hands back into the input.

const enc = (s: string) => new TextEncoder().encode(s);

/** Runs the real parsers in-process, moving the bytes as ImportClient and its worker do. */
function transferringImporter(seen: ImportOptions[]): Importer {
  return {
    async import(input, options, onProgress) {
      seen.push(options);
      const read = await readInput(input);
      const inWorker = structuredClone(read.bytes, { transfer: [read.bytes.buffer as ArrayBuffer] });
      expect(input.bytes.byteLength).toBe(0);
      const result = await importFile({ ...read, bytes: inWorker }, options, onProgress);
      input.bytes = structuredClone(inWorker, { transfer: [inWorker.buffer as ArrayBuffer] });
      return result;
    },
  };
}

// Mường Tè, VN-2000 TM-3 103°: X = northing, Y = easting, decimal commas.
const METRES_CSV = 'Số hiệu;Bắc;Đông\nM1;2480123,5;451234,2\nM2;2470456,0;460987,8\n';
const NO_COORDS_CSV = 'Mã xã;Tên xã;Dân số\n03433;Kan Hồ;1200\n03434;Mù Cả;900\n';

describe('importInputs with askOptions', () => {
  it('asks for columns on csvNoCoordinates, then retries the same bytes with the choice', async () => {
    const store = createAppStore('en');
    const seen: ImportOptions[] = [];
    const requests: OptionsRequest[] = [];
    const input: ImportInput = { name: 'diem.csv', bytes: enc(METRES_CSV) };
    const askOptions = vi.fn(async (r: OptionsRequest) => {
      requests.push(r);
      return { crs: 'VN2000:TM3:103', csv: { x: 'Bắc', y: 'Đông', xIsNorthing: true } };
    });
    const out = await importInputs(store, transferringImporter(seen), [input], { askOptions });
    expect(askOptions).toHaveBeenCalledTimes(1);
    expect(requests[0]!.error.key).toBe('import.error.csvNoCoordinates');
    expect(requests[0]!.columns).toEqual(['Số hiệu', 'Bắc', 'Đông']);
    expect(seen[1]).toMatchObject({ crs: 'VN2000:TM3:103', csv: { x: 'Bắc', y: 'Đông', xIsNorthing: true } });
    expect(out.layers).toHaveLength(1);
    // the first attempt's error stays shown (it says what to do)
    expect(out.errors).toHaveLength(1);
    const fc = store.getState().layerData[out.layers[0]!]!.data!;
    for (const f of fc.features) {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      expect(lon).toBeGreaterThan(102.3);
      expect(lon).toBeLessThan(103.0);
      expect(lat).toBeGreaterThan(22.1);
      expect(lat).toBeLessThan(22.8);
    }
    // the caller's bytes are intact
    expect(new TextDecoder().decode(input.bytes)).toBe(METRES_CSV);
  });

  it('retries a file that the worker read itself (the file picker), with the bytes it handed back', async () => {
    const store = createAppStore('en');
    const seen: ImportOptions[] = [];
    const input: ImportInput = { name: 'diem.csv', bytes: new Uint8Array(0), file: new Blob([enc(METRES_CSV)]) };
    const askOptions = vi.fn(async () => ({ crs: 'VN2000:TM3:103', csv: { x: 'Bắc', y: 'Đông', xIsNorthing: true } }));
    const out = await importInputs(store, transferringImporter(seen), [input], { askOptions });
    expect(askOptions).toHaveBeenCalledTimes(1);
    expect(out.layers).toHaveLength(1);
    expect(store.getState().layerData[out.layers[0]!]!.featureCount).toBe(2);
    expect(new TextDecoder().decode(input.bytes)).toBe(METRES_CSV);
  });

  it('adds nothing and keeps the error when the dialog is cancelled', async () => {
    const store = createAppStore('vi');
    const before = store.getState().userLayers.length;
    const askOptions = vi.fn(async () => null);
    const out = await importInputs(store, transferringImporter([]), [{ name: 'dan_so.csv', bytes: enc(NO_COORDS_CSV) }], { askOptions });
    expect(askOptions).toHaveBeenCalledWith(expect.objectContaining({ columns: ['Mã xã', 'Tên xã', 'Dân số'], file: 'dan_so.csv' }));
    expect(out.layers).toEqual([]);
    expect(out.errors[0]).toContain('dan_so.csv');
    expect(store.getState().userLayers.length).toBe(before);
  });

  it('does not ask for errors the dialog cannot fix, nor without the hook', async () => {
    const store = createAppStore('en');
    const askOptions = vi.fn(async () => ({}));
    const out = await importInputs(store, transferringImporter([]), [{ name: 'broken.geojson', bytes: enc('{"type":"FeatureCollection","features":[') }], { askOptions });
    expect(askOptions).not.toHaveBeenCalled();
    expect(out.errors[0]).toContain('broken.geojson');
    const plain = await importInputs(store, transferringImporter([]), [{ name: 'dan_so.csv', bytes: enc(NO_COORDS_CSV) }]);
    expect(plain.errors).toHaveLength(1);
  });
});

describe('assumed CRS', () => {
  it('offers “choose coordinate system” on the warning; the re-import replaces the layer', async () => {
    const store = createAppStore('en');
    const ask = vi.fn(async (_r: OptionsRequest) => ({ crs: 'VN2000:TM3:104', csv: { x: 'X', y: 'Y', xIsNorthing: true } }));
    const out = await importInputs(store, transferringImporter([]), [{ name: 'moc.csv', bytes: enc('Mốc;X;Y\nM1;2480123,5;451234,2\n') }], { askOptions: ask });
    expect(ask).not.toHaveBeenCalled();
    const warning = store.getState().messages.find((m) => m.message.key === 'import.warn.assumedCrs')!;
    expect(warning.action?.label).toEqual({ key: 'import.dialog.chooseCrs' });
    warning.action!.run();
    await vi.waitFor(() => expect(store.getState().userLayers.map((l) => l.id)).not.toContain(out.layers[0]));
    expect(ask.mock.calls[0]![0]).toMatchObject({ file: 'moc.csv', columns: ['Mốc', 'X', 'Y'], previous: { crs: 'VN2000:TM3:103' } });
    const [layer] = store.getState().userLayers;
    const [lon] = (store.getState().layerData[layer!.id]!.data!.features[0]!.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(lon).toBeGreaterThan(103.4); // one meridian east of the assumed 103°
  });
});

describe('peekTable', () => {
  it('reads the header and rows of a semicolon CSV', () => {
    expect(peekTable('a.csv', enc('\uFEFFX;Y\n2480123,5;451234,2\n'))).toEqual({ columns: ['X', 'Y'], rows: [{ X: '2480123,5', Y: '451234,2' }] });
  });
  it('is null for non-table files', () => {
    expect(peekTable('a.geojson', enc('{}'))).toBeNull();
  });
});
