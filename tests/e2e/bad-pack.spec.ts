import { ORIGIN, expect, openApp, renderedCount, test } from './helpers';

// Bad pack input never leaves the user with a blank screen and no explanation.

const FIX = `${ORIGIN}/fixtures`;

test('a manifest with a schema error names manifest.json and the problem path', async ({ page }) => {
  await openApp(page, `?pack=${FIX}/bad-schema/manifest.json`);
  const error = page.locator('[data-message-key="error.packInvalid"]');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('manifest.json');
  await expect(error).toContainText('$.layers[0].geometry');
  await expect(error).toContainText('polygone');
  await expect(page.locator('.layer-row')).toHaveCount(0);
});

test('a truncated layer file marks only that layer as broken', async ({ page }) => {
  await openApp(page, `?pack=${FIX}/partly-broken/manifest.json`);
  await expect(page.locator('.layer-row.is-error')).toHaveCount(1);
  const broken = page.locator('.layer-row.is-error[data-layer-id="broken-zones"]');
  await expect(broken).toBeVisible();
  await expect(broken).toContainText('JSON');
  const error = page.locator('[data-message-key="import.error.packLayer"]');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText('broken.geojson');
  await expect(error).toContainText('Vùng hỏng');

  const layers = await page.evaluate(() => window.mtmap.listLayers().map((l) => ({ id: l.id, status: l.status, n: l.featureCount })));
  expect(layers).toEqual([
    { id: 'good-zones', status: 'ready', n: 2 },
    { id: 'broken-zones', status: 'error', n: 0 },
    { id: 'gappy-sites', status: 'ready', n: 3 },
  ]);
  await expect(page.locator('.layer-row[data-layer-id="good-zones"]')).toContainText('2 đối tượng');
  expect(await renderedCount(page, 'good-zones')).toBe(2);
  expect(await renderedCount(page, 'gappy-sites')).toBe(3);
});

test('CSV rows without coordinates are skipped with a warning that counts them', async ({ page }) => {
  await openApp(page, `?pack=${FIX}/partly-broken/manifest.json`);
  const warning = page.locator('[data-message-key="warn.skipped"]');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('role', 'status');
  await expect(warning).toContainText('gappy.csv');
  await expect(warning).toContainText('bỏ qua 2 dòng');
  await expect(warning).toContainText('2, 4');
  await expect(page.locator('.layer-row[data-layer-id="gappy-sites"]')).toContainText('3 đối tượng');
  await page.locator('#lang-switch').click();
  await expect(warning).toContainText('skipped 2 rows');
});

test('loading a bad pack over the default one keeps the default pack on screen', async ({ page }) => {
  await openApp(page);
  const before = await page.evaluate(() => window.mtmap.listLayers());
  const forest = await renderedCount(page, 'forest-cover');
  expect(forest).toBeGreaterThan(0);

  expect(await page.evaluate(() => window.mtmap.loadPack('/fixtures/missing/manifest.json'))).toBe(false);
  await expect(page.locator('[data-message-key="error.packFetch"]')).toContainText('404');
  expect(await page.evaluate(() => window.mtmap.loadPack('/fixtures/bad-schema/manifest.json'))).toBe(false);
  await expect(page.locator('[data-message-key="error.packInvalid"]')).toContainText('$.layers[0].geometry');
  await expect(page.locator('[data-message-key="error.keepPrevious"]').first()).toBeVisible();

  await page.evaluate(() => window.mtmap.whenIdle());
  expect(await page.evaluate(() => window.mtmap.listLayers())).toEqual(before);
  expect(await page.evaluate(() => window.mtmap.getState().pack.url)).toBe(`${ORIGIN}/data/manifest.json`);
  expect(await renderedCount(page, 'forest-cover')).toBe(forest);
  await expect(page.locator('.layer-row')).toHaveCount(before.length);
});
