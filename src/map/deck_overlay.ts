import { MapboxOverlay } from '@deck.gl/mapbox';
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { Buffer, type Device } from '@luma.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerSpec } from '../catalog/manifest_types';
import type { LayerUi } from '../state/store';
import type { FeatureCollection } from 'geojson';
import { buildPointAttributes, buildTableAttributes, deckRadius, featureIndexOf, samplePointAttributes, type PointAttributes } from './point_attributes';
import type { PointTable } from '../io/point_table';
import { PointPicker } from './point_picker';
import { PointSpriteLayer } from './point_sprite_layer';
import type { MapMotion } from './map_motion';

// deck.gl draws the point layers too large for MapLibre's GeoJSON sources. Loaded on demand
// (dynamic import) so that packs without large point sets never download deck.gl.

/**
 * While the map moves (MapMotion), a layer of more points than this draws a sample of about
 * MOTION_SAMPLE_POINTS of them, and all of them once the map stands still. On software WebGL a
 * frame's cost grows with the points: a 1,000,000-point layer made a frame of a pan take
 * 1.2–1.3 s here. The sample is a layer of its own, prepared when the map is idle after the
 * layer arrives, because hiding points in the shader still ran the vertex shader over all of
 * them (a frame of 1,000,000 points of which 125,000 drawn: ~450 ms, against ~130 ms for
 * 100,000 points). It is the same points in every frame of a move (inSample), so the cloud does
 * not flicker.
 */
const MOTION_SAMPLE_ABOVE = 250_000;
const MOTION_SAMPLE_POINTS = 125_000;
/** deck.gl id of a layer's sample: `<layer id>` + this. */
const SAMPLE_SUFFIX = '::motion-sample';

/** How many points one in, for a layer of `length` points drawn while the map moves. */
function motionSampleEvery(length: number): number {
  return length > MOTION_SAMPLE_ABOVE ? Math.ceil(length / MOTION_SAMPLE_POINTS) : 1;
}

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
  picker: PointPicker;
  /** The positions' GPU buffer when it was uploaded ahead (stage); this class destroys it. */
  uploaded: Buffer | null;
  /** What is drawn while the map moves (MOTION_SAMPLE_ABOVE); null until prepared, and for smaller layers. */
  sample: PointAttributes | null;
}

/**
 * The internals of deck.gl 9 used here, all optional: without them deck.gl sets layers up at its
 * next frame and nothing is uploaded ahead.
 */
interface DeckInternals {
  _deck?: { device?: Device | null; layerManager?: { updateLayers(): void; needsRedraw?(opts: { clearRedrawFlags: boolean }): unknown } | null };
}

export class DeckPoints {
  private readonly overlay: MapboxOverlay;
  private readonly entries = new Map<string, DeckEntry>();
  /** How many times attributes were built; benchmarks check pan/zoom never rebuild. */
  attributeBuilds = 0;

  private order: string[] = [];
  /** A stand-in layer that makes the GPU compile the point program before a large layer arrives (warmUp). */
  private warm: PointSpriteLayer | null = null;
  /** Offsets uploaded ahead of their layer (stage), until set() takes them. */
  private staged: { offsets: Float32Array; buffer: Buffer } | null = null;
  /** Buffers of layers replaced or removed, destroyed once deck.gl no longer draws them. */
  private retired: Buffer[] = [];
  /** Whether large layers draw a sample (the map is moving); see MOTION_SAMPLE_ABOVE. */
  private sampling = false;
  private samplesPending = false;
  private destroyed = false;
  private readonly unsubscribeMotion: () => void;
  /** Moves of the map drawn with a sample since start, for tests and benchmarks. */
  sampledMoves = 0;
  /** Off: every point in every frame (benchmarks compare both in one run). */
  motionSampling = true;

