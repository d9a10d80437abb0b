import { describe, expect, it } from 'vitest';
import { validateManifest } from './validate_manifest';

function createManifest(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'test',
    title: { vi: 'Gói thử', en: 'Test pack' },
    bounds: [102.3, 22.1, 103, 22.8],
    groups: [{ id: 'boundaries', title: 'Boundaries' }],
    boundarySets: [{ id: '2013', title: '2013', layer: 'communes', codeField: 'gso_code', nameField: 'name_vi' }],
    layers: [
      {
        id: 'communes',
        title: 'Communes',
        group: 'boundaries',
        file: 'communes.geojson',
        format: 'geojson',
        geometry: 'polygon',
        style: { type: 'single', color: '#ffcc00' },
        provenance: { source: 'test' },
      },
    ],
    ...patch,
  };
}

function problemsOf(input: unknown) {
  const r = validateManifest(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`);
}

describe('validateManifest', () => {
  it('accepts a minimal valid manifest', () => {
    expect(validateManifest(createManifest()).ok).toBe(true);
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual(['$ not-object']);
  });

  it('rejects an unsupported schema version', () => {
    expect(problemsOf(createManifest({ schemaVersion: 2 }))).toEqual(['$.schemaVersion schema-version']);
  });

  it('reports every problem with its path in one pass', () => {
    const m = createManifest();
    const layer = (m.layers as Record<string, unknown>[])[0]!;
    delete layer.file;
    layer.geometry = 'polygonz';
    layer.style = { type: 'categories', field: 'use', categories: [{ value: 'a', color: 'green-ish', label: 'A' }] };
    expect(problemsOf(m)).toEqual([
      '$.layers[0].file required',
      '$.layers[0].geometry enum',
      '$.layers[0].style.categories[0].color color',
      '$.boundarySets[0].layer enum',
    ]);
  });

  it('requires coordinate columns for CSV layers and point geometry', () => {
    const m = createManifest({
      boundarySets: [],
      layers: [{ id: 's', title: 'S', group: 'boundaries', file: 's.csv', format: 'csv', geometry: 'polygon', style: { type: 'single', color: '#000' }, provenance: { source: 'x' } }],
    });
    expect(problemsOf(m)).toEqual(['$.layers[0].coordinates required', '$.layers[0].geometry enum']);
  });

  it('catches unknown groups, duplicate ids and a bad default boundary set', () => {
    const base = createManifest();
    const layer = (base.layers as Record<string, unknown>[])[0]!;
    const m = createManifest({ layers: [layer, { ...layer, group: 'nope' }], defaultBoundarySet: '2025' });
    expect(problemsOf(m)).toEqual(['$.layers[1].group unknown-ref', '$.layers[1].id duplicate', '$.defaultBoundarySet unknown-ref']);
  });

  it('checks that an aggregating boundary set names another set and a table', () => {
    const sets = (agg: Record<string, unknown>) => [
      { id: '2013', title: '2013', layer: 'communes', codeField: 'gso_code', nameField: 'name_vi' },
      { id: '2025', title: '2025', layer: 'communes', codeField: 'gso_code', nameField: 'name_vi', aggregates: agg },
    ];
    const tables = [{ id: 'map', title: 'Mapping', file: 'map.csv' }];
    const good = { from: '2013', table: 'map', fromField: 'old', toField: 'new' };
    expect(problemsOf(createManifest({ boundarySets: sets(good), tables }))).toEqual([]);
    expect(problemsOf(createManifest({ boundarySets: sets({ ...good, from: '2025', table: 'nope' }), tables }))).toEqual([
      '$.boundarySets[1].aggregates.from unknown-ref',
      '$.boundarySets[1].aggregates.table unknown-ref',
    ]);
    expect(problemsOf(createManifest({ boundarySets: sets({ from: '2013', table: 'map' }), tables }))).toEqual([
      '$.boundarySets[1].aggregates.fromField required',
      '$.boundarySets[1].aggregates.toField required',
    ]);
  });

  it('checks bounds are west < east and south < north', () => {
    expect(problemsOf(createManifest({ bounds: [103, 22, 102, 23] }))).toEqual(['$.bounds range']);
  });

  it('checks opacity stays within 0..1', () => {
    const m = createManifest();
    (m.layers as Record<string, unknown>[])[0]!.opacity = 1.5;
    expect(problemsOf(m)).toEqual(['$.layers[0].opacity range']);
  });

  it('checks measured is a boolean', () => {
    const m = createManifest();
    (m.layers as Record<string, unknown>[])[0]!.measured = 'no';
    expect(problemsOf(m)).toEqual(['$.layers[0].measured type']);
    (m.layers as Record<string, unknown>[])[0]!.measured = false;
    expect(problemsOf(m)).toEqual([]);
  });

  it('checks a graduated style\'s noData is a boolean', () => {
    const m = createManifest();
    const layer = (m.layers as Record<string, unknown>[])[0]!;
    layer.style = { type: 'graduated', field: 'v', classes: [{ color: '#000000' }], noData: 'yes' };
    expect(problemsOf(m)).toEqual(['$.layers[0].style.noData type']);
    layer.style = { type: 'graduated', field: 'v', classes: [{ color: '#000000' }], noData: true };
    expect(problemsOf(m)).toEqual([]);
  });
});

describe('validateManifest: hostile input (issue 17)', () => {
  const layer = (patch: Record<string, unknown> = {}) => ({
    id: 'x',
    title: 'X',
    group: 'boundaries',
    file: 'x.geojson',
    format: 'geojson',
    geometry: 'point',
    style: { type: 'single', color: '#ffcc00' },
    provenance: { source: 'test' },
    ...patch,
  });

  it('refuses a million layers as one problem, without looking at each', () => {
    // every entry is one object that counts the reads of its fields
    let reads = 0;
    const count = (): undefined => {
      reads++;
      return undefined;
    };
    const layer = new Proxy({}, { get: count, has: () => count() ?? false, ownKeys: () => (count(), []) });
    const many = new Array(1_000_000).fill(layer);
    const r = validateManifest(createManifest({ layers: many, boundarySets: [] }));
    expect(reads).toBe(0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['$.layers too-many']);
  });

  it('keeps a bounded list of problems and counts the rest', () => {
    const bad = Array.from({ length: 500 }, (_, i) => layer({ id: `l${i}`, geometry: 'nope' }));
    const r = validateManifest(createManifest({ layers: bad, boundarySets: [] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.length).toBe(50);
      expect(r.total).toBe(500);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype', 'a b', 'x;y', '', '-lead', 'a'.repeat(65)])('refuses the layer id %j', (id) => {
    const r = validateManifest(JSON.parse(JSON.stringify(createManifest({ layers: [layer({ id })], boundarySets: [] }))));
    expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['$.layers[0].id ' + (id === '' ? 'type' : 'id')]);
  });

  it('refuses __proto__ as a group id and as a manifest id', () => {
    expect(validateManifest(JSON.parse(JSON.stringify(createManifest({ groups: [{ id: '__proto__', title: 'G' }] })))).ok).toBe(false);
    expect(validateManifest(createManifest({ id: '__proto__' })).ok).toBe(false);
  });

  it.each(['rgb(0,0,0;background-image:url(http://evil.example/x)', 'hsl(;background:url(//evil.example/x)', 'red;background-image:url(http://evil.example/x)', 'url(http://evil.example/x)', 'rgb(1,2,3);x:y', 'var(--x)', '#12345', 'expression(alert(1))', 'red"'])(
    'refuses the colour %j',
    (color) => {
      expect(problemsOf(createManifest({ layers: [layer({ style: { type: 'single', color } })], boundarySets: [] }))).toEqual(['$.layers[0].style.color color']);
    },
  );

  it.each(['#abc', '#abcd', '#a1b2c3', '#a1b2c3d4', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'rgb(10% 20% 30% / 50%)', 'hsl(120, 50%, 40%)', 'hsla(120deg 50% 40% / .3)', 'SteelBlue', 'transparent'])(
    'accepts the colour %j',
    (color) => {
      expect(problemsOf(createManifest({ layers: [layer({ style: { type: 'single', color } })], boundarySets: [] }))).toEqual([]);
    },
  );

  it('refuses an over-long title', () => {
    expect(problemsOf(createManifest({ title: 'x'.repeat(10_001) }))).toEqual(['$.title type']);
  });
});
