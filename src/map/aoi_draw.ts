import type * as maplibregl from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { AOI_COLOR } from './aoi_layer';

// Drawing an area of interest with terra-draw (polygon mode), behind a small interface so the
// rest of the app never sees terra-draw. The library and its MapLibre adapter are loaded with
// a dynamic import the first time the user draws: most sessions never draw, and this keeps
// them out of the first bundle.
//
// terra-draw is only active while drawing: once the polygon is closed, it is handed over (the
// AOI outline is MapLibre's own layer, aoi_layer.ts) and terra-draw is stopped, which removes
// its layers and event handlers from the map.

export interface DrawState {
  drawing: boolean;
  /** vertices placed so far (0 before the first click) */
  vertices: number;
}

export interface AoiDrawHooks {
  /** the closed polygon, in WGS 84 lon/lat */
  onFinish(geometry: Polygon): void;
  onState(state: DrawState): void;
  /** true while drawing: the map's own click (popups, commune selection) must stand aside */
  onSuspendMapClicks(suspended: boolean): void;
}

export interface AoiDrawer {
  /** Loads terra-draw if needed and starts polygon mode. */
  start(): Promise<void>;
  /** Closes the polygon (as Enter does); false when fewer than 3 vertices are placed. */
  finish(): boolean;
  /** Removes the last vertex placed. */
  undo(): void;
  /** Stops drawing and forgets the unfinished polygon (also Esc). */
  cancel(): void;
  state(): DrawState;
}

type TerraDrawModule = typeof import('terra-draw');
type TerraDrawInstance = InstanceType<TerraDrawModule['TerraDraw']>;

/**
 * Vertices placed so far in terra-draw's polygon being drawn: its `committedCoordinateCount`
 * property, or else from the ring, which also holds the cursor and the closing point.
 */
export function placedVertices(properties: Record<string, unknown> | undefined, ring: readonly unknown[] | undefined): number {
  const committed = properties?.committedCoordinateCount;
  if (typeof committed === 'number' && Number.isFinite(committed)) return committed;
  return ring && ring.length > 2 ? ring.length - 2 : 0;
}

export function createAoiDrawer(map: maplibregl.Map, hooks: AoiDrawHooks): AoiDrawer {
  let draw: TerraDrawInstance | null = null;
  let loading: Promise<void> | null = null;
  let current: DrawState = { drawing: false, vertices: 0 };

  const setState = (s: DrawState) => {
    current = s;
    hooks.onState(s);
  };

  const refreshCount = () => {
    if (!current.drawing || !draw) return;
    const f = draw.getSnapshot().find((x) => x.geometry.type === 'Polygon' && x.properties.currentlyDrawing === true);
    setState({ drawing: true, vertices: f ? placedVertices(f.properties, (f.geometry as Polygon).coordinates[0]) : 0 });
  };

  const onKey = (e: KeyboardEvent) => {
    if (!current.drawing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      stop();
    }
  };

  const stop = () => {
    document.removeEventListener('keydown', onKey);
    if (draw?.enabled) draw.stop();
    hooks.onSuspendMapClicks(false);
    setState({ drawing: false, vertices: 0 });
  };

  const load = async () => {
    const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawModeUndoRedo, TerraDrawUndoRedoKeyboardShortcuts }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
      import('terra-draw'),
      import('terra-draw-maplibre-gl-adapter'),
    ]);
    const instance = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'mt-aoi-draw' }),
      modes: [
        new TerraDrawPolygonMode({
          keyEvents: { cancel: null, finish: 'Enter' },
          styles: {
            fillColor: AOI_COLOR,
            fillOpacity: 0.12,
            outlineColor: AOI_COLOR,
            outlineWidth: 2.5,
            closingPointColor: '#ffffff',
            closingPointOutlineColor: AOI_COLOR,
            closingPointWidth: 6,
            closingPointOutlineWidth: 2,
          },
        }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo(), keyboardShortcuts: new TerraDrawUndoRedoKeyboardShortcuts() },
    });
    instance.on('change', () => refreshCount());
    instance.on('finish', (id) => {
      const feature = instance.getSnapshotFeature(id);
      if (feature?.geometry.type !== 'Polygon') return;
      const geometry: Polygon = { type: 'Polygon', coordinates: feature.geometry.coordinates.map((ring) => ring.map((p) => [p[0]!, p[1]!])) };
      // terra-draw is still inside its own click handler: stop it afterwards
      setTimeout(() => {
        stop();
        hooks.onFinish(geometry);
      }, 0);
    });
    draw = instance;
  };

  return {
    async start() {
      if (current.drawing) return;
      loading ??= load();
      await loading;
      const d = draw!;
      hooks.onSuspendMapClicks(true);
      if (!d.enabled) d.start();
      d.setMode('polygon');
      document.addEventListener('keydown', onKey);
      setState({ drawing: true, vertices: 0 });
    },
    finish() {
      if (!draw || !current.drawing || current.vertices < 3) return false;
      // terra-draw's own "finish" key: its polygon mode closes and validates the ring
      map.getCanvas().dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
      return true;
    },
    undo() {
      if (!draw || !current.drawing) return;
      draw.undo();
      refreshCount();
    },
    cancel() {
      if (current.drawing) stop();
    },
    state: () => current,
  };
}
