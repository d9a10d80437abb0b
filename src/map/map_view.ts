import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Vite does not see MapLibre's own `new URL('./maplibre-gl-worker.mjs', import.meta.url)`,
// so the production build would ship without the worker and the map would never draw.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature } from 'geojson';
import type { Lang, LayerSpec, PackManifest } from '../catalog/manifest_types';
import type { AppState, AppStore } from '../state/store';
import { TILE_PROTOCOL } from '../io/worker_tiles';
import { offlineStyle } from './basemaps';
import { labelFontFaces } from './map_fonts';
import { MapMotion } from './map_motion';
import { raiseAoiLayer, syncAoiLayer } from './aoi_layer';
import { MapCamera, type CameraState } from './map_camera';
import { DeckSync } from './deck_sync';
import { LayerSync } from './layer_sync';
import { BasemapControl } from './basemap_control';
import { MapPopups } from './map_popups';
import { LabelScale } from './label_scale';
import { MapDebug } from './map_debug';

// The map on screen, composed of parts with one job each: the camera (map_camera.ts), the
// store's layers as sources in order (layer_sync.ts) and as deck.gl points (deck_sync.ts), the
// basemap and its fallback (basemap_control.ts), pointer and popups (map_popups.ts), label
// size (label_scale.ts), and counters for tests (map_debug.ts). State is pushed in through
// store subscriptions; the map never writes pack data back, only user intents (select a
// commune, basemap fallback). Only src/map and src/export import MapLibre (eslint.config.js).

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

maplibregl.setWorkerUrl(maplibreWorkerUrl);

export class MapView {
  readonly map: maplibregl.Map;
  private readonly store: AppStore;
  private readonly unsubscribes: Array<() => void> = [];
  private styleReady = false;
  /** The pack whose layers are on the map. */
  private manifest: PackManifest | null = null;
  /** When the map moves and stands still again: large layers draw lighter while it moves. */
  private readonly motion: MapMotion;
  private readonly camera: MapCamera;
  private readonly deck: DeckSync;
  private readonly layers: LayerSync;
  private readonly basemap: BasemapControl;
  private readonly popups: MapPopups;
  private readonly labels: LabelScale;
  private readonly debug: MapDebug;

  constructor(options: MapViewOptions) {
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
    this.camera = new MapCamera(this.map, this.store, () => this.styleReady && this.manifest !== null && this.manifest === this.store.getState().pack.manifest);
    this.deck = new DeckSync(this.map, this.store, this.motion);
    this.layers = new LayerSync(this.map, this.store, this.deck);
    this.labels = new LabelScale(this.map);
    this.debug = new MapDebug(this.deck);
    this.unsubscribes.push(this.motion.subscribe(this.layers.onMotion), () => this.motion.destroy());
    this.basemap = new BasemapControl(this.map, this.store);
    this.popups = new MapPopups({ map: this.map, store: this.store, layers: this.layers, deck: this.deck, popupContent: options.popupContent, ...(options.onCursor ? { onCursor: options.onCursor } : {}) });
    this.bindStore();
  }

  /**
   * The map's style as it is when the map stands still: what an export draws, also when it
   * starts during a move (LayerSync.onMotion).
   */
  styleAtRest(): maplibregl.StyleSpecification {
    return this.layers.styleAtRest();
  }

  destroy(): void {
    for (const u of this.unsubscribes) u();
    this.popups.closePopup();
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
  getCamera(): CameraState {
    return this.camera.get();
  }

  setCamera(camera: CameraState): void {
    this.camera.set(camera);
  }

  /** Flies to a camera (slides), or jumps when the user prefers reduced motion. */
  flyTo(camera: CameraState): void {
    this.camera.flyTo(camera);
  }

  fitToPack(animate: boolean): void {
    this.camera.fitToPack(animate);
  }

  fitToFeature(feature: Feature): void {
    this.camera.fitToFeature(feature);
  }

  fitToLayer(layerId: string): void {
    this.camera.fitToLayer(layerId);
  }

  /** Scales every label (pack labels and country names) for projectors; 1 = as styled. */
  setLabelScale(scale: number): void {
    this.labels.set(scale, this.styleReady);
  }

  /** Hands clicks and hovers to the area-of-interest drawing tool (no popups, no commune selection). */
  suspendClicks(suspended: boolean): void {
    this.popups.suspend(suspended);
  }

  showPopup(layer: LayerSpec, properties: Record<string, unknown>, at: maplibregl.LngLatLike): void {
    this.popups.show(layer, properties, at);
  }

  /** Attaches deck.gl ahead of a large point layer (DeckSync.prepare). */
  prepareDeck(): void {
    this.deck.prepare();
  }

  /** Uploads a large point table's draw offsets ahead of its layer; false when deck.gl is not attached. */
  stageDeckPoints(offsets: Float32Array): boolean {
    return this.deck.stage(offsets);
  }

  /** Has deck.gl compile its point program while nothing is loading (DeckSync.warm). */
  warmDeck(): void {
    this.deck.warm();
  }

  /** Point layers drawn by deck.gl, for exports, the automation API and benchmarks. */
  deckLayerIds(): string[] {
    return this.deck.layerIds();
  }

  get deckAttributeBuilds(): number {
    return this.debug.attributeBuilds;
  }

  get deckWarmedUp(): boolean {
    return this.debug.warmedUp;
  }

  deckUploadedAhead(): string[] {
    return this.debug.uploadedAhead();
  }

  deckMotionSample(): { moves: number; now: boolean; layers: string[] } {
    return this.debug.motionSample();
  }

  setDeckMotionSampling(on: boolean): boolean {
    return this.debug.setMotionSampling(on);
  }

  private bindStore(): void {
    const sub = <U>(selector: (s: AppState) => U, listener: () => void) => this.unsubscribes.push(this.store.subscribe(selector, listener));
    sub((s) => s.pack.manifest, () => this.resetPack());
    sub((s) => s.layerData, () => this.syncAll());
    sub((s) => s.layerUi, () => this.syncAll());
    sub((s) => s.userLayers, () => this.syncAll());
    sub((s) => s.order, () => {
      if (this.styleReady) this.layers.applyOrder();
    });
    sub((s) => s.basemap, () => {
      if (this.styleReady) this.basemap.apply();
    });
    sub((s) => s.selectedCommune, () => {
      if (this.styleReady) this.popups.applySelection();
    });
    sub((s) => s.lang, () => {
      if (!this.styleReady) return;
      this.basemap.applyLang();
      this.popups.closePopup();
    });
    sub((s) => s.aoi, () => {
      if (!this.styleReady) return;
      syncAoiLayer(this.map, this.store.getState().aoi);
      raiseAoiLayer(this.map);
    });
  }

  /** Another pack: its predecessor's layers go, and the camera frames the new one. */
  private resetPack(): void {
    if (!this.styleReady) return;
    this.popups.reset();
    this.layers.removeLayers(this.manifest?.layers ?? []);
    this.deck.render(this.store.getState().order);
    this.manifest = this.store.getState().pack.manifest;
    this.camera.frame(this.manifest);
    this.syncAll();
  }

  private syncAll(): void {
    if (!this.styleReady) return;
    if (this.store.getState().pack.manifest !== this.manifest) return this.resetPack();
    const { added, deckChanged } = this.layers.sync();
    if (added) {
      this.layers.applyOrder();
      this.popups.applySelection();
      this.labels.reapply();
    }
    if (deckChanged) void this.deck.sync();
  }
}
