import type * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { AreaOfInterest } from '../analysis/aoi';
import { fillPaint, perFeature } from './pack_layers';

// The area of interest's outline on the map: a white casing under a magenta line (magenta
// stands out on the greens and browns of the forest and planting layers) and a faint fill.
// MapView calls `syncAoiLayer` when the AOI changes and keeps these layers on top.

export const AOI_COLOR = '#c2185b';
const SOURCE = 'mt-aoi';
export const AOI_LAYER_IDS = ['mt-aoi::fill', 'mt-aoi::casing', 'mt-aoi::line'] as const;

function asCollection(aoi: AreaOfInterest | null): FeatureCollection {
  return { type: 'FeatureCollection', features: aoi ? [{ type: 'Feature', geometry: aoi.geometry, properties: {} }] : [] };
}

export function syncAoiLayer(map: maplibregl.Map, aoi: AreaOfInterest | null): void {
  const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(asCollection(aoi));
    return;
  }
  if (!aoi) return;
  map.addSource(SOURCE, { type: 'geojson', data: asCollection(aoi) });
  // per-feature values, as the pack's layers have them: the programs are already compiled (perFeature)
  map.addLayer({ id: AOI_LAYER_IDS[0], type: 'fill', source: SOURCE, paint: fillPaint(AOI_COLOR, 0.08) });
  map.addLayer({ id: AOI_LAYER_IDS[1], type: 'line', source: SOURCE, paint: { 'line-color': perFeature('#ffffff'), 'line-width': perFeature(5), 'line-opacity': 0.9 } });
  map.addLayer({ id: AOI_LAYER_IDS[2], type: 'line', source: SOURCE, paint: { 'line-color': perFeature(AOI_COLOR), 'line-width': perFeature(2.5) } });
}

/** Moves the AOI layers above everything else (after the pack layers were re-stacked). */
export function raiseAoiLayer(map: maplibregl.Map): void {
  for (const id of AOI_LAYER_IDS) if (map.getLayer(id)) map.moveLayer(id);
}
