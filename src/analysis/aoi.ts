import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LayerSpec } from '../catalog/manifest_types';
import type { LayerInputs, LayerSource } from './layer_inputs';
import { sampleFeatures } from '../io/point_table';
import { geometryAreaM2, m2ToHa } from './area';
import { polygonsOf } from './boundary_units';
import type { ComputeStatsParams, StatsProgress, StatsResult } from './overlay_stats';
import { segmentsCrossProperly, unionAll, type MultiPoly } from './polygon_ops';
import { countedColumns, numericFields, statsLayers, styleField } from './stats_request';
import { csvNumber } from './dashboard_rows';
import { csvTable, type CsvValue } from '../io/writers/csv_table';

// Area of interest (AOI): one polygon the user drew, uploaded or picked (a commune), and the
// breakdown of every statistics layer inside it — hectares per class and % of the AOI for
// polygon layers, count and sums for point layers — like Global Forest Watch's analysis.
// No new engine: the AOI is handed to the statistics engine as a one-feature boundary set.

export type AoiGeometry = Polygon | MultiPolygon;

export interface AreaOfInterest {
  source: 'drawn' | 'uploaded' | 'commune';
  /** file name, commune name, or '' for a drawn area (the UI names it in its language) */
  name: string;
  /** commune code when source = 'commune' */
  code?: string;
  geometry: AoiGeometry;
}

/** The code and name properties of the one-feature boundary set. */
export const AOI_CODE_FIELD = 'aoi_code';
export const AOI_NAME_FIELD = 'aoi_name';
export const AOI_CODE = 'aoi';

/** Every polygon in a geometry, feature, feature collection or geometry collection. */
export function collectPolygons(input: unknown): MultiPoly {
  const out: MultiPoly = [];
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as { type?: unknown; features?: unknown; geometry?: unknown; geometries?: unknown };
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) return o.features.forEach(visit);
    if (o.type === 'Feature') return visit(o.geometry);
    if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) return o.geometries.forEach(visit);
    const polys = polygonsOf(v);
    if (polys) out.push(...polys.filter(validPolygon));
  };
  visit(input);
  return out;
}

function validPolygon(poly: MultiPoly[number]): boolean {
  const outer = poly[0];
  return (
    Array.isArray(outer) &&
    outer.length >= 4 &&
    poly.every((ring) => Array.isArray(ring) && ring.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])))
  );
}

const MAX_SIMPLE_CHECK_EDGES = 2000;

/** No two edges of the polygon's rings cross (checked pairwise for small polygons; larger ones are unioned anyway). */
export function isSimple(poly: MultiPoly[number]): boolean {
  const edges: number[] = [];
  for (const ring of poly) for (let i = 1; i < ring.length; i++) edges.push(ring[i - 1]![0]!, ring[i - 1]![1]!, ring[i]![0]!, ring[i]![1]!);
  const n = edges.length / 4;
  if (n > MAX_SIMPLE_CHECK_EDGES) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = i * 4;
      const b = j * 4;
      if (segmentsCrossProperly(edges[a]!, edges[a + 1]!, edges[a + 2]!, edges[a + 3]!, edges[b]!, edges[b + 1]!, edges[b + 2]!, edges[b + 3]!)) return false;
    }
  }
  return true;
}

function asGeometry(polys: MultiPoly): AoiGeometry | null {
  const nonEmpty = polys.filter((p) => p.length > 0 && (p[0]?.length ?? 0) >= 4);
  if (nonEmpty.length === 0) return null;
  return nonEmpty.length === 1 ? { type: 'Polygon', coordinates: nonEmpty[0]! } : { type: 'MultiPolygon', coordinates: nonEmpty };
}

/**
 * The AOI geometry of any GeoJSON input: its polygons unioned (overlaps counted once, rings
 * that cross themselves resolved). A single clean polygon is kept exactly as given, so an
 * area drawn on screen is measured vertex for vertex. Null when the input has no polygon.
 */
export function toAoiGeometry(input: unknown): AoiGeometry | null {
  const polys = collectPolygons(input);
  if (polys.length === 0) return null;
  if (polys.length === 1 && isSimple(polys[0]!)) return { type: 'Polygon', coordinates: polys[0]! };
  return asGeometry(unionAll(polys.map((p) => [p])));
}

