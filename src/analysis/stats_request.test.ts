import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpec, PackManifest } from '../catalog/manifest_types';
import type { LayerInputs, LayerSource } from './layer_inputs';
import { disbursementPair, groupableFields, numericFields, statsLayers, statsRequest } from './stats_request';

function createLayer(id: string, patch: Partial<LayerSpec> = {}): LayerSpec {
  return { id, title: id, group: 'g', file: `${id}.geojson`, format: 'geojson', geometry: 'polygon', style: { type: 'single', color: '#000000' }, provenance: { source: 's' }, ...patch };
}

function createFeature(props: Record<string, unknown>): Feature {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [0, 0] } };
}

function createState(layers: LayerSpec[], data: Record<string, FeatureCollection> = {}): LayerInputs {
  const manifest = {
    schemaVersion: 1, id: 'p', title: 'p', bounds: [0, 0, 1, 1], groups: [{ id: 'g', title: 'g' }], layers,
    boundarySets: [{ id: 'b', title: 'b', layer: 'communes', codeField: 'code', nameField: 'name' }],
  } as unknown as PackManifest;
  const layerData: Record<string, LayerSource> = {};
  for (const [id, fc] of Object.entries(data)) layerData[id] = { status: 'ready', data: fc };
  return { pack: { manifest }, userLayers: [], layerData, boundarySet: 'b' };
}

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('statsLayers', () => {
  it('offers polygon and point layers but not boundary layers or lines', () => {
    const state = createState([createLayer('communes'), createLayer('forest'), createLayer('roads', { geometry: 'line' }), createLayer('sites', { geometry: 'point' })]);
    expect(statsLayers(state).map((l) => l.id)).toEqual(['forest', 'sites']);
  });

  it('leaves out layers the manifest marks measured: false', () => {
    const state = createState([createLayer('outline', { measured: false }), createLayer('forest', { measured: true }), createLayer('sites', { geometry: 'point' })]);
    expect(statsLayers(state).map((l) => l.id)).toEqual(['forest', 'sites']);
  });
});

describe('fields', () => {
  it('puts the style field first and leaves out ids and one-value fields', () => {
    const layer = createLayer('f', { style: { type: 'categories', field: 'use', categories: [] } });
    const features = [1, 2, 3].map((i) => createFeature({ id: `x${i}`, use: i % 2 ? 'a' : 'b', origin: i === 1 ? 'n' : 'p', kind: 'same' }));
    features.push(...Array.from({ length: 30 }, (_, i) => createFeature({ id: `y${i}`, use: 'a' })));
    expect(groupableFields(layer, features)).toEqual(['use', 'origin']);
  });

  it('sums declared number fields, or numeric text that is not a code or year', () => {
    const features = [createFeature({ budget: '100', year: '2020', commune_code: '03433', lon: '102', note: 'x' })];
    expect(numericFields(createLayer('p', { coordinates: { lon: 'lon', lat: 'lat' } }), features)).toEqual(['budget']);
    const declared = createLayer('p', { popup: { fields: [{ field: 'a', label: 'a', format: 'integer' }, { field: 'y', label: 'y', format: 'year' }] } });
    expect(numericFields(declared, features)).toEqual(['a']);
  });

  it('finds a budget / disbursed pair', () => {
    expect(disbursementPair(['budget_mvnd', 'disbursed_mvnd'])).toEqual({ part: 'disbursed_mvnd', whole: 'budget_mvnd' });
    expect(disbursementPair(['budget_mvnd'])).toBeNull();
  });
});

describe('statsRequest', () => {
  it('builds engine parameters over the active boundary set, grouped by the style field', () => {
    const forest = createLayer('forest', { style: { type: 'categories', field: 'use', categories: [] } });
    const state = createState([createLayer('communes'), forest], { communes: fc([]), forest: fc([]) });
    const req = statsRequest(state, { layer: 'forest' });
    expect(req.ok && req.params.groupBy).toBe('use');
    expect(req.ok && req.params.boundaryCodeField).toBe('code');
    const none = statsRequest(state, { layer: 'forest', groupBy: null });
    expect(none.ok && 'groupBy' in none.params).toBe(false);
  });

  it('reports a missing layer, boundary set or data', () => {
    const state = createState([createLayer('communes'), createLayer('forest')], { communes: fc([]) });
    expect(statsRequest(state, { layer: 'nope' })).toEqual({ ok: false, reason: 'no-layer' });
    expect(statsRequest(state, { layer: 'forest', boundaries: 'zz' })).toEqual({ ok: false, reason: 'no-boundaries' });
    expect(statsRequest(state, { layer: 'forest' })).toEqual({ ok: false, reason: 'loading' });
  });
});
