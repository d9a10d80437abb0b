import type { Page, Response } from '@playwright/test';
import type { CategoriesStyle } from '../../src/catalog/manifest_types';
import { ORIGIN, blend, countColours, expect, hexToRgb, idle, openApp, saveScreenshot, settle, test } from './helpers';

// Offline after first load (issue 16 §8): open the app once, wait for the service worker to
// hold the precache, cut the network (context.setOffline) and open it again. The page, its
// chunks and workers, the default pack, the fonts and the offline basemap must all come from
// the service worker, and the map must draw and answer as before. The other specs run with
// service workers blocked (playwright.config.ts); this one allows them.

test.use({ serviceWorkers: 'allow' });
// three full loads of the app plus the precache download (7 MB): on a loaded machine with
// software WebGL one load alone took 40 s
test.setTimeout(300_000);

const LAND = hexToRgb('#f6f3ea');

/** Forest category colours as a user sees them: fill over land under the faint commune fill (as in map.spec.ts). */
async function forestColours(page: Page): Promise<Array<[number, number, number]>> {
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
      boundaryOpacity: s.layerUi[set.layer]!.opacity * ((boundary.style as { fillOpacity?: number }).fillOpacity ?? 1),
    };
  });
  return (info.style as CategoriesStyle).categories.map((c) => blend(hexToRgb(info.boundaryColor), blend(hexToRgb(c.color), LAND, info.opacity), info.boundaryOpacity));
}

const layerSummary = (page: Page) => page.evaluate(() => window.mtmap.listLayers().map(({ id, status, featureCount, visible }) => ({ id, status, featureCount, visible })));

/** Records every response from the app's own origin: its path and whether the service worker answered. */
function recordResponses(page: Page): Array<{ path: string; fromSW: boolean; status: number }> {
  const seen: Array<{ path: string; fromSW: boolean; status: number }> = [];
  page.on('response', (r: Response) => {
    if (r.url().startsWith(`${ORIGIN}/`)) seen.push({ path: new URL(r.url()).pathname, fromSW: r.fromServiceWorker(), status: r.status() });
  });
  return seen;
}