/**
 * A commune of a boundary set as an AOI: its polygons exactly as the engine takes them for
 * that commune (all features with the code), so the AOI's area is the commune's area.
 */
export function communeAoi(boundaries: FeatureCollection, codeField: string, nameField: string, code: string): AreaOfInterest | null {
  const polys: MultiPoly = [];
  let name = '';
  for (const f of boundaries.features) {
    if (String(f.properties?.[codeField] ?? '') !== code) continue;
    const p = polygonsOf(f.geometry);
    if (!p) continue;
    polys.push(...p);
    name ||= String(f.properties?.[nameField] ?? '');
  }
  const geometry = asGeometry(polys);
  return geometry ? { source: 'commune', name: name || code, code, geometry } : null;
}

/** Ellipsoidal area of the AOI in ha (area.ts, as the engine measures). */
export function aoiAreaHa(geometry: AoiGeometry): number {
  return m2ToHa(geometryAreaM2(geometry));
}

/** The AOI as a one-feature boundary set for the statistics engine. */
export function aoiBoundaries(geometry: AoiGeometry, name = ''): FeatureCollection {
  const feature: Feature = { type: 'Feature', geometry, properties: { [AOI_CODE_FIELD]: AOI_CODE, [AOI_NAME_FIELD]: name } };
  return { type: 'FeatureCollection', features: [feature] };
}

export interface AoiLayerQuery {
  layer: LayerSpec;
  /** the store's entry the query was made from (same entry, same data) */
  source: Pick<LayerSource, 'data' | 'points'>;
  params: ComputeStatsParams;
  groupBy: string | null;
  numericFields: string[];
}

/**
 * Engine parameters for one layer over the AOI: grouped by the layer's style field, as the
 * dashboard does; a large point layer held as typed columns is read as stats_request.ts does.
 * Null when the entry has no data.
 */
export function aoiLayerQuery(
  layer: LayerSpec,
  source: Pick<LayerSource, 'data' | 'points'>,
  geometry: AoiGeometry,
  groupBy: string | null = styleField(layer),
): AoiLayerQuery | null {
  const points = source.points;
  if (!source.data && !points) return null;
  const fields = layer.geometry === 'point' ? numericFields(layer, points ? sampleFeatures(points) : source.data!.features) : [];
  const data = points ? countedColumns(points, [...(groupBy ? [groupBy] : []), ...fields]) : source.data!;
  return {
    layer,
    source,
    groupBy,
    numericFields: fields,
    params: {
      layer: data,
      boundaries: aoiBoundaries(geometry),
      boundaryCodeField: AOI_CODE_FIELD,
      boundaryNameField: AOI_NAME_FIELD,
      ...(groupBy ? { groupBy } : {}),
      ...(fields.length ? { numericFields: fields } : {}),
    },
  };
}

/** The layers measured inside the AOI (polygon and point layers, not boundary layers) with their data, ready ones only. */
export function aoiLayerQueries(state: Pick<LayerInputs, 'pack' | 'userLayers' | 'layerData'>, geometry: AoiGeometry): { queries: AoiLayerQuery[]; pending: string[] } {
  const queries: AoiLayerQuery[] = [];
  const pending: string[] = [];
  for (const layer of statsLayers(state)) {
    const d = state.layerData[layer.id];
    const q = d?.status === 'ready' ? aoiLayerQuery(layer, d, geometry) : null;
    if (q) queries.push(q);
    else if (!d || d.status === 'loading') pending.push(layer.id);
  }
  return { queries, pending };
}

export interface AoiClassRow {
  /** the class (value of the style field), or null for an ungrouped layer */
  class: string | null;
  ha: number;
  /** ha / AOI area × 100 */
  pctOfAoi: number;
  count: number;
  sums: Record<string, number>;
}

export interface AoiLayerResult {
  layerId: string;
  geometry: 'polygon' | 'point';
  groupBy: string | null;
  numericFields: string[];
  /** one row per class present inside the AOI, in the engine's order */
  rows: AoiClassRow[];
  total: Omit<AoiClassRow, 'class'>;
}

export interface AoiBreakdown {
  source: AreaOfInterest['source'];
  name: string;
  areaHa: number;
  layers: AoiLayerResult[];
}

