import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpec } from '../catalog/manifest_types';
import { parseCsvColumnar } from '../io/csv_columnar';
import { pointTableFromColumnar, rowProperties } from '../io/point_table';
import { createAppStore, type LayerData } from './store';
import { editPointTable } from './feature_edits';

function createPoints() {
  const csv = 'id,lon,lat,name,kind\n1,102.5,22.4,Đông,b\n2,102.6,22.3,An,a\n3,102.7,22.6,Ă,b\n';
  return pointTableFromColumnar(parseCsvColumnar(new TextEncoder().encode(csv)), 'lon', 'lat')!.table;
}

function createLayer(id: string): { spec: LayerSpec; data: LayerData } {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [102.5, 22.4] }, properties: { name: 'A', ha: 1 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [102.6, 22.5] }, properties: { name: 'B', ha: 2 } },
    ],
  };
  const spec: LayerSpec = { id, title: id, group: 'my-data', file: `${id}.geojson`, format: 'geojson', geometry: 'point', style: { type: 'single', color: '#123456' }, provenance: { source: 'test' } };
  return { spec, data: { status: 'ready', data: fc, featureCount: 2, skipped: [], error: null, mapSource: 'blob:x' } };
}

describe('editPointTable', () => {
  it('edits number, dictionary and utf8 text cells into a new table', () => {
    const t = createPoints();
    const next = editPointTable(t, [
      { index: 0, field: 'id', value: 10.5 },
      { index: 1, field: 'kind', value: 'mới' },
      { index: 2, field: 'name', value: 'Ơ' },
    ]);
    expect(rowProperties(next, 0).id).toBe(10.5);
    expect(rowProperties(next, 1).kind).toBe('mới');
    expect(rowProperties(next, 2).name).toBe('Ơ');
    expect(rowProperties(t, 0).id).toBe(1);
    expect(rowProperties(next, 0).name).toBe('Đông');
  });

  it('turns a number column into text when text is written into it', () => {
    const next = editPointTable(createPoints(), [{ index: 0, field: 'id', value: 'x' }]);
    expect(next.numeric.id).toBeUndefined();
    expect([0, 1, 2].map((i) => rowProperties(next, i).id)).toEqual(['x', '2', '3']);
  });
});

describe('store edits', () => {
  it('updateFeatureProperties replaces the edited features and drops the stale map source', () => {
    const store = createAppStore('vi');
    const { spec, data } = createLayer('mine');
    store.getState().addUserLayer(spec, data);
    const before = store.getState().layerData.mine!.data!;
    store.getState().updateFeatureProperties('mine', [{ index: 1, field: 'ha', value: 2.5 }, { index: 1, field: 'name', value: 'Bê' }]);
    const after = store.getState().layerData.mine!;
    expect(after.data!.features[1]!.properties).toEqual({ name: 'Bê', ha: 2.5 });
    expect(after.data!.features[0]).toBe(before.features[0]);
    expect(before.features[1]!.properties).toEqual({ name: 'B', ha: 2 });
    expect(after.mapSource).toBeUndefined();
  });

  it('leaves pack layers alone', () => {
    const store = createAppStore('vi');
    const { data } = createLayer('pack');
    store.getState().setLayerData('pack', data);
    store.getState().updateFeatureProperties('pack', [{ index: 0, field: 'ha', value: 9 }]);
    expect(store.getState().layerData.pack).toBe(data);
  });

  it('renames a layer and names a field in its spec, keeping every other field in the popup', () => {
    const store = createAppStore('vi');
    const { spec, data } = createLayer('mine');
    store.getState().addUserLayer(spec, data);
    store.getState().setLayerTitle('mine', { vi: 'Lô rừng', en: 'Forest lots' });
    store.getState().setFieldLabel('mine', 'ha', { vi: 'Diện tích', en: 'Area' });
    const layer = store.getState().userLayers[0]!;
    expect(layer.title).toEqual({ vi: 'Lô rừng', en: 'Forest lots' });
    expect(layer.popup!.fields).toEqual([
      { field: 'name', label: 'name' },
      { field: 'ha', label: { vi: 'Diện tích', en: 'Area' } },
    ]);
  });
});
