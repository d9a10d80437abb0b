import type { ExpressionSpecification, LayerSpecification, FilterSpecification } from 'maplibre-gl';
import type { LayerSpec } from '../catalog/manifest_types';
import type { LayerUi } from '../state/store';
import { circleRadius, colorExpression, lineWidth, outlineColor } from '../style/layer_style';

// Pure: one manifest layer → the MapLibre style layers that draw it. Ids are derived
// (`<id>::fill`, `<id>::line`, …) so the map module can find every part of a pack layer.

export const LABEL_FONT = 'Noto Sans Regular';

/** Above this many points, `renderer: auto` layers go to deck.gl binary attributes. */
export const DECK_POINT_THRESHOLD = 20000;

export function usesDeck(layer: LayerSpec, featureCount: number): boolean {
  if (layer.renderer === 'deck') return layer.geometry === 'point';
  if (layer.renderer === 'maplibre') return false;
  return layer.geometry === 'point' && featureCount > DECK_POINT_THRESHOLD;
}

export function sourceId(layerId: string): string {
  return `pack:${layerId}`;
}

/** Polygon labels read from one point per feature, so a commune is named once, not once per tile. */
export function labelSourceId(layerId: string): string {
  return `pack:${layerId}:labels`;
}

export function needsLabelPoints(layer: LayerSpec): boolean {
  return layer.geometry === 'polygon' && layer.label !== undefined;
}

export function styleLayerIds(layer: LayerSpec): string[] {
  const parts: string[] = [];
  if (layer.geometry === 'polygon') parts.push('fill', 'line');
  if (layer.geometry === 'line') parts.push('line');
  if (layer.geometry === 'point') parts.push('circle');
  if (layer.label) parts.push('label');
  return parts.map((p) => `${layer.id}::${p}`);
}

/** The pack layer a style layer belongs to, or null for basemap layers. */
export function packLayerOf(styleLayerId: string): string | null {
  const i = styleLayerId.indexOf('::');
  return i > 0 ? styleLayerId.slice(0, i) : null;
}

/** Layers the user can click or hover: not labels. */
export function interactiveLayerIds(layer: LayerSpec): string[] {
  return styleLayerIds(layer).filter((id) => !id.endsWith('::label'));
}

export function filterExpression(filters: Record<string, string>): FilterSpecification | undefined {
  const clauses = Object.entries(filters).map(([field, value]) => ['==', ['to-string', ['get', field]], value]);
  if (clauses.length === 0) return undefined;
  return ['all', ...clauses] as unknown as FilterSpecification;
}

const hovered = (on: unknown, off: unknown) => ['case', ['boolean', ['feature-state', 'hover'], false], on, off];
const selected = (on: unknown, off: unknown) => ['case', ['boolean', ['feature-state', 'selected'], false], on, off];

/**
 * A constant written as a per-feature value. MapLibre compiles one program variant per set of
 * per-feature paint properties, and software WebGL compiles each at its first draw while the
 * main thread waits for it (about 0.2 s each at start-up here): with every fill's colour and
 * opacity per feature (as the categorised layers have them), all fills share one variant.
 */
export const perFeature = (value: unknown): ExpressionSpecification => (Array.isArray(value) ? value : hovered(value, value)) as ExpressionSpecification;

/**
 * The paint of every fill on the map (basemap, pack layers, area of interest), so that they all
 * use one program. No fill antialiasing: it draws each fill a second time as a 1-px outline with
 * a program of its own, and every fill here has a line drawn over its edge anyway (the pack's
 * outlines, the basemap's borders, the area's casing).
 */
export function fillPaint(color: unknown, opacity: unknown): Record<string, unknown> {
  return { 'fill-color': perFeature(color), 'fill-opacity': perFeature(opacity), 'fill-antialias': false };
}

/**
 * `sourceLayer`: the source layer when the layer's source is vector tiles (a large layer tiled
 * in a worker, io/worker_tiles.ts) rather than GeoJSON.
 */
export function buildStyleLayers(layer: LayerSpec, ui: LayerUi, sourceLayer?: string): LayerSpecification[] {
  const source = sourceId(layer.id);
  const visibility = ui.visible ? 'visible' : 'none';
  const filter = filterExpression(ui.filters);
  const color = colorExpression(layer.style);
  const width = lineWidth(layer.style, layer.geometry);
  const out: Record<string, unknown>[] = [];
  // label points are always GeoJSON, with no source layer
  const common = (part: string, type: string, pointSource?: string) => ({
    id: `${layer.id}::${part}`,
    type,
    source: pointSource ?? source,
    ...(sourceLayer && !pointSource ? { 'source-layer': sourceLayer } : {}),
    layout: { visibility } as Record<string, unknown>,
    ...(filter ? { filter } : {}),
  });

  if (layer.geometry === 'polygon') {
    const fill = ui.opacity * (layer.style.fillOpacity ?? 1);
    out.push({
      ...common('fill', 'fill'),
      paint: fillPaint(color, hovered(Math.min(1, fill + 0.15), fill)),
    });
    out.push({
      ...common('line', 'line'),
      paint: {
        'line-color': selected('#d81b60', outlineColor(layer.style)),
        'line-width': selected(width + 3, hovered(width + 1.5, width)),
        'line-opacity': ui.opacity,
      },
    });
  } else if (layer.geometry === 'line') {
    out.push({
      ...common('line', 'line'),
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': color, 'line-width': hovered(width + 2, width), 'line-opacity': ui.opacity },
    });
  } else {
    const radius = circleRadius(layer.style);
    out.push({
      ...common('circle', 'circle'),
      paint: {
        'circle-color': color,
        'circle-radius': hovered(radius + 3, radius),
        'circle-opacity': ui.opacity,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': ui.opacity,
      },
    });
  }

  if (layer.label) {
    out.push({
      ...(needsLabelPoints(layer) ? common('label', 'symbol', labelSourceId(layer.id)) : common('label', 'symbol')),
      minzoom: layer.label.minzoom ?? 0,
      layout: {
        visibility,
        'text-field': ['to-string', ['get', layer.label.field]],
        'text-font': [LABEL_FONT],
        'text-size': layer.label.size ?? 13,
        'text-max-width': 8,
        'text-allow-overlap': false,
        ...(layer.geometry === 'point' ? { 'text-offset': [0, 1.2], 'text-anchor': 'top' } : {}),
      },
      paint: {
        'text-color': layer.label.color ?? '#1b1b1b',
        'text-halo-color': 'rgba(255,255,255,0.95)',
        'text-halo-width': 1.6,
        'text-opacity': ui.opacity < 0.05 ? 0 : 1,
      },
    });
  }
  return out as unknown as LayerSpecification[];
}
