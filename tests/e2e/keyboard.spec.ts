import { expect, openApp, test } from './helpers';

// Keyboard and screen-reader basics: Tab reaches the search, the layer checkboxes and the
// opacity sliders, and every control has an accessible name.

test('Tab reaches the search, the layer checkboxes and the opacity sliders', async ({ page }) => {
  await openApp(page);
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return 'body';
        return el.id ? `#${el.id}` : `.${el.className || el.tagName}:${el.getAttribute('aria-label') ?? ''}`;
      }),
    );
    if (seen.includes('#layer-vis-forest-cover') && seen.some((s) => s.startsWith('.layer-opacity:') && s.includes('Hiện trạng rừng'))) break;
  }
  expect(seen[0]).toBe('#skip-link');
  expect(seen).toContain('#commune-search');
  expect(seen).toContain('#layer-vis-communes-2013');
  expect(seen).toContain('#layer-vis-forest-cover');
  expect(seen.some((s) => s.startsWith('.layer-opacity:'))).toBe(true);
  expect(seen.indexOf('#commune-search')).toBeLessThan(seen.indexOf('#layer-vis-forest-cover'));

  // the controls work from the keyboard too
  const checkbox = page.locator('#layer-vis-forest-cover');
  await checkbox.focus();
  await page.keyboard.press('Space');
  await expect(checkbox).not.toBeChecked();
  expect(await page.evaluate(() => window.mtmap.listLayers().find((l) => l.id === 'forest-cover')!.visible)).toBe(false);
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();

  const slider = page.getByRole('slider', { name: 'Độ trong suốt của Hiện trạng rừng theo mục đích sử dụng' });
  const before = await page.evaluate(() => window.mtmap.listLayers().find((l) => l.id === 'forest-cover')!.opacity);
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.mtmap.listLayers().find((l) => l.id === 'forest-cover')!.opacity)).toBeCloseTo(before - 0.05, 5);
  await expect(slider).toBeFocused();
});

test('every button, input and select has an accessible name', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('link', { name: 'Bỏ qua, đến bản đồ' })).toBeAttached();
  await expect(page.getByRole('combobox', { name: 'Tìm xã, thị trấn' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Bộ ranh giới' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Bản đồ nền' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Hiện lớp Hiện trạng rừng theo mục đích sử dụng' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Độ trong suốt của Vùng dược liệu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thu phóng tới Vùng dược liệu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bản đồ quy hoạch Mường Tè' })).toBeVisible();

  const controls = page.locator('button:visible, input:visible, select:visible, [role="combobox"]:visible, a[href]:visible');
  const n = await controls.count();
  expect(n).toBeGreaterThan(20);
  const unnamed = await controls.evaluateAll((els) =>
    els
      .filter((el) => {
        const label = el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? el.getAttribute('title');
        const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
        const text = el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent : null;
        return ![label, byFor, text].some((v) => v && v.trim() !== '');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
  // and the names Playwright computes from the accessibility tree are not empty either
  for (const el of await controls.all()) await expect(el).toHaveAccessibleName(/\S/);
});
