import type { GeometryKind, LayerSpec, LayerStyle, Lang } from '../catalog/manifest_types';
import { formatNumber, localize, t } from '../i18n/i18n';

// Manifest style → MapLibre expressions and legend items. Both read the same style object,
// so what the map draws and what the legend says cannot drift apart (kepler's channel table).

export type Expression = unknown[];
export type ColorValue = string | Expression;

const DEFAULT_OTHER = '#bdbdbd';

export function colorExpression(style: LayerStyle): ColorValue {
  switch (style.type) {
    case 'single':
      return style.color;
    case 'categories': {
      const expr: unknown[] = ['match', ['to-string', ['get', style.field]]];
      const seen = new Set<string>();
      for (const c of style.categories) {
        const key = String(c.value);
        if (seen.has(key)) continue;
        seen.add(key);
        expr.push(key, c.color);
      }
      expr.push(style.otherColor ?? DEFAULT_OTHER);
      return expr;
    }
    case 'graduated': {
      const classes = sortedClasses(style);
      const first = classes[0];
      if (!first) return DEFAULT_OTHER;
      const step: unknown[] = ['step', ['to-number', ['get', style.field], 0], first.color];
      for (const cl of classes.slice(1)) step.push(cl.min ?? 0, cl.color);
      // no value (missing, null, empty) is no data, drawn grey, not counted as 0 in the lowest class
      const value = ['get', style.field];
      return ['case', ['any', ['!', ['has', style.field]], ['==', value, null], ['==', value, '']], DEFAULT_OTHER, step];
    }
  }
}

function sortedClasses(style: Extract<LayerStyle, { type: 'graduated' }>) {
  return [...style.classes].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
}

/** A darker shade for default outlines, so outlines follow the fill without a manifest entry. */
export function darken(color: string, factor = 0.65): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return '#333333';
  const n = parseInt(m[1]!, 16);
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * factor).toString(16).padStart(2, '0');
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

export function outlineColor(style: LayerStyle): ColorValue {
  if (style.outlineColor) return style.outlineColor;
  if (style.type === 'single') return darken(style.color);
  return '#37474f';
}

export function defaultOpacity(geometry: GeometryKind): number {
  return geometry === 'polygon' ? 0.8 : 1;
}

export function lineWidth(style: LayerStyle, geometry: GeometryKind): number {
  return style.width ?? (geometry === 'line' ? 2 : 1);
}

export function circleRadius(style: LayerStyle): number {
  return style.radius ?? 6;
}

export interface LegendItem {
  color: string;
  label: string;
}

export function legendItems(layer: LayerSpec, lang: Lang): LegendItem[] {
  const style = layer.style;
  switch (style.type) {
    case 'single':
      return [{ color: style.color, label: localize(style.label ?? layer.title, lang) }];
    case 'categories':
      return style.categories.map((c) => ({ color: c.color, label: localize(c.label, lang) }));
    case 'graduated': {
      const unit = style.unit ? ` ${localize(style.unit, lang)}` : '';
      const items = sortedClasses(style).map((cl) => ({
        color: cl.color,
        label: cl.label ? localize(cl.label, lang) : rangeLabel(cl.min, cl.max, lang) + unit,
      }));
      return style.noData ? [...items, { color: DEFAULT_OTHER, label: t(lang, 'legend.noData') }] : items;
    }
  }
}

function rangeLabel(min: number | undefined, max: number | undefined, lang: Lang): string {
  const f = (v: number) => formatNumber(v, lang);
  if (min === undefined && max !== undefined) return `< ${f(max)}`;
  if (max === undefined && min !== undefined) return `≥ ${f(min)}`;
  if (min !== undefined && max !== undefined) return `${f(min)} – ${f(max)}`;
  return t(lang, 'legend.other');
}

/** The colour a feature gets, evaluated in JS with the same rules as `colorExpression`
 *  (used where MapLibre expressions do not apply, e.g. deck.gl layers). */
export function featureColor(style: LayerStyle, properties: Record<string, unknown> | null): string {
  switch (style.type) {
    case 'single':
      return style.color;
    case 'categories': {
      const v = properties?.[style.field];
      const key = v === null || v === undefined ? '' : String(v);
      return style.categories.find((c) => String(c.value) === key)?.color ?? style.otherColor ?? DEFAULT_OTHER;
    }
    case 'graduated': {
      const raw = properties?.[style.field];
      // no value is no data, as on the map (colorExpression); NaN is an empty cell of a large table's number column
      if (raw === undefined || raw === null || raw === '' || Number.isNaN(raw)) return DEFAULT_OTHER;
      const n = Number(raw);
      const value = Number.isFinite(n) ? n : 0;
      let color = DEFAULT_OTHER;
      for (const cl of sortedClasses(style)) {
        if (color === DEFAULT_OTHER || value >= (cl.min ?? -Infinity)) color = cl.color;
      }
      return color;
    }
  }
}

/** '#rrggbb' or '#rgb' → [r, g, b]; anything else → grey. */
export function hexToRgb(color: string): [number, number, number] {
  const c = color.trim();
  const long = /^#([0-9a-f]{6})$/i.exec(c);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (long) {
    const n = parseInt(long[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  if (short) return [parseInt(short[1]! + short[1]!, 16), parseInt(short[2]! + short[2]!, 16), parseInt(short[3]! + short[3]!, 16)];
  return [189, 189, 189];
}
