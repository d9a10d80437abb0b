import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ORIGIN, changedPixels, clickMapAt, expect, fulfilFromDir, openApp, renderedCount, saveScreenshot, settle, snapshotCanvas, test } from './helpers';

// A layer of more than 5,000 polygons reaches the map without one long main-thread task: the
// worker that parsed it sends its features in slices (src/io/map_source.ts) and keeps a tile
// index of them, and the map draws it from vector tiles it asks that worker for
// (src/io/worker_tiles.ts). Feature ids in the tiles are the features' indexes, so a click shows
// the attributes of the polygon clicked, also when features were left out while parsing.

const COUNT = 6_000;
// a polygon away from the grid, so a click there can only hit it
const LONELY: [number, number] = [102.9, 22.7];

/** Clicks the lonely polygon and expects its popup, attribute text shown as text. */
async function clickLonelyPolygon(page: Page): Promise<void> {
  await page.evaluate((ll) => window.mtmap.map.jumpTo({ center: ll, zoom: 12 }), LONELY);
  await settle(page);
  await clickMapAt(page, LONELY);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('LO-LẺ');
  await expect(popup).toContainText('<b>không phải HTML</b>');
  await expect(popup.locator('b')).toHaveCount(0);
}

/** What kind of source the map draws a layer from, and the tiles it asks for. */
function mapSourceOf(page: Page, layerId: string) {
  return page.evaluate((id) => {
    const source = window.mtmap.map.getSource(`pack:${id}`) as { type: string; tiles?: string[] } | undefined;
    return { type: source?.type ?? null, tiles: source?.tiles ?? null, held: window.mtmap.getState().layerData[id]?.tiles ?? null };
  }, layerId);
}

const TILE_TEMPLATE = /^mttiles:\/\/(pack|import)\d+\/[\w-]+\/\{z\}\/\{x\}\/\{y\}$/;

