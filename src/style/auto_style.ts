import type { Feature } from 'geojson';
import type { GeometryKind, GraduatedStyle, LayerStyle } from '../catalog/manifest_types';
import { DEFAULT_CLASSES, DEFAULT_RAMP, classBreaks, rampColors, type ClassMethod, type RampId } from './classify';

// Styles for layers the user brings in: a distinct single colour by default, or categories /
// graduated classes by a field the user picks. Palettes are colour-blind safe (Okabe–Ito for
// categories; the sequential ramps of classify.ts, YlGnBu by default, for classes).

export const CATEGORY_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#999999', '#882255', '#44aa99', '#117733'];
const MAX_CATEGORIES = 12;

export function singleStyle(index: number, geometry: GeometryKind): LayerStyle {
  const color = CATEGORY_PALETTE[index % CATEGORY_PALETTE.length]!;
  return geometry === 'polygon' ? { type: 'single', color, fillOpacity: 0.6, width: 1.5 } : { type: 'single', color };
}

/** Fields with at least one non-empty value, and which of them are numeric throughout. */
export function describeFields(features: readonly Feature[]): { name: string; numeric: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v === null || v === undefined || v === '') continue;
      const numeric = typeof v === 'number' && Number.isFinite(v);
      seen.set(k, (seen.get(k) ?? true) && numeric);
    }
  }
  return [...seen].map(([name, numeric]) => ({ name, numeric }));
}

export function categoriesStyle(field: string, features: Feature[]): LayerStyle {
  const counts = new Map<string, number>();
  for (const f of features) {
    const v = f.properties?.[field];
    if (v === null || v === undefined || v === '') continue;
    counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  // the most frequent values get their own colour; the rest share "other"
  const values = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi', { numeric: true })).slice(0, MAX_CATEGORIES).map(([v]) => v);
  values.sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  return {
    type: 'categories',
    field,
    categories: values.map((value, i) => ({ value, color: CATEGORY_PALETTE[i % CATEGORY_PALETTE.length]!, label: value })),
    otherColor: '#bdbdbd',
    otherLabel: { vi: 'Khác', en: 'Other' },
  };
}

export interface GraduatedOptions {
  /** default quantile */
  method?: ClassMethod;
  /** number of classes, default 5 (fewer when the data has fewer distinct values) */
  classes?: number;
  /** default YlGnBu */
  ramp?: RampId;
}

/**
 * Graduated classes of a numeric field (style/classify.ts): quantile (default), equal interval
 * or natural breaks, 5 classes by default, coloured with a colour-blind-safe ramp. The first
 * class starts at the smallest value and the last ends at the largest, so the legend shows
 * every class as a range.
 */
export function graduatedStyle(field: string, features: Feature[], opts: GraduatedOptions = {}): GraduatedStyle {
  const method = opts.method ?? 'quantile';
  const ramp = opts.ramp ?? DEFAULT_RAMP;
  const values = features
    .map((f) => f.properties?.[field])
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map(Number)
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  // features without a value are drawn as no data (layer_style.ts), and the legend says so
  const noData = values.length < features.length ? { noData: true } : {};
  if (values.length === 0) return { type: 'graduated', field, method, ramp, classes: [{ color: rampColors(ramp, 1)[0]! }], ...noData };
  const breaks = classBreaks(values, method, opts.classes ?? DEFAULT_CLASSES);
  const colors = rampColors(ramp, breaks.length + 1);
  const mins = [values[0]!, ...breaks];
  const maxs = [...breaks, values[values.length - 1]!];
  return { type: 'graduated', field, method, ramp, classes: mins.map((min, i) => ({ min, max: maxs[i]!, color: colors[i]! })), ...noData };
}
