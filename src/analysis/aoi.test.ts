import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { LayerSpec, PackManifest } from '../catalog/manifest_types';
import type { LayerInputs, LayerSource } from './layer_inputs';
import { encodeText, type PointTable } from '../io/point_table';
import { lonLatRectAreaM2 } from './area';
import { prepareBoundaries } from './boundary_units';
import { computeStats } from './overlay_stats';
import {
  analyseAoi,
  aoiAreaHa,
  aoiLayerQueries,
  breakdownToCsv,
  collectPolygons,
  communeAoi,
  isSimple,
  toAoiGeometry,
  type AoiCompute,
  type AreaOfInterest,
} from './aoi';

// Synthetic shapes with exact answers: lon/lat rectangles, whose ellipsoidal area is known in
// closed form (lonLatRectAreaM2), so every hectare below is checked against an independent value.

const rect = (w: number, s: number, e: number, n: number): Position[][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const rectHa = (w: number, s: number, e: number, n: number) => lonLatRectAreaM2(w, s, e, n) / 10_000;
const poly = (rings: Position[][], props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: props });
const point = (x: number, y: number, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: props });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

function createLayer(id: string, patch: Partial<LayerSpec> = {}): LayerSpec {
  return { id, title: id, group: 'g', file: `${id}.geojson`, format: 'geojson', geometry: 'polygon', style: { type: 'single', color: '#000000' }, provenance: { source: 's' }, ...patch };
}

function createState(layers: LayerSpec[], data: Record<string, FeatureCollection>): LayerInputs {
  const manifest = {
    schemaVersion: 1, id: 'p', title: 'p', bounds: [102, 22, 103, 23], groups: [{ id: 'g', title: 'g' }], layers,
    boundarySets: [{ id: 'b', title: 'b', layer: 'communes', codeField: 'code', nameField: 'name' }],
  } as unknown as PackManifest;
  const layerData: Record<string, LayerSource> = {};
  for (const [id, d] of Object.entries(data)) layerData[id] = { status: 'ready', data: d };
  return { pack: { manifest }, userLayers: [], layerData, boundarySet: 'b' };
}

const engine: AoiCompute = (params, onProgress) => Promise.resolve(computeStats(params, { onProgress }));

describe('AOI geometry', () => {
  it('keeps one clean polygon exactly as drawn', () => {
    const g: Polygon = { type: 'Polygon', coordinates: rect(102.5, 22.3, 102.6, 22.4) };
    expect(toAoiGeometry(g)).toEqual(g);
    expect((toAoiGeometry(g) as Polygon).coordinates).toBe(g.coordinates);
    expect(aoiAreaHa(g)).toBeCloseTo(rectHa(102.5, 22.3, 102.6, 22.4), 6);
  });

  it('unions overlapping polygons so their overlap counts once', () => {
    const input = fc([poly(rect(102.5, 22.3, 102.7, 22.4)), poly(rect(102.6, 22.3, 102.8, 22.4)), point(102.9, 22.5)]);
    const g = toAoiGeometry(input)!;
    expect(g.type).toBe('Polygon');
    expect(aoiAreaHa(g)).toBeCloseTo(rectHa(102.5, 22.3, 102.8, 22.4), 3);
  });

  it('keeps disjoint polygons as a multipolygon and drops everything that is not a polygon', () => {
    const input = fc([poly(rect(102.5, 22.3, 102.6, 22.4)), poly(rect(102.7, 22.3, 102.8, 22.4)), point(1, 2), ({ type: 'Feature', geometry: null, properties: {} }) as unknown as Feature]);
    const g = toAoiGeometry(input)!;
    expect(g.type).toBe('MultiPolygon');
    expect(aoiAreaHa(g)).toBeCloseTo(rectHa(102.5, 22.3, 102.6, 22.4) * 2, 3);
    expect(toAoiGeometry(fc([point(1, 2)]))).toBeNull();
    expect(toAoiGeometry({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBeNull();
    expect(collectPolygons({ type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: rect(0, 0, 1, 1) }] })).toHaveLength(1);
  });

  it('resolves a ring that crosses itself (a bow tie) instead of measuring it by the shoelace', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[102.5, 22.3], [102.7, 22.5], [102.7, 22.3], [102.5, 22.5], [102.5, 22.3]]] };
    expect(isSimple(bowTie.coordinates)).toBe(false);
    const g = toAoiGeometry(bowTie)!;
    // two triangles meeting at the centre: half the bounding box
    expect(aoiAreaHa(g)).toBeCloseTo(rectHa(102.5, 22.3, 102.7, 22.5) / 2, -1);
    expect(aoiAreaHa(g)).toBeGreaterThan(0.45 * rectHa(102.5, 22.3, 102.7, 22.5));
  });

  it('takes a commune as the engine takes it: every feature with the code', () => {
    const communes = fc([
      poly(rect(102.5, 22.3, 102.6, 22.4), { code: '03433', name: 'Mường Tè' }),
      poly(rect(102.7, 22.3, 102.8, 22.4), { code: '03433', name: 'Mường Tè' }),
      poly(rect(102.6, 22.3, 102.7, 22.4), { code: '03436', name: 'Thu Lũm' }),
    ]);
    const aoi = communeAoi(communes, 'code', 'name', '03433')!;
    expect(aoi).toMatchObject({ source: 'commune', name: 'Mường Tè', code: '03433' });
    const unit = prepareBoundaries(communes, 'code', 'name').units.find((u) => u.code === '03433')!;
    expect(aoiAreaHa(aoi.geometry)).toBeCloseTo(unit.areaM2 / 10_000, 9);
    expect(communeAoi(communes, 'code', 'name', '99999')).toBeNull();
  });
});

