// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpec, PackManifest } from '../catalog/manifest_types';
import { createAppStore } from '../state/store';
import { aoiTitle, classPresentation, communeOptions, mountAoiPanel, type AoiPanelActions } from './aoi_panel';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const communes: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square, properties: { code: '03445', name: 'Mường Tè', type: 'Xã' } },
    { type: 'Feature', geometry: square, properties: { code: '03433', name: 'Mường Tè', type: 'Thị trấn' } },
    { type: 'Feature', geometry: square, properties: { code: '03433', name: 'Mường Tè', type: 'Thị trấn' } },
    { type: 'Feature', geometry: square, properties: { code: '03436', name: 'Xã Thu Lũm', type: 'Xã' } },
  ],
};

function createStore() {
  const store = createAppStore('vi');
  const manifest = {
    schemaVersion: 1, id: 'p', title: 'p', bounds: [0, 0, 1, 1], groups: [], layers: [],
    boundarySets: [{ id: 'b', title: 'b', layer: 'communes', codeField: 'code', nameField: 'name', typeField: 'type' }],
  } as unknown as PackManifest;
  store.setState({ pack: { ...store.getState().pack, manifest, status: 'ready' }, boundarySet: 'b' });
  store.getState().setLayerData('communes', { status: 'ready', data: communes, featureCount: 4, skipped: [], error: null });
  return store;
}

const noop: AoiPanelActions = {
  startDrawing() {}, finishDrawing: () => false, undoVertex() {}, cancelDrawing() {}, upload() {}, pickCommune() {},
  zoomToAoi() {}, clearAoi() {}, cancelAnalysis() {}, recompute() {}, exportCsv() {},
};

describe('AOI panel', () => {
  it('lists each commune once, with its type when the name lacks it, sorted', () => {
    expect(communeOptions(createStore().getState())).toEqual([
      ['03433', 'Thị trấn Mường Tè'],
      ['03445', 'Xã Mường Tè'],
      ['03436', 'Xã Thu Lũm'],
    ]);
  });

  it('names the area by where it came from, in both languages', () => {
    expect(aoiTitle({ source: 'drawn', name: '', geometry: square }, 'vi')).toBe('Vùng đã vẽ');
    expect(aoiTitle({ source: 'uploaded', name: 'a.kml', geometry: square }, 'en')).toBe('From file a.kml');
    expect(aoiTitle({ source: 'commune', name: 'Pa Vệ Sử', code: '03448', geometry: square }, 'vi')).toBe('Pa Vệ Sử (ranh giới xã)');
  });

  it('labels and colours classes as the legend does', () => {
    const layer = {
      id: 'f', title: 'f', group: 'g', file: 'f', format: 'geojson', geometry: 'polygon', provenance: { source: 's' },
      style: { type: 'categories', field: 'use', categories: [{ value: 'RPH', label: { vi: 'Rừng phòng hộ', en: 'Protection forest' }, color: '#4daf4a' }] },
    } as unknown as LayerSpec;
    expect(classPresentation(layer, 'use', 'RPH', 0, 'en')).toEqual({ label: 'Protection forest', color: '#4daf4a' });
    expect(classPresentation(layer, 'use', '', 1, 'vi').label).toBe('(trống)');
    expect(classPresentation(layer, null, null, 0, 'en').label).toBe('All');
  });

  it('shows the drawing tools only while drawing, and enables finish from 3 vertices', () => {
    const el = document.createElement('div');
    const panel = mountAoiPanel(el, createStore(), noop);
    const tools = el.querySelector<HTMLElement>('.aoi-draw-tools')!;
    const finish = el.querySelector<HTMLButtonElement>('#aoi-finish')!;
    expect(tools.hidden).toBe(true);
    panel.setDrawState({ drawing: true, vertices: 2 });
    expect(tools.hidden).toBe(false);
    expect(finish.disabled).toBe(true);
    expect(el.querySelector('#aoi-draw-hint')!.textContent).toContain('Đã đặt 2 đỉnh');
    panel.setDrawState({ drawing: true, vertices: 3 });
    expect(finish.disabled).toBe(false);
    panel.unmount();
  });
});
