import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Vite does not see MapLibre's own `new URL('./maplibre-gl-worker.mjs', import.meta.url)`,
// so the production build would ship without the worker and the map would never draw.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { Lang, LayerSpec, PackManifest } from '../catalog/manifest_types';
import type { AppState, AppStore, LayerData } from '../state/store';
import { allLayers } from '../state/store';
import { localize, t } from '../i18n/i18n';
import { BASEMAP_LABEL_LAYER, ONLINE_LAYER, ONLINE_SOURCE, offlineStyle, onlineBasemap, onlineSource } from './basemaps';
import { labelFontFaces } from './map_fonts';
import { buildStyleLayers, interactiveLayerIds, labelSourceId, needsLabelPoints, packLayerOf, sourceId, styleLayerIds, usesDeck } from './pack_layers';
import { labelPoints } from './label_points';
import type { DeckPoints } from './deck_overlay';
import { MapMotion } from './map_motion';
import { AOI_LAYER_IDS, raiseAoiLayer, syncAoiLayer } from './aoi_layer';
import { rowProperties, tableBounds } from '../io/point_table';
import { TILE_MAX_ZOOM, TILE_PROTOCOL, TILE_SOURCE_LAYER } from '../io/worker_tiles';

// The only module that talks to MapLibre. State is pushed in through store subscriptions;
// the map never writes pack data back, only user intents (select a commune, basemap fallback).

export interface MapViewOptions {
  container: HTMLElement;
  store: AppStore;
  basemapUrl: string;
  onCursor?: (lngLat: { lng: number; lat: number } | null) => void;
  /** A feature's popup content (ui/feature_popup.ts): the map places it, the UI builds it. */
  popupContent: (layer: LayerSpec, properties: Record<string, unknown>, lang: Lang) => HTMLElement;
  /** One tile of a large layer, cut by the worker holding it (workers/tile_requests.ts). */
  fetchTile: (url: string) => Promise<ArrayBuffer>;
}

/** `sourceLayer` for features of vector tiles (large layers tiled in a worker). */
type FeatureRef = { source: string; id: number; sourceLayer?: string };

maplibregl.setWorkerUrl(maplibreWorkerUrl);

const ONLINE_FAILURE_ERRORS = 3;
const ONLINE_FAILURE_TIMEOUT_MS = 10000;

export class MapView {
  readonly map: maplibregl.Map;
  private readonly store: AppStore;
  private readonly unsubscribes: Array<() => void> = [];
  private styleReady = false;
  /** Layers whose source and style layers are on the map, with the spec and data they show. */
  private readonly shown = new Map<string, { spec: LayerSpec; data: FeatureCollection; tiles?: string }>();
  private manifest: PackManifest | null = null;
  private hovered: FeatureRef | null = null;
  private selected: FeatureRef | null = null;
  private popup: maplibregl.Popup | null = null;
  private onlineWatch: { errors: number; loaded: boolean; timer: number } | null = null;
  private deck: DeckPoints | null = null;
  private deckMotionSampling = true;
  /** When the map moves and stands still again: large layers draw lighter while it moves. */
  private readonly motion: MapMotion;
  /** Outlines left out during the current move, for the next frames; see onMotion. */
  private outlinesHidden = false;
  private labelScale = 1;
  private readonly baseTextSize = new Map<string, number>();
  /** A camera from a shared link, used instead of the pack's framing when the pack arrives. */
  private pendingCamera: { zoom: number; lat: number; lng: number } | null = null;
  private deckLoading: Promise<void> | null = null;
  /** While an area is being drawn, clicks and hovers belong to the drawing tool. */
  private clicksSuspended = false;

