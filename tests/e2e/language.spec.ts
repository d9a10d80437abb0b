import { expect, idle, openApp, saveScreenshot, test } from './helpers';

// Vietnamese by default; the language button switches the whole UI, legends included, and back.

test('switches between Vietnamese and English', async ({ page }) => {
  await openApp(page);
  const html = page.locator('html');
  const heading = page.locator('#layers-heading');
  const forestRow = page.locator('.layer-row[data-layer-id="forest-cover"]');
  const button = page.locator('#lang-switch');

  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(heading).toHaveText('Lớp dữ liệu');
  await expect(forestRow.locator('.legend')).toContainText('Rừng đặc dụng');
  await expect(page.locator('label[for="layer-vis-forest-cover"]')).toHaveText('Hiện trạng rừng theo mục đích sử dụng');
  await expect(button).toHaveText('English');

  await button.click();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(heading).toHaveText('Layers');
  await expect(forestRow.locator('.legend')).toContainText('Special-use forest');
  await expect(forestRow.locator('.legend')).not.toContainText('Rừng đặc dụng');
  await expect(page.locator('label[for="layer-vis-forest-cover"]')).toHaveText('Forest by use category');
  await expect(page.getByRole('combobox', { name: 'Find a commune' })).toBeVisible();
  await expect(page.locator('#layer-vis-forest-cover')).toHaveAccessibleName('Show layer Forest by use category');
  await expect(page).toHaveTitle('Mường Tè planning map');
  await expect(button).toHaveText('Tiếng Việt');
  expect(await page.evaluate(() => window.mtmap.map.getLayoutProperty('basemap-country-labels', 'text-field'))).toEqual(['get', 'name_en']);
  await idle(page);
  await saveScreenshot(page, 'english-ui.png');

  await button.click();
  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(heading).toHaveText('Lớp dữ liệu');
  await expect(forestRow.locator('.legend')).toContainText('Rừng đặc dụng');
  await expect(page).toHaveTitle('Bản đồ quy hoạch Mường Tè');
});
