import { describe, expect, it } from 'vitest';
import type { PackManifest, LayerSpec } from '../catalog/manifest_types';
import { allGroups, allLayers, createAppStore, initialOrder } from './store';

function createLayer(id: string, geometry: LayerSpec['geometry'], patch: Partial<LayerSpec> = {}): LayerSpec {
  return { id, title: id, group: 'g', file: `${id}.geojson`, format: 'geojson', geometry, style: { type: 'single', color: '#000000' }, provenance: { source: 't' }, ...patch };
}

function createManifest(): PackManifest {
  return {
    schemaVersion: 1,
    id: 'p',
    title: 'P',
    bounds: [0, 0, 1, 1],
    groups: [{ id: 'g', title: 'G' }],
    boundarySets: [
      { id: 'old', title: 'Old', layer: 'communes-old', codeField: 'code', nameField: 'name' },
      { id: 'new', title: 'New', layer: 'communes-new', codeField: 'code', nameField: 'name' },
    ],
    defaultBoundarySet: 'old',
    layers: [
      createLayer('communes-old', 'polygon'),
      createLayer('communes-new', 'polygon'),
      createLayer('forest', 'polygon'),
      createLayer('planting', 'polygon', { visible: false }),
      createLayer('sites', 'point'),
    ],
  };
}

describe('initialOrder', () => {
  it('puts points first, then boundary sets, then later polygons above earlier ones', () => {
    expect(initialOrder(createManifest())).toEqual(['sites', 'communes-new', 'communes-old', 'planting', 'forest']);
  });
});

describe('app store', () => {
  it('shows only the default boundary set and honours visible:false', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    const ui = store.getState().layerUi;
    expect([ui['communes-old']?.visible, ui['communes-new']?.visible, ui.forest?.visible, ui.planting?.visible]).toEqual([true, false, true, false]);
  });

  it('switches boundary sets, hiding the other set and clearing the selection', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().selectCommune('03433');
    store.getState().setBoundarySet('new');
    const s = store.getState();
    expect([s.boundarySet, s.layerUi['communes-old']?.visible, s.layerUi['communes-new']?.visible, s.selectedCommune]).toEqual(['new', false, true, null]);
  });

  it('ignores an unknown boundary set', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().setBoundarySet('nope');
    expect(store.getState().boundarySet).toBe('old');
  });

  it('clamps opacity and sets and clears filters', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().setLayerOpacity('forest', 3);
    store.getState().setLayerFilter('forest', 'year', '2023');
    expect(store.getState().layerUi.forest).toMatchObject({ opacity: 1, filters: { year: '2023' } });
    store.getState().setLayerFilter('forest', 'year', null);
    expect(store.getState().layerUi.forest?.filters).toEqual({});
  });

  it('moves a layer within the order and stops at the ends', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().moveLayer('forest', -1);
    expect(store.getState().order.slice(-2)).toEqual(['forest', 'planting']);
    store.getState().moveLayer('sites', -1);
    expect(store.getState().order[0]).toBe('sites');
  });

  it('keeps the pack on screen when a new one fails', () => {
    const store = createAppStore();
    const manifest = createManifest();
    store.getState().packManifest('first', manifest);
    store.getState().packDone();
    store.getState().packLoading('second', 0);
    store.getState().packFailed();
    expect(store.getState().pack).toMatchObject({ status: 'ready', url: 'first', manifest, loadingUrl: null });
  });

  it('notifies a selector subscriber only when its slice changes', () => {
    const store = createAppStore();
    const seen: string[] = [];
    store.subscribe((s) => s.lang, (lang) => seen.push(lang));
    store.getState().setBasemap('osm');
    store.getState().setLang('en');
    expect(seen).toEqual(['en']);
  });
});

describe('user layers', () => {
  const userLayer = createLayer('mine', 'point', { group: 'my-data' });
  const ready = { status: 'ready' as const, data: { type: 'FeatureCollection' as const, features: [] }, featureCount: 0, skipped: [], error: null };

  it('puts an imported layer on top, visible', () => {
    const store = createAppStore();
    store.getState().packManifest('u', createManifest());
    store.getState().addUserLayer(userLayer, ready);
    const s = store.getState();
    expect([s.order[0], s.layerUi.mine?.visible, allLayers(s).at(-1)?.id, allGroups(s)[0]?.id]).toEqual(['mine', true, 'mine', 'my-data']);
  });

  it('keeps imported layers when another pack loads', () => {
    const store = createAppStore();
    store.getState().packManifest('first', createManifest());
    store.getState().addUserLayer(userLayer, ready);
    store.getState().packManifest('second', createManifest());
    const s = store.getState();
    expect([s.userLayers.length, s.layerData.mine?.status, s.layerUi.mine?.visible, s.order[0]]).toEqual([1, 'ready', true, 'mine']);
  });

  it('removes an imported layer with its data and state', () => {
    const store = createAppStore();
    store.getState().addUserLayer(userLayer, ready);
    store.getState().removeUserLayer('mine');
    const s = store.getState();
    expect([s.userLayers.length, s.layerData.mine, s.layerUi.mine, s.order]).toEqual([0, undefined, undefined, []]);
  });

  it('restyles an imported layer by replacing its spec', () => {
    const store = createAppStore();
    store.getState().addUserLayer(userLayer, ready);
    const before = store.getState().userLayers[0];
    store.getState().setUserLayerStyle('mine', { type: 'single', color: '#123456' });
    const after = store.getState().userLayers[0];
    expect(after).not.toBe(before);
    expect(after?.style).toEqual({ type: 'single', color: '#123456' });
  });
});
