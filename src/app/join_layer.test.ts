import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../state/store';
import { importFile } from '../io/formats/registry';
import type { ImportInput } from '../io/formats/types';
import { renderMessage } from '../i18n/i18n';
import type { PackManifest } from '../catalog/manifest_types';
import { importInputs, type Importer, type OptionsRequest } from './import_layers';
import { joinIntoLayer } from './join_layer';

// A CSV without coordinates, through the real CSV parser, joined to the default pack's
// boundaries held in a store as the app holds them.

const dataFile = (f: string) => fileURLToPath(new URL(`../../data/${f}`, import.meta.url));
const manifest = JSON.parse(readFileSync(dataFile('manifest.json'), 'utf8')) as PackManifest;
const enc = (s: string) => new TextEncoder().encode(s);
const inProcess: Importer = { import: (input, options, onProgress) => importFile(input, options, onProgress) };

function packStore(lang: 'vi' | 'en' = 'vi'): AppStore {
  const store = createAppStore(lang);
  store.getState().packManifest('data/manifest.json', manifest);
  for (const set of manifest.boundarySets ?? []) {
    const file = manifest.layers.find((l) => l.id === set.layer)!.file;
    const data = JSON.parse(readFileSync(dataFile(file), 'utf8')) as FeatureCollection;
    store.getState().setLayerData(set.layer, { status: 'ready', data, featureCount: data.features.length, skipped: [], error: null });
  }
  return store;
}

// Vietnamese Excel: `;`, decimal commas, codes without their leading zero, a variant spelling, a bogus row
const INDICATORS = 'Mã xã;Tên xã;Tiêu chí NTM;Tỷ lệ hộ nghèo (%)\n3433;TT Mường Tè;15;12,5\n3469;Can Hồ;9;41,2\n3448;Pa Vệ Sủ;8;52,7\n3451;Mù Cả;7;60,3\n99999;Xã Không Có;10;20\n';

const messages = (store: AppStore) => store.getState().messages.map((m) => ({ level: m.level, key: m.message.key, text: renderMessage(store.getState().lang, m.message) }));

describe('importing a CSV without coordinates with a join', () => {
  it('joins by the detected code column and styles the first indicator in 5 quantile classes', async () => {
    const store = packStore('vi');
    const out = await importInputs(store, inProcess, [{ name: 'chi_tieu.csv', bytes: enc(INDICATORS) }], { join: {} });
    expect(out.errors).toEqual([]);
    expect(out.layers).toHaveLength(1);
    const summary = out.joins![0]!;
    expect(summary).toMatchObject({ layer: out.layers[0], boundarySet: '2013', column: 'Mã xã', by: 'code', rows: 5, matched: 4 });
    expect(summary.unmatched).toEqual([{ rowNumber: 6, value: '99999', reason: 'noMatch' }]);
    const layer = store.getState().userLayers[0]!;
    expect(layer.geometry).toBe('polygon');
    expect(layer.style).toMatchObject({ type: 'graduated', field: 'Tiêu chí NTM', method: 'quantile', ramp: 'ylgnbu' });
    const fc = store.getState().layerData[layer.id]!.data!;
    expect(fc.features.map((f) => [f.properties!.boundary_code, f.properties!['Tiêu chí NTM'], f.properties!['Tỷ lệ hộ nghèo (%)']])).toEqual([
      ['03433', 15, 12.5],
      ['03469', 9, 41.2],
      ['03448', 8, 52.7],
      ['03451', 7, 60.3],
    ]);
    const warn = messages(store).find((m) => m.key === 'import.join.unmatched')!;
    expect(warn.level).toBe('warning');
    expect(warn.text).toContain('chi_tieu.csv');
    expect(warn.text).toContain('6 “99999”');
  });

  it('joins to the 2025 communes by their codes when asked', async () => {
    const store = packStore('en');
    const csv = 'ma_xa,ten,forest_pct\n3433,Bun Tở,61.5\n3460,Hua Bum,58\n3454,Bum Tở (old code),70\n';
    const out = await importInputs(store, inProcess, [{ name: 'forest.csv', bytes: enc(csv) }], { join: { boundarySet: '2025' } });
    expect(out.joins![0]).toMatchObject({ boundarySet: '2025', column: 'ma_xa', matched: 2 });
    expect(out.joins![0]!.unmatched.map((u) => u.rowNumber)).toEqual([4]);
    const fc = store.getState().layerData[out.layers[0]!]!.data!;
    expect(fc.features.map((f) => f.properties!.boundary_name)).toEqual(['Bum Tở', 'Hua Bum']);
  });

  it('adds nothing and says what to do when no row matches', () => {
    const store = packStore('en');
    const before = store.getState().userLayers.length;
    const r = joinIntoLayer(store, 'x.csv', { columns: ['a', 'b'], rows: [{ a: 'foo', b: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const text = renderMessage('en', r.error);
      expect(text).toContain('x.csv');
      expect(text).toContain('no row matched');
      expect(text).toContain('Choose another column');
    }
    expect(store.getState().userLayers.length).toBe(before);
  });

  it('says the boundaries are not loaded yet rather than failing silently', () => {
    const store = createAppStore('vi');
    const r = joinIntoLayer(store, 'x.csv', { columns: ['a'], rows: [{ a: 3433 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe('import.join.noBoundaries');
  });
});

describe('the dialog path', () => {
  it('offers the join with the detected column, joins on the choice and drops the answered error', async () => {
    const store = packStore('vi');
    const requests: OptionsRequest[] = [];
    const askOptions = vi.fn(async (r: OptionsRequest) => {
      requests.push(r);
      return { join: { column: 'Tên xã', boundarySet: '2013' } };
    });
    const input: ImportInput = { name: 'chi_tieu.csv', bytes: enc(INDICATORS) };
    const out = await importInputs(store, inProcess, [input], { askOptions });
    const offer = requests[0]!.join!;
    expect(offer.boundarySet).toBe('2013');
    expect(offer.sets.map((s) => s.id)).toEqual(['2013', '2025']);
    expect(offer.detect('2013')).toEqual({ column: 'Mã xã', by: 'code', matched: 4 });
    expect(offer.preview('Tên xã', '2013')).toEqual({ matched: 4, total: 5, by: 'name' });
    expect(out.layers).toHaveLength(1);
    expect(out.errors).toEqual([]);
    expect(out.joins![0]).toMatchObject({ column: 'Tên xã', by: 'name', matched: 4 });
    expect(messages(store).map((m) => m.key)).not.toContain('import.error.csvNoCoordinates');
  });

  it('asks again with the reason when the chosen column matches nothing; cancelling adds nothing', async () => {
    const store = packStore('en');
    const answers = [{ join: { column: 'Tiêu chí NTM', boundarySet: '2013' } }, null];
    const requests: OptionsRequest[] = [];
    const askOptions = vi.fn(async (r: OptionsRequest) => {
      requests.push(r);
      return answers.shift() ?? null;
    });
    const out = await importInputs(store, inProcess, [{ name: 'chi_tieu.csv', bytes: enc(INDICATORS) }], { askOptions });
    expect(askOptions).toHaveBeenCalledTimes(2);
    expect(requests[1]!.error.key).toBe('import.join.noMatch');
    expect(out.layers).toEqual([]);
    expect(store.getState().userLayers).toEqual([]);
  });
});
