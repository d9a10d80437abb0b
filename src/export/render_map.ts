import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerSpec } from '../catalog/manifest_types';
import type { LayerUi } from '../state/store';
import { buildPointAttributes, buildTableAttributes, deckRadius } from '../map/point_attributes';
import type { PointTable } from '../io/point_table';
import { MAX_EXPORT_PX } from './paper';
import { metresPerPixel } from './scale_bar';

// Renders the current view again, off screen, at print size: a hidden MapLibre map with the
// same style, camera and geographic extent, drawn at a high pixelRatio for print sharpness.
// deck.gl draws on its own canvas above the map, so its points are drawn here in 2D.

export type DeckLayerInput = { spec: LayerSpec; ui: LayerUi } & ({ data: FeatureCollection } | { points: PointTable });

export interface RenderedMap {
  canvas: HTMLCanvasElement;
  /** Ground metres per CSS pixel at the centre latitude of the rendered map. */
  metresPerCssPx: number;
  cssWidth: number;
  bearing: number;
}

export class MapRenderError extends Error {
  override name = 'MapRenderError';
}

const IDLE_TIMEOUT_MS = 90_000;

export async function renderMap(source: maplibregl.Map, widthPx: number, heightPx: number, deckLayers: DeckLayerInput[], style: maplibregl.StyleSpecification = source.getStyle()): Promise<RenderedMap> {
  // Same zoom and centre as on screen, in a CSS-pixel frame that contains the on-screen
  // extent at the paper's aspect: label minzooms, line widths and symbol sizes then match
  // what the user sees, and pixelRatio alone supplies the print resolution.
  const screen = source.getContainer();
  const sw = Math.max(1, screen.clientWidth);
  const sh = Math.max(1, screen.clientHeight);
  const aspect = widthPx / heightPx;
  const cssWidth = Math.max(1, Math.round(aspect >= sw / sh ? sh * aspect : sw));
  const cssHeight = Math.max(1, Math.round(cssWidth / aspect));
  const pixelRatio = widthPx / cssWidth;
  const container = document.createElement('div');
  // on the page but out of sight: MapLibre needs a laid-out container with a real size
  Object.assign(container.style, { position: 'fixed', left: '-20000px', top: '0', width: `${cssWidth}px`, height: `${cssHeight}px`, visibility: 'hidden', pointerEvents: 'none' });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  let map: maplibregl.Map | null = null;
  try {
    map = new maplibregl.Map({
      container,
      style,
      center: source.getCenter(),
      zoom: source.getZoom(),
      bearing: source.getBearing(),
      pixelRatio,
      maxCanvasSize: [MAX_EXPORT_PX, MAX_EXPORT_PX],
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      // multisampling a print-size canvas is costly and adds little once pixelRatio ≥ 1.5
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: pixelRatio < 1.5 },
    });
    await whenIdle(map);
    const gl = map.getCanvas();
    const canvas = document.createElement('canvas');
    canvas.width = widthPx;
    canvas.height = heightPx;
    const ctx = canvas.getContext('2d');
    if (!ctx || gl.width === 0) throw new MapRenderError('no canvas');
    ctx.drawImage(gl, 0, 0, widthPx, heightPx);
    // project() answers in CSS pixels of the container; the image has widthPx / cssWidth per CSS pixel
    drawDeckPoints(ctx, map, deckLayers, widthPx / cssWidth);
    const c = map.getCenter();
    return { canvas, metresPerCssPx: metresPerPixel(c.lat, map.getZoom()), cssWidth, bearing: map.getBearing() };
  } finally {
    // tearing a large WebGL map down takes seconds in software GL; the image is already
    // copied, so the caller need not wait for it
    const done = map;
    window.setTimeout(() => {
      done?.remove();
      container.remove();
    }, 0);
  }
}

function whenIdle(map: maplibregl.Map): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new MapRenderError('timeout')), IDLE_TIMEOUT_MS);
    map.once('idle', () => {
      window.clearTimeout(timer);
      resolve();
    });
    map.on('webglcontextlost', () => {
      window.clearTimeout(timer);
      reject(new MapRenderError('context lost'));
    });
  });
}

/** deck.gl point layers, bottom first, as filled circles of the size deck_overlay uses. */
function drawDeckPoints(ctx: CanvasRenderingContext2D, map: maplibregl.Map, layers: DeckLayerInput[], scale: number): void {
  const { width, height } = ctx.canvas;
  for (const layer of layers) {
    const { spec, ui } = layer;
    if (!ui.visible || ui.opacity <= 0) continue;
    const attrs = 'points' in layer ? buildTableAttributes(layer.points, spec.style, ui.filters) : buildPointAttributes(layer.data.features, spec.style, ui.filters);
    const radius = Math.max(1, deckRadius(spec) * scale);
    // one path per colour: a million arc() calls with a fill each would take far longer
    const paths = new Map<string, Path2D>();
    const single = attrs.color.slice(0, 3).join(',');
    for (let i = 0; i < attrs.length; i++) {
      const pt = map.project([attrs.positions[i * 2]!, attrs.positions[i * 2 + 1]!]);
      const x = pt.x * scale;
      const y = pt.y * scale;
      if (x < -radius || y < -radius || x > width + radius || y > height + radius) continue;
      const c = attrs.colors;
      const key = c ? `${c[i * 4]},${c[i * 4 + 1]},${c[i * 4 + 2]}` : single;
      let path = paths.get(key);
      if (!path) paths.set(key, (path = new Path2D()));
      path.moveTo(x + radius, y);
      path.arc(x, y, radius, 0, Math.PI * 2);
    }
    ctx.save();
    ctx.globalAlpha = ui.opacity;
    for (const [rgb, path] of paths) {
      ctx.fillStyle = `rgb(${rgb})`;
      ctx.fill(path);
    }
    ctx.restore();
  }
}
