import type { Page } from '@playwright/test';
import type { CategoriesStyle } from '../../src/catalog/manifest_types';
import { blend, changedPixels, countColours, expect, hexToRgb, idle, openApp, renderedCount, saveScreenshot, snapshotCanvas, test } from './helpers';

// The map really draws the default pack: category colours show up on the canvas, and each
// group's checkbox in the layer panel hides and shows its layer.

// Land of Viet Nam in the offline basemap (src/map/basemaps.ts): what polygons blend over.
const LAND = hexToRgb('#f6f3ea');

/** The colours a user sees for the forest categories: fill over land, under the faint commune fill. */
async function expectedForestColours(page: Page) {
  const info = await page.evaluate(() => {
    const s = window.mtmap.getState();
    const m = s.pack.manifest!;
    const forest = m.layers.find((l) => l.id === 'forest-cover')!;
    const set = m.boundarySets!.find((b) => b.id === s.boundarySet)!;
    const boundary = m.layers.find((l) => l.id === set.layer)!;
    return {
      style: forest.style,
      opacity: s.layerUi['forest-cover']!.opacity,
      boundaryColor: boundary.style.type === 'single' ? boundary.style.color : '#ffffff',
      // boundary polygons are outlines with a faint fill: layer opacity × style.fillOpacity
      boundaryOpacity: s.layerUi[set.layer]!.opacity * ((boundary.style as { fillOpacity?: number }).fillOpacity ?? 1),
    };
  });
  expect(info.style.type).toBe('categories');
  const style = info.style as CategoriesStyle;
  expect(style.categories.length).toBeGreaterThanOrEqual(3);
  return style.categories.map((c) => ({
    value: String(c.value),
    rgb: blend(hexToRgb(info.boundaryColor), blend(hexToRgb(c.color), LAND, info.opacity), info.boundaryOpacity),
  }));
}

test('the forest layer draws every category colour, and hiding it removes them', async ({ page }) => {
  await openApp(page);
  await saveScreenshot(page, 'default-map-1366x768.png');
  const colours = await expectedForestColours(page);
  const before = await countColours(page, colours.map((c) => c.rgb), 10);
  colours.forEach((c, i) => {
    // each category covers at least 1 % of the map
    expect(before.counts[i], `pixels of forest category ${c.value}`).toBeGreaterThan(before.total * 0.01);
  });

  await page.locator('#layer-vis-forest-cover').uncheck();
  await expect.poll(() => page.evaluate(() => window.mtmap.listLayers().find((l) => l.id === 'forest-cover')!.visible)).toBe(false);
  await idle(page);
  const hidden = await countColours(page, colours.map((c) => c.rgb), 10);
  colours.forEach((c, i) => {
    expect(hidden.counts[i], `pixels of forest category ${c.value} once hidden`).toBeLessThan(Math.max(50, before.counts[i]! * 0.02));
  });

  await page.locator('#layer-vis-forest-cover').check();
  await idle(page);
  const again = await countColours(page, colours.map((c) => c.rgb), 10);
  colours.forEach((c, i) => expect(again.counts[i], `pixels of ${c.value} shown again`).toBeGreaterThan(before.counts[i]! * 0.9));
});

test('every fill on the map shares one MapLibre program, with no outline pass', async ({ page }) => {
  // Software WebGL compiles each program at its first draw while the page waits (about 0.2 s
  // each at start-up), so the style keeps the variants few (pack_layers.ts fillPaint). The
  // program cache is MapLibre's internal state: if an upgrade moves it, this test says so.
  await openApp(page);
  await page.evaluate(() => window.mtmap.setAreaOfInterest('03433'));
  await idle(page);
  const programs = await page.evaluate(() => Object.keys((window.mtmap.map as unknown as { painter: { programCache: { programs: object } } }).painter.programCache.programs));
  expect(programs.filter((k) => k.startsWith('fill/'))).toHaveLength(1);
  expect(programs.filter((k) => k.startsWith('fillOutline/'))).toEqual([]);
  // the area of interest's lines reuse the pack outlines' line program
  expect(programs.filter((k) => k.startsWith('line/'))).toHaveLength(1);
});

const ONE_LAYER_PER_GROUP = [
  { group: 'boundaries', layer: 'communes-2013' },
  { group: 'forest', layer: 'forest-cover' },
  { group: 'planting', layer: 'planting-areas' },
  { group: 'crops', layer: 'crop-zones' },
  { group: 'projects', layer: 'project-sites' },
];

