import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type Route } from '@playwright/test';

// Shared e2e helpers: a `test` whose page can never reach the internet, serves the fixture
// packs under /fixtures/, and records every request; plus map-pixel and screenshot helpers.

export const ORIGIN = `http://127.0.0.1:${process.env.MT_E2E_PORT ?? 4173}`;
export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../..');
export const FIXTURES_DIR = path.join(HERE, 'fixtures');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

const MIME: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Answers a request for `<prefix>/<rel>` with the file `<dir>/<rel>`, or 404. */
export async function fulfilFromDir(route: Route, prefix: string, dir: string): Promise<void> {
  const url = new URL(route.request().url());
  const rel = decodeURIComponent(url.pathname.slice(prefix.length));
  const file = path.resolve(dir, rel);
  if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    await route.fulfill({ status: 404, body: 'not found' });
    return;
  }
  await route.fulfill({
    status: 200,
    body: fs.readFileSync(file),
    headers: { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' },
  });
}

export function isLocal(url: string): boolean {
  return url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

type Fixtures = { requests: string[]; blocked: string[] };

export const test = base.extend<Fixtures>({
  requests: async ({}, use) => {
    await use([]);
  },
  blocked: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, requests, blocked }, use) => {
    page.on('request', (r) => requests.push(r.url()));
    // Safety net for every test: nothing leaves the machine.
    await page.context().route(
      (url) => !isLocal(url.href),
      async (route) => {
        blocked.push(route.request().url());
        await route.abort('internetdisconnected');
      },
    );
    await page.route(
      (url) => url.origin === ORIGIN && url.pathname.startsWith('/fixtures/'),
      (route) => fulfilFromDir(route, '/fixtures/', FIXTURES_DIR),
    );
    await page.addInitScript(installPixelReader);
    await use(page);
  },
});

type PixelWindow = Window & { __mapPixels(): Uint8Array; __snaps?: Record<string, Uint8Array> };

/**
 * In the page: `window.__mapPixels()` returns the map canvas as RGBA bytes (rows bottom-up),
 * read straight from its WebGL drawing buffer, which the map keeps (preserveDrawingBuffer).
 */
function installPixelReader(): void {
  (window as unknown as PixelWindow).__mapPixels = () => {
    const c = (window as unknown as { mtmap: { map: { getCanvas(): HTMLCanvasElement } } }).mtmap.map.getCanvas();
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
    const buf = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    // read the screen, not whatever offscreen framebuffer the map last bound; then put it back
    const bound = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, buf);
    gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
    return buf;
  };
}

export { expect };

/** Opens the app (optionally with a query string) and waits until the pack loaded and the map is idle. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => typeof window.mtmap !== 'undefined');
  await page.evaluate(() => window.mtmap.whenIdle());
}

export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.mtmap.whenIdle());
}

/** Waits for the map to finish an animated move (fitBounds has a 600 ms animation), then idle. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.mtmap.map.isMoving());
  await idle(page);
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `top` at opacity `alpha` over `under`. */
export function blend(top: [number, number, number], under: [number, number, number], alpha: number): [number, number, number] {
  return [0, 1, 2].map((i) => Math.round(top[i]! * alpha + under[i]! * (1 - alpha))) as [number, number, number];
}

/**
 * Counts, for each target colour, the canvas pixels within `tolerance` (max channel
 * difference) of it. Reads the WebGL canvas, which keeps its drawing buffer.
 */
export async function countColours(page: Page, targets: Array<[number, number, number]>, tolerance = 24): Promise<{ total: number; counts: number[] }> {
  return page.evaluate(
    ({ targets, tolerance }) => {
      const d = (window as unknown as PixelWindow).__mapPixels();
      const counts = targets.map(() => 0);
      for (let i = 0; i < d.length; i += 4) {
        for (let k = 0; k < targets.length; k++) {
          const t = targets[k]!;
          if (Math.abs(d[i]! - t[0]) <= tolerance && Math.abs(d[i + 1]! - t[1]) <= tolerance && Math.abs(d[i + 2]! - t[2]) <= tolerance) {
            counts[k]!++;
            break;
          }
        }
      }
      return { total: d.length / 4, counts };
    },
    { targets, tolerance },
  );
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

/** Ids of visible layers, from the automation API. */
export async function visibleLayerIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.mtmap.listLayers().filter((l) => l.visible).map((l) => l.id));
}

/** Number of distinct features of one pack layer drawn in the current view. */
export async function renderedCount(page: Page, layerId: string): Promise<number> {
  return page.evaluate((id) => {
    const map = window.mtmap.map;
    const ids = (map.getStyle().layers ?? []).map((l) => l.id).filter((l) => l.startsWith(`${id}::`) && !l.endsWith('::label'));
    if (ids.length === 0) return 0;
    // a feature shows up once per style layer and per tile it crosses: count distinct ids
    return new Set(map.queryRenderedFeatures({ layers: ids }).map((f) => f.id ?? JSON.stringify(f.properties))).size;
  }, layerId);
}

/** Keeps a copy of the map canvas in the page under `key`, for `changedPixels`. */
export async function snapshotCanvas(page: Page, key: string): Promise<void> {
  await page.evaluate((key) => {
    const w = window as unknown as PixelWindow;
    w.__snaps = { ...w.__snaps, [key]: w.__mapPixels() };
  }, key);
}

/** Pixels whose colour differs by more than `threshold` in some channel between two snapshots. */
export async function changedPixels(page: Page, a: string, b: string, threshold = 24): Promise<number> {
  return page.evaluate(
    ({ a, b, threshold }) => {
      const snaps = (window as unknown as PixelWindow).__snaps!;
      const x = snaps[a]!;
      const y = snaps[b]!;
      let n = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - y[i]!) > threshold || Math.abs(x[i + 1]! - y[i + 1]!) > threshold || Math.abs(x[i + 2]! - y[i + 2]!) > threshold) n++;
      }
      return n;
    },
    { a, b, threshold },
  );
}

/** Clicks the map canvas at a geographic position and returns the screen point used. */
export async function clickMapAt(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((ll) => {
    const pt = window.mtmap.map.project(ll);
    return { x: pt.x, y: pt.y };
  }, lngLat);
  await page.locator('#map canvas.maplibregl-canvas').click({ position: p });
  return p;
}
