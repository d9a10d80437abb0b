import type * as maplibregl from 'maplibre-gl';
import type { AppStore } from '../state/store';
import { geodesicSegment, measure, verticesCsv, type LonLat, type MeasureMode, type Measurement, type ToGrid } from '../analysis/measure';
import { createMeasureTool, MIN_POINTS, type MeasureState } from '../map/measure_tool';
import { MeasureControl } from '../ui/measure_panel';

// Start-up wiring of the measure tool: the map interaction (map/measure_tool.ts), the numbers
// (analysis/measure.ts, with VN-2000 TM-3 103° from io/crs.ts, loaded when the tool first
// opens, as the status bar loads it on the first mouse move) and the panel. The automation
// API reads the same `measure()` result the panel shows.

export interface MeasureDeps {
  store: AppStore;
  map: maplibregl.Map;
  /** hands the map's clicks to the tool while it is open (MapView.suspendClicks) */
  suspendMapClicks(suspended: boolean): void;
  /** called when the tool opens: e.g. stop an area-of-interest drawing */
  onOpen?(): void;
}

export interface MeasureRequest {
  mode: MeasureMode;
  points: ReadonlyArray<readonly [number, number]>;
}

/** `mtmap.measure`: a call measures `points` in the panel and resolves to what the panel shows. */
export interface MeasureApi {
  (req: MeasureRequest): Promise<Measurement>;
  /** Opens the tool (empty) in `mode` (default distance). */
  start(mode?: MeasureMode): Promise<void>;
  /** Ends the measurement being drawn (as Enter); false with too few vertices. */
  finish(): boolean;
  /** Removes the last vertex (as Backspace). */
  undo(): void;
  /** Forgets the vertices; the tool stays open. */
  clear(): void;
  /** Closes the tool (as Esc). */
  stop(): void;
  /** What the panel shows now (null when the tool is closed). */
  current(): Promise<Measurement | null>;
  /** The vertices' CSV, as "Copy coordinates" puts it on the clipboard (null without vertices). */
  csv(): Promise<string | null>;
}

export function setupMeasure(deps: MeasureDeps): MeasureApi {
  const { store, map } = deps;
  let toGrid: ToGrid | null = null;
  let gridLoading: Promise<ToGrid> | null = null;
  const loadGrid = (): Promise<ToGrid> => {
    gridLoading ??= import('../io/crs').then((crs) => {
      toGrid = (lon, lat) => crs.toTm3(lon, lat, crs.LAI_CHAU_LON0);
      render();
      return toGrid;
    });
    return gridLoading;
  };

  const measurementOf = (s: MeasureState, grid: ToGrid) => measure(s.mode, s.points, grid);

  const render = () => {
    const s = tool.state();
    const last = s.points[s.points.length - 1];
    control.show({
      lang: store.getState().lang,
      active: s.active,
      mode: s.mode,
      finished: s.finished,
      canFinish: !s.finished && s.points.length >= MIN_POINTS[s.mode],
      measurement: s.active && toGrid ? measurementOf(s, toGrid) : null,
      live: !s.finished && s.cursor && last ? geodesicSegment(last, s.cursor) : null,
    });
  };

  const tool = createMeasureTool(map, {
    onState: () => render(),
    onSuspendMapClicks: (on) => deps.suspendMapClicks(on),
  });
  let lastMode: MeasureMode = 'distance';
  const open = (mode: MeasureMode, points?: readonly LonLat[]) => {
    deps.onOpen?.();
    lastMode = mode;
    void loadGrid();
    tool.start(mode, points);
  };

  const control = new MeasureControl({
    toggle: () => (tool.state().active ? tool.stop() : open(lastMode)),
    setMode: (mode) => {
      lastMode = mode;
      tool.setMode(mode);
    },
    finish: () => void tool.finish(),
    undo: () => tool.undo(),
    clear: () => tool.clear(),
    close: () => tool.stop(),
    csv: () => {
      const s = tool.state();
      return toGrid && s.points.length > 0 ? verticesCsv(measurementOf(s, toGrid).vertices) : null;
    },
  });
  map.addControl(control, 'top-right');
  store.subscribe((s) => s.lang, render);
  render();

  const api = async (req: MeasureRequest): Promise<Measurement> => {
    const grid = await loadGrid();
    open(req.mode, req.points.map((p) => [p[0], p[1]] as const));
    return measurementOf(tool.state(), grid);
  };
  return Object.assign(api, {
    start: async (mode: MeasureMode = 'distance') => {
      open(mode);
      await loadGrid();
    },
    finish: () => tool.finish(),
    undo: () => tool.undo(),
    clear: () => tool.clear(),
    stop: () => tool.stop(),
    current: async () => {
      const s = tool.state();
      if (!s.active) return null;
      return measurementOf(s, await loadGrid());
    },
    csv: async () => {
      const s = tool.state();
      return s.points.length > 0 ? verticesCsv(measurementOf(s, await loadGrid()).vertices) : null;
    },
  });
}
