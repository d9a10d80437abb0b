import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { createAppStore } from '../state/store';
import type { PackManifest } from '../catalog/manifest_types';
import { createPlanEditor } from './plan_edit';
import { renderMessage } from '../i18n/i18n';

const square = (x0: number, y0: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] });
const communes = (codes: [string, string]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(102.4, 22.4, 0.1), properties: { ma: codes[0], ten: 'Xã Tây' } },
    { type: 'Feature', geometry: square(102.5, 22.4, 0.1), properties: { ma: codes[1], ten: 'Xã Đông' } },
  ],
});

const manifest: PackManifest = {
  schemaVersion: 1, id: 'p', title: 'P', bounds: [102, 22, 103, 23], groups: [{ id: 'g', title: 'G' }],
  boundarySets: [
    { id: 'old', title: 'Old', layer: 'c-old', codeField: 'ma', nameField: 'ten' },
    { id: 'new', title: 'New', layer: 'c-new', codeField: 'ma', nameField: 'ten' },
  ],
  layers: ['c-old', 'c-new'].map((id) => ({ id, title: id, group: 'g', file: `${id}.geojson`, format: 'geojson', geometry: 'polygon', style: { type: 'single', color: '#000000' }, provenance: { source: 's' } })),
  planTemplates: [{ id: 'plan-2026', title: { vi: 'Kế hoạch trồng rừng 2026', en: 'Planting plan 2026' }, geometry: 'polygon', fields: [{ name: 'ten', type: 'text', label: { vi: 'Tên', en: 'Name' }, required: true }] }],
};

function setup() {
  const store = createAppStore();
  const s = store.getState();
  s.packManifest('m.json', manifest);
  s.setLayerData('c-old', { status: 'ready', data: communes(['001', '002']), featureCount: 2, skipped: [], error: null });
  s.setLayerData('c-new', { status: 'ready', data: communes(['101', '102']), featureCount: 2, skipped: [], error: null });
  s.packDone();
  return { store, editor: createPlanEditor(store) };
}

describe('plan editor', () => {
  it('creates a layer from a template, adds a plot with area and commune, and edits it with undo', () => {
    const { store, editor } = setup();
    const layer = editor.createLayer('plan-2026');
    expect(layer.ok).toBe(true);
    const id = (layer as { id: string }).id;
    const spec = store.getState().userLayers.find((l) => l.id === id)!;
    expect(spec.plan?.templateId).toBe('plan-2026');
    expect(spec.title).toEqual({ vi: 'Kế hoạch trồng rừng 2026', en: 'Planting plan 2026' });

    // ring given open: it is closed before it is checked and stored
    const open = { type: 'Polygon' as const, coordinates: [square(102.45, 22.45, 0.01).coordinates[0]!.slice(0, 4)] };
    const added = editor.add(id, { geometry: open, properties: { ten: 'Lô 1', area_ha: 999 } });
    expect(added).toEqual({ ok: true, id: 'f1' });
    const f = () => store.getState().layerData[id]!.data!.features[0]!;
    expect(f().properties).toMatchObject({ ten: 'Lô 1', ma_xa: '001', ten_xa: 'Xã Tây' });
    expect(f().properties!.area_ha).toBeGreaterThan(100);
    expect(f().properties!.area_ha).not.toBe(999);

    editor.update(id, 'f1', { geometry: square(102.55, 22.45, 0.01) });
    expect(f().properties).toMatchObject({ ten: 'Lô 1', ma_xa: '002' });
    store.getState().undo();
    expect(f().properties!.ma_xa).toBe('001');
    store.getState().redo();
    expect(f().properties!.ma_xa).toBe('002');

    store.getState().setBoundarySet('new');
    editor.refreshCommunes();
    expect(f().properties!.ma_xa).toBe('102');
  });

  it('refuses an invalid geometry with a message that says where, and changes nothing', () => {
    const { store, editor } = setup();
    const id = (editor.createLayer('plan-2026') as { id: string }).id;
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[102.45, 22.45], [102.47, 22.47], [102.47, 22.45], [102.45, 22.47], [102.45, 22.45]]] };
    const r = editor.add(id, { geometry: bowtie });
    expect(r.ok).toBe(false);
    const text = renderMessage('en', (r as { problem: Parameters<typeof renderMessage>[1] }).problem);
    expect(text).toContain('crosses itself at 22.460000, 102.460000');
    expect(store.getState().layerData[id]!.data!.features).toHaveLength(0);
    expect(store.getState().history.past).toHaveLength(0);
    expect(editor.add(id, { geometry: { type: 'Point', coordinates: [102.4, 22.4] } }).ok).toBe(false);
    expect(editor.createLayer('nope').ok).toBe(false);
  });

  it('replaces features in one undo step (split or merge) and makes an imported layer editable', () => {
    const { store, editor } = setup();
    const id = (editor.createLayer('plan-2026') as { id: string }).id;
    editor.add(id, { geometry: square(102.45, 22.45, 0.02), properties: { ten: 'A' } });
    const r = editor.replace(id, ['f1'], [{ geometry: square(102.45, 22.45, 0.01), properties: { ten: 'A' } }, { geometry: square(102.46, 22.45, 0.01), properties: { ten: 'A' } }]);
    expect(r).toEqual({ ok: true, ids: ['f2', 'f3'] });
    expect(store.getState().layerData[id]!.data!.features.map((f) => f.id)).toEqual(['f2', 'f3']);
    store.getState().undo();
    expect(store.getState().layerData[id]!.data!.features.map((f) => f.id)).toEqual(['f1']);

    store.getState().addUserLayer(
      { id: 'imp', title: 'Imported', group: 'my-data', file: 'a.geojson', format: 'geojson', geometry: 'polygon', style: { type: 'single', color: '#123456' }, provenance: { source: 'f' } },
      { status: 'ready', data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square(102.52, 22.45, 0.01), properties: { lo: 'B' } }] }, featureCount: 1, skipped: [], error: null },
    );
    expect(editor.makeEditable('imp').ok).toBe(true);
    const spec = store.getState().userLayers.find((l) => l.id === 'imp')!;
    expect(spec.plan?.fields.map((f) => f.name)).toEqual(['lo']);
    expect(store.getState().layerData.imp!.data!.features[0]).toMatchObject({ id: 'f1', properties: { lo: 'B', ma_xa: '002' } });
    expect(editor.remove('imp', ['f1'])).toEqual({ ok: true, ids: [] });
    expect(editor.remove('imp', ['zzz']).ok).toBe(false);
  });
});
