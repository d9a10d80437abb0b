import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerSpec } from '../catalog/manifest_types';
import type { LayerUi } from '../state/store';
import { circleRadius } from '../style/layer_style';
import type { FeatureCollection } from 'geojson';
import { buildPointAttributes, buildTableAttributes, type PointAttributes } from './point_attributes';
import type { PointTable } from '../io/point_table';

// deck.gl draws the point layers too large for MapLibre's GeoJSON sources. Loaded on demand
// (dynamic import) so that packs without large point sets never download deck.gl.

export interface DeckPick {
  layerId: string;
  featureIndex: number;
  lngLat: [number, number];
}

interface DeckEntry {
  spec: LayerSpec;
  /** GeoJSON features, or the typed columns of a large point CSV */
  data: FeatureCollection | PointTable;
  ui: LayerUi;
  attrs: PointAttributes;
  /** Key of what the attributes were built from; they are rebuilt only when it changes. */
  builtFor: string;
}

export class DeckPoints {
  private readonly overlay: MapboxOverlay;
  private readonly entries = new Map<string, DeckEntry>();
  /** How many times attributes were built; benchmarks check pan/zoom never rebuild. */
  attributeBuilds = 0;

  constructor(map: MapLibreMap) {
    this.overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(this.overlay);
  }

  /** The point under a screen position, so map clicks can prefer deck points over shapes. */
  pick(x: number, y: number): DeckPick | null {
    const info = this.overlay.pickObject({ x, y, radius: 4 });
    const entry = info?.layer ? this.entries.get(info.layer.id) : undefined;
    if (!info || !entry || info.index < 0 || !info.coordinate) return null;
    return { layerId: entry.spec.id, featureIndex: entry.attrs.featureIndex[info.index]!, lngLat: [info.coordinate[0]!, info.coordinate[1]!] };
  }

  set(spec: LayerSpec, data: FeatureCollection | PointTable, ui: LayerUi): void {
    const key = JSON.stringify(ui.filters);
    const prev = this.entries.get(spec.id);
    let attrs = prev?.attrs;
    if (!prev || prev.data !== data || prev.builtFor !== key || prev.spec !== spec) {
      attrs = 'positions' in data ? buildTableAttributes(data, spec.style, ui.filters) : buildPointAttributes(data.features, spec.style, ui.filters);
      this.attributeBuilds++;
    }
    this.entries.set(spec.id, { spec, data, ui, attrs: attrs!, builtFor: key });
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Draws in the given order, top first. */
  render(order: string[]): void {
    const ids = order.filter((id) => this.entries.has(id)).reverse();
    const layers = ids.map((id) => {
      const { spec, ui, attrs } = this.entries.get(id)!;
      return new ScatterplotLayer({
        id,
        data: { length: attrs.length, attributes: { getPosition: { value: attrs.positions, size: 2 }, getFillColor: { value: attrs.colors, size: 4 } } },
        visible: ui.visible,
        opacity: ui.opacity,
        radiusUnits: 'pixels',
        getRadius: Math.max(1.5, circleRadius(spec.style) / 2),
        radiusMinPixels: 1,
        stroked: false,
        pickable: true,
        autoHighlight: true,
        highlightColor: [216, 27, 96, 255],
      });
    });
    this.overlay.setProps({ layers });
  }

  destroy(map: MapLibreMap): void {
    map.removeControl(this.overlay);
  }
}
