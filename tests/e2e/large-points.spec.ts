import type { Page } from '@playwright/test';
import { clickMapAt, expect, hexToRgb, openApp, settle, test } from './helpers';

// A 100,000-point CSV chosen with the file picker: it goes to typed columns in the worker and
// deck.gl binary attributes (renderer "deck", no GeoJSON features on the main thread), and a
// click on a point shows that row's attributes as text. Opening the picker has deck.gl compile
// its point program ahead (DeckPoints.warmUp); the layer then draws with it.

const ROWS = 100_000;
// one point far from the cloud, so a click there can only pick it
const LONELY: [number, number] = [102.95, 22.75];

function bigRows(): { lon: string; lat: string; crop: string; ha: string }[] {
  const rows = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 1; i < ROWS; i++) {
    rows.push({ lon: (102.4 + rnd() * 0.3).toFixed(6), lat: (22.25 + rnd() * 0.3).toFixed(6), crop: ['Thảo quả', 'Sa nhân', 'Quế'][i % 3]!, ha: (rnd() * 5).toFixed(2) });
  }
  return rows;
}

function bigCsv(): Buffer {
  const lines = ['ma_ho,lon,lat,loai_cay,dien_tich_ha,ghi_chu'];
  lines.push(`HO-LONELY,${LONELY[0]},${LONELY[1]},Sâm Lai Châu,12.5,<b>không phải HTML</b>`);
  bigRows().forEach((r, k) => lines.push(`HO-${k + 1},${r.lon},${r.lat},${r.crop},${r.ha},`));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/**
 * Counts the vertex buffers the page uploads of at least `minBytes` (large enough to hold a
 * layer's points); returns a reader of the count. Call before the page opens.
 */
async function countBigUploads(page: Page, minBytes: number): Promise<() => Promise<number>> {
  await page.addInitScript((minBytes) => {
    const big: number[] = ((window as unknown as { __bigUploads: number[] }).__bigUploads = []);
    const proto = WebGL2RenderingContext.prototype;
    for (const name of ['bufferData', 'bufferSubData'] as const) {
      const original = proto[name] as (...a: unknown[]) => void;
      (proto as unknown as Record<string, unknown>)[name] = function (this: WebGL2RenderingContext, ...a: unknown[]) {
        const data = a[name === 'bufferData' ? 1 : 2];
        if (ArrayBuffer.isView(data) && data.byteLength >= minBytes) big.push(data.byteLength);
        return original.apply(this, a);
      };
    }
  }, minBytes);
  return () => page.evaluate(() => (window as unknown as { __bigUploads: number[] }).__bigUploads.length);
}

test('a 100k-point CSV is drawn by deck.gl from typed columns, and a popup shows a row', async ({ page }) => {
  test.setTimeout(180_000);
  const bigUploads = await countBigUploads(page, ROWS * 8);
  await openApp(page);
  const before = await page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
  expect(await page.evaluate(() => window.mtmap.debug.deckWarmedUp())).toBe(false);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-pick').click()]);
  await expect.poll(() => page.evaluate(() => window.mtmap.debug.deckWarmedUp()), { timeout: 30_000 }).toBe(true);
  await chooser.setFiles({ name: 'ho-dan.csv', mimeType: 'text/csv', buffer: bigCsv() });
  await expect
    .poll(() => page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id) && l.renderer === 'deck').length, before), { timeout: 90_000 })
    .toBe(1);
  const layer = await page.evaluate((ids) => window.mtmap.listLayers().find((l) => !ids.includes(l.id))!, before);
  expect(layer.featureCount).toBe(ROWS);
  expect(layer.status).toBe('ready');
  // held as columns, not features
  const held = await page.evaluate((id) => {
    const d = window.mtmap.getState().layerData[id]!;
    return { data: d.data, points: d.points?.length, position: [d.points!.positions[0], d.points!.positions[1]] };
  }, layer.id);
  expect(held).toEqual({ data: null, points: ROWS, position: LONELY });
  // listed in the layer panel
  await expect(page.locator('.layer-list li', { hasText: 'ho-dan' }).first()).toBeVisible();

  // drawn in the layer's one colour (a constant attribute), with the program compiled ahead
  await page.evaluate(() => window.mtmap.map.jumpTo({ center: [102.55, 22.4], zoom: 11 }));
  await settle(page);
  expect(await page.evaluate(() => window.mtmap.debug.deckWarmedUp())).toBe(false);
  const color = await page.evaluate((id) => (window.mtmap.getState().userLayers.find((l) => l.id === id)!.style as { color: string }).color, layer.id);
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  // pixels of the layer's colour in the map canvas, in a box around (x, y) or everywhere
  const inColour = (box?: { x: number; y: number; r: number }) =>
    page.evaluate(
      ({ rgb, box }) => {
        const src = window.mtmap.map.getCanvas();
        const ctx = new OffscreenCanvas(src.width, src.height).getContext('2d')!;
        ctx.drawImage(src, 0, 0);
        const [x0, y0, w, h] = box ? [Math.round(box.x - box.r), Math.round(box.y - box.r), 2 * box.r + 1, 2 * box.r + 1] : [0, 0, src.width, src.height];
        const d = ctx.getImageData(x0, y0, w, h).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - rgb[0]!) < 12 && Math.abs(d[i + 1]! - rgb[1]!) < 12 && Math.abs(d[i + 2]! - rgb[2]!) < 12) n++;
        return n;
      },
      { rgb, box },
    );
  expect(await inColour()).toBeGreaterThan(2_000);
  // from the offsets uploaded as the result arrived (DeckPoints.stage), once
  expect(await page.evaluate(() => window.mtmap.debug.deckUploadedAhead())).toEqual([layer.id]);
  const uploads = await bigUploads();
  expect(uploads).toBe(1);
  // drawn under the labels and the area of interest's outline, above every other map layer
  await page.evaluate(() => window.mtmap.setAreaOfInterest('03433'));
  await settle(page);
  const order = await page.evaluate(() => window.mtmap.map.getLayersOrder());
  const deckAt = order.findIndex((id) => id.startsWith('deck-layer-group'));
  const above = order.slice(deckAt + 1);
  expect(deckAt).toBeGreaterThan(0);
  expect(above.length).toBeGreaterThan(0);
  expect(above.every((id) => id.endsWith('::label') || id === 'basemap-country-labels' || id.startsWith('mt-aoi::')), above.join(', ')).toBe(true);
  expect(above).toEqual(expect.arrayContaining(['communes-2013::label', 'mt-aoi::line']));
  await page.evaluate(() => window.mtmap.clearAreaOfInterest());
  // the points were uploaded once; restacking the map (the area above) and a new opacity redraw
  // them from the same buffers
  await page.evaluate((id) => window.mtmap.setLayerOpacity(id, 0.6), layer.id);
  await settle(page);
  expect(await bigUploads()).toBe(uploads);
  await page.evaluate((id) => window.mtmap.setLayerOpacity(id, 1), layer.id);

  await page.evaluate((ll) => window.mtmap.map.jumpTo({ center: ll, zoom: 14 }), LONELY);
  await settle(page);
  // drawn where it is: the point sprite's projection (float32 offsets from the layer's origin,
  // written out in point_sprite_layer.ts) puts the lone point on MapLibre's own projection of it
  const at = await page.evaluate((ll) => window.mtmap.map.project(ll), LONELY);
  expect(await inColour({ x: at.x, y: at.y, r: 1 })).toBeGreaterThan(0);
  for (const [dx, dy] of [[12, 0], [-12, 0], [0, 12], [0, -12]]) expect(await inColour({ x: at.x + dx!, y: at.y + dy!, r: 4 })).toBe(0);
  // the table came with its point index (built in the worker): hovering a point shows it is clickable before any click
  const canvas = page.locator('#map canvas.maplibregl-canvas');
  const cursor = () => page.evaluate(() => window.mtmap.map.getCanvas().style.cursor);
  await canvas.hover({ position: { x: at.x + 20, y: at.y } });
  await expect.poll(cursor).not.toBe('pointer');
  await canvas.hover({ position: { x: at.x, y: at.y } });
  await expect.poll(cursor).toBe('pointer');
  await clickMapAt(page, LONELY);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('HO-LONELY');
  await expect(popup).toContainText('Sâm Lai Châu');
  await expect(popup).toContainText('<b>không phải HTML</b>');
  await expect(popup.locator('b')).toHaveCount(0);

  // statistics per commune count every row
  const counted = await page.evaluate(async (id) => {
    const rows = await window.mtmap.computeStats({ layer: id, groupBy: null });
    return rows.reduce((s, r) => s + r.count, 0);
  }, layer.id);
  expect(counted).toBeGreaterThan(0);
  expect(counted).toBeLessThanOrEqual(ROWS);
  // and inside an area (the area-of-interest path, also from the columns): per crop, the count
  // and the hectares of exactly the rows in the rectangle, edges included
  const [w, s, e, n] = [102.45, 22.3, 102.55, 22.4];
  const expected = new Map<string, { count: number; ha: number }>();
  for (const r of bigRows()) {
    if (+r.lon < w || +r.lon > e || +r.lat < s || +r.lat > n) continue;
    const m = expected.get(r.crop) ?? { count: 0, ha: 0 };
    m.count++;
    m.ha += +r.ha;
    expected.set(r.crop, m);
  }
  const inArea = await page.evaluate(
    async ({ id, ring }) => (await window.mtmap.computeStats({ layer: id, boundaries: { type: 'Polygon', coordinates: [ring] }, groupBy: 'loai_cay' })).map((r) => ({ crop: r.class, count: r.count, ha: r.sums.dien_tich_ha })),
    { id: layer.id, ring: [[w, s], [e, s], [e, n], [w, n], [w, s]] },
  );
  expect(inArea.map((r) => r.crop).sort()).toEqual([...expected.keys()].sort());
  for (const r of inArea) {
    expect(r.count).toBe(expected.get(r.crop!)!.count);
    expect(r.ha).toBeCloseTo(expected.get(r.crop!)!.ha, 6);
  }

  // export (below the 200,000-point limit) writes every row; removal takes the layer away
  const lines = await page.evaluate(async (id) => {
    const f = await window.mtmap.exportLayer(id, { format: 'csv-latlon' });
    return new TextDecoder().decode(f.bytes).trim().split('\n').length;
  }, layer.id);
  expect(lines).toBe(ROWS + 1);
  await page.evaluate((id) => window.mtmap.store.getState().removeUserLayer(id), layer.id);
  await expect.poll(() => page.evaluate((id) => window.mtmap.listLayers().some((l) => l.id === id), layer.id)).toBe(false);
  expect(await page.evaluate(() => window.mtmap.debug.deckUploadedAhead())).toEqual([]);
  expect(await inColour()).toBe(0);
});