describe('AOI breakdown', () => {
  const forest = createLayer('forest', { style: { type: 'categories', field: 'use', categories: [] } });
  const sites = createLayer('sites', { geometry: 'point', popup: { fields: [{ field: 'budget', label: 'Budget', format: 'number' }] } as LayerSpec['popup'] });
  const communes = createLayer('communes');
  const data = {
    forest: fc([poly(rect(102.5, 22.3, 102.6, 22.4), { use: 'RPH' }), poly(rect(102.6, 22.3, 102.7, 22.4), { use: 'RSX' }), poly(rect(102.55, 22.3, 102.65, 22.4), { use: 'RPH' })]),
    sites: fc([point(102.52, 22.35, { budget: 100 }), point(102.58, 22.35, { budget: '250.5' }), point(102.9, 22.35, { budget: 1000 })]),
    communes: fc([poly(rect(102, 22, 103, 23), { code: '1', name: 'x' })]),
  };
  // AOI: the western half of the forest, 102.5 – 102.62
  const aoi: AreaOfInterest = { source: 'drawn', name: '', geometry: { type: 'Polygon', coordinates: rect(102.5, 22.3, 102.62, 22.4) } };

  it('measures each layer inside the AOI: hectares per class (overlaps once), % of the AOI, point counts and sums', async () => {
    const state = createState([communes, forest, sites], data);
    const { queries, pending } = aoiLayerQueries(state, aoi.geometry);
    expect(pending).toEqual([]);
    expect(queries.map((q) => q.layer.id)).toEqual(['forest', 'sites']);
    const fractions: number[] = [];
    const b = await analyseAoi(aoi, queries, engine, { onProgress: (f) => fractions.push(f) });
    const aoiHa = rectHa(102.5, 22.3, 102.62, 22.4);
    expect(b.areaHa).toBeCloseTo(aoiHa, 6);
    const f = b.layers[0]!;
    expect(f.rows.map((r) => r.class)).toEqual(['RPH', 'RSX']);
    // RPH: 102.5–102.6 and 102.55–102.65 overlap, their union 102.5–102.65 is cut by the AOI at 102.62; RSX: 102.6–102.62
    expect(f.rows[0]!.ha).toBeCloseTo(rectHa(102.5, 22.3, 102.62, 22.4), 3);
    expect(f.rows[1]!.ha).toBeCloseTo(rectHa(102.6, 22.3, 102.62, 22.4), 3);
    expect(f.rows[0]!.pctOfAoi).toBeCloseTo(100, 6);
    expect(f.rows[1]!.pctOfAoi).toBeCloseTo((rectHa(102.6, 22.3, 102.62, 22.4) / aoiHa) * 100, 4);
    expect(f.total.ha).toBeCloseTo(f.rows[0]!.ha + f.rows[1]!.ha, 6);
    const p = b.layers[1]!;
    expect(p.geometry).toBe('point');
    expect(p.numericFields).toEqual(['budget']);
    expect(p.total.count).toBe(2);
    expect(p.total.sums.budget).toBeCloseTo(350.5, 9);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((x, i) => i === 0 || x >= fractions[i - 1]!)).toBe(true);
  });

  it('counts a large point layer held as typed columns, as the dashboard does', async () => {
    const xs = [102.52, 102.58, 102.9, 102.61];
    const table: PointTable = {
      length: 4,
      positions: Float64Array.from(xs.flatMap((x) => [x, 22.35])),
      columns: ['programme', 'budget'],
      numeric: { budget: Float64Array.from([100, 250.5, 1000, 7]) },
      text: { programme: encodeText(['NTM', '1719', 'NTM', 'NTM']) },
    };
    const big = createLayer('big', { geometry: 'point', style: { type: 'categories', field: 'programme', categories: [] } });
    const state = createState([communes, big], {});
    state.layerData.big = { status: 'ready', data: null, points: table };
    const { queries } = aoiLayerQueries(state, aoi.geometry);
    expect(queries.map((q) => q.layer.id)).toEqual(['big']);
    // the engine gets the table's columns, not a feature per row, and the same object each time
    // (no copy per analysis)
    expect(queries[0]!.params.layer).toMatchObject({ positions: table.positions, columns: ['programme', 'budget'] });
    expect(aoiLayerQueries(state, aoi.geometry).queries[0]!.params.layer).toBe(queries[0]!.params.layer);
    const b = await analyseAoi(aoi, queries, engine);
    const rows = b.layers[0]!.rows;
    expect(rows.map((r) => [r.class, r.count, r.sums.budget])).toEqual([
      ['1719', 1, 250.5],
      ['NTM', 2, 107],
    ]);
  });

  it('waits for layers still loading, and leaves failed ones out', () => {
    const state = createState([communes, forest, sites], data);
    state.layerData.sites = { status: 'loading', data: null };
    expect(aoiLayerQueries(state, aoi.geometry).pending).toEqual(['sites']);
    state.layerData.sites = { status: 'error', data: null };
    expect(aoiLayerQueries(state, aoi.geometry)).toMatchObject({ pending: [] });
    expect(aoiLayerQueries(state, aoi.geometry).queries.map((q) => q.layer.id)).toEqual(['forest']);
  });

  it('stops between layers when cancelled', async () => {
    const state = createState([communes, forest, sites], data);
    const { queries } = aoiLayerQueries(state, aoi.geometry);
    const controller = new AbortController();
    const compute: AoiCompute = (params, onProgress) => {
      controller.abort();
      return engine(params, onProgress);
    };
    await expect(analyseAoi(aoi, queries, compute, { signal: controller.signal })).rejects.toBeDefined();
  });

  it('writes the breakdown as CSV with the AOI area, one line per class and a total per layer', async () => {
    const state = createState([communes, forest, sites], data);
    const b = await analyseAoi(aoi, aoiLayerQueries(state, aoi.geometry).queries, engine);
    const csv = breakdownToCsv(b, {
      layer: 'Layer', class: 'Class', ha: 'Area (ha)', pct: '% of area', count: 'Features', area: 'Area of interest (ha)', total: 'Total',
      layerTitle: (id) => (id === 'forest' ? 'Forest, by use' : id),
      classLabel: (_id, v) => (v === null ? 'All' : v === 'RPH' ? '=Protection' : v),
      fieldLabel: (_id, f) => `${f} (million VND)`,
    });
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(`Area of interest (ha),${Number(b.areaHa.toFixed(2))}`);
    expect(lines[1]).toBe('Layer,Class,Area (ha),% of area,Features,budget (million VND)');
    // quoted (comma) and guarded against formulas
    expect(lines[2]).toBe(`"Forest, by use",'=Protection,${Number(b.layers[0]!.rows[0]!.ha.toFixed(2))},${Number(b.layers[0]!.rows[0]!.pctOfAoi.toFixed(2))},2,`);
    expect(lines[5]).toBe('sites,All,,,2,350.5');
    expect(lines[6]).toBe('sites,Total,,,2,350.5');
  });

  it('guards formula-like header cells of the breakdown CSV', async () => {
    const state = createState([communes, forest, sites], data);
    const b = await analyseAoi(aoi, aoiLayerQueries(state, aoi.geometry).queries, engine);
    const csv = breakdownToCsv(b, {
      layer: '=Layer', class: '@Class', ha: '+ha', pct: '-pct', count: 'Features', area: '=Area', total: 'Total',
      layerTitle: (id) => id,
      classLabel: (_id, v) => String(v),
      fieldLabel: (_id, f) => `=${f}`,
    });
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith(`'=Area,`)).toBe(true);
    expect(lines[1]).toBe(`'=Layer,'@Class,'+ha,'-pct,Features,'=budget`);
  });
});