function packDir(options: { withNullGeometry: boolean }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-bigpolys-'));
  const features: object[] = [];
  const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
  if (options.withNullGeometry) features.push({ type: 'Feature', geometry: null, properties: { ma_lo: 'KHÔNG-HÌNH' } });
  for (let i = 0; i < COUNT; i++) {
    const lon = 102.4 + (i % 100) * 0.003;
    const lat = 22.3 + Math.floor(i / 100) * 0.003;
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(lon, lat, 0.002) }, properties: { ma_lo: `LO-${i}`, loai: i % 2 ? 'RSX' : 'RDD' } });
  }
  features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(LONELY[0] - 0.01, LONELY[1] - 0.01, 0.02) }, properties: { ma_lo: 'LO-LẺ', loai: 'RPH', ghi_chu: '<b>không phải HTML</b>' } });
  fs.writeFileSync(path.join(dir, 'lo-rung.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  const manifest = {
    schemaVersion: 1,
    id: 'bigpolys',
    title: 'Lô rừng lớn',
    bounds: [102.35, 22.25, 102.95, 22.75],
    groups: [{ id: 'g', title: 'Rừng' }],
    layers: [
      {
        id: 'lo-rung',
        title: 'Lô rừng',
        group: 'g',
        file: 'lo-rung.geojson',
        format: 'geojson',
        geometry: 'polygon',
        style: { type: 'categories', field: 'loai', categories: [{ value: 'RDD', color: '#1b7837', label: 'RDD' }, { value: 'RSX', color: '#a6dba0', label: 'RSX' }, { value: 'RPH', color: '#762a83', label: 'RPH' }] },
        provenance: { source: 'generated for this test' },
      },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

for (const withNullGeometry of [false, true]) {
  test(`a pack layer of ${COUNT + 1} polygons loads in slices${withNullGeometry ? ', with a feature left out,' : ''} and a click shows the right polygon`, async ({ page }) => {
    test.setTimeout(180_000);
    const dir = packDir({ withNullGeometry });
    await page.route((url) => url.origin === ORIGIN && url.pathname.startsWith('/bigpack/'), (route) => fulfilFromDir(route, '/bigpack/', dir));
    await openApp(page);
    await page.evaluate(async (url) => {
      await window.mtmap.loadPack(url);
      await window.mtmap.whenIdle();
    }, `${ORIGIN}/bigpack/manifest.json`);

    const layer = await page.evaluate(() => window.mtmap.listLayers().find((l) => l.id === 'lo-rung')!);
    expect(layer.status).toBe('ready');
    expect(layer.featureCount).toBe(COUNT + 1);
    const held = await page.evaluate(() => {
      const d = window.mtmap.getState().layerData['lo-rung']!;
      return { features: d.data?.features.length, first: d.data?.features[0]?.properties?.ma_lo, mapSource: d.mapSource ?? null };
    });
    expect(held).toEqual({ features: COUNT + 1, first: 'LO-0', mapSource: null });
    // drawn from the worker's tiles, not from a GeoJSON source
    const source = await mapSourceOf(page, 'lo-rung');
    expect(source.type).toBe('vector');
    expect(source.held).toMatch(TILE_TEMPLATE);
    expect(source.tiles).toEqual([source.held]);

    // drawn: every grid square in view is on the map
    await page.evaluate(() => window.mtmap.map.jumpTo({ center: [102.415, 22.315], zoom: 13 }));
    await settle(page);
    expect(await renderedCount(page, 'lo-rung')).toBeGreaterThan(20);
    if (!withNullGeometry) await saveScreenshot(page, 'large-polygons-grid.png');

    // while the map moves, the tiled layer is drawn without its outlines (MapView.onMotion), and
    // with them again once it stands still
    await snapshotCanvas(page, 'still');
    const outlineOpacity = () => page.evaluate(() => window.mtmap.map.getPaintProperty('lo-rung::line', 'line-opacity'));
    const outlineStill = await outlineOpacity();
    expect(outlineStill).toBeGreaterThan(0);
    const outlineWhileMoving = await page.evaluate(async () => {
      const map = window.mtmap.map;
      const drawn = new Promise<unknown>((resolve) =>
        map.once('render', () => {
          const w = window as unknown as { __snaps: Record<string, Uint8Array>; __mapPixels(): Uint8Array };
          w.__snaps = { ...w.__snaps, moving: w.__mapPixels() };
          resolve(map.getPaintProperty('lo-rung::line', 'line-opacity'));
        }),
      );
      // a move by a hair: the same view
      map.jumpTo({ center: [map.getCenter().lng + 1e-9, map.getCenter().lat] });
      return drawn;
    });
    expect(outlineWhileMoving).toBe(0);
    // the grid squares' edges (over 20 squares in view) are gone from that frame
    expect(await changedPixels(page, 'still', 'moving')).toBeGreaterThan(1_000);
    await expect.poll(outlineOpacity).toBe(outlineStill);
    await settle(page);
    await snapshotCanvas(page, 'after');
    expect(await changedPixels(page, 'still', 'after')).toBeLessThan(50);

    // hovering a tiled polygon highlights that polygon (feature state in the tiles' source layer)
    const square0: [number, number] = [102.401, 22.301];
    const at = await page.evaluate((ll) => window.mtmap.map.project(ll), square0);
    await page.locator('#map canvas.maplibregl-canvas').hover({ position: { x: at.x, y: at.y } });
    // ids are indexes among the parsed features: LO-0 is 0 also when a feature was left out before it
    await expect.poll(() => page.evaluate(() => window.mtmap.map.getFeatureState({ source: 'pack:lo-rung', sourceLayer: 'features', id: 0 }).hover ?? false)).toBe(true);
    expect(await page.evaluate(() => window.mtmap.map.getCanvas().style.cursor)).toBe('pointer');

    await clickLonelyPolygon(page);

    if (!withNullGeometry) {
      // the print export renders its own map, which reads the same worker tiles; started during
      // a move, it still draws the outlines (the style at rest, MapView.styleAtRest)
      const { greens, slate, outlineOnScreen } = await page.evaluate(async () => {
        window.mtmap.map.jumpTo({ center: [102.55, 22.4], zoom: 10 });
        const outlineOnScreen = window.mtmap.map.getPaintProperty('lo-rung::line', 'line-opacity');
        const res = await window.mtmap.exportMap({ format: 'png', paper: 'A4', orientation: 'landscape', dpi: 96, title: 'Lô rừng', draft: true });
        const bmp = await createImageBitmap(new Blob([res.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
        let greens = 0;
        let slate = 0;
        for (let i = 0; i < d.length; i += 4) {
          const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
          // the two greens of the grid: green well above red and blue
          if (g > r + 40 && g > b + 30) greens++;
          // the outlines' dark slate (#37474f at 0.8)
          else if (Math.max(r, g, b) < 125 && Math.abs(r - g) < 40 && b >= r) slate++;
        }
        return { greens, slate, outlineOnScreen };
      });
      expect(outlineOnScreen).toBe(0);
      expect(greens).toBeGreaterThan(5_000);
      // at zoom 10 the squares are a pixel or two across and their outlines cover most of them:
      // 15,150 slate to 6,516 green pixels here, 11,138 to 12,199 when the export drew the style
      // of the moving map, without outlines
      expect(slate, `outline pixels ${slate}, grid pixels ${greens}`).toBeGreaterThan(greens * 1.5);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

test(`an imported GeoJSON of ${COUNT + 1} polygons comes from the import worker in slices and a click shows the right polygon`, async ({ page }) => {
  test.setTimeout(180_000);
  const dir = packDir({ withNullGeometry: false });
  await openApp(page);
  const before = await page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
  await page.locator('#import-file').setInputFiles({ name: 'lo-rung.geojson', mimeType: 'application/geo+json', buffer: fs.readFileSync(path.join(dir, 'lo-rung.geojson')) });
  await expect.poll(() => page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id) && l.status === 'ready').length, before), { timeout: 90_000 }).toBe(1);
  const layer = await page.evaluate((ids) => window.mtmap.listLayers().find((l) => !ids.includes(l.id))!, before);
  expect(layer.featureCount).toBe(COUNT + 1);
  const held = await page.evaluate((id) => {
    const d = window.mtmap.getState().layerData[id]!;
    return { features: d.data?.features.length, first: d.data?.features[0]?.properties?.ma_lo, last: d.data?.features.at(-1)?.properties?.ma_lo };
  }, layer.id);
  expect(held).toEqual({ features: COUNT + 1, first: 'LO-0', last: 'LO-LẺ' });
  const source = await mapSourceOf(page, layer.id);
  expect(source.type).toBe('vector');
  expect(source.held).toMatch(TILE_TEMPLATE);
  await page.evaluate(() => window.mtmap.whenIdle());
  await clickLonelyPolygon(page);

  // edited features (here: only the lonely polygon kept) leave the tiles for a GeoJSON source
  await page.evaluate((id) => {
    // the store's action, as the repair of self-intersecting polygons calls it (getState() is typed as data only)
    const s = window.mtmap.getState() as ReturnType<typeof window.mtmap.getState> & { setUserLayerFeatures(id: string, fc: unknown): void };
    s.setUserLayerFeatures(id, { type: 'FeatureCollection', features: s.layerData[id]!.data!.features.slice(-1) });
  }, layer.id);
  await settle(page);
  expect(await mapSourceOf(page, layer.id)).toEqual({ type: 'geojson', tiles: null, held: null });
  await page.evaluate(() => window.mtmap.map.jumpTo({ center: [102.415, 22.315], zoom: 13 }));
  await settle(page);
  expect(await renderedCount(page, layer.id)).toBe(0);
  await page.evaluate(() => document.querySelector<HTMLElement>('.maplibregl-popup-close-button')?.click());
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  await clickLonelyPolygon(page);
  fs.rmSync(dir, { recursive: true, force: true });
});
