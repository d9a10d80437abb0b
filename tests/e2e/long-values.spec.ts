import { clickMapAt, expect, openApp, saveScreenshot, settle, test } from './helpers';

// A layer whose one point carries a 50 MB text cell (issue 17): clicking it must show the
// popup with the value cut short and a Copy control, not lay out 50 MB of text (which froze
// the page for 16 s). Checked by content; timing is the unit of src/ui/long_value.ts.

const MAX_SHOWN_CHARS = 300;
const BIG = 50 * 1024 * 1024;

async function importBigCell(page: import('@playwright/test').Page): Promise<[number, number]> {
  return page.evaluate(async (size) => {
    const c = window.mtmap.map.getCenter();
    const at: [number, number] = [c.lng, c.lat];
    const note = `<b>Ghi chú</b> =HYPERLINK("x") ${'đ'.repeat(size)}`;
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { ten: 'Điểm dài', ghi_chu: note } }] };
    const out = await window.mtmap.importFiles([{ name: 'o-dai.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) }]);
    if (out.layers.length !== 1) throw new Error(`import failed: ${out.errors.join('; ')}`);
    return at;
  }, BIG);
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`a 50 MB cell: the popup shows it cut short, as text, with a Copy button (${viewport.width}×${viewport.height})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    const at = await importBigCell(page);
    await settle(page);
    await clickMapAt(page, at);
    const popup = page.locator('.maplibregl-popup');
    await expect(popup).toBeVisible();
    await expect(popup.locator('h3')).toHaveText('o-dai'); // imported layers are titled by their file
    const cell = popup.locator('.long-value--truncated');
    await expect(cell).toHaveCount(1);
    const shown = await cell.locator('.long-value__text').textContent();
    expect(shown?.length).toBe(MAX_SHOWN_CHARS + 1);
    expect(shown?.startsWith('<b>Ghi chú</b> =HYPERLINK("x") đđđ')).toBe(true);
    expect(shown?.endsWith('…')).toBe(true);
    // text, never markup
    await expect(popup.locator('b')).toHaveCount(0);
    // the page holds no more of the value than what is shown
    const popupChars = await popup.evaluate((el) => el.textContent?.length ?? 0);
    expect(popupChars).toBeLessThan(2000);
    const copy = cell.getByRole('button', { name: /Sao chép toàn bộ giá trị/ });
    await expect(copy).toBeVisible();
    await expect(copy).toHaveText('Sao chép');
    await saveScreenshot(page, `popup-long-value-${viewport.width}x${viewport.height}.png`);
    await copy.click();
    await expect(cell.locator('.long-value__status')).toHaveText('Đã chép');
    const copied = await page.evaluate(async () => {
      const s = await navigator.clipboard.readText();
      return { length: s.length, head: s.slice(0, 14) };
    });
    expect(copied).toEqual({ length: BIG + '<b>Ghi chú</b> =HYPERLINK("x") '.length, head: '<b>Ghi chú</b>' });
  });
}
