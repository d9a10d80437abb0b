import type { Feature } from 'geojson';
import type { GeometryKind, LayerStyle } from '../catalog/manifest_types';

// Styles for layers the user brings in: a distinct single colour by default, or categories /
// graduated classes by a field the user picks. Palettes are colour-blind safe (Okabe–Ito for
// categories, ColorBrewer YlGnBu for classes).

export const CATEGORY_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#999999', '#882255', '#44aa99', '#117733'];
const SEQUENTIAL = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const MAX_CATEGORIES = 12;

export function singleStyle(index: number, geometry: GeometryKind): LayerStyle {
  const color = CATEGORY_PALETTE[index % CATEGORY_PALETTE.length]!;
  return geometry === 'polygon' ? { type: 'single', color, fillOpacity: 0.6, width: 1.5 } : { type: 'single', color };
}

/** Fields with at least one non-empty value, and which of them are numeric throughout. */
export function describeFields(features: Feature[]): { name: string; numeric: boolean }[] {
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

/** Quantile classes (up to five), so every class holds about as many features. */
export function graduatedStyle(field: string, features: Feature[]): LayerStyle {
  const values = features
    .map((f) => Number(f.properties?.[field]))
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  if (values.length === 0) return { type: 'graduated', field, classes: [{ color: SEQUENTIAL[2]! }] };
  const breaks: number[] = [];
  for (let k = 1; k < SEQUENTIAL.length; k++) {
    const b = values[Math.floor((k * values.length) / SEQUENTIAL.length)]!;
    if (b > values[0]! && !breaks.includes(b)) breaks.push(b);
  }
  const edges = [undefined, ...breaks];
  const colors = SEQUENTIAL.length - 1 === breaks.length ? SEQUENTIAL : spread(SEQUENTIAL, breaks.length + 1);
  return {
    type: 'graduated',
    field,
    classes: edges.map((min, i) => ({ ...(min !== undefined ? { min } : {}), ...(breaks[i] !== undefined ? { max: breaks[i] } : {}), color: colors[i]! })),
  };
}

function spread(ramp: string[], n: number): string[] {
  if (n <= 1) return [ramp[Math.floor(ramp.length / 2)]!];
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))]!);
}
