import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import { createAppStore } from './store';
import { buildProject, parseProject } from './project_file';

// The exact cases of issue 17: each malformed project file is refused whole, with the file's
// name and the problem's path, before anything in the session changes.

function createLayer(): LayerSpec {
  return { id: 'user-1', title: 'Vùng thử', group: 'my-data', file: 'a.kml', format: 'geojson', geometry: 'point', style: { type: 'single', color: '#123456' }, provenance: { source: 'a.kml' } };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a project document is arbitrary JSON that each test breaks its own way
function createDoc(): Record<string, any> {
  const store = createAppStore();
  store.getState().addUserLayer(createLayer(), {
    status: 'ready',
    data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [102.8, 22.4] }, properties: {} }] },
    featureCount: 1,
    skipped: [],
    error: null,
  });
  store.getState().addSlide({ id: 's1', title: { vi: 'Rừng', en: 'Forest' }, notes: { vi: '', en: '' }, view: { camera: { zoom: 9, lat: 22.4, lng: 102.7 } } });
  return JSON.parse(JSON.stringify(buildProject(store.getState(), { camera: { zoom: 9, lat: 22.4, lng: 102.7 } }, '0.1.0')));
}

function refusal(doc: unknown, file = 'bad.mtmap.json') {
  const r = parseProject(typeof doc === 'string' ? doc : JSON.stringify(doc), file);
  if (r.ok) return { ok: true as const };
  return { ok: false as const, key: r.reason.key, file: r.reason.params?.file, path: r.nested?.problem?.params?.path };
}

describe('project file intake (issue 17)', () => {
  it('accepts the file it saves', () => {
    expect(parseProject(JSON.stringify(createDoc()), 'p.json').ok).toBe(true);
  });

  it('refuses style.categories that is not an array, naming the file and path', () => {
    const doc = createDoc();
    doc.userLayers[0].spec.style = { type: 'categories', field: 'x', categories: 'oops' };
    expect(refusal(doc)).toEqual({ ok: false, key: 'project.error.invalid', file: 'bad.mtmap.json', path: 'userLayers[0].spec.style.categories' });
  });

  it('refuses a camera latitude of 1e308, in the view and in a slide', () => {
    const doc = createDoc();
    doc.view.camera.lat = 1e308;
    expect(refusal(doc)).toMatchObject({ ok: false, path: 'view.camera.lat' });
    const doc2 = createDoc();
    doc2.slides[0].view.camera.lat = 1e308;
    expect(refusal(doc2)).toMatchObject({ ok: false, path: 'slides[0].view.camera.lat' });
  });

  it('refuses 1,000,000 slides at once, without reading them', () => {
    const doc = createDoc();
    const text = JSON.stringify(doc).replace('"slides":[', `"slides":[${'{},'.repeat(1_000_000)}`);
    expect(refusal(text)).toMatchObject({ ok: false, path: 'slides' });
  });

  it('refuses a layer id __proto__ and leaves Object.prototype alone', () => {
    const text = JSON.stringify(createDoc()).replace('"id":"user-1"', '"id":"__proto__"');
    expect(refusal(text)).toMatchObject({ ok: false, path: 'userLayers[0].spec.id' });
    expect(({} as Record<string, unknown>).group).toBeUndefined();
  });

  it('refuses a colour that would inject CSS into a swatch', () => {
    const doc = createDoc();
    doc.userLayers[0].spec.style.color = 'red;background-image:url(http://evil.example/x)';
    expect(refusal(doc)).toMatchObject({ ok: false, path: 'userLayers[0].spec.style.color' });
  });

  it.each(['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/manifest.json', 'blob:http://x/1'])('refuses the pack URL %s', (url) => {
    const doc = createDoc();
    doc.packUrl = url;
    expect(refusal(doc)).toMatchObject({ ok: false, path: 'packUrl' });
  });

  it('refuses nesting deeper than the cap before parsing', () => {
    const doc = createDoc();
    doc.userLayers[0].data.features[0].properties.deep = JSON.parse('['.repeat(100) + ']'.repeat(100));
    expect(refusal(doc)).toMatchObject({ ok: false, key: 'project.error.tooDeep' });
  });

  it('refuses too many features in one layer before looking at them', () => {
    const text = JSON.stringify(createDoc()).replace('"features":[', `"features":[${'0,'.repeat(2_000_001)}`);
    expect(refusal(text)).toMatchObject({ ok: false, path: 'userLayers[0].data.features' });
  });
});

describe('store.applyProject', () => {
  it('replaces the session in one store change', () => {
    const store = createAppStore();
    store.getState().addUserLayer({ ...createLayer(), id: 'user-old' }, { status: 'ready', data: { type: 'FeatureCollection', features: [] }, featureCount: 0, skipped: [], error: null });
    const r = parseProject(JSON.stringify(createDoc()), 'p.json');
    if (!r.ok) throw new Error('expected ok');
    let changes = 0;
    store.subscribe(() => changes++);
    store.getState().applyProject(r.project);
    expect(changes).toBe(1);
    const s = store.getState();
    expect(s.userLayers.map((l) => l.id)).toEqual(['user-1']);
    expect(Object.keys(s.layerData)).toEqual(['user-1']);
    expect(s.order).toEqual(['user-1']);
    expect(s.slides.map((sl) => sl.id)).toEqual(['s1']);
    expect(Object.getPrototypeOf(s.layerUi)).toBe(null);
  });
});
