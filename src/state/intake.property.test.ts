import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateManifest } from '../catalog/validate_manifest';
import { MAX_MANIFEST_LAYERS, MAX_PROBLEMS, MAX_PROJECT_LAYERS, MAX_SLIDES, isColor, isSafeId } from '../catalog/intake_limits';
import type { LayerSpec, LayerStyle } from '../catalog/manifest_types';
import { parseProject, PROJECT_FORMAT } from './project_file';
import { decodeViewHash, type ViewState } from './view_url';

// For arbitrary JSON-ish input the validators never throw, and whatever they accept holds the
// invariants the rest of the app relies on: safe ids, CSS colours only, a finite camera in
// range, bounded counts.

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'type', 'color', 'style', 'layers', 'camera', 'lat', 'view', 'slides', 'categories'), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, -1e308, 22.4, 'red;background:url(x)', '#12345', '#abcdef', 'polygon', 'single', 'my-data', '__proto__'),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).value;

// counted so a run can show the generators reach accepted values, not only refusals
const accepted = { project: 0, manifest: 0 };

function styleColors(style: LayerStyle): unknown[] {
  const out: unknown[] = [style.outlineColor];
  if (style.type === 'single') out.push(style.color);
  if (style.type === 'categories') out.push(style.otherColor, ...style.categories.map((c) => c.color));
  if (style.type === 'graduated') out.push(...style.classes.map((c) => c.color));
  return out.filter((c) => c !== undefined);
}

function checkLayer(l: LayerSpec): void {
  expect(isSafeId(l.id)).toBe(true);
  for (const c of styleColors(l.style)) expect(isColor(c)).toBe(true);
}

function checkView(v: ViewState): void {
  if (v.camera) {
    for (const n of [v.camera.zoom, v.camera.lat, v.camera.lng]) expect(Number.isFinite(n)).toBe(true);
    expect(Math.abs(v.camera.lat)).toBeLessThanOrEqual(90);
    expect(Math.abs(v.camera.lng)).toBeLessThanOrEqual(180);
  }
  for (const id of Object.keys(v.layers ?? {})) expect(isSafeId(id)).toBe(true);
  if (v.layers) expect(Object.getPrototypeOf(v.layers)).toBe(null);
}

// a valid project skeleton whose parts fast-check replaces with arbitrary values
const projectLike = fc.record({
  format: fc.constant(PROJECT_FORMAT),
  version: fc.constantFrom<unknown>(1, 1, 1, 0, 2, 'x'),
  packUrl: fc.oneof(fc.constant(null), fc.constantFrom('http://127.0.0.1:9/m.json', 'javascript:x', 'data:,x'), fc.string({ maxLength: 10 })),
  view: fc.oneof(json, fc.record({ camera: fc.record({ zoom: fc.double(), lat: fc.double(), lng: fc.double() }) })),
  userLayers: fc.array(
    fc.record({
      spec: fc.oneof(
        json,
        fc.record({
          id: fc.oneof(fc.constantFrom('user-1', '__proto__', 'constructor', 'a b'), fc.string({ maxLength: 6 })),
          title: fc.constant('T'),
          group: fc.constantFrom('my-data', 'x'),
          file: fc.constant('a.geojson'),
          format: fc.constant('geojson'),
          geometry: fc.constantFrom('point', 'polygon', 'x'),
          style: fc.oneof(json, fc.record({ type: fc.constantFrom('single', 'categories'), color: fc.oneof(leaf, fc.constant('#123456')), field: fc.constant('f'), categories: json })),
          provenance: fc.constant({ source: 's' }),
        }),
      ),
      data: fc.oneof(json, fc.constant({ type: 'FeatureCollection', features: [] })),
    }),
    { maxLength: 3 },
  ),
  slides: fc.oneof(json, fc.array(fc.record({ id: fc.oneof(fc.constant('s1'), fc.string({ maxLength: 4 })), title: json, notes: json, view: json }), { maxLength: 3 })),
  aoi: fc.oneof(fc.constant(undefined), json),
});