  /**
   * `anchor`: the map layer the points are drawn under (the lowest label or area-of-interest
   * layer), so labels and the area's outline stay readable over dense points.
   */
  constructor(
    private readonly map: MapLibreMap,
    motion: MapMotion,
    private readonly anchor: () => string | undefined = () => undefined,
  ) {
    // Interleaved: deck.gl draws into MapLibre's own WebGL context, as one custom layer that it
    // keeps just under `anchor` (on top of the map without one). A second
    // context (overlaid mode) costs about a second to create on software WebGL and its canvas
    // resize waits for the map's pending frames, both on the main thread.
    // the map view sets the cursor (a pointer over features and points); deck.gl would set its
    // own 'grab' on the shared canvas at every frame
    this.overlay = new MapboxOverlay({ interleaved: exposeTransform(map), layers: [], getCursor: () => map.getCanvas().style.cursor });
    map.addControl(this.overlay);
    this.unsubscribeMotion = motion.subscribe(this.onMotion);
  }

  /** A sample from the first frame of a move, every point once the map is still. */
  private readonly onMotion = (moving: boolean): void => {
    if (moving) {
      if (!this.motionSampling || ![...this.entries.values()].some((e) => e.sample)) return;
      this.sampling = true;
      this.sampledMoves++;
      this.render(this.order);
    } else if (this.sampling) {
      this.sampling = false;
      this.render(this.order);
      this.map.triggerRepaint();
    }
  };

  /** Layers with a sample ready for moves. */
  sampled(): string[] {
    return [...this.entries.values()].filter((e) => e.sample).map((e) => e.spec.id);
  }

  /** Whether large layers are drawn as a sample now (the map is moving, MapMotion). */
  get drawingSample(): boolean {
    return this.sampling;
  }

  /**
   * The point under a screen position (top layer first), so map clicks and hovers can prefer
   * deck points over shapes. Picked on the CPU (point_picker.ts), not by a GPU picking pass.
   */
  pick(x: number, y: number, { radius = 4, buildIndex = true }: { radius?: number; buildIndex?: boolean } = {}): DeckPick | null {
    const project = (lon: number, lat: number): [number, number] => {
      const p = this.map.project([lon, lat]);
      return [p.x, p.y];
    };
    const unproject = (px: number, py: number): [number, number] => {
      const l = this.map.unproject([px, py]);
      return [l.lng, l.lat];
    };
    for (const id of this.order) {
      const entry = this.entries.get(id);
      if (!entry || !entry.ui.visible || entry.ui.opacity === 0 || (!buildIndex && !entry.picker.ready)) continue;
      const i = entry.picker.nearest(x, y, radius, project, unproject);
      if (i >= 0) return { layerId: entry.spec.id, featureIndex: featureIndexOf(entry.attrs, i), lngLat: [entry.attrs.positions[2 * i]!, entry.attrs.positions[2 * i + 1]!] };
    }
    return null;
  }

