import { clickMapAt, expect, isLocal, openApp, settle, test } from './helpers';

// Offline first: a full session asks nothing of any host but the app's own; an online basemap
// with no network falls back to the offline one and says so. The test fixture aborts every
// non-local request (see helpers.ts), so nothing ever really goes out.

test('a full session requests nothing beyond localhost', async ({ page, requests, blocked }) => {
  await openApp(page);
  await page.locator('#layer-vis-forest-cover').uncheck();
  await page.locator('#layer-vis-forest-cover').check();
  await page.getByRole('combobox', { name: 'Tìm xã, thị trấn' }).fill('ka lang');
  await page.getByRole('combobox', { name: 'Tìm xã, thị trấn' }).press('Enter');
  await settle(page);
  // moving the pointer loads the coordinate-system code on demand
  const canvas = page.locator('#map canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('#cursor-vn2000')).not.toHaveText('–');
  const site = await page.evaluate(() => (window.mtmap.getLayerData('project-sites')!.features[0]!.geometry as GeoJSON.Point).coordinates as [number, number]);
  await page.evaluate((c) => window.mtmap.map.jumpTo({ center: c, zoom: 12 }), site);
  await settle(page);
  await clickMapAt(page, site);
  await expect(page.locator('.maplibregl-popup')).toBeVisible();
  await page.locator('#lang-switch').click();
  await page.locator('#boundary-set').selectOption('2025');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await settle(page);

  expect(requests.length).toBeGreaterThan(10);
  expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  expect(blocked).toEqual([]);
});

test('an online basemap without network falls back to the offline basemap', async ({ page, blocked }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Bản đồ nền' }).selectOption('osm');
  const notice = page.locator('[data-message-key="basemap.failed"]');
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('OpenStreetMap');
  await expect(notice).toContainText('ngoại tuyến');
  await expect(page.locator('#basemap')).toHaveValue('offline');
  expect(await page.evaluate(() => window.mtmap.getState().basemap)).toBe('offline');
  expect(blocked.length).toBeGreaterThan(0);
  expect(blocked.every((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
  // the offline basemap is back on screen
  expect(await page.evaluate(() => window.mtmap.map.getLayoutProperty('basemap-countries', 'visibility'))).not.toBe('none');
  await notice.getByRole('button', { name: 'Đóng thông báo' }).click();
  await expect(notice).toHaveCount(0);
});