test('with the network cut, the app reopens from the service worker: map, default pack, basemap and UI', async ({ page, context, blocked }) => {
  await openApp(page);
  expect(await page.evaluate(() => window.mtmap.offline.ready())).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  const online = await layerSummary(page);
  expect(online.length).toBeGreaterThanOrEqual(5);
  expect(online.every((l) => l.status === 'ready')).toBe(true);
  const colours = await forestColours(page);
  const onlinePixels = await countColours(page, [LAND, ...colours], 10);

  await context.setOffline(true);
  // the network really is cut: what the service worker does not hold fails
  expect(await page.evaluate(() => fetch('/not-in-the-precache.txt').then((r) => `status ${r.status}`, () => 'failed'))).toBe('failed');

  const seen = recordResponses(page);
  const response = await page.reload();
  expect(response!.fromServiceWorker()).toBe(true);
  await page.waitForFunction(() => typeof window.mtmap !== 'undefined');
  await idle(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // the default pack: every layer ready, with the same feature counts as online
  expect(await layerSummary(page)).toEqual(online);
  // every file of the page came from the service worker, none failed
  const paths = seen.map((s) => s.path);
  for (const p of ['/', '/data/manifest.json', '/data/forest-cover.geojson', '/basemap/countries.geojson']) expect(paths, p).toContain(p);
  expect(paths.some((p) => /\/assets\/index-.*\.js$/.test(p))).toBe(true);
  expect(paths.some((p) => /\.woff2$/.test(p))).toBe(true);
  expect(seen.filter((s) => !s.fromSW || s.status !== 200)).toEqual([]);

  // the map draws it: land of the offline basemap and every forest colour, as online
  const offlinePixels = await countColours(page, [LAND, ...colours], 10);
  expect(offlinePixels.counts[0], 'offline basemap land').toBeGreaterThan(offlinePixels.total * 0.01);
  colours.forEach((_, i) => {
    expect(offlinePixels.counts[i + 1], `forest category ${i}`).toBeGreaterThan(offlinePixels.total * 0.01);
    expect(offlinePixels.counts[i + 1], `forest category ${i} as online`).toBeGreaterThan(onlinePixels.counts[i + 1]! * 0.9);
  });
  expect(await page.evaluate(() => window.mtmap.map.querySourceFeatures('basemap-countries').length)).toBeGreaterThan(0);

  // the UI works: hide a layer, find a commune, compute statistics in the worker
  await page.locator('#layer-vis-forest-cover').uncheck();
  await idle(page);
  const hidden = await countColours(page, colours, 10);
  colours.forEach((_, i) => expect(hidden.counts[i]).toBeLessThan(Math.max(50, offlinePixels.counts[i + 1]! * 0.02)));
  await page.locator('#layer-vis-forest-cover').check();
  const search = page.getByRole('combobox', { name: 'Tìm xã, thị trấn' });
  await search.fill('ka lang');
  await search.press('Enter');
  await settle(page);
  expect(await page.evaluate(() => window.mtmap.getState().selectedCommune)).toBeTruthy();
  const rows = await page.evaluate(() => window.mtmap.computeStats({ layer: 'forest-cover' }));
  expect(rows.length).toBeGreaterThan(0);
  expect(seen.filter((s) => !s.fromSW || s.status !== 200)).toEqual([]);

  // a link in English opens offline in another tab, through the navigation fallback
  const en = await context.newPage();
  const enSeen = recordResponses(en);
  const enResponse = await en.goto('/?lang=en');
  expect(enResponse!.fromServiceWorker()).toBe(true);
  await en.waitForFunction(() => typeof window.mtmap !== 'undefined');
  await en.evaluate(() => window.mtmap.whenIdle());
  await expect(en.locator('#app-title')).toHaveText('Mường Tè planning map');
  await expect(en.locator('#tab-layers')).toHaveText('Layers');
  expect(await layerSummary(en)).toEqual(online);
  expect(await en.evaluate(() => window.mtmap.map.querySourceFeatures('basemap-countries').length)).toBeGreaterThan(0);
  expect(enSeen.filter((s) => !s.fromSW || s.status !== 200)).toEqual([]);

  expect(blocked).toEqual([]);
});

test('a new version is offered while it waits, and applied only when the user presses Update', async ({ page }) => {
  await openApp(page);
  expect(await page.evaluate(() => window.mtmap.offline.ready())).toBe(true);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeHidden();
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // A second version of the worker: the same script under another URL is an update to the
  // registration; it installs, then waits for this page (no skipWaiting in the worker).
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?v=2'));
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('Có phiên bản mới');
  const state = () =>
    page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r?.waiting?.scriptURL ?? null, controller: navigator.serviceWorker.controller?.scriptURL ?? null, sameDocument: (window as unknown as { __sameDocument?: boolean }).__sameDocument ?? false };
    });
  // offered, not forced: the new worker waits and the page was not reloaded
  expect(await state()).toEqual({ waiting: `${ORIGIN}/sw.js?v=2`, controller: `${ORIGIN}/sw.js`, sameDocument: true });

  await saveScreenshot(page, 'update-prompt-vi-1366x768.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await idle(page);
  await saveScreenshot(page, 'update-prompt-vi-390x844.png');
  await page.evaluate(() => window.mtmap.setLanguage('en'));
  await expect(prompt).toContainText('A new version is available');
  await saveScreenshot(page, 'update-prompt-en-390x844.png');
  await page.setViewportSize({ width: 1366, height: 768 });
  await idle(page);
  await saveScreenshot(page, 'update-prompt-en-1366x768.png');
  expect(await state()).toEqual({ waiting: `${ORIGIN}/sw.js?v=2`, controller: `${ORIGIN}/sw.js`, sameDocument: true });

  // the user presses Update: the new worker takes over and the page reloads once
  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Update' }).click()]);
  await page.waitForFunction(() => typeof window.mtmap !== 'undefined');
  expect(await state()).toEqual({ waiting: null, controller: `${ORIGIN}/sw.js?v=2`, sameDocument: false });
  await expect(prompt).toBeHidden();
});