  set(spec: LayerSpec, data: FeatureCollection | PointTable, ui: LayerUi): void {
    const key = JSON.stringify(ui.filters);
    const prev = this.entries.get(spec.id);
    if (prev && prev.data === data && prev.builtFor === key && prev.spec === spec) {
      this.entries.set(spec.id, { ...prev, ui });
      return;
    }
    const attrs = 'positions' in data ? buildTableAttributes(data, spec.style, ui.filters) : buildPointAttributes(data.features, spec.style, ui.filters);
    this.attributeBuilds++;
    // a table's own index (built in its worker) when every row is drawn, in order
    const prebuilt = 'positions' in data && attrs.positions === data.positions ? data.pointIndex : undefined;
    let uploaded: Buffer | null = null;
    if (this.staged && attrs.offsets === this.staged.offsets) {
      uploaded = this.staged.buffer;
      this.staged = null;
      uploadedPositions.set(attrs, uploaded);
    }
    if (prev?.uploaded) this.retired.push(prev.uploaded);
    this.entries.set(spec.id, { spec, data, ui, attrs, builtFor: key, picker: new PointPicker(attrs.positions, prebuilt), uploaded, sample: null });
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.uploaded) this.retired.push(entry.uploaded);
    this.entries.delete(id);
  }

  /**
   * Uploads a point table's draw offsets now, ahead of its layer; set() then draws from this
   * buffer. Called as an import's result arrives, a task before the result is added to the
   * store. The layer's first frame held the 6 MB upload of a 757,576-row CSV along with the
   * layer's set-up and the map's redraw; uploading it alone, in the task that received it,
   * while the map is idle, splits that. A buffer nobody takes is destroyed at the next stage().
   * False when deck.gl's device is not ready (nothing uploaded).
   */
  stage(offsets: Float32Array): boolean {
    const device = (this.overlay as unknown as DeckInternals)._deck?.device;
    if (!device) return false;
    this.staged?.buffer.destroy();
    // the 16 spare bytes are what deck.gl allocates too: the layout reads a `positions64Low`
    // attribute one vertex past the position (unused with offsets), so the last vertex reads
    // 8 bytes past the data
    const buffer = device.createBuffer({ id: 'staged-point-offsets', usage: Buffer.VERTEX | Buffer.COPY_DST, byteLength: offsets.byteLength + 16 });
    buffer.write(offsets);
    this.staged = { offsets, buffer };
    return true;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /**
   * Links and draws the point program once, with one invisible point, so that the first frame of
   * a large layer finds it ready. On software WebGL, linking the program and compiling it at its
   * first draw took 130–220 ms of one main-thread task in that frame (CPU profile of a 50 MB
   * import), and no WebGL call can make that wait asynchronous here (the browser has no
   * KHR_parallel_shader_compile). luma.gl's pipeline cache hands the program to the real layer,
   * which must ask for the same one: float32 offsets (LNGLAT_OFFSETS) and the same attributes.
   * Called when the user shows the intent to import (file picker, drag over the map), so the
   * pause falls while a file is being chosen rather than while it loads.
   */
  warmUp(): void {
    if (this.warm || this.entries.size > 0) return;
    const attrs: PointAttributes = {
      length: 1,
      positions: new Float64Array([0, -80]),
      offsets: new Float32Array([0, 0]),
      // far outside the district and fully transparent: drawn, never seen
      origin: [0, -80],
      colors: null,
      color: [0, 0, 0, 0],
      featureIndex: null,
    };
    this.warm = pointLayer('__warm-up__', attrs, 1.5, { visible: true, opacity: 1 }, this.anchor());
    this.render(this.order);
  }

  /** Layers drawn from positions uploaded ahead (stage). */
  uploadedAhead(): string[] {
    return [...this.entries.values()].filter((e) => e.uploaded).map((e) => e.spec.id);
  }

  get warmedUp(): boolean {
    return this.warm !== null;
  }

  /** Draws in the given order, top first. */
  render(order: string[]): void {
    this.order = order.filter((id) => this.entries.has(id));
    const beforeId = this.anchor();
    const layers = [...this.order].reverse().flatMap((id) => {
      const { attrs, spec, ui, sample } = this.entries.get(id)!;
      // both stay in deck.gl (uploaded once), one of them visible
      const drawSample = this.sampling && sample !== null;
      const full = pointLayer(id, attrs, deckRadius(spec), { ...ui, visible: ui.visible && !drawSample }, beforeId);
      return sample ? [full, pointLayer(id + SAMPLE_SUFFIX, sample, deckRadius(spec), { ...ui, visible: ui.visible && drawSample }, beforeId)] : [full];
    });
    // the stand-in stays until a real layer holds the program (luma.gl frees it with its last user)
    if (this.warm && layers.length > 0) this.warm = null;
    this.overlay.setProps({ layers: this.warm ? [this.warm] : layers });
    // once deck.gl has its new layers, the buffers of the ones replaced or removed are unused
    if (this.setUpLayersNow()) for (const buffer of this.retired.splice(0)) buffer.destroy();
    if (!this.samplesPending && this.motionSampling && [...this.entries.values()].some((e) => !e.sample && motionSampleEvery(e.attrs.length) > 1)) {
      this.samplesPending = true;
      this.map.once('idle', this.prepareSamples);
    }
  }

  /**
   * Builds and uploads the samples drawn while the map moves, once the map is idle after a large
   * layer arrived: not in the load (a 757,576-row import keeps its longest task under 100 ms,
   * issue 3) and not in the first frame of a pan.
   */
  private readonly prepareSamples = (): void => {
    this.samplesPending = false;
    for (const entry of this.entries.values()) {
      const every = motionSampleEvery(entry.attrs.length);
      if (!entry.sample && every > 1) entry.sample = samplePointAttributes(entry.attrs, every);
    }
    // the upload in a task of its own: building and uploading the sample of a 757,576-row import
    // were one task of 59–89 ms
    setTimeout(() => {
      if (this.destroyed) return;
      this.render(this.order);
      // Nothing on screen changed (the samples are hidden), but deck.gl asks the map for a frame
      // after any layer change: a frame of every point, over a second at 1,000,000 points here,
      // for nothing. Forgetting that request is safe here: the map was idle, so no other change
      // waits for a frame. (A pan started right after a load still found its first frame slow,
      // with and without this; that frame is the load's own.)
      (this.overlay as unknown as DeckInternals)._deck?.layerManager?.needsRedraw?.({ clearRedrawFlags: true });
    }, 0);
  };

  /**
   * deck.gl sets new layers up (attribute upload, program link) at its next animation frame,
   * which is the same main-thread task as MapLibre's frame. Setting them up now, in the task
   * that changed them, keeps that frame under 100 ms for a 750,000-point import (part of
   * issue 3's target). Asking at a later task was measured worse (182–419 ms): by then the map
   * has drawn a frame, and each synchronous WebGL call waits for software WebGL to finish it.
   * `_deck` and `layerManager` are deck.gl internals (9.x); without them deck.gl sets the layers
   * up at its frame as before.
   */
  private setUpLayersNow(): boolean {
    const layerManager = (this.overlay as unknown as DeckInternals)._deck?.layerManager;
    layerManager?.updateLayers();
    return Boolean(layerManager);
  }

  destroy(map: MapLibreMap): void {
    this.destroyed = true;
    this.unsubscribeMotion();
    map.off('idle', this.prepareSamples);
    this.sampling = false;
    map.removeControl(this.overlay);
    for (const buffer of [...this.retired.splice(0), ...[...this.entries.values()].map((e) => e.uploaded), this.staged?.buffer]) buffer?.destroy();
    this.staged = null;
  }
}

