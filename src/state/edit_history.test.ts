import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { applyFeatureChanges, invertEntry, MAX_UNDO_STEPS, nextFeatureId, pushEntry, emptyHistory, type HistoryEntry } from './edit_history';
import { createAppStore } from './store';
import type { LayerSpec } from '../catalog/manifest_types';

const pt = (id: string, x: number, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [x, 22] }, properties: props });
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('applyFeatureChanges', () => {
  it('adds last, replaces in place, deletes, and puts a deleted feature back where it stood', () => {
    const a = pt('a', 1), b = pt('b', 2), c = pt('c', 3);
    const b2 = pt('b', 9);
    const out = applyFeatureChanges(fc(a, b, c), [{ id: 'b', before: b, after: b2 }, { id: 'd', before: null, after: pt('d', 4) }])!;
    expect(out.features.map((f) => [f.id, (f.geometry as { coordinates: number[] }).coordinates[0]])).toEqual([['a', 1], ['b', 9], ['c', 3], ['d', 4]]);
    const del: HistoryEntry = { kind: 'features', layerId: 'L', changes: [{ id: 'a', before: a, after: null, index: 0 }, { id: 'c', before: c, after: null, index: 2 }] };
    const deleted = applyFeatureChanges(fc(a, b, c), del.changes)!;
    expect(deleted.features.map((f) => f.id)).toEqual(['b']);
    const back = applyFeatureChanges(deleted, (invertEntry(del) as Extract<HistoryEntry, { kind: 'features' }>).changes)!;
    expect(back.features.map((f) => f.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a change that does not match the data', () => {
    expect(applyFeatureChanges(fc(pt('a', 1)), [{ id: 'x', before: pt('x', 1), after: null }])).toBeNull();
    expect(applyFeatureChanges(fc(pt('a', 1)), [{ id: 'a', before: null, after: pt('a', 2) }])).toBeNull();
  });
});

describe('history', () => {
  it('keeps the last MAX_UNDO_STEPS steps and a new step clears redo', () => {
    let h = emptyHistory();
    for (let i = 0; i < MAX_UNDO_STEPS + 5; i++) h = pushEntry(h, { kind: 'attributes', layerId: String(i), edits: [], previous: [] });
    expect(h.past).toHaveLength(MAX_UNDO_STEPS);
    expect(h.past[0]!.layerId).toBe('5');
    expect(MAX_UNDO_STEPS).toBeGreaterThanOrEqual(100);
    h = pushEntry({ past: h.past, future: [h.past[0]!] }, { kind: 'attributes', layerId: 'n', edits: [], previous: [] });
    expect(h.future).toEqual([]);
  });

  it('names new feature ids after the highest in use', () => {
    expect(nextFeatureId(fc(pt('f2', 0), pt('x', 0), pt('f10', 0)))).toBe('f11');
    expect(nextFeatureId(null)).toBe('f1');
  });
});

const planSpec = (id: string): LayerSpec => ({
  id, title: { vi: 'Kế hoạch', en: 'Plan' }, group: 'my-data', file: `${id}.geojson`, format: 'geojson', geometry: 'point',
  style: { type: 'single', color: '#225588' }, provenance: { source: 'test' }, plan: { templateId: null, fields: [{ name: 'ten', type: 'text', label: { vi: 'Tên', en: 'Name' } }] },
});
const ready = (data: FeatureCollection) => ({ status: 'ready' as const, data, featureCount: data.features.length, skipped: [], error: null });

describe('store undo and redo', () => {
  it('undoes and redoes adds, geometry changes, deletes and attribute edits, 150 steps deep', () => {
    const store = createAppStore();
    store.getState().addUserLayer(planSpec('p'), ready(fc()));
    const s = () => store.getState();
    const ids = () => s().layerData.p!.data!.features.map((f) => f.id);
    for (let i = 1; i <= 150; i++) expect(s().editFeatures('p', [{ id: `f${i}`, before: null, after: pt(`f${i}`, i) }])).toBe(true);
    expect(ids()).toHaveLength(150);
    const f1 = s().layerData.p!.data!.features[0]!;
    s().editFeatures('p', [{ id: 'f1', before: f1, after: pt('f1', 100) }]);
    s().updateFeatureProperties('p', [{ index: 0, field: 'ten', value: 'Lô A' }, { index: 1, field: 'ten', value: 'Lô B' }]);
    s().editFeatures('p', [{ id: 'f3', before: s().layerData.p!.data!.features[2]!, after: null, index: 2 }]);
    expect(ids()).toHaveLength(149);
    expect(s().undo()).toBe(true); // delete
    expect(ids().slice(0, 4)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(s().undo()).toBe(true); // bulk attributes
    expect(s().layerData.p!.data!.features[0]!.properties).toEqual({});
    expect(s().undo()).toBe(true); // move
    expect((s().layerData.p!.data!.features[0]!.geometry as { coordinates: number[] }).coordinates[0]).toBe(1);
    expect(s().redo()).toBe(true);
    expect(s().redo()).toBe(true);
    expect(s().layerData.p!.data!.features[1]!.properties).toEqual({ ten: 'Lô B' });
    let undone = 0;
    while (s().undo()) undone++;
    expect(undone).toBe(152); // 153 steps, one of them (the delete) already undone
    expect(ids()).toEqual([]);
    expect(s().redo()).toBe(true);
    expect(ids()).toEqual(['f1']);
  });

  it('refuses edits on a layer that is not editable, and forgets a removed layer’s steps', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const { plan: _p, ...notPlan } = planSpec('q');
    s().addUserLayer(notPlan, ready(fc(pt('a', 1))));
    expect(s().editFeatures('q', [{ id: 'b', before: null, after: pt('b', 2) }])).toBe(false);
    expect(s().setLayerPlan('q', { templateId: null, fields: [] })).toBe(true);
    expect(s().editFeatures('q', [{ id: 'b', before: null, after: pt('b', 2) }])).toBe(true);
    expect(s().history.past).toHaveLength(1);
    s().removeUserLayer('q');
    expect(s().history.past).toHaveLength(0);
    expect(s().undo()).toBe(false);
  });

  it('gives every feature an id when a layer is made editable', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const noId = (x: number): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, 1] }, properties: {} });
    s().addUserLayer({ ...planSpec('r'), plan: undefined }, ready(fc(noId(1), pt('f1', 2), pt('f1', 3), noId(4))));
    s().setLayerPlan('r', { templateId: null, fields: [] });
    const ids = s().layerData.r!.data!.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[1]).toBe('f1');
  });
});
