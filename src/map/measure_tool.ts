import type * as maplibregl from 'maplibre-gl';
import type { LonLat, MeasureMode } from '../analysis/measure';
import { createMeasureLayer } from './measure_layer';

// The measure tool's interaction on the map, with MapLibre's own events (its `click` fires
// for mouse, pen and touch taps): a click adds a vertex, the pointer drags a dashed segment
// from the last one, Enter / double-click / finish() ends the measurement, Backspace or
// Ctrl+Z removes the last vertex, Esc closes the tool. Like the area-of-interest drawing
// (aoi_draw.ts), the tool takes the map's clicks while it is open (no popups, no commune
// selection) through `onSuspendMapClicks`, and gives them back when it closes.
//
// Not terra-draw, which the AOI uses: a measurement wants every pointer move (the live
// segment's length and bearing in the panel) and its vertices as plain data, and that is a
// few MapLibre listeners, without loading terra-draw or reading its snapshots back.

export interface MeasureState {
  /** the tool is open (clicks on the map add vertices) */
  active: boolean;
  mode: MeasureMode;
  points: readonly LonLat[];
  /** the pointer over the map while a measurement is being drawn (null once finished, or off the map) */
  cursor: LonLat | null;
  /** the measurement was ended (Enter, double-click, Finish); the next click starts a new one */
  finished: boolean;
}

export interface MeasureToolHooks {
  onState(state: MeasureState): void;
  /** true while the tool is open: the map's own clicks (popups, commune selection) stand aside */
  onSuspendMapClicks(suspended: boolean): void;
}

export interface MeasureTool {
  /** Opens the tool in `mode` with no vertices (or with `points`, e.g. from the automation API). */
  start(mode: MeasureMode, points?: readonly LonLat[]): void;
  /** Switches distance ↔ area, keeping the vertices. */
  setMode(mode: MeasureMode): void;
  addPoint(p: LonLat): void;
  /** Removes the last vertex (also Backspace, Ctrl+Z); a finished measurement is drawn again. */
  undo(): void;
  /** Ends the measurement (also Enter, double-click); false with too few vertices. */
  finish(): boolean;
  /** Forgets the vertices; the tool stays open. */
  clear(): void;
  /** Closes the tool and removes the drawing (also Esc). */
  stop(): void;
  state(): MeasureState;
}

/** Vertices needed before a measurement can be finished. */
export const MIN_POINTS: Readonly<Record<MeasureMode, number>> = { distance: 2, area: 3 };
/** A double-click's second click lands within this many pixels of its first: one vertex, not two. */
const DOUBLE_CLICK_PX = 6;

function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function createMeasureTool(map: maplibregl.Map, hooks: MeasureToolHooks): MeasureTool {
  const layer = createMeasureLayer(map);
  let s: MeasureState = { active: false, mode: 'distance', points: [], cursor: null, finished: false };
  let frame = 0;
  let dblClickZoomWas = true;

  const emit = () => {
    layer.draw(s.active || s.points.length > 0 ? { mode: s.mode, points: s.points, cursor: s.finished ? null : s.cursor } : null);
    hooks.onState(s);
  };
  const set = (patch: Partial<MeasureState>) => {
    s = { ...s, ...patch };
    emit();
  };

  const onClick = (e: maplibregl.MapMouseEvent) => {
    const p: LonLat = [e.lngLat.lng, e.lngLat.lat];
    if (s.finished) set({ points: [p], finished: false, cursor: p });
    else set({ points: [...s.points, p] });
  };
  const onDblClick = (e: maplibregl.MapMouseEvent) => {
    e.preventDefault();
    // both clicks of the double-click added a vertex: keep one
    const pts = s.points;
    if (pts.length >= 2) {
      const a = map.project([pts[pts.length - 1]![0], pts[pts.length - 1]![1]]);
      const b = map.project([pts[pts.length - 2]![0], pts[pts.length - 2]![1]]);
      if (Math.hypot(a.x - b.x, a.y - b.y) <= DOUBLE_CLICK_PX) s = { ...s, points: pts.slice(0, -1) };
    }
    if (!finish()) emit();
  };
  const onMove = (e: maplibregl.MapMouseEvent) => {
    if (s.finished) return;
    const cursor: LonLat = [e.lngLat.lng, e.lngLat.lat];
    // one redraw per frame, however many moves arrive
    s = { ...s, cursor };
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      if (s.active) emit();
    });
  };
  const onOut = () => {
    if (s.cursor) set({ cursor: null });
  };
  const onKey = (e: KeyboardEvent) => {
    if (!s.active || typingInto(e.target)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      stop();
    } else if (e.key === 'Backspace' || ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z')) {
      e.preventDefault();
      undo();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      // on a focused button Enter presses that button instead
      e.preventDefault();
      finish();
    }
  };

  const listen = (on: boolean) => {
    if (on) {
      map.on('click', onClick);
      map.on('dblclick', onDblClick);
      map.on('mousemove', onMove);
      map.on('mouseout', onOut);
      document.addEventListener('keydown', onKey);
    } else {
      map.off('click', onClick);
      map.off('dblclick', onDblClick);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      document.removeEventListener('keydown', onKey);
    }
  };

  const finish = (): boolean => {
    if (!s.active || s.finished || s.points.length < MIN_POINTS[s.mode]) return false;
    set({ finished: true, cursor: null });
    return true;
  };
  const undo = () => {
    if (!s.active || s.points.length === 0) return;
    set({ points: s.points.slice(0, -1), finished: false });
  };
  const stop = () => {
    if (!s.active) return;
    listen(false);
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (dblClickZoomWas) map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = '';
    hooks.onSuspendMapClicks(false);
    set({ active: false, points: [], cursor: null, finished: false });
  };

  return {
    start(mode, points = []) {
      if (!s.active) {
        hooks.onSuspendMapClicks(true);
        dblClickZoomWas = map.doubleClickZoom.isEnabled();
        map.doubleClickZoom.disable();
        map.getCanvas().style.cursor = 'crosshair';
        listen(true);
      }
      set({ active: true, mode, points: [...points], cursor: null, finished: points.length >= MIN_POINTS[mode] });
    },
    setMode(mode) {
      if (mode === s.mode) return;
      set({ mode, finished: s.finished && s.points.length >= MIN_POINTS[mode] });
    },
    addPoint(p) {
      if (s.active) set({ points: [...(s.finished ? [] : s.points), p], finished: false });
    },
    undo,
    finish,
    clear() {
      if (s.active) set({ points: [], cursor: null, finished: false });
    },
    stop,
    state: () => s,
  };
}