// A layer of more than 250,000 points is drawn as a sample of about 125,000 while the map moves,
// and whole again once it stands still (DeckPoints, MOTION_SAMPLE_ABOVE): on software WebGL a
// frame of 1,000,000 points took over a second. The points here form a grid spaced wider than a
// point at zoom 14, so the pixels of the layer's colour count the points drawn.
test('a 300k-point layer draws a sample while the map moves and every point once it stops', async ({ page }) => {
  test.setTimeout(180_000);
  const COLS = 600;
  const GRID_ROWS = 500;
  const STEP = 5e-4; // degrees: about 6 px at zoom 14
  const CENTRE: [number, number] = [102.6 + (COLS / 2) * STEP, 22.3 + (GRID_ROWS / 2) * STEP];
  // the sample's upload is about 100,000 × 8 bytes; nothing that large may be uploaded while moving
  const bigUploads = await countBigUploads(page, 500_000);
  await openApp(page);
  const outcome = await page.evaluate(
    async ({ COLS, GRID_ROWS, STEP }) => {
      const lines = ['ma,lon,lat'];
      for (let r = 0; r < GRID_ROWS; r++) for (let c = 0; c < COLS; c++) lines.push(`${r * COLS + c},${(102.6 + c * STEP).toFixed(6)},${(22.3 + r * STEP).toFixed(6)}`);
      return window.mtmap.importFiles([{ name: 'luoi-diem.csv', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    },
    { COLS, GRID_ROWS, STEP },
  );
  expect(outcome.errors).toEqual([]);
  const id = outcome.layers[0]!;
  await expect.poll(() => page.evaluate((id) => window.mtmap.listLayers().find((l) => l.id === id)?.renderer, id), { timeout: 90_000 }).toBe('deck');
  expect(await page.evaluate((id) => window.mtmap.listLayers().find((l) => l.id === id)!.featureCount, id)).toBe(COLS * GRID_ROWS);
  // after the import's own move to the new layer
  await settle(page);
  await page.evaluate((c) => window.mtmap.map.jumpTo({ center: c, zoom: 14 }), CENTRE);
  await settle(page);
  expect(await page.evaluate(() => window.mtmap.map.getZoom())).toBe(14);
  // the sample is prepared once the map is idle after the layer arrived, not during a move
  await expect.poll(() => page.evaluate(() => window.mtmap.debug.deckMotionSample().layers), { timeout: 30_000 }).toEqual([id]);
  await settle(page);
  const rgb = hexToRgb(await page.evaluate((id) => (window.mtmap.getState().userLayers.find((l) => l.id === id)!.style as { color: string }).color, id));
  const uploadsBefore = await bigUploads();
  const movesBefore = (await page.evaluate(() => window.mtmap.debug.deckMotionSample())).moves;

  // pixels of the layer's colour in the frame the map has just drawn
  type CountingWindow = { __mapPixels(): Uint8Array; __inColour(rgb: number[]): number };
  await page.evaluate(() => {
    const w = window as unknown as CountingWindow;
    w.__inColour = (rgb) => {
      const d = w.__mapPixels();
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - rgb[0]!) < 12 && Math.abs(d[i + 1]! - rgb[1]!) < 12 && Math.abs(d[i + 2]! - rgb[2]!) < 12) n++;
      return n;
    };
  });
  const countNow = () => page.evaluate((rgb) => (window as unknown as CountingWindow).__inColour(rgb), rgb);
  /** Moves the map to `to` and counts in the same task the frame drawn during the move. */
  const moveAndCount = (to: [number, number]) =>
    page.evaluate(
      async ({ to, rgb }) => {
        const map = window.mtmap.map;
        const drawn = new Promise<void>((resolve) => map.once('render', () => resolve()));
        map.jumpTo({ center: to });
        await drawn;
        return { pixels: (window as unknown as CountingWindow).__inColour(rgb), state: window.mtmap.debug.deckMotionSample() };
      },
      { to, rgb },
    );
  const still = await countNow();
  expect(still).toBeGreaterThan(20_000);

  // a move by a hair (the same view)
  const moving = await moveAndCount([CENTRE[0] + 1e-9, CENTRE[1]]);
  expect(moving.state.now).toBe(true);
  expect(moving.state.moves).toBe(movesBefore + 1);
  // 300,000 points → one in 3 (inSample), spread over the whole grid
  expect(moving.pixels / still).toBeGreaterThan(0.25);
  expect(moving.pixels / still).toBeLessThan(0.42);

  // standing still: every point again, without uploading anything
  await expect.poll(() => page.evaluate(() => window.mtmap.debug.deckMotionSample().now), { timeout: 30_000 }).toBe(false);
  await settle(page);
  const after = await countNow();
  expect(Math.abs(after - still) / still).toBeLessThan(0.02);
  expect(await bigUploads()).toBe(uploadsBefore);

  // with the sampling off (benchmarks compare both), a move draws every point
  await page.evaluate(() => window.mtmap.debug.setDeckMotionSampling(false));
  const unsampled = await moveAndCount(CENTRE);
  expect(unsampled.state.now).toBe(false);
  expect(Math.abs(unsampled.pixels - still) / still).toBeLessThan(0.02);
});
