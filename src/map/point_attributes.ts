import type { Feature } from 'geojson';
import type { LayerStyle } from '../catalog/manifest_types';
import { featureColor, hexToRgb } from '../style/layer_style';

// Binary attributes for deck.gl point layers: flat typed arrays instead of one accessor call
// per point, which is what keeps a million points fast to build and never rebuilt on pan/zoom.

export interface PointAttributes {
  length: number;
  positions: Float64Array;
  colors: Uint8Array;
  /** Index of each drawn point in the layer's features, for picking. */
  featureIndex: Uint32Array;
}

export function matchesFilters(properties: Record<string, unknown> | null, filters: Record<string, string>): boolean {
  for (const [field, value] of Object.entries(filters)) {
    const v = properties?.[field];
    if (v === null || v === undefined || String(v) !== value) return false;
  }
  return true;
}

export function buildPointAttributes(features: Feature[], style: LayerStyle, filters: Record<string, string>): PointAttributes {
  const n = features.length;
  const positions = new Float64Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const featureIndex = new Uint32Array(n);
  const rgbCache = new Map<string, [number, number, number]>();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    if (f.geometry?.type !== 'Point') continue;
    const props = f.properties as Record<string, unknown> | null;
    if (!matchesFilters(props, filters)) continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    positions[count * 2] = lon;
    positions[count * 2 + 1] = lat;
    const hex = featureColor(style, props);
    let rgb = rgbCache.get(hex);
    if (!rgb) {
      rgb = hexToRgb(hex);
      rgbCache.set(hex, rgb);
    }
    colors.set([rgb[0], rgb[1], rgb[2], 255], count * 4);
    featureIndex[count] = i;
    count++;
  }
  return { length: count, positions: positions.subarray(0, count * 2), colors: colors.subarray(0, count * 4), featureIndex: featureIndex.subarray(0, count) };
}
