import { clickMapAt, expect, openApp, saveScreenshot, settle, test } from './helpers';

// The attribute table of an imported 100,000-row CSV: virtualised (only the rows in view in
// the DOM), sorted, searched, a row selected and zoomed to, a cell edited (the popup shows
// the new value), the layer and a field renamed (kept in the project file). Query times are
// logged from the page ([attribute-table] lines), not asserted.

const ROWS = 100_000;
const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

test('attribute table of a 100,000-row layer: scroll, sort, search, select, edit, rename', async ({ page }) => {
  test.setTimeout(300_000);
  const timings: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('[attribute-table]')) timings.push(m.text());
  });
  page.on('pageerror', (e) => console.log('pageerror', e.message, e.stack));
  await openApp(page);
  const outcome = await page.evaluate(async (n) => {
    const kinds = ['rừng', 'lúa', 'nương'];
    const lines = ['ma,lon,lat,ten,loai,dien_tich'];
    for (let i = 0; i < n; i++) {
      lines.push(`${i + 1},${(102.4 + (i % 400) * 0.001).toFixed(5)},${(22.3 + Math.floor(i / 400) * 0.001).toFixed(5)},Điểm ${i + 1},${kinds[i % 3]},${((i * 7919) % 10007) / 10}`);
    }
    return window.mtmap.importFiles([{ name: 'diem-khao-sat.csv', bytes: new TextEncoder().encode(lines.join('\n')) }]);
  }, ROWS);
  expect(outcome.errors).toEqual([]);
  const id = outcome.layers[0]!;
  await expect.poll(() => page.evaluate((id) => window.mtmap.listLayers().find((l) => l.id === id)?.featureCount, id), { timeout: 120_000 }).toBe(ROWS);
  await settle(page);

  // opened from the layer row
  await page.locator(`[data-layer-id="${id}"] button[aria-label^="Mở bảng thuộc tính"]`).click();
  const table = page.locator('.attr-table');
  await expect(table).toBeVisible();
  await expect(table.locator('.attr-table__count')).toHaveText(`${vi(ROWS)} / ${vi(ROWS)} dòng`);
  const grid = table.locator('.attr-grid');
  const rowsInDom = () => grid.locator('.attr-grid__row:not([hidden])').count();
  expect(await rowsInDom()).toBeLessThan(40);
  await expect(grid.locator('.attr-grid__row').first()).toContainText('Điểm 1');

  // scroll to the end: the last row is shown, still few rows in the DOM
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(grid.locator('.attr-grid__row:not([hidden])').last().locator('.attr-grid__cell').first()).toHaveText(String(ROWS));
  expect(await rowsInDom()).toBeLessThan(40);
  await grid.evaluate((el) => (el.scrollTop = 0));

  // sort by a number column, then descending, then by the text column
  const byArea = await page.evaluate((id) => window.mtmap.tableRows(id, { sort: { field: 'dien_tich', desc: true } }).slice(0, 3), id);
  await table.locator('.attr-sort[data-field="dien_tich"]').click();
  await expect(table.locator('[role=columnheader][aria-sort="ascending"]')).toHaveCount(1);
  await table.locator('.attr-sort[data-field="dien_tich"]').click();
  await expect(table.locator('[role=columnheader][aria-sort="descending"]')).toHaveCount(1);
  await expect(grid.locator('.attr-grid__row').first().locator('.attr-grid__cell').first()).toHaveText(String(byArea[0]! + 1));
  await table.locator('.attr-sort[data-field="ten"]').click();
  const byName = await page.evaluate((id) => window.mtmap.tableRows(id, { sort: { field: 'ten' } }).slice(0, 3), id);
  expect(byName).toEqual([0, 1, 2]); // Điểm 1, Điểm 2, Điểm 3: numbers inside text by value
  await expect(grid.locator('.attr-grid__row').first()).toContainText('Điểm 1');

  // search without diacritics
  const hits = await page.evaluate((id) => window.mtmap.tableRows(id, { search: 'diem 4242' }).length, id);
  await table.locator('.attr-search').fill('diem 4242');
  await expect(table.locator('.attr-table__count')).toHaveText(`${vi(hits)} / ${vi(ROWS)} dòng`);
  await expect(grid.locator('.attr-grid__row').first()).toContainText('Điểm 4242');

  // select the first row: drawn on the map, zoom to it
  const row = grid.locator('.attr-grid__row[data-index="4241"]');
  await row.locator('.attr-grid__cell').nth(4).click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(table.locator('.attr-table__count')).toContainText('đã chọn 1');
  await table.locator('.attr-zoom').click();
  await settle(page);
  const point = await page.evaluate((id) => {
    const f = window.mtmap.getLayerData(id)!.features[4241]!;
    return (f.geometry as GeoJSON.Point).coordinates as [number, number];
  }, id);
  const view = await page.evaluate(() => ({ zoom: window.mtmap.map.getZoom(), highlighted: window.mtmap.map.queryRenderedFeatures({ layers: ['table-selection::point'] }).length }));
  expect(view.zoom).toBeGreaterThan(14);
  expect(view.highlighted).toBe(1);
  await saveScreenshot(page, 'attribute-table-1366-vi.png');

  // edit the name cell: double-click, type, Enter; the popup shows the new value
  // Enter on the active cell (a double-click does the same; under load its two clicks can
  // come too far apart to make one)
  await row.locator('.attr-grid__cell').nth(4).click();
  await page.keyboard.press('Enter');
  const editor = table.locator('.attr-editor');
  await expect(editor).toBeVisible();
  await editor.fill('Điểm đã sửa');
  await editor.press('Enter');
  // still found (its code "4242" matches), now sorted last of the 20 by name: scroll down to it
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(row.locator('.attr-grid__cell').nth(4)).toHaveText('Điểm đã sửa');
  await table.locator('.attr-search').fill('');
  await expect(table.locator('.attr-table__count')).toHaveText(`${vi(ROWS)} / ${vi(ROWS)} dòng · đã chọn 1`);
  expect(await page.evaluate((id) => window.mtmap.getLayerData(id)!.features[4241]!.properties!.ten, id)).toBe('Điểm đã sửa');
  // a number with the Vietnamese decimal comma
  await table.locator('.attr-search').fill('Điểm đã sửa');
  await expect(table.locator('.attr-table__count')).toHaveText(`1 / ${vi(ROWS)} dòng · đã chọn 1`);
  await grid.locator('.attr-grid__row[data-index="4241"]').locator('.attr-grid__cell').nth(6).click();
  await page.keyboard.press('Enter');
  await editor.fill('12,5');
  await editor.press('Enter');
  await expect(grid.locator('.attr-grid__row[data-index="4241"]').locator('.attr-grid__cell').nth(6)).toHaveText('12,5');
  await settle(page);
  await clickMapAt(page, point);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toContainText('Điểm đã sửa');
  await expect(popup).toContainText('12.5');

  // a field's display name and the layer's name, kept in the project file
  await table.locator('.attr-col-menu[data-field="dien_tich"]').click();
  await table.locator('.attr-name-vi').fill('Diện tích (ha)');
  await table.locator('.attr-name-en').fill('Area (ha)');
  await table.locator('.attr-name-en').press('Enter');
  await expect(table.locator('.attr-sort[data-field="dien_tich"]')).toContainText('Diện tích (ha)');
  await table.locator('.attr-rename').click();
  await table.locator('.attr-name-vi').fill('Điểm khảo sát');
  await table.locator('.attr-name-en').fill('Survey points');
  await table.locator('.attr-name-en').press('Enter');
  await expect(table.locator('.attr-table__title')).toHaveText('Bảng thuộc tính: Điểm khảo sát');
  await expect(page.locator(`[data-layer-id="${id}"] .layer-title`)).toHaveText('Điểm khảo sát');
  const saved = await page.evaluate(() => window.mtmap.saveProject().text);
  expect(saved).toContain('Survey points');
  expect(saved).toContain('Area (ha)');

  // a filter: numeric range
  await table.locator('.attr-search').fill('');
  await table.locator('.attr-col-menu[data-field="dien_tich"]').click();
  await table.locator('.attr-filter-min').fill('0');
  await table.locator('.attr-filter-max').fill('10,5');
  await table.locator('.attr-filter-max').press('Enter');
  const inRange = await page.evaluate((id) => window.mtmap.tableRows(id, { filters: [{ field: 'dien_tich', op: 'range', min: 0, max: 10.5 }] }).length, id);
  await expect(table.locator('.attr-table__count')).toContainText(`${vi(inRange)} / ${vi(ROWS)} dòng`);

  // keyboard: arrows move the selection
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('.attr-grid__row[aria-selected="true"]')).toHaveCount(1);

  await saveScreenshot(page, 'attribute-table-1366-vi-filtered.png');
  await page.evaluate(() => window.mtmap.setLanguage('en'));
  await expect(table.locator('.attr-table__title')).toHaveText('Attribute table: Survey points');
  await expect(table.locator('.attr-sort[data-field="dien_tich"]')).toContainText('Area (ha)');
  await saveScreenshot(page, 'attribute-table-1366-en.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await saveScreenshot(page, 'attribute-table-390-en.png');
  await page.evaluate(() => window.mtmap.setLanguage('vi'));
  await settle(page);
  await saveScreenshot(page, 'attribute-table-390-vi.png');
  // the map is still visible above the sheet on a phone
  const boxes = await page.evaluate(() => ({ map: document.getElementById('map')!.getBoundingClientRect().toJSON(), sheet: document.querySelector('.attr-table')!.getBoundingClientRect().toJSON() }));
  expect(boxes.sheet.top - boxes.map.top).toBeGreaterThan(60);
  console.log(timings.join('\n'));
});
