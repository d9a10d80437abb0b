import { expect, openApp, settle, test } from './helpers';

// Commune search: with or without Vietnamese diacritics; Enter zooms to the commune and selects it.

test('finds Pa Vệ Sử with or without diacritics, and Enter zooms there and selects it', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('combobox', { name: 'Tìm xã, thị trấn' });
  const options = page.locator('#commune-search-list [role="option"]');

  for (const query of ['pa ve su', 'Pa Vệ Sử']) {
    await search.fill(query);
    await expect(search).toHaveAttribute('aria-expanded', 'true');
    await expect(options.first()).toContainText('Pa Vệ Sử');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  }

  const commune = await page.evaluate(() => {
    const fc = window.mtmap.getLayerData('communes-2013')!;
    const index = fc.features.findIndex((f) => f.properties!.name_vi === 'Pa Vệ Sử');
    const coords = JSON.stringify(fc.features[index]!.geometry).match(/-?\d+\.?\d*,-?\d+\.?\d*/g)!.map((p) => p.split(',').map(Number));
    return {
      index,
      code: String(fc.features[index]!.properties!.gso_code),
      bbox: [Math.min(...coords.map((c) => c[0]!)), Math.min(...coords.map((c) => c[1]!)), Math.max(...coords.map((c) => c[0]!)), Math.max(...coords.map((c) => c[1]!))],
      zoom: window.mtmap.map.getZoom(),
    };
  });

  await search.press('Enter');
  await expect(search).toHaveValue('Pa Vệ Sử');
  await expect(page.locator('#commune-search-list')).toBeHidden();
  await settle(page);
  const view = await page.evaluate(() => ({ c: window.mtmap.map.getCenter(), zoom: window.mtmap.map.getZoom() }));
  const [w, s, e, n] = commune.bbox as [number, number, number, number];
  expect(view.c.lng).toBeGreaterThan(w);
  expect(view.c.lng).toBeLessThan(e);
  expect(view.c.lat).toBeGreaterThan(s);
  expect(view.c.lat).toBeLessThan(n);
  expect(view.zoom).toBeGreaterThan(commune.zoom);
  expect(await page.evaluate(() => window.mtmap.getState().selectedCommune)).toBe(commune.code);
  const state = await page.evaluate((id) => window.mtmap.map.getFeatureState({ source: 'pack:communes-2013', id }), commune.index);
  expect(state.selected).toBe(true);
});

test('a query that matches nothing says so', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('combobox', { name: 'Tìm xã, thị trấn' });
  await search.fill('zzz');
  await expect(page.locator('#commune-search-list .search-empty')).toHaveText('Không tìm thấy xã nào khớp “zzz”');
  await expect(page.locator('#commune-search-list [role="option"]:not([aria-disabled])')).toHaveCount(0);
  await search.press('Escape');
  await expect(page.locator('#commune-search-list')).toBeHidden();
});