// a project that should be accepted, with arbitrary but in-range parts, so every run reaches
// the accepted branch (the skeleton above alone is refused in most draws)
const validProject = fc.record({
  format: fc.constant(PROJECT_FORMAT),
  version: fc.constant(1),
  packUrl: fc.constantFrom<unknown>(null, 'http://127.0.0.1:9/m.json'),
  view: fc.record({
    camera: fc.record({
      zoom: fc.double({ min: 0, max: 20, noNaN: true }),
      lat: fc.double({ min: -80, max: 80, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
  }),
  userLayers: fc.constant([]),
  slides: fc.array(fc.record({ id: fc.constantFrom('s1', 's2', 'slide-3'), title: fc.string({ maxLength: 20 }), notes: fc.string({ maxLength: 20 }), view: fc.constant({}) }), { maxLength: 3 }),
});

describe('project file validator (property)', () => {
  it('never throws on arbitrary JSON, and what it accepts holds the invariants', () => {
    fc.assert(
      fc.property(fc.oneof(json, projectLike, validProject), (doc) => {
        const r = parseProject(JSON.stringify(doc) ?? 'null', 'p.json');
        if (!r.ok) {
          expect((r.problems?.length ?? 0) <= MAX_PROBLEMS).toBe(true);
          return;
        }
        accepted.project++;
        const p = r.project;
        expect(p.userLayers.length).toBeLessThanOrEqual(MAX_PROJECT_LAYERS);
        expect(p.slides.length).toBeLessThanOrEqual(MAX_SLIDES);
        p.userLayers.forEach((l) => checkLayer(l.spec));
        checkView(p.view);
        for (const s of p.slides) {
          expect(isSafeId(s.id)).toBe(true);
          checkView(s.view);
        }
        if (p.packUrl !== null) expect(['http:', 'https:']).toContain(new URL(p.packUrl).protocol);
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches accepted projects, so the invariants above were checked', () => {
    expect(accepted.project).toBeGreaterThan(0);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void parseProject(text, 'p.json')), { numRuns: 500 });
  });
});

describe('manifest validator (property)', () => {
  const manifestLike = fc.record({
    schemaVersion: fc.constantFrom<unknown>(1, 1, 2),
    id: fc.constantFrom<unknown>('pack', '__proto__'),
    title: fc.constant('P'),
    bounds: fc.constant([102, 22, 103, 23]),
    groups: fc.oneof(json, fc.constant([{ id: 'g', title: 'G' }])),
    layers: fc.array(
      fc.oneof(
        json,
        fc.record({
          id: fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'constructor'), fc.string({ maxLength: 5 })),
          title: fc.constant('A'),
          group: fc.constant('g'),
          file: fc.constant('a.geojson'),
          format: fc.constant('geojson'),
          geometry: fc.constant('point'),
          style: fc.oneof(json, fc.record({ type: fc.constant('single'), color: fc.oneof(leaf, fc.constantFrom('#123', 'rgb(1,2,3)', 'navy')) })),
          provenance: fc.constant({ source: 's' }),
        }),
      ),
      { maxLength: 4 },
    ),
  });

  it('never throws, bounds its problems, and what it accepts holds the invariants', () => {
    fc.assert(
      fc.property(fc.oneof(json, manifestLike), (m) => {
        const r = validateManifest(JSON.parse(JSON.stringify(m) ?? 'null'));
        if (!r.ok) {
          expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
          expect(r.total).toBeGreaterThanOrEqual(r.problems.length);
          return;
        }
        accepted.manifest++;
        expect(r.manifest.layers.length).toBeLessThanOrEqual(MAX_MANIFEST_LAYERS);
        expect(isSafeId(r.manifest.id)).toBe(true);
        for (const g of r.manifest.groups) expect(isSafeId(g.id)).toBe(true);
        r.manifest.layers.forEach(checkLayer);
      }),
      { numRuns: 2000 },
    );
    expect(accepted.manifest).toBeGreaterThan(0);
  });
});

describe('URL hash decoder (property)', () => {
  it('never throws and keeps only safe ids and a camera in range', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (hash) => checkView(decodeViewHash(hash))), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'a', 'map=1/2/3', '1e308'), fc.string({ maxLength: 6 })), { maxLength: 6 }), (parts) =>
        checkView(decodeViewHash(`#lyr=${parts.join(',')}&map=${parts.join('/')}`)),
      ),
    );
  });
});