/** One layer's result from the engine's output over the one-feature AOI boundary set. */
export function layerResult(q: AoiLayerQuery, result: StatsResult): AoiLayerResult {
  const rows = result.rows.map((r) => ({ class: r.class, ha: r.ha, pctOfAoi: r.pctOfBoundary, count: r.count, sums: { ...r.sums } }));
  const b = result.boundaries[0];
  return {
    layerId: q.layer.id,
    geometry: q.layer.geometry === 'point' ? 'point' : 'polygon',
    groupBy: q.groupBy,
    numericFields: q.numericFields,
    rows,
    total: { ha: b?.ha ?? 0, pctOfAoi: b?.pctOfBoundary ?? 0, count: b?.count ?? 0, sums: { ...(b?.sums ?? {}) } },
  };
}

export type AoiCompute = (params: ComputeStatsParams, onProgress: (p: StatsProgress) => void, signal?: AbortSignal) => Promise<StatsResult>;

export interface AnalyseOptions {
  /** overall fraction 0..1 and the layer being measured */
  onProgress?(fraction: number, layerId: string): void;
  signal?: AbortSignal;
}

/** Runs the engine for each layer in turn over the AOI and assembles the breakdown. */
export async function analyseAoi(aoi: AreaOfInterest, queries: readonly AoiLayerQuery[], compute: AoiCompute, opts: AnalyseOptions = {}): Promise<AoiBreakdown> {
  const layers: AoiLayerResult[] = [];
  // the engine reports points before the polygon overlap phase: keep the bar from going back
  let shown = 0;
  const report = (fraction: number, layerId: string) => {
    shown = Math.max(shown, Math.min(1, fraction));
    opts.onProgress?.(shown, layerId);
  };
  for (const [i, q] of queries.entries()) {
    opts.signal?.throwIfAborted();
    const share = 1 / queries.length;
    report(i * share, q.layer.id);
    const result = await compute(
      q.params,
      (p) => report((i + (p.phase === 'overlaps' ? 0 : 0.5) + (p.total > 0 ? (0.5 * p.done) / p.total : 0)) * share, q.layer.id),
      opts.signal,
    );
    layers.push(layerResult(q, result));
  }
  report(1, '');
  return { source: aoi.source, name: aoi.name, areaHa: aoiAreaHa(aoi.geometry), layers };
}

export interface AoiCsvLabels {
  layer: string;
  class: string;
  ha: string;
  pct: string;
  count: string;
  area: string;
  total: string;
  layerTitle(layerId: string): string;
  classLabel(layerId: string, value: string | null): string;
  fieldLabel(layerId: string, field: string): string;
}

/**
 * The breakdown as CSV (io/writers/csv_table.ts: UTF-8 BOM, CRLF, '.' decimals, formula guard):
 * a first line with the AOI's area, then one line per layer × class (and a total line per
 * layer); point layers add their sums.
 */
export function breakdownToCsv(b: AoiBreakdown, labels: AoiCsvLabels): string {
  const fields = [...new Set(b.layers.flatMap((l) => l.numericFields.map((f) => `${l.layerId}\u0000${f}`)))];
  const fieldCols = fields.map((k) => {
    const [layerId, field] = k.split('\u0000') as [string, string];
    return { layerId, field, label: labels.fieldLabel(layerId, field) };
  });
  const out: CsvValue[][] = [[labels.area, csvNumber(b.areaHa, 2)]];
  out.push([labels.layer, labels.class, labels.ha, labels.pct, labels.count, ...fieldCols.map((c) => c.label)]);
  for (const l of b.layers) {
    const sums = (r: { sums: Record<string, number> }) => fieldCols.map((c) => (c.layerId === l.layerId ? csvNumber(r.sums[c.field] ?? 0, 2) : null));
    const polygon = l.geometry === 'polygon';
    for (const r of l.rows) {
      out.push([labels.layerTitle(l.layerId), labels.classLabel(l.layerId, r.class), polygon ? csvNumber(r.ha, 2) : null, polygon ? csvNumber(r.pctOfAoi, 2) : null, r.count, ...sums(r)]);
    }
    out.push([labels.layerTitle(l.layerId), labels.total, polygon ? csvNumber(l.total.ha, 2) : null, polygon ? csvNumber(l.total.pctOfAoi, 2) : null, l.total.count, ...sums(l.total)]);
  }
  return csvTable(out);
}