/** The deck.gl layer of one point layer, from its binary attributes (also used by the benchmark). */
export function pointLayer(id: string, attrs: PointAttributes, radiusPixels: number, ui: { visible: boolean; opacity: number }, beforeId?: string): PointSpriteLayer {
  return new PointSpriteLayer({
    id,
    // deck.gl's MapLibre integration draws the layer just under this map layer (on top without)
    ...(beforeId ? { beforeId } : {}),
    ...(attrs.offsets ? { coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS, coordinateOrigin: [attrs.origin[0], attrs.origin[1], 0] as [number, number, number] } : {}),
    data: deckData(attrs),
    // one colour for all: a constant attribute, no buffer
    ...(attrs.colors ? {} : { getFillColor: attrs.color }),
    visible: ui.visible,
    opacity: ui.opacity,
    radiusPixels,
    // picked on the CPU (pick above); a GPU picking pass would redraw every point per hover
    pickable: false,
  });
}

/** The deck.gl `data` of each set of attributes, built once per set. */
const deckDataOf = new WeakMap<PointAttributes, object>();
/** Positions already on the GPU (DeckPoints.stage), by the attributes they belong to. */
const uploadedPositions = new WeakMap<PointAttributes, Buffer>();

/**
 * The same object for the same attributes: deck.gl compares `data` by identity, and a new object
 * makes it upload every attribute again (6–9 MB for a 750,000-point CSV) at each render, when only
 * the order, the opacity or the visibility changed.
 */
function deckData(attrs: PointAttributes): object {
  let data = deckDataOf.get(attrs);
  if (!data) {
    data = {
      length: attrs.length,
      attributes: { getPosition: { value: attrs.offsets ?? attrs.positions, size: 2, ...(uploadedPositions.has(attrs) ? { buffer: uploadedPositions.get(attrs) } : {}) }, ...(attrs.colors ? { getFillColor: { value: attrs.colors, size: 4, normalized: true } } : {}) },
    };
    deckDataOf.set(attrs, data);
  }
  return data;
}

/**
 * deck.gl's MapLibre integration reads `map.transform` (camera height, near/far planes), which
 * MapLibre 6 moved behind `map._camera`. Exposes it again; false if neither is there, and the
 * overlay then draws on its own canvas instead.
 */
function exposeTransform(map: MapLibreMap): boolean {
  const m = map as unknown as { transform?: unknown; _camera?: { transform?: unknown } };
  if (m.transform) return true;
  if (!m._camera?.transform) return false;
  Object.defineProperty(map, 'transform', { configurable: true, get: () => m._camera!.transform });
  return true;
}
