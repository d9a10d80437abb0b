import type { Feature } from 'geojson';
import type { LayerSpec, Localized, PopupField } from '../catalog/manifest_types';
import type { PointTable, TextColumn } from '../io/point_table';
import { encodeText, textAt, valueAt } from '../io/point_table';
import type { LayerData } from './store';

// Edits of a layer's attributes, as pure functions the store's one edit action applies
// (store.updateFeatureProperties), so undo can later wrap that action. The data object is
// replaced, never mutated: the map, the table and the popups see a new object and redraw.

export type EditValue = string | number | null;

/** Set `field` of the feature (or point-table row) at `index` to `value`. */
export interface FeatureEdit {
  index: number;
  field: string;
  value: EditValue;
  /** Removes the field instead (an undo of an edit that added it). */
  remove?: boolean;
}

/** The layer's data with the edits applied; null when there is nothing to edit. */
export function applyFeatureEdits(entry: LayerData, edits: readonly FeatureEdit[]): LayerData | null {
  if (edits.length === 0) return null;
  if (entry.points) return { ...entry, points: editPointTable(entry.points, edits) };
  const data = entry.data;
  if (!data) return null;
  const features = data.features.slice();
  const copied = new Set<number>();
  for (const e of edits) {
    const f = features[e.index];
    if (!f) continue;
    if (!copied.has(e.index)) {
      features[e.index] = { ...f, properties: { ...(f.properties ?? {}) } } as Feature;
      copied.add(e.index);
    }
    if (e.remove) delete features[e.index]!.properties![e.field];
    else features[e.index]!.properties![e.field] = e.value;
  }
  // the map source file and the worker's tiles held the old values (as setUserLayerFeatures)
  const { mapSource: _staleFile, tiles: _staleTiles, ...rest } = entry;
  return { ...rest, data: { ...data, features } };
}

/**
 * A copy of the table with the edits applied. A number column stays numeric while every edit
 * is a number or empty, else it becomes text; a new field becomes a column.
 */
export function editPointTable(t: PointTable, edits: readonly FeatureEdit[]): PointTable {
  const byField = new Map<string, FeatureEdit[]>();
  for (const e of edits) {
    if (e.index < 0 || e.index >= t.length) continue;
    const list = byField.get(e.field) ?? [];
    list.push(e);
    byField.set(e.field, list);
  }
  const numeric = { ...t.numeric };
  const text = { ...t.text };
  const columns = [...t.columns];
  for (const [field, list] of byField) {
    if (!columns.includes(field)) columns.push(field);
    const num = t.numeric[field];
    const allNumbers = list.every((e) => e.value === null || typeof e.value === 'number');
    if ((num || !t.text[field]) && allNumbers) {
      const col = num ? num.slice() : new Float64Array(t.length).fill(NaN);
      for (const e of list) col[e.index] = e.value === null ? NaN : (e.value as number);
      numeric[field] = col;
      delete text[field];
      continue;
    }
    delete numeric[field];
    text[field] = editTextColumn(t, field, list);
  }
  return { ...t, columns, numeric, text };
}

function editTextColumn(t: PointTable, field: string, list: readonly FeatureEdit[]): TextColumn {
  const current = t.text[field];
  const asText = (v: EditValue) => (v === null ? '' : String(v));
  if (current?.kind === 'dict') {
    const values = [...current.values];
    const index = new Map(values.map((v, i) => [v, i]));
    const codes = current.codes.slice();
    for (const e of list) {
      const s = asText(e.value);
      let c = index.get(s);
      if (c === undefined) {
        c = values.length;
        values.push(s);
        index.set(s, c);
      }
      codes[e.index] = c;
    }
    return { kind: 'dict', values, codes };
  }
  // UTF-8 text or a number column turned text: read every value once and encode again
  const all = new Array<string>(t.length);
  for (let i = 0; i < t.length; i++) {
    if (current) all[i] = textAt(current, i);
    else {
      const v = valueAt(t, field, i);
      all[i] = v === null ? '' : String(v);
    }
  }
  for (const e of list) all[e.index] = asText(e.value);
  return encodeText(all);
}

/** The layer with a new title. */
export function withTitle(spec: LayerSpec, title: Localized): LayerSpec {
  return { ...spec, title };
}

/**
 * The layer with a display name for a field, kept as a popup field label so the popup, the
 * table and the project file all use it. A layer without a popup list gets one listing
 * `fields` (every attribute, as the popup showed them before) so no field disappears.
 */
export function withFieldLabel(spec: LayerSpec, field: string, label: Localized | null, fields: readonly string[]): LayerSpec {
  const list: PopupField[] = spec.popup && spec.popup.fields.length > 0 ? spec.popup.fields.map((f) => ({ ...f })) : fields.map((f) => ({ field: f, label: f }));
  let entry = list.find((f) => f.field === field);
  if (!entry) {
    entry = { field, label: field };
    list.push(entry);
  }
  entry.label = label ?? field;
  return { ...spec, popup: { ...(spec.popup ?? {}), fields: list } };
}

/** The attribute names of a layer's data, in file order. */
export function dataFields(entry: LayerData | undefined): string[] {
  if (entry?.points) return [...entry.points.columns];
  const seen = new Set<string>();
  for (const f of entry?.data?.features ?? []) for (const k in f.properties ?? {}) seen.add(k);
  return [...seen];
}
