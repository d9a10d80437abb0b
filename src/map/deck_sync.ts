import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../state/store';
import { allLayers } from '../state/store';
import { BASEMAP_LABEL_LAYER } from './basemaps';
import { styleLayerIds, usesDeck } from './pack_layers';
import type { DeckPick, DeckPoints } from './deck_overlay';
import type { MapMotion } from './map_motion';
import { AOI_LAYER_IDS } from './aoi_layer';

// deck.gl's point layers on the map: loaded on first need (deck.gl stays out of the first
// bundle), fed the store's large point layers, and kept under the labels.

export class DeckSync {
  private deck: DeckPoints | null = null;
  private loading: Promise<void> | null = null;
  private motionSampling = true;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: AppStore,
    private readonly motion: MapMotion,
  ) {}

  /** Whether deck.gl is attached to the map. */
  get attached(): boolean {
    return this.deck !== null;
  }

  /** The attached deck.gl points, for the counters map_debug.ts reads. */
  get points(): DeckPoints | null {
    return this.deck;
  }

  /**
   * Loads deck.gl and attaches it to the map now, ahead of a large point layer. Attaching reads
   * a few hundred WebGL parameters synchronously: about 0.3 ms each while the map is idle, but
   * about 3 ms each on software WebGL while it is drawing (1.1–1.3 s in one main-thread task
   * when it happened as the layer arrived). Called as such a file starts importing.
   */
  prepare(): void {
    void this.ensure();
  }

  /** Uploads a large point table's draw offsets ahead of its layer (DeckPoints.stage); false when deck.gl is not attached. */
  stage(offsets: Float32Array): boolean {
    return this.deck?.stage(offsets) ?? false;
  }

  /**
   * Loads deck.gl and has it compile its point program (DeckPoints.warmUp) while nothing is
   * loading: called when the user opens the file picker or drags a file over the map.
   */
  warm(): void {
    if (this.deck?.warmedUp) return;
    void this.ensure().then(() => this.deck!.warmUp());
  }

  /** Benchmarks compare panning with and without the sample (DeckPoints.motionSampling). */
  setMotionSampling(on: boolean): boolean {
    this.motionSampling = on;
    if (this.deck) this.deck.motionSampling = on;
    return on;
  }

  /** Hands every ready large point layer of the store to deck.gl and draws them in the store's order. */
  async sync(): Promise<void> {
    await this.ensure();
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

  /** Point layers drawn by deck.gl, in the store's layer order. */
  layerIds(): string[] {
    return allLayers(this.store.getState())
      .filter((l) => this.deck?.has(l.id))
      .map((l) => l.id);
  }

  remove(id: string): void {
    this.deck?.remove(id);
  }

  /** Drops deck.gl's layers that are no longer among the store's layers (by deck.gl's own ids). */
  removeAbsent(present: ReadonlySet<string>): void {
    if (this.deck) for (const id of this.deck.ids()) if (!present.has(id)) this.deck.remove(id);
  }

  render(order: string[]): void {
    this.deck?.render(order);
  }

  pick(x: number, y: number, options?: { buildIndex?: boolean }): DeckPick | null {
    return this.deck?.pick(x, y, options) ?? null;
  }

  private ensure(): Promise<void> {
    this.loading ??= import('./deck_overlay').then(({ DeckPoints }) => {
      this.deck = new DeckPoints(this.map, this.motion, () => this.anchor());
      this.deck.motionSampling = this.motionSampling;
    });
    return this.loading;
  }

  /** The lowest label or area-of-interest layer: deck.gl's points go under it (layer_sync.ts keeps those on top). */
  private anchor(): string | undefined {
    // by name, not by suffix: deck.gl's own group layer is named after its anchor
    const anchors = new Set<string>([BASEMAP_LABEL_LAYER, ...AOI_LAYER_IDS]);
    for (const layer of allLayers(this.store.getState())) for (const id of styleLayerIds(layer)) if (id.endsWith('::label')) anchors.add(id);
    return this.map.getLayersOrder().find((id) => anchors.has(id));
  }
}
