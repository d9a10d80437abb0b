import type * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { LonLat, MeasureMode } from '../analysis/measure';

// The measurement on the map: an amber line on a dark casing (the area of interest is magenta
// on white, aoi_layer.ts), white vertices ringed in dark, and a dashed "rubber band" from the
// last vertex to the pointer. Its layers stay above every other layer, the AOI's included:
// MapView re-stacks the pack's layers and raises the AOI after them, so this module puts
// itself back on top whenever the style changes (a cheap check of the last layer's id).

export const MEASURE_COLOR = '#ffb300';
const CASING = '#1b1b1b';
const SOURCE = 'mt-measure';
export const MEASURE_LAYER_IDS = ['mt-measure::fill', 'mt-measure::casing', 'mt-measure::line', 'mt-measure::live', 'mt-measure::vertex'] as const;

export interface MeasureDrawing {
  mode: MeasureMode;
  points: readonly LonLat[];
  /** the pointer, while a measurement is being drawn; null when it is finished or off the map */
  cursor: LonLat | null;
}

const feature = (kind: string, geometry: Feature['geometry']): Feature => ({ type: 'Feature', geometry, properties: { kind } });
const pos = (p: LonLat) => [p[0], p[1]];

/** The drawing as GeoJSON: `kind` is fill, path, live or vertex. */
export function measureFeatures(d: MeasureDrawing): FeatureCollection {
  const features: Feature[] = [];
  const pts = d.points.map(pos);
  const area = d.mode === 'area';
  const withCursor = d.cursor ? [...pts, pos(d.cursor)] : pts;
  if (area && withCursor.length >= 3) features.push(feature('fill', { type: 'Polygon', coordinates: [[...withCursor, withCursor[0]!]] }));
  if (pts.length >= 2) features.push(feature('path', { type: 'LineString', coordinates: area && pts.length >= 3 && !d.cursor ? [...pts, pts[0]!] : pts }));
  if (d.cursor && pts.length >= 1) {
    const live = area && pts.length >= 2 ? [pts[pts.length - 1]!, pos(d.cursor), pts[0]!] : [pts[pts.length - 1]!, pos(d.cursor)];
    features.push(feature('live', { type: 'LineString', coordinates: live }));
  }
  for (const p of pts) features.push(feature('vertex', { type: 'Point', coordinates: p }));
  return { type: 'FeatureCollection', features };
}

function addLayers(map: maplibregl.Map, data: FeatureCollection): void {
  map.addSource(SOURCE, { type: 'geojson', data });
  const kind = (k: string) => ['==', ['get', 'kind'], k] as maplibregl.FilterSpecification;
  const lines = ['any', kind('path'), kind('live')] as maplibregl.FilterSpecification;
  map.addLayer({ id: MEASURE_LAYER_IDS[0], type: 'fill', source: SOURCE, filter: kind('fill'), paint: { 'fill-color': MEASURE_COLOR, 'fill-opacity': 0.18 } });
  map.addLayer({ id: MEASURE_LAYER_IDS[1], type: 'line', source: SOURCE, filter: lines, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': CASING, 'line-width': 6, 'line-opacity': 0.85 } });
  map.addLayer({ id: MEASURE_LAYER_IDS[2], type: 'line', source: SOURCE, filter: kind('path'), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': MEASURE_COLOR, 'line-width': 3 } });
  map.addLayer({ id: MEASURE_LAYER_IDS[3], type: 'line', source: SOURCE, filter: kind('live'), paint: { 'line-color': MEASURE_COLOR, 'line-width': 3, 'line-dasharray': [2, 1.5] } });
  map.addLayer({ id: MEASURE_LAYER_IDS[4], type: 'circle', source: SOURCE, filter: kind('vertex'), paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': CASING, 'circle-stroke-width': 2.5 } });
}

export interface MeasureLayer {
  draw(d: MeasureDrawing | null): void;
  remove(): void;
}

/** Draws measurements on `map`; `draw(null)` empties it. */
export function createMeasureLayer(map: maplibregl.Map): MeasureLayer {
  let data: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const top = MEASURE_LAYER_IDS[4];

  const ensure = () => {
    if (map.getSource(SOURCE)) return true;
    try {
      addLayers(map, data);
      return true;
    } catch {
      // the style itself has not loaded yet (a click before start-up finished): nothing to draw on
      return false;
    }
  };
  const keepOnTop = () => {
    if (!map.getLayer(top)) return;
    const order = map.getLayersOrder();
    if (order[order.length - 1] === top) return;
    for (const id of MEASURE_LAYER_IDS) map.moveLayer(id);
  };
  map.on('styledata', keepOnTop);

  return {
    draw(d) {
      data = d ? measureFeatures(d) : { type: 'FeatureCollection', features: [] };
      if (!map.getSource(SOURCE) && data.features.length === 0) return;
      if (!ensure()) return;
      (map.getSource(SOURCE) as GeoJSONSource).setData(data);
      keepOnTop();
    },
    remove() {
      map.off('styledata', keepOnTop);
      for (const id of MEASURE_LAYER_IDS) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    },
  };
}