test('each of the five groups hides and shows from its checkbox', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const groups = await page.evaluate(() => window.mtmap.getState().pack.manifest!.groups.map((g) => g.id));
  expect(groups).toEqual(ONE_LAYER_PER_GROUP.map((g) => g.group));
  const layers = await page.evaluate(() => window.mtmap.listLayers());
  await snapshotCanvas(page, 'all-on');

  for (const { group, layer } of ONE_LAYER_PER_GROUP) {
    await test.step(`${group}: ${layer}`, async () => {
      const summary = layers.find((l) => l.id === layer)!;
      expect(summary.group).toBe(group);
      expect(summary.status).toBe('ready');
      const checkbox = page.locator(`#layer-vis-${layer}`);
      await expect(checkbox).toBeChecked();
      const shown = await renderedCount(page, layer);
      expect(shown, `rendered features of ${layer}`).toBeGreaterThan(0);

      await checkbox.uncheck();
      await expect.poll(() => page.evaluate((id) => window.mtmap.listLayers().find((l) => l.id === id)!.visible, layer)).toBe(false);
      await expect(page.locator(`.layer-row[data-layer-id="${layer}"]`)).toHaveClass(/is-hidden/);
      await idle(page);
      expect(await renderedCount(page, layer)).toBe(0);
      await snapshotCanvas(page, `${layer}:off`);
      expect(await changedPixels(page, 'all-on', `${layer}:off`), 'pixels changed by hiding').toBeGreaterThan(500);

      await checkbox.check();
      await expect.poll(() => page.evaluate((id) => window.mtmap.listLayers().find((l) => l.id === id)!.visible, layer)).toBe(true);
      await idle(page);
      expect(await renderedCount(page, layer)).toBe(shown);
    });
  }
  // everything back on: the map looks as it did at the start
  await snapshotCanvas(page, 'all-on-again');
  expect(await changedPixels(page, 'all-on', 'all-on-again')).toBeLessThan(200);
});

test.describe('on a 1920×1080 projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the whole district and the layer panel fit on screen', async ({ page }) => {
    await openApp(page);
    await saveScreenshot(page, 'projector-1920x1080.png');
    for (const id of ['#lang-switch', '#commune-search', '#boundary-set', '#basemap']) {
      await expect(page.locator(id)).toBeInViewport({ ratio: 1 });
    }
    const bounds = await page.evaluate(() => {
      const [w, s, e, n] = window.mtmap.getState().pack.manifest!.bounds;
      const b = window.mtmap.map.getBounds();
      return { w, s, e, n, vw: b.getWest(), vs: b.getSouth(), ve: b.getEast(), vn: b.getNorth() };
    });
    expect(bounds.vw).toBeLessThanOrEqual(bounds.w);
    expect(bounds.ve).toBeGreaterThanOrEqual(bounds.e);
    expect(bounds.vs).toBeLessThanOrEqual(bounds.s);
    expect(bounds.vn).toBeGreaterThanOrEqual(bounds.n);
  });
});

// On software WebGL a resize of the map's drawing buffer waits for every pending frame (0.2–0.9 s
// at start-up, measured), so the page's layout is settled before the map is created: header and
// status bar filled, line heights independent of the web font, two lines kept for the pack notice.
for (const fonts of ['with the web font', 'without the web font'] as const) {
  test(`the map's drawing buffer is sized once at start-up, ${fonts}`, async ({ page }) => {
    await page.addInitScript(() => {
      const sizes: string[] = [];
      (window as unknown as { __mapCanvasSizes: string[] }).__mapCanvasSizes = sizes;
      for (const prop of ['width', 'height'] as const) {
        const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, prop)!;
        Object.defineProperty(HTMLCanvasElement.prototype, prop, {
          configurable: true,
          get: d.get,
          set(this: HTMLCanvasElement, v: number) {
            if (this.classList.contains('maplibregl-canvas') && d.get!.call(this) !== v) sizes.push(`${prop} ${d.get!.call(this)} → ${v}`);
            d.set!.call(this, v);
          },
        });
      }
    });
    if (fonts === 'without the web font') await page.route(/\.woff2?$/, (route) => route.abort());
    await openApp(page);
    const r = await page.evaluate(() => ({
      sizes: (window as unknown as { __mapCanvasSizes: string[] }).__mapCanvasSizes,
      canvas: [window.mtmap.map.getCanvas().width, window.mtmap.map.getCanvas().height],
      notice: document.getElementById('pack-notice')!.textContent,
    }));
    expect(r.notice).not.toBe('');
    // the default canvas (300×150) set once to the map's size, then never again
    expect(r.sizes).toEqual([`width 300 → ${r.canvas[0]}`, `height 150 → ${r.canvas[1]}`]);
  });
}
