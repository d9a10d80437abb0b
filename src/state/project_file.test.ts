import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import { createAppStore } from './store';
import { encodeText } from '../io/point_table';
import { buildProject, parseProject, projectFileName, PROJECT_VERSION } from './project_file';

function createUserLayer(): LayerSpec {
  return { id: 'user-1', title: 'Vùng thử', group: 'my-data', file: 'a.kml', format: 'geojson', geometry: 'point', style: { type: 'single', color: '#123456' }, provenance: { source: 'a.kml' } };
}

function createSavedText(): string {
  const store = createAppStore();
  store.getState().addUserLayer(createUserLayer(), {
    status: 'ready',
    data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [102.8, 22.4] }, properties: { tên: 'Trường Pa Vệ Sử' } }] },
    featureCount: 1,
    skipped: [],
    error: null,
  });
  store.getState().addSlide({ id: 's1', title: { vi: 'Rừng', en: 'Forest' }, notes: { vi: 'ghi chú', en: 'notes' }, view: { camera: { zoom: 9, lat: 22.4, lng: 102.7 } } });
  return JSON.stringify(buildProject(store.getState(), { lang: 'vi', boundarySet: '2025' }, '0.1.0', new Date('2026-11-27T10:00:00Z')));
}

describe('project file', () => {
  it('round-trips imported layers, the view and slides', () => {
    const r = parseProject(createSavedText(), 'p.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.version).toBe(PROJECT_VERSION);
    expect(r.project.userLayers[0]?.spec.title).toBe('Vùng thử');
    expect(r.project.userLayers[0]?.data.features[0]?.properties).toEqual({ tên: 'Trường Pa Vệ Sử' });
    expect(r.project.slides.map((s) => s.title.en)).toEqual(['Forest']);
    expect(r.project.view).toEqual({ lang: 'vi', boundarySet: '2025' });
    expect(r.project.savedAt).toBe('2026-11-27T10:00:00.000Z');
  });

  it('saves a large layer held as typed columns as GeoJSON points', () => {
    const store = createAppStore();
    const points = { length: 2, positions: new Float64Array([102.8, 22.4, 102.9, 22.5]), columns: ['ma_ho', 'dien_tich'], numeric: { dien_tich: new Float64Array([1.5, 2]) }, text: { ma_ho: encodeText(['HO-1', 'HO-2']) } };
    store.getState().addUserLayer(createUserLayer(), { status: 'ready', data: null, points, featureCount: 2, skipped: [], error: null });
    const r = parseProject(JSON.stringify(buildProject(store.getState(), { lang: 'vi' }, '0.1.0')), 'p.json');
    expect(r.ok && r.project.userLayers[0]?.data.features.map((f) => [f.geometry, f.properties])).toEqual([
      [{ type: 'Point', coordinates: [102.8, 22.4] }, { ma_ho: 'HO-1', dien_tich: 1.5 }],
      [{ type: 'Point', coordinates: [102.9, 22.5] }, { ma_ho: 'HO-2', dien_tich: 2 }],
    ]);
  });

  it('refuses a damaged file with the parser detail', () => {
    const r = parseProject(createSavedText().slice(0, 50), 'p.json');
    expect(!r.ok && r.reason.key).toBe('project.error.json');
  });

  it('refuses a JSON file that is not a project', () => {
    const r = parseProject('{"type":"FeatureCollection","features":[]}', 'x.geojson');
    expect(r).toEqual({ ok: false, reason: { key: 'project.error.foreign', params: { file: 'x.geojson' } } });
  });

  it('refuses a file from a newer version of the app', () => {
    const doc = JSON.parse(createSavedText());
    doc.version = PROJECT_VERSION + 1;
    const r = parseProject(JSON.stringify(doc), 'p.json');
    expect(!r.ok && r.reason.key).toBe('project.error.newer');
  });

  it('refuses layers whose data is not GeoJSON', () => {
    const doc = JSON.parse(createSavedText());
    doc.userLayers[0].data = { type: 'Nope' };
    const r = parseProject(JSON.stringify(doc), 'p.json');
    expect(!r.ok && r.nested?.problem?.params?.path).toBe('userLayers[0].data');
  });

  it('names files by date', () => {
    expect(projectFileName(new Date(2026, 10, 27, 9, 5))).toBe('muong-te-20261127-0905.mtmap.json');
  });
});