  constructor(private readonly options: MapViewOptions) {
    this.store = options.store;
    // Large polygon and line layers are vector tiles cut by the worker that parsed them
    // (io/worker_tiles.ts); the protocol is global, so export maps read the same tiles.
    maplibregl.addProtocol(TILE_PROTOCOL, async (params) => ({ data: await options.fetchTile(params.url) }));
    const state = this.store.getState();
    this.map = new maplibregl.Map({
      container: options.container,
      style: offlineStyle(options.basemapUrl, state.lang, labelFontFaces()),
      bounds: [102.3, 22.15, 103.0, 22.8],
      fitBoundsOptions: { padding: 20 },
      attributionControl: { compact: false },
      // keeps the drawing buffer so screenshots and pixel checks see the map. No multisampling
      // (MapLibre's default): MapLibre smooths its own lines and fill edges, and on software
      // WebGL 4× multisampling doubled every frame (pan frame p50 233 → 100–117 ms without it).
      // Exports render their own map, multisampled at screen resolution (export/render_map.ts).
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      maxPitch: 0,
      dragRotate: false,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 160 }), 'bottom-left');
    // 'style.load', not 'load': 'load' waits until the basemap is fully drawn (its labels need
    // glyphs), and the pack's layers would only start loading then (1.1 s later at start-up).
    this.map.once('style.load', () => {
      this.styleReady = true;
      this.syncAll();
      syncAoiLayer(this.map, this.store.getState().aoi);
    });
    this.motion = new MapMotion(this.map);
    this.unsubscribes.push(this.motion.subscribe(this.onMotion), () => this.motion.destroy());
    this.bindPointer();
    this.bindStore();
  }

  /**
   * Large polygon layers (vector tiles cut in a worker) leave their outlines out while the map
   * moves, and draw them again once it stands still. On software WebGL the outlines are most of
   * such a frame: panning over 50,000 polygons, frames took a median of 367–433 ms with them and
   * 83 ms without (fills alone), in the same run. A line opacity of 0 makes MapLibre skip the
   * layer; hiding it with `visibility` would make it cut every tile again.
   */
  private readonly onMotion = (moving: boolean): void => {
    if (!moving && !this.outlinesHidden) return;
    const outlines = this.largePolygonOutlines();
    for (const { id, opacity } of outlines) this.map.setPaintProperty(id, 'line-opacity', moving ? 0 : opacity);
    this.outlinesHidden = moving && outlines.length > 0;
  };

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

  /**
   * The map's style as it is when the map stands still: what an export draws, also when it
   * starts during a move (outlines left out, onMotion).
   */
  styleAtRest(): maplibregl.StyleSpecification {
    const style = this.map.getStyle();
    if (!this.outlinesHidden) return style;
    const resting = new Map(this.largePolygonOutlines().map((o) => [o.id, o.opacity]));
    return {
      ...style,
      layers: style.layers.map((l) => (l.type === 'line' && resting.has(l.id) ? { ...l, paint: { ...l.paint, 'line-opacity': resting.get(l.id)! } } : l)),
    };
  }

  destroy(): void {
    for (const u of this.unsubscribes) u();
    this.popup?.remove();
    this.map.remove();
  }

  /** Resolves once the pack has loaded and the map has drawn everything it has. */
  async whenIdle(): Promise<void> {
    await new Promise<void>((resolve) => {
      const check = () => this.store.getState().pack.status !== 'loading' && this.store.getState().pack.status !== 'idle';
      if (check()) return resolve();
      const unsub = this.store.subscribe(
        (s) => s.pack.status,
        () => {
          if (check()) {
            unsub();
            resolve();
          }
        },
      );
    });
    await new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Camera as zoom / lat / lng, the form shared links use. */
  getCamera(): { zoom: number; lat: number; lng: number } {
    if (this.pendingCamera) return this.pendingCamera;
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng };
  }

  setCamera(camera: { zoom: number; lat: number; lng: number }): void {
    if (this.styleReady && this.manifest === this.store.getState().pack.manifest && this.manifest) {
      this.map.jumpTo({ zoom: camera.zoom, center: [camera.lng, camera.lat] });
    } else {
      this.pendingCamera = camera;
    }
  }

  /** Flies to a camera (slides), or jumps when the user prefers reduced motion. */
  flyTo(camera: { zoom: number; lat: number; lng: number }): void {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const target = { zoom: camera.zoom, center: [camera.lng, camera.lat] as [number, number] };
    if (reduce) this.map.jumpTo(target);
    else this.map.flyTo({ ...target, duration: 1600, essential: true });
  }

  fitToPack(animate: boolean): void {
    const bounds = this.store.getState().pack.manifest?.bounds;
    if (bounds) this.map.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { padding: 40, duration: animate ? 1600 : 0 });
  }

  /** Scales every label (pack labels and country names) for projectors; 1 = as styled. */
  setLabelScale(scale: number): void {
    this.labelScale = scale;
    if (!this.styleReady) return;
    for (const layer of this.map.getStyle().layers ?? []) {
      if (layer.type !== 'symbol') continue;
      const base = this.baseTextSize.get(layer.id) ?? (this.map.getLayoutProperty(layer.id, 'text-size') as number | undefined) ?? 13;
      this.baseTextSize.set(layer.id, base);
      this.map.setLayoutProperty(layer.id, 'text-size', typeof base === 'number' ? base * scale : base);
    }
  }

  fitToFeature(feature: Feature): void {
    const [w, s, e, n] = bbox(feature);
    this.map.fitBounds([w, s, e, n], { padding: 60, duration: 600, maxZoom: 13 });
  }

  fitToLayer(layerId: string): void {
    const entry = this.store.getState().layerData[layerId];
    const box = entry?.points ? tableBounds(entry.points) : entry?.data && entry.data.features.length > 0 ? bbox(entry.data) : null;
    if (!box) return;
    const [w, s, e, n] = box;
    this.map.fitBounds([w, s, e, n], { padding: 40, duration: 600, maxZoom: 14 });
  }

  private bindStore(): void {
    const sub = <U>(selector: (s: AppState) => U, listener: () => void) =>
      this.unsubscribes.push(this.store.subscribe(selector, listener));
    sub((s) => s.pack.manifest, () => this.resetPack());
    sub((s) => s.layerData, () => this.syncAll());
    sub((s) => s.layerUi, () => this.syncAll());
    sub((s) => s.userLayers, () => this.syncAll());
    sub((s) => s.order, () => {
      this.applyOrder();
    });
    sub((s) => s.basemap, () => this.applyBasemap());
    sub((s) => s.selectedCommune, () => this.applySelection());
    sub((s) => s.lang, () => this.applyLang());
    sub((s) => s.aoi, () => {
      if (!this.styleReady) return;
      syncAoiLayer(this.map, this.store.getState().aoi);
      raiseAoiLayer(this.map);
    });
  }

  private resetPack(): void {
    if (!this.styleReady) return;
    this.popup?.remove();
    this.hovered = null;
    this.selected = null;
    for (const layer of this.manifest?.layers ?? []) {
      this.removeFromMap(layer.id);
      this.deck?.remove(layer.id);
    }
    this.deck?.render(this.store.getState().order);
    this.manifest = this.store.getState().pack.manifest;
    if (this.pendingCamera) {
      const { zoom, lat, lng } = this.pendingCamera;
      this.map.jumpTo({ zoom, center: [lng, lat] });
      this.pendingCamera = null;
    } else if (this.manifest) {
      const [w, s, e, n] = this.manifest.bounds;
      this.map.fitBounds([w, s, e, n], { padding: 20, duration: 0 });
    }
    this.syncAll();
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
  private sourceSpec(layer: LayerSpec, data: LayerData): maplibregl.SourceSpecification {
    const attribution = layer.provenance.attribution ? { attribution: layer.provenance.attribution } : {};
    if (data.tiles) return { type: 'vector', tiles: [data.tiles], maxzoom: TILE_MAX_ZOOM, ...attribution };
    return { type: 'geojson', data: this.sourceData(data), generateId: true, ...attribution };
  }

  private removeFromMap(id: string): void {
    const entry = this.shown.get(id);
    if (!entry) return;
    for (const styleId of styleLayerIds(entry.spec)) if (this.map.getLayer(styleId)) this.map.removeLayer(styleId);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    if (this.map.getSource(labelSourceId(id))) this.map.removeSource(labelSourceId(id));
    this.shown.delete(id);
  }

  private layerById(id: string | null): LayerSpec | undefined {
    return id === null ? undefined : allLayers(this.store.getState()).find((l) => l.id === id);
  }

  private syncAll(): void {
    if (!this.styleReady) return;
    const state = this.store.getState();
    if (state.pack.manifest !== this.manifest) return this.resetPack();
    const layers = allLayers(state);
    const present = new Set(layers.map((l) => l.id));
    for (const id of [...this.shown.keys()]) if (!present.has(id)) this.removeFromMap(id);
    // the deck's own ids: a removed layer is no longer among the state's layers
    if (this.deck) for (const id of this.deck.ids()) if (!present.has(id)) this.deck.remove(id);
    let added = false;
    let deckChanged = this.deck !== null;
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
      if (entry && (entry.spec !== layer || ((entry.tiles || data.tiles) && entry.data !== data.data))) this.removeFromMap(layer.id);
      if (!this.shown.has(layer.id)) {
        this.map.addSource(sourceId(layer.id), this.sourceSpec(layer, data));
        if (needsLabelPoints(layer)) this.map.addSource(labelSourceId(layer.id), { type: 'geojson', data: labelPoints(data.data) });
        for (const spec of buildStyleLayers(layer, ui, data.tiles ? TILE_SOURCE_LAYER : undefined)) this.map.addLayer(spec);
        this.shown.set(layer.id, { spec: layer, data: data.data, ...(data.tiles ? { tiles: data.tiles } : {}) });
        added = true;
        continue;
      }
      if (entry && entry.data !== data.data) {
        (this.map.getSource(sourceId(layer.id)) as GeoJSONSource).setData(this.sourceData(data));
        (this.map.getSource(labelSourceId(layer.id)) as GeoJSONSource | undefined)?.setData(labelPoints(data.data));
        this.shown.set(layer.id, { spec: layer, data: data.data });
      }
      this.applyLayerUi(layer, ui);
    }
    if (added) {
      this.applyOrder();
      this.applySelection();
      if (this.labelScale !== 1) this.setLabelScale(this.labelScale);
    }
    if (deckChanged) void this.syncDeck();
  }

  /**
   * Loads deck.gl and attaches it to the map now, ahead of a large point layer. Attaching reads
   * a few hundred WebGL parameters synchronously: about 0.3 ms each while the map is idle, but
   * about 3 ms each on software WebGL while it is drawing (1.1–1.3 s in one main-thread task
   * when it happened as the layer arrived). Called as such a file starts importing.
   */
  prepareDeck(): void {
    void this.ensureDeck();
  }

  /** Uploads a large point table's draw offsets ahead of its layer (DeckPoints.stage); false when deck.gl is not attached. */
  stageDeckPoints(offsets: Float32Array): boolean {
    return this.deck?.stage(offsets) ?? false;
  }

  /**
   * Loads deck.gl and has it compile its point program (DeckPoints.warmUp) while nothing is
   * loading: called when the user opens the file picker or drags a file over the map.
   */
  warmDeck(): void {
    if (this.deck?.warmedUp) return;
    void this.ensureDeck().then(() => this.deck!.warmUp());
  }

  private ensureDeck(): Promise<void> {
    this.deckLoading ??= import('./deck_overlay').then(({ DeckPoints }) => {
      this.deck = new DeckPoints(this.map, this.motion, () => this.deckAnchor());
      this.deck.motionSampling = this.deckMotionSampling;
    });
    return this.deckLoading;
  }

  /** The lowest label or area-of-interest layer: deck.gl's points go under it (applyOrder keeps those on top). */
  private deckAnchor(): string | undefined {
    // by name, not by suffix: deck.gl's own group layer is named after its anchor
    const anchors = new Set<string>([BASEMAP_LABEL_LAYER, ...AOI_LAYER_IDS]);
    for (const layer of allLayers(this.store.getState())) for (const id of styleLayerIds(layer)) if (id.endsWith('::label')) anchors.add(id);
    return this.map.getLayersOrder().find((id) => anchors.has(id));
  }

  private async syncDeck(): Promise<void> {
    await this.ensureDeck();
    const deck = this.deck!;
    const state = this.store.getState();
    for (const layer of allLayers(state)) {
      const data = state.layerData[layer.id];
      const ui = state.layerUi[layer.id];
      if (ui && data?.status === 'ready' && data.points) deck.set(layer, data.points, ui);
      else if (ui && data?.status === 'ready' && data.data && usesDeck(layer, data.featureCount)) deck.set(layer, data.data, ui);
    }
    deck.render(state.order);
  }

  /** Point layers drawn by deck.gl, for the automation API and benchmarks. */
  deckLayerIds(): string[] {
    const state = this.store.getState();
    return allLayers(state).filter((l) => this.deck?.has(l.id)).map((l) => l.id);
  }

  get deckAttributeBuilds(): number {
    return this.deck?.attributeBuilds ?? 0;
  }

  deckUploadedAhead(): string[] {
    return this.deck?.uploadedAhead() ?? [];
  }

  deckMotionSample(): { moves: number; now: boolean; layers: string[] } {
    return { moves: this.deck?.sampledMoves ?? 0, now: this.deck?.drawingSample ?? false, layers: this.deck?.sampled() ?? [] };
  }

  /** Benchmarks compare panning with and without the sample (DeckPoints.motionSampling). */
  setDeckMotionSampling(on: boolean): boolean {
    this.deckMotionSampling = on;
    if (this.deck) this.deck.motionSampling = on;
    return on;
  }

  get deckWarmedUp(): boolean {
    return this.deck?.warmedUp ?? false;
  }

  private applyLayerUi(layer: LayerSpec, ui: AppState['layerUi'][string]): void {
    for (const spec of buildStyleLayers(layer, ui)) {
      const s = spec as unknown as { id: string; layout?: Record<string, unknown>; paint?: Record<string, unknown>; filter?: unknown };
      this.map.setLayoutProperty(s.id, 'visibility', s.layout?.visibility as 'visible' | 'none');
      for (const [k, v] of Object.entries(s.paint ?? {})) this.map.setPaintProperty(s.id, k as 'fill-color', v as string);
      this.map.setFilter(s.id, (s.filter ?? null) as maplibregl.FilterSpecification | null);
    }
  }

  /** Stacks pack layers by the store's order (top first), with all labels above all shapes. */
  private applyOrder(): void {
    if (!this.styleReady) return;
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
    // deck.gl's points go back under the labels (deckAnchor): the moves above put every other
    // layer over them
    this.deck?.render(this.store.getState().order);
  }

  /** Hands clicks and hovers to the area-of-interest drawing tool (no popups, no commune selection). */
  suspendClicks(suspended: boolean): void {
    this.clicksSuspended = suspended;
    if (suspended) {
      this.popup?.remove();
      this.setHovered(null);
    }
  }

  private applyLang(): void {
    if (!this.styleReady) return;
    const lang = this.store.getState().lang;
    this.map.setLayoutProperty(BASEMAP_LABEL_LAYER, 'text-field', ['get', lang === 'vi' ? 'name_vi' : 'name_en']);
    this.popup?.remove();
  }

  private activeBoundary() {
    const s = this.store.getState();
    return s.pack.manifest?.boundarySets?.find((b) => b.id === s.boundarySet) ?? null;
  }

  private applySelection(): void {
    if (!this.styleReady) return;
    if (this.selected && this.map.getSource(this.selected.source)) this.map.setFeatureState(this.selected, { selected: false });
    this.selected = null;
    const code = this.store.getState().selectedCommune;
    const boundary = this.activeBoundary();
    if (!code || !boundary) return;
    const data = this.shown.get(boundary.layer)?.data;
    const index = data?.features.findIndex((f) => String(f.properties?.[boundary.codeField]) === code) ?? -1;
    if (index < 0) return;
    this.selected = { source: sourceId(boundary.layer), id: index, ...(this.shown.get(boundary.layer)?.tiles ? { sourceLayer: TILE_SOURCE_LAYER } : {}) };
    this.map.setFeatureState(this.selected, { selected: true });
  }

  private applyBasemap(): void {
    if (!this.styleReady) return;
    const id = this.store.getState().basemap;
    if (this.onlineWatch) window.clearTimeout(this.onlineWatch.timer);
    this.onlineWatch = null;
    if (this.map.getLayer(ONLINE_LAYER)) this.map.removeLayer(ONLINE_LAYER);
    if (this.map.getSource(ONLINE_SOURCE)) this.map.removeSource(ONLINE_SOURCE);
    const online = onlineBasemap(id);
    this.map.setLayoutProperty('basemap-countries', 'visibility', online ? 'none' : 'visible');
    if (!online) return;
    this.map.addSource(ONLINE_SOURCE, onlineSource(online));
    this.map.addLayer({ id: ONLINE_LAYER, type: 'raster', source: ONLINE_SOURCE }, 'basemap-borders');
    // No network is the normal case here: if tiles keep failing and none arrives, go back.
    const watch = {
      errors: 0,
      loaded: false,
      timer: window.setTimeout(() => {
        if (this.onlineWatch === watch && !watch.loaded) this.failBasemap();
      }, ONLINE_FAILURE_TIMEOUT_MS),
    };
    this.onlineWatch = watch;
  }

  private failBasemap(): void {
    const s = this.store.getState();
    const name = t(s.lang, `basemap.${s.basemap}` as 'basemap.osm');
    s.setBasemap('offline');
    s.pushMessage('warning', { key: 'basemap.failed', params: { name } });
  }

  private bindPointer(): void {
    const map = this.map;
    map.on('error', (e) => {
      const watch = this.onlineWatch;
      if (!watch || (e as { sourceId?: string }).sourceId !== ONLINE_SOURCE) return;
      watch.errors++;
      if (!watch.loaded && watch.errors >= ONLINE_FAILURE_ERRORS) this.failBasemap();
    });
    map.on('sourcedata', (e) => {
      if (this.onlineWatch && e.sourceId === ONLINE_SOURCE && e.tile) this.onlineWatch.loaded = true;
    });
    map.on('mousemove', (e) => {
      this.options.onCursor?.(e.lngLat);
      this.hover(e);
    });
    map.on('mouseout', () => {
      this.options.onCursor?.(null);
      this.setHovered(null);
    });
    map.on('click', (e) => this.click(e));
  }

  private interactiveIds(): string[] {
    const state = this.store.getState();
    return allLayers(state)
      .filter((l) => this.shown.has(l.id) && state.layerUi[l.id]?.visible)
      .flatMap((l) => interactiveLayerIds(l));
  }

  private topFeature(e: MapMouseEvent): MapGeoJSONFeature | undefined {
    const layers = this.interactiveIds();
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
    if (this.clicksSuspended) return;
    const f = this.topFeature(e);
    if (!f || typeof f.id !== 'number') {
      this.setHovered(null);
      // deck points have popups too; say so with the cursor (once a click has indexed them)
      if (this.deck?.pick(e.point.x, e.point.y, { buildIndex: false })) this.map.getCanvas().style.cursor = 'pointer';
      return;
    }
    if (this.hovered?.source === f.source && this.hovered.id === f.id) return;
    this.setHovered({ source: f.source, id: f.id, ...(f.sourceLayer ? { sourceLayer: f.sourceLayer } : {}) });
  }

  private click(e: MapMouseEvent): void {
    if (this.clicksSuspended) return;
    this.popup?.remove();
    const picked = this.deck?.pick(e.point.x, e.point.y);
    if (picked) {
      const layer = this.layerById(picked.layerId);
      const entry = this.store.getState().layerData[picked.layerId];
      const props = entry?.points ? rowProperties(entry.points, picked.featureIndex) : (entry?.data?.features[picked.featureIndex]?.properties ?? {});
      if (layer) this.showPopup(layer, props, picked.lngLat);
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
    this.showPopup(layer, properties, e.lngLat);
  }

  showPopup(layer: LayerSpec, properties: Record<string, unknown>, at: maplibregl.LngLatLike): void {
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
}
