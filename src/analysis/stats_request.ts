import { spreadSample } from './spread_sample';
import type { Feature } from 'geojson';
import type { BoundarySetSpec, LayerSpec } from '../catalog/manifest_types';
import { inputLayers, type LayerInputs } from './layer_inputs';
import type { ComputeStatsParams } from './overlay_stats';
import { toNumber } from './overlay_stats';
import { sampleFeatures, type PointTable } from '../io/point_table';

// Which layers the dashboard can measure, which fields it can group by and sum, and the
// engine parameters for "layer L over boundary set B grouped by G". Pure; the dashboard and
// `mtmap.computeStats` share it, so both ask the engine the same question.

/** Polygon and point layers of the pack and My data, except the boundary layers themselves and those the manifest marks `measured: false`. */
export function statsLayers(state: Pick<LayerInputs, 'pack' | 'userLayers'>): LayerSpec[] {
  const boundaryLayers = new Set((state.pack.manifest?.boundarySets ?? []).map((b) => b.layer));
  return inputLayers(state).filter((l) => (l.geometry === 'polygon' || l.geometry === 'point') && !boundaryLayers.has(l.id) && l.measured !== false);
}

/** The field the layer is coloured by, or null for a single colour. */
export function styleField(layer: LayerSpec): string | null {
  return layer.style.type === 'single' ? null : layer.style.field;
}

const MAX_CLASSES = 24;

/**
 * Fields worth grouping by: the style field first, then fields with 2..24 distinct values,
 * judged from a sample of a large layer (the panels ask whenever layer data changes).
 */
export function groupableFields(layer: LayerSpec, features: readonly Feature[]): string[] {
  const distinct = new Map<string, Set<string>>();
  for (const f of spreadSample(features)) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v === null || v === undefined || v === '' || typeof v === 'object') continue;
      let set = distinct.get(k);
      if (!set) distinct.set(k, (set = new Set()));
      if (set.size <= MAX_CLASSES) set.add(String(v));
    }
  }
  const coords = new Set([layer.coordinates?.lon, layer.coordinates?.lat]);
  const fields = [...distinct].filter(([k, s]) => s.size >= 2 && s.size <= MAX_CLASSES && !coords.has(k)).map(([k]) => k);
  const first = styleField(layer);
  return first ? [first, ...fields.filter((f) => f !== first)] : fields;
}

const NOT_A_QUANTITY = /(^|_)(id|code|ma|year|nam|lat|lon|lng|x|y)($|_)/i;

/**
 * Point-layer fields to sum: the popup's number / integer fields when the manifest declares
 * them; otherwise fields numeric in every feature (numbers or numeric text, as CSV gives),
 * except coordinates, codes and years.
 */
export function numericFields(layer: LayerSpec, features: readonly Feature[]): string[] {
  const declared = (layer.popup?.fields ?? []).filter((f) => f.format === 'number' || f.format === 'integer').map((f) => f.field);
  if (declared.length > 0) return declared;
  const coords = new Set([layer.coordinates?.lon, layer.coordinates?.lat]);
  const numeric = new Map<string, boolean>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v === null || v === undefined || v === '') continue;
      numeric.set(k, (numeric.get(k) ?? true) && toNumber(v) !== null);
    }
  }
  return [...numeric].filter(([k, ok]) => ok && !coords.has(k) && !NOT_A_QUANTITY.test(k)).map(([k]) => k);
}

/** A budget / disbursed pair among the summed fields, for "% disbursed". */
export function disbursementPair(fields: readonly string[]): { part: string; whole: string } | null {
  const part = fields.find((f) => /disburs|giai_?ngan/i.test(f));
  const whole = fields.find((f) => /budget|tong_?muc|von/i.test(f));
  return part && whole ? { part, whole } : null;
}

export interface StatsQuery {
  layer: string;
  /** boundary set id; default the active one */
  boundaries?: string | null;
  /** field to split by; undefined → the layer's style field, null → no split */
  groupBy?: string | null;
}

export type StatsRequest =
  | { ok: true; params: ComputeStatsParams; layer: LayerSpec; boundarySet: BoundarySetSpec; numericFields: string[] }
  | { ok: false; reason: 'no-layer' | 'no-boundaries' | 'loading' };

const countedCache = new WeakMap<PointTable, Map<string, PointTable>>();

/**
 * The positions and the given columns of a table (those it has, each once): what the statistics
 * worker needs, so the message does not copy the other columns, the draw offsets or the point
 * index. The same object for the same table and columns, so the dashboard's cache (by identity)
 * finds it again.
 */
export function countedColumns(t: PointTable, wanted: readonly string[]): PointTable {
  const fields = [...new Set(wanted)].filter((f) => t.columns.includes(f));
  const key = fields.join('\u0000');
  let byFields = countedCache.get(t);
  if (!byFields) countedCache.set(t, (byFields = new Map()));
  let sub = byFields.get(key);
  if (!sub) {
    const pick = <V>(cols: Record<string, V>) => Object.fromEntries(fields.filter((f) => f in cols).map((f) => [f, cols[f]!]));
    sub = { length: t.length, positions: t.positions, columns: fields, numeric: pick(t.numeric), text: pick(t.text) };
    byFields.set(key, sub);
  }
  return sub;
}

/** Engine parameters for a query against the current state (layer data must be loaded). */
export function statsRequest(state: LayerInputs, q: StatsQuery): StatsRequest {
  const layer = inputLayers(state).find((l) => l.id === q.layer);
  if (!layer) return { ok: false, reason: 'no-layer' };
  const setId = q.boundaries ?? state.boundarySet;
  const boundarySet = state.pack.manifest?.boundarySets?.find((b) => b.id === setId);
  if (!boundarySet) return { ok: false, reason: 'no-boundaries' };
  const entry = state.layerData[layer.id];
  const boundaries = state.layerData[boundarySet.layer]?.data;
  if ((!entry?.data && !entry?.points) || !boundaries) return { ok: false, reason: 'loading' };
  const groupBy = q.groupBy === undefined ? styleField(layer) : q.groupBy;
  // a large point table: fields found on a sample; the engine gets the columns it counts
  const points = entry.points;
  const fields = layer.geometry === 'point' ? numericFields(layer, points ? sampleFeatures(points) : entry.data!.features) : [];
  const data = points ? countedColumns(points, [...(groupBy ? [groupBy] : []), ...fields]) : entry.data!;
  return {
    ok: true,
    layer,
    boundarySet,
    numericFields: fields,
    params: {
      layer: data,
      boundaries,
      boundaryCodeField: boundarySet.codeField,
      boundaryNameField: boundarySet.nameField,
      ...(groupBy ? { groupBy } : {}),
      ...(fields.length ? { numericFields: fields } : {}),
    },
  };
}
