import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerSpec } from '../catalog/manifest_types';
import type { AppStore, LayerData, LayerUi } from '../state/store';
import { allLayers } from '../state/store';
import { TILE_MAX_ZOOM, TILE_SOURCE_LAYER } from '../io/worker_tiles';
import { BASEMAP_LABEL_LAYER } from './basemaps';
import { buildStyleLayers, interactiveLayerIds, labelSourceId, needsLabelPoints, sourceId, styleLayerIds, usesDeck } from './pack_layers';
import { labelPoints } from './label_points';
import { raiseAoiLayer } from './aoi_layer';
import type { DeckSync } from './deck_sync';

// The store's layers as MapLibre sources and style layers: added, updated and removed as the
// store changes, stacked in the store's order. Large point layers go to deck.gl (deck_sync.ts).
// Only what changed is touched: a layer whose data is the same keeps its source, and one whose
// visibility, opacity and filters are the same keeps its paint.

/** A layer on the map, with the spec, data and panel settings it shows. */
export interface ShownLayer {
  spec: LayerSpec;
  data: FeatureCollection;
  ui: LayerUi;
  /** the tile URL template when the source is vector tiles cut in a worker */
  tiles?: string;
}

export class LayerSync {
  /** Layers whose source and style layers are on the map. */
  readonly shown = new Map<string, ShownLayer>();
  /** Outlines left out during the current move, for the next frames; see onMotion. */
  private outlinesHidden = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: AppStore,
    private readonly deck: DeckSync,
  ) {}

  /**
   * Brings the map's layers in line with the store's (call once the style is loaded and the
   * store's pack is the one on the map). `added`: a layer came on, so order, selection and label
   * size need applying again; `deckChanged`: deck.gl's layers need syncing.
   */
  sync(): { added: boolean; deckChanged: boolean } {
    const state = this.store.getState();
    const layers = allLayers(state);
    const present = new Set(layers.map((l) => l.id));
    for (const id of [...this.shown.keys()]) if (!present.has(id)) this.remove(id);
    // the deck's own ids: a removed layer is no longer among the state's layers
    this.deck.removeAbsent(present);
    let added = false;
    let deckChanged = this.deck.attached;
    for (const layer of layers) {
      const data = state.layerData[layer.id];
      const ui = state.layerUi[layer.id];
      if (!ui || !data || data.status !== 'ready' || (!data.data && !data.points)) continue;
      if (data.points || usesDeck(layer, data.featureCount)) {
        deckChanged = true;
        continue;
      }
      if (!data.data) continue;
      const entry = this.shown.get(layer.id);
      // a source cannot change between tiles and GeoJSON: such a layer is added again
      if (entry && (entry.spec !== layer || ((entry.tiles || data.tiles) && entry.data !== data.data))) this.remove(layer.id);
      if (!this.shown.has(layer.id)) {
        this.map.addSource(sourceId(layer.id), this.sourceSpec(layer, data));
        if (needsLabelPoints(layer)) this.map.addSource(labelSourceId(layer.id), { type: 'geojson', data: labelPoints(data.data) });
        for (const spec of buildStyleLayers(layer, ui, data.tiles ? TILE_SOURCE_LAYER : undefined)) this.map.addLayer(spec);
        this.shown.set(layer.id, { spec: layer, data: data.data, ui, ...(data.tiles ? { tiles: data.tiles } : {}) });
        added = true;
        continue;
      }
      const current = this.shown.get(layer.id)!;
      if (current.data !== data.data) {
        (this.map.getSource(sourceId(layer.id)) as GeoJSONSource).setData(this.sourceData(data));
        (this.map.getSource(labelSourceId(layer.id)) as GeoJSONSource | undefined)?.setData(labelPoints(data.data));
        current.data = data.data;
      }
      // the store replaces a layer's settings only when they change (state/store.ts)
      if (current.ui !== ui) {
        this.applyLayerUi(layer, ui);
        current.ui = ui;
      }
    }
    return { added, deckChanged };
  }

  /** Takes layers off the map and out of deck.gl (a pack being replaced). */
  removeLayers(layers: readonly LayerSpec[]): void {
    for (const layer of layers) {
      this.remove(layer.id);
      this.deck.remove(layer.id);
    }
  }

  /** Stacks pack layers by the store's order (top first), with all labels above all shapes. */
  applyOrder(): void {
    const byId = new Map(allLayers(this.store.getState()).map((l) => [l.id, l]));
    const order = [...this.store.getState().order].reverse();
    const labels: string[] = [];
    for (const id of order) {
      const layer = byId.get(id);
      if (!layer || !this.shown.has(id)) continue;
      for (const styleId of styleLayerIds(layer)) {
        if (styleId.endsWith('::label')) labels.push(styleId);
        else this.map.moveLayer(styleId);
      }
    }
    for (const id of labels) this.map.moveLayer(id);
    if (this.map.getLayer(BASEMAP_LABEL_LAYER)) this.map.moveLayer(BASEMAP_LABEL_LAYER);
    raiseAoiLayer(this.map);
    // deck.gl's points go back under the labels (DeckSync's anchor): the moves above put every
    // other layer over them
    this.deck.render(this.store.getState().order);
  }

  /** Style layers that answer hovers and clicks: those of visible layers on the map. */
  interactiveIds(): string[] {
    const state = this.store.getState();
    return allLayers(state)
      .filter((l) => this.shown.has(l.id) && state.layerUi[l.id]?.visible)
      .flatMap((l) => interactiveLayerIds(l));
  }

  /**
   * Large polygon layers (vector tiles cut in a worker) leave their outlines out while the map
   * moves, and draw them again once it stands still. On software WebGL the outlines are most of
   * such a frame: panning over 50,000 polygons, frames took a median of 367–433 ms with them and
   * 83 ms without (fills alone), in the same run. A line opacity of 0 makes MapLibre skip the
   * layer; hiding it with `visibility` would make it cut every tile again.
   */
  readonly onMotion = (moving: boolean): void => {
    if (!moving && !this.outlinesHidden) return;
    const outlines = this.largePolygonOutlines();
    for (const { id, opacity } of outlines) this.map.setPaintProperty(id, 'line-opacity', moving ? 0 : opacity);
    this.outlinesHidden = moving && outlines.length > 0;
  };

  /**
   * The map's style as it is when the map stands still: what an export draws, also when it
   * starts during a move (outlines left out, onMotion).
   */
  styleAtRest(): StyleSpecification {
    const style = this.map.getStyle();
    if (!this.outlinesHidden) return style;
    const resting = new Map(this.largePolygonOutlines().map((o) => [o.id, o.opacity]));
    return {
      ...style,
      layers: style.layers.map((l) => (l.type === 'line' && resting.has(l.id) ? { ...l, paint: { ...l.paint, 'line-opacity': resting.get(l.id)! } } : l)),
    };
  }

  /** The outline layers of the tiled polygon layers on the map, with their opacity in the style at rest. */
  private largePolygonOutlines(): Array<{ id: string; opacity: number }> {
    const state = this.store.getState();
    const out: Array<{ id: string; opacity: number }> = [];
    for (const [id, { spec, tiles }] of this.shown) {
      const ui = state.layerUi[id];
      if (!tiles || spec.geometry !== 'polygon' || !ui) continue;
      const outline = buildStyleLayers(spec, ui, TILE_SOURCE_LAYER).find((l) => l.type === 'line') as { id: string; paint?: Record<string, unknown> } | undefined;
      if (outline && this.map.getLayer(outline.id)) out.push({ id: outline.id, opacity: outline.paint?.['line-opacity'] as number });
    }
    return out;
  }

  private applyLayerUi(layer: LayerSpec, ui: LayerUi): void {
    for (const spec of buildStyleLayers(layer, ui)) {
      const s = spec as unknown as { id: string; layout?: Record<string, unknown>; paint?: Record<string, unknown>; filter?: unknown };
      this.map.setLayoutProperty(s.id, 'visibility', s.layout?.visibility as 'visible' | 'none');
      for (const [k, v] of Object.entries(s.paint ?? {})) this.map.setPaintProperty(s.id, k as 'fill-color', v as string);
      this.map.setFilter(s.id, (s.filter ?? null) as FilterSpecification | null);
    }
  }

  /**
   * What a layer's GeoJSON source is given: its features, or for a large pack layer the URL of
   * its file, which MapLibre's worker then reads itself so the main thread does not serialise
   * the features for it (io/map_source.ts). Feature ids are the features' indexes either way
   * (the source's `generateId`): clicks and selections look features up by them.
   */
  private sourceData({ data, mapSource }: LayerData): FeatureCollection | string {
    return mapSource ?? data ?? { type: 'FeatureCollection', features: [] };
  }

  /**
   * A layer's source: vector tiles from a worker for a large polygon or line layer (feature ids
   * are the features' indexes there too, io/worker_tiles.ts), otherwise GeoJSON.
   */
  private sourceSpec(layer: LayerSpec, data: LayerData): SourceSpecification {
    const attribution = layer.provenance.attribution ? { attribution: layer.provenance.attribution } : {};
    if (data.tiles) return { type: 'vector', tiles: [data.tiles], maxzoom: TILE_MAX_ZOOM, ...attribution };
    return { type: 'geojson', data: this.sourceData(data), generateId: true, ...attribution };
  }

  private remove(id: string): void {
    const entry = this.shown.get(id);
    if (!entry) return;
    for (const styleId of styleLayerIds(entry.spec)) if (this.map.getLayer(styleId)) this.map.removeLayer(styleId);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    if (this.map.getSource(labelSourceId(id))) this.map.removeSource(labelSourceId(id));
    this.shown.delete(id);
  }
}
