import type * as maplibregl from 'maplibre-gl';
import type { Feature } from 'geojson';

// Rows selected in the attribute table, drawn over every layer: an outline for polygons, a
// wide line for lines, a ring for points (also over deck.gl's large point layers, which have
// no feature state). A layer of its own, so the layer styles need not know about it.

const SOURCE = 'table-selection';
const LAYERS = ['table-selection::fill', 'table-selection::line', 'table-selection::point'] as const;
const COLOR = '#d81b60';

export class TableHighlight {
  private pending: Feature[] | null = null;

  constructor(private readonly map: maplibregl.Map) {
    // another layer added later goes on top; put the selection back above it
    map.on('styledata', this.raise);
  }

  /** Draws these features as the selection (none: clears it). */
  set(features: Feature[]): void {
    if (!this.map.isStyleLoaded() && !this.map.getSource(SOURCE)) {
      this.pending = features;
      this.map.once('idle', () => {
        if (this.pending) this.set(this.pending);
      });
      return;
    }
    this.pending = null;
    const data = { type: 'FeatureCollection' as const, features };
    const source = this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (source) source.setData(data);
    else this.add(data);
    this.raise();
  }

  /** Fits the map to the bounds, keeping them out of the bottom `bottomInset` px (under a panel). */
  fitTo(bounds: [number, number, number, number], bottomInset = 0): void {
    const [w, s, e, n] = bounds;
    const height = this.map.getContainer().clientHeight;
    const bottom = Math.min(Math.max(0, height - 120), 40 + bottomInset);
    this.map.fitBounds([w, s, e, n], { padding: { top: 40, left: 40, right: 40, bottom }, duration: 600, maxZoom: 15 });
  }

  destroy(): void {
    this.map.off('styledata', this.raise);
    for (const id of LAYERS) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.map.getSource(SOURCE)) this.map.removeSource(SOURCE);
  }

  private add(data: GeoJSON.FeatureCollection): void {
    this.map.addSource(SOURCE, { type: 'geojson', data });
    this.map.addLayer({ id: LAYERS[0], type: 'fill', source: SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': COLOR, 'fill-opacity': 0.15 } });
    this.map.addLayer({ id: LAYERS[1], type: 'line', source: SOURCE, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': COLOR, 'line-width': 3 } });
    this.map.addLayer({
      id: LAYERS[2],
      type: 'circle',
      source: SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 8, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': COLOR, 'circle-stroke-width': 3 },
    });
  }

  private readonly raise = (): void => {
    if (!this.map.getLayer(LAYERS[2])) return;
    const order = this.map.getLayersOrder();
    if (order.slice(-LAYERS.length).every((id, i) => id === LAYERS[i])) return;
    for (const id of LAYERS) this.map.moveLayer(id);
  };
}
