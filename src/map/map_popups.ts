import * as maplibregl from 'maplibre-gl';
import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import type { Lang, LayerSpec } from '../catalog/manifest_types';
import type { AppStore } from '../state/store';
import { allLayers } from '../state/store';
import { localize, t } from '../i18n/i18n';
import { rowProperties } from '../io/point_table';
import { TILE_SOURCE_LAYER } from '../io/worker_tiles';
import { packLayerOf, sourceId } from './pack_layers';
import type { LayerSync } from './layer_sync';
import type { DeckSync } from './deck_sync';

// The pointer on the map: hover highlight, a click's popup, the selected commune's highlight,
// and the cursor position for the status bar. The popup's content is built by the UI
// (ui/feature_popup.ts, handed in by main.ts); this module only places it.

/** `sourceLayer` for features of vector tiles (large layers tiled in a worker). */
type FeatureRef = { source: string; id: number; sourceLayer?: string };

export interface MapPopupsOptions {
  map: maplibregl.Map;
  store: AppStore;
  layers: LayerSync;
  deck: DeckSync;
  popupContent: (layer: LayerSpec, properties: Record<string, unknown>, lang: Lang) => HTMLElement;
  onCursor?: (lngLat: { lng: number; lat: number } | null) => void;
}

export class MapPopups {
  private readonly map: maplibregl.Map;
  private readonly store: AppStore;
  private hovered: FeatureRef | null = null;
  private selected: FeatureRef | null = null;
  private popup: maplibregl.Popup | null = null;
  /** While an area is being drawn, clicks and hovers belong to the drawing tool. */
  private suspended = false;

  constructor(private readonly options: MapPopupsOptions) {
    this.map = options.map;
    this.store = options.store;
    this.map.on('mousemove', (e) => {
      this.options.onCursor?.(e.lngLat);
      this.hover(e);
    });
    this.map.on('mouseout', () => {
      this.options.onCursor?.(null);
      this.setHovered(null);
    });
    this.map.on('click', (e) => this.click(e));
  }

  /** Hands clicks and hovers to the area-of-interest drawing tool (no popups, no commune selection). */
  suspend(suspended: boolean): void {
    this.suspended = suspended;
    if (suspended) {
      this.popup?.remove();
      this.setHovered(null);
    }
  }

  closePopup(): void {
    this.popup?.remove();
  }

  /** A new pack: its features are new, so nothing is hovered or selected any more. */
  reset(): void {
    this.popup?.remove();
    this.hovered = null;
    this.selected = null;
  }

  /** Highlights the store's selected commune in the active boundary layer (call once the style is loaded). */
  applySelection(): void {
    if (this.selected && this.map.getSource(this.selected.source)) this.map.setFeatureState(this.selected, { selected: false });
    this.selected = null;
    const code = this.store.getState().selectedCommune;
    const boundary = this.activeBoundary();
    if (!code || !boundary) return;
    const shown = this.options.layers.shown.get(boundary.layer);
    const index = shown?.data.features.findIndex((f) => String(f.properties?.[boundary.codeField]) === code) ?? -1;
    if (index < 0) return;
    this.selected = { source: sourceId(boundary.layer), id: index, ...(shown?.tiles ? { sourceLayer: TILE_SOURCE_LAYER } : {}) };
    this.map.setFeatureState(this.selected, { selected: true });
  }

  show(layer: LayerSpec, properties: Record<string, unknown>, at: maplibregl.LngLatLike): void {
    const lang = this.store.getState().lang;
    this.popup?.remove();
    this.popup = new maplibregl.Popup({ maxWidth: '340px', closeButton: true, focusAfterOpen: false })
      .setLngLat(at)
      .setDOMContent(this.options.popupContent(layer, properties, lang))
      .addTo(this.map);
    const close = this.popup.getElement()?.querySelector('.maplibregl-popup-close-button');
    close?.setAttribute('aria-label', t(lang, 'popup.close'));
    this.popup.getElement()?.setAttribute('aria-label', localize(layer.title, lang));
  }

  private activeBoundary() {
    const s = this.store.getState();
    return s.pack.manifest?.boundarySets?.find((b) => b.id === s.boundarySet) ?? null;
  }

  private layerById(id: string | null): LayerSpec | undefined {
    return id === null ? undefined : allLayers(this.store.getState()).find((l) => l.id === id);
  }

  private topFeature(e: MapMouseEvent): MapGeoJSONFeature | undefined {
    const layers = this.options.layers.interactiveIds();
    if (layers.length === 0) return undefined;
    const pad = 3;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [e.point.x - pad, e.point.y - pad],
      [e.point.x + pad, e.point.y + pad],
    ];
    const hits = this.map.queryRenderedFeatures(box, { layers });
    // Boundaries sit on top as outlines; a click inside a forest lot means the lot.
    const boundaryLayer = this.activeBoundary()?.layer;
    return hits.find((f) => packLayerOf(f.layer.id) !== boundaryLayer) ?? hits[0];
  }

  private setHovered(ref: FeatureRef | null): void {
    if (this.hovered && this.map.getSource(this.hovered.source)) this.map.setFeatureState(this.hovered, { hover: false });
    this.hovered = ref;
    if (ref) this.map.setFeatureState(ref, { hover: true });
    this.map.getCanvas().style.cursor = ref ? 'pointer' : '';
  }

  private hover(e: MapMouseEvent): void {
    if (this.suspended) return;
    const f = this.topFeature(e);
    if (!f || typeof f.id !== 'number') {
      this.setHovered(null);
      // deck points have popups too; say so with the cursor (once a click has indexed them)
      if (this.options.deck.pick(e.point.x, e.point.y, { buildIndex: false })) this.map.getCanvas().style.cursor = 'pointer';
      return;
    }
    if (this.hovered?.source === f.source && this.hovered.id === f.id) return;
    this.setHovered({ source: f.source, id: f.id, ...(f.sourceLayer ? { sourceLayer: f.sourceLayer } : {}) });
  }

  private click(e: MapMouseEvent): void {
    if (this.suspended) return;
    this.popup?.remove();
    const picked = this.options.deck.pick(e.point.x, e.point.y);
    if (picked) {
      const layer = this.layerById(picked.layerId);
      const entry = this.store.getState().layerData[picked.layerId];
      const props = entry?.points ? rowProperties(entry.points, picked.featureIndex) : (entry?.data?.features[picked.featureIndex]?.properties ?? {});
      if (layer) this.show(layer, props, picked.lngLat);
      return;
    }
    const f = this.topFeature(e);
    if (!f) return;
    const layerId = packLayerOf(f.layer.id);
    const layer = this.layerById(layerId);
    if (!layer) return;
    const state = this.store.getState();
    // the layer's own feature (ids are indexes): a tile's copy has lost null values and value types
    const properties = (typeof f.id === 'number' ? state.layerData[layer.id]?.data?.features[f.id]?.properties : null) ?? f.properties;
    const boundary = this.activeBoundary();
    if (boundary && boundary.layer === layer.id) state.selectCommune(String(properties[boundary.codeField] ?? ''));
    this.show(layer, properties, e.lngLat);
  }
}
