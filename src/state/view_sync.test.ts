import { describe, expect, it } from 'vitest';
import type { LayerSpec, PackManifest } from '../catalog/manifest_types';
import { createAppStore } from './store';
import { applyView, currentView, type CameraAccess } from './view_sync';

function createLayer(id: string, visible = true): LayerSpec {
  return { id, title: id, group: 'g', file: `${id}.geojson`, format: 'geojson', geometry: 'polygon', visible, style: { type: 'single', color: '#000000' }, provenance: { source: 't' } };
}

function createManifest(): PackManifest {
  return { schemaVersion: 1, id: 'p', title: 'P', bounds: [0, 0, 1, 1], groups: [{ id: 'g', title: 'G' }], layers: [createLayer('forest'), createLayer('planting'), createLayer('extra', false)] };
}

function createCamera(): CameraAccess & { last: unknown } {
  const cam = {
    last: null as unknown,
    get: () => ({ zoom: 9, lat: 22.4, lng: 102.7 }),
    set: (c: unknown) => {
      cam.last = c;
    },
    onMoveEnd: () => () => {},
  };
  return cam;
}

describe('applyView', () => {
  it('sets exactly the layers a view lists, with opacity and filters', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().setLayerFilter('planting', 'year', '2019');
    applyView(store, { layers: { planting: { visible: true, opacity: 0.5, filters: { year: '2023' } } } }, createCamera());
    const ui = store.getState().layerUi;
    expect([ui.forest?.visible, ui.planting?.visible, ui.planting?.opacity, ui.planting?.filters, ui.extra?.visible]).toEqual([false, true, 0.5, { year: '2023' }, false]);
  });

  it('restores the pack defaults for a view without layers', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().setLayerVisible('forest', false);
    store.getState().setLayerVisible('extra', true);
    store.getState().selectCommune('03448');
    applyView(store, {}, createCamera());
    const s = store.getState();
    expect([s.layerUi.forest?.visible, s.layerUi.extra?.visible, s.selectedCommune]).toEqual([true, false, null]);
  });

  it('hands the camera over and round-trips through currentView', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    const camera = createCamera();
    applyView(store, { camera: { zoom: 11, lat: 22.5, lng: 102.8 }, lang: 'en', selected: '03454' }, camera);
    expect(camera.last).toEqual({ zoom: 11, lat: 22.5, lng: 102.8 });
    expect(currentView(store, camera)).toMatchObject({ lang: 'en', selected: '03454', layers: undefined });
  });
});
