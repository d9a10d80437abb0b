import Papa from 'papaparse';
import { Deck, MapView } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { buildTableAttributes } from '../../../src/map/point_attributes';
import { pointLayer } from '../../../src/map/deck_overlay';
import { PointSpriteLayer } from '../../../src/map/point_sprite_layer';
import { encodeText, type PointTable } from '../../../src/io/point_table';
import type { LayerStyle } from '../../../src/catalog/manifest_types';

// Benchmark page for `npm run bench` (scripts/bench.mjs drives it with Playwright).

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
function longestTaskSince(t0: number): number {
  return longTasks.filter((e) => e.startTime + e.duration >= t0).reduce((m, e) => Math.max(m, e.duration), 0);
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  return (await fetch(url)).arrayBuffer();
}

let worker: Worker | null = null;
async function csvWorker(url: string) {
  const buf = await fetchBytes(url);
  const bytes = buf.byteLength;
  worker ??= new Worker(new URL('./csv_worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  await new Promise((r) => setTimeout(r, 100));
  const t0 = performance.now();
  let progress = 0;
  const res = await new Promise<{ rows: number; numeric: Record<string, Float64Array> }>((resolve) => {
    w.onmessage = (ev) => {
      if (ev.data.type === 'progress') progress++;
      else resolve(ev.data);
    };
    w.postMessage({ buf }, [buf]);
  });
  const ms = performance.now() - t0;
  // let the long-task observer deliver
  await new Promise((r) => setTimeout(r, 200));
  return { ms, bytes, rows: res.rows, numericColumns: Object.keys(res.numeric).length, progressMessages: progress, longestTaskMs: longestTaskSince(t0) };
}

async function csvPapa(url: string) {
  const text = new TextDecoder().decode(await fetchBytes(url));
  await new Promise((r) => setTimeout(r, 100));
  const t0 = performance.now();
  const res = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const ms = performance.now() - t0;
  return { ms, rows: res.data.length };
}

// --- deck.gl: binary attributes vs accessors -----------------------------------------------------
let deck: Deck<MapView> | null = null;
let table: PointTable | null = null;
let rendered: (() => void) | null = null;
function ensureDeck(): Deck<MapView> {
  deck ??= new Deck({
    parent: document.getElementById('deck') as HTMLDivElement,
    width: 1280,
    height: 720,
    views: new MapView({ repeat: false }),
    initialViewState: { longitude: 102.65, latitude: 22.48, zoom: 9 },
    controller: false,
    layers: [],
    // the drawing buffer the app's points go to: MapLibre's canvas as map_view.ts creates it.
    // Left to the browser's default, the buffer is multisampled, which on SwiftShader made the
    // same million points take about 2.5 times as long to rasterise (raw WebGL, same run).
    deviceProps: { type: 'webgl', webgl: { antialias: false, preserveDrawingBuffer: true } },
    onAfterRender: () => {
      const r = rendered;
      rendered = null;
      r?.();
    },
  });
  return deck;
}
// The same columnar data for both paths: what the app holds for a large point CSV
// (io/point_table.ts) — Float64 positions and a dictionary-encoded class column.
function makePoints(n: number): number {
  let seed = 5;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const positions = new Float64Array(2 * n);
  const cls: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    positions[2 * i] = 102.32 + rnd() * 0.67;
    positions[2 * i + 1] = 22.17 + rnd() * 0.61;
    cls[i] = `c${i % 4}`;
  }
  table = { length: n, positions, columns: ['cls'], numeric: {}, text: { cls: encodeText(cls) } };
  return n;
}
const COLORS: Record<string, [number, number, number, number]> = { c0: [27, 120, 55, 255], c1: [90, 174, 97, 255], c2: [118, 42, 131, 255], c3: [224, 130, 20, 255] };
const STYLE = { type: 'categories', field: 'cls', categories: Object.entries(COLORS).map(([value, c]) => ({ value, label: value, color: `#${c.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}` })) } as LayerStyle;
let layerNo = 0;
/**
 * Sets the layers and waits until deck.gl has issued the frame and the GPU has finished it:
 * onAfterRender fires once the draw calls are issued, and on software WebGL the rasterising
 * happens after that, so a one-pixel readPixels waits for it.
 */
async function drawn(layers: unknown[]): Promise<number> {
  const d = ensureDeck();
  await new Promise<void>((resolve) => {
    rendered = resolve;
    d.setProps({ layers: layers as ScatterplotLayer[] });
  });
  const issued = performance.now();
  const gl = (d as unknown as { device?: { gl?: WebGL2RenderingContext } }).device?.gl;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  return issued;
}
type Mode = 'binary' | 'accessor' | 'scatterplot-binary';
async function deckBuild(mode: Mode) {
  ensureDeck();
  await drawn([]);
  const id = `pts-${layerNo++}`;
  const t0 = performance.now();
  let buildMs = 0;
  let issued = 0;
  const t = table!;
  if (mode === 'binary') {
    // the app's path (deck_overlay.ts): colours per dictionary value, float32 offsets, point sprites
    const attrs = buildTableAttributes(t, STYLE, {});
    buildMs = performance.now() - t0;
    issued = await drawn([pointLayer(id, attrs, 2, { visible: true, opacity: 1 })]);
  } else if (mode === 'scatterplot-binary') {
    // the same binary attributes drawn by deck.gl's stock ScatterplotLayer (instanced quads),
    // which the app used before: shows what the point-sprite layer saves on software WebGL
    const attrs = buildTableAttributes(t, STYLE, {}); // categories: per-point colours
    buildMs = performance.now() - t0;
    issued = await drawn([new ScatterplotLayer({ id, data: { length: attrs.length, attributes: { getPosition: { value: attrs.positions, size: 2 }, getFillColor: { value: attrs.colors!, size: 4, normalized: true } } }, radiusUnits: 'pixels', getRadius: 2, stroked: false })]);
  } else {
    // accessor input of the same columns into the same layer: deck.gl calls getPosition /
    // getFillColor per row and builds the attributes itself
    const cls = t.text.cls as Extract<PointTable['text'][string], { kind: 'dict' }>;
    const p = t.positions;
    issued = await drawn([
      new PointSpriteLayer<unknown>({
        id,
        data: { length: t.length },
        getPosition: (_: unknown, { index, target }: { index: number; target: number[] }) => {
          target[0] = p[2 * index]!;
          target[1] = p[2 * index + 1]!;
          return target as unknown as [number, number];
        },
        getFillColor: (_: unknown, { index }: { index: number }) => COLORS[cls.values[cls.codes[index]!]!]!,
        radiusPixels: 2,
      }),
    ]);
  }
  const firstFrameMs = performance.now() - t0;
  // a second frame of the same layer (nothing to upload): what each frame of a pan costs
  const t1 = performance.now();
  await new Promise<void>((resolve) => {
    rendered = resolve;
    deck!.redraw('bench');
  });
  const gl = (deck as unknown as { device?: { gl?: WebGL2RenderingContext } }).device?.gl;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  // issuedMs: attributes built (ours or deck.gl's from accessors), uploaded and the draw issued;
  // firstFrameMs adds the rasterising, which is the same for both inputs
  return { issuedMs: issued - t0, firstFrameMs, buildMs, redrawMs: performance.now() - t1, contextAttributes: gl?.getContextAttributes() ?? null };
}

// --- the app: rAF deltas while panning ------------------------------------------------------------
async function rafDeltasWhile(action: (frame: number) => boolean): Promise<number[]> {
  const deltas: number[] = [];
  let last = performance.now();
  let frame = 0;
  await new Promise<void>((resolve) => {
    const tick = (t: number) => {
      deltas.push(t - last);
      last = t;
      if (!action(frame++)) return resolve();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
  return deltas;
}

Object.assign(window, { bench: { csvWorker, csvPapa, makePoints, deckBuild, rafDeltasWhile, longestTaskSince, ready: true } });
