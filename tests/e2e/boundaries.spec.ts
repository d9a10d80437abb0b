import { expect, idle, openApp, renderedCount, saveScreenshot, test } from './helpers';

// The boundary-set switch swaps the commune layer on the map, in the panel and in search.

test('switching to the 2025 communes shows them and searches them', async ({ page }) => {
  await openApp(page);
  const select = page.getByRole('combobox', { name: 'Bộ ranh giới' });
  await expect(select).toHaveValue('2013');
  await expect(page.locator('#layer-vis-communes-2013')).toBeChecked();
  await expect(page.locator('#layer-vis-communes-2025')).not.toBeChecked();

  await select.selectOption('2025');
  await expect.poll(() => page.evaluate(() => Object.fromEntries(window.mtmap.listLayers().filter((l) => l.group === 'boundaries').map((l) => [l.id, l.visible])))).toEqual({
    'communes-2013': false,
    'communes-2025': true,
    'district-outline': true,
  });
  await expect(page.locator('#layer-vis-communes-2025')).toBeChecked();
  await expect(page.locator('#layer-vis-communes-2013')).not.toBeChecked();
  await expect(page.locator('#boundary-set')).toHaveValue('2025');
  await idle(page);
  expect(await renderedCount(page, 'communes-2025')).toBeGreaterThan(0);
  expect(await renderedCount(page, 'communes-2013')).toBe(0);
  await saveScreenshot(page, 'boundaries-2025.png');

  const search = page.getByRole('combobox', { name: 'Tìm xã, thị trấn' });
  await search.fill('hua bum');
  await expect(page.locator('#commune-search-list [role="option"]').first()).toContainText('Hua Bum');
  // Ka Lăng was merged away on 1 Jul 2025
  await search.fill('Ka Lăng');
  await expect(page.locator('#commune-search-list .search-empty')).toBeVisible();

  // and back: ticking the 2013 layer switches the set again
  await page.locator('#layer-vis-communes-2013').check();
  await expect(page.locator('#boundary-set')).toHaveValue('2013');
  await expect(page.locator('#layer-vis-communes-2025')).not.toBeChecked();
});
