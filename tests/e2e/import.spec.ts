import type { Page } from '@playwright/test';
import { expect, openApp, test } from './helpers';

// "Add your own data" through the real file input (#import-file): each supported format lands
// where it should, its attributes show as text in the popup, broken files get an error naming
// the file, and a CSV whose coordinates can't be read opens the column / CRS dialog.

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

const BOM = '\uFEFF';
const csv = (name: string, text: string): FilePayload => ({ name, mimeType: 'text/csv', buffer: Buffer.from(BOM + text, 'utf8') });

// Mường Tè district (huyện), generously: every imported feature must fall in this box.
const DISTRICT = { west: 102.3, east: 103.0, south: 22.1, north: 22.8 };

async function layerIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
}

/** Waits until `count` new layers are ready and returns their ids. */
async function newLayers(page: Page, before: string[], count = 1): Promise<string[]> {
  await expect
    .poll(() => page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id) && l.status === 'ready').length, before))
    .toBe(count);
  return page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id)).map((l) => l.id), before);
}

async function importFile(page: Page, file: FilePayload, count = 1): Promise<string[]> {
  const before = await layerIds(page);
  await page.locator('#import-file').setInputFiles(file);
  return newLayers(page, before, count);
}

/** Every vertex of a layer, as [lon, lat]. */
async function positions(page: Page, id: string): Promise<[number, number][]> {
  return page.evaluate((layerId) => {
    const out: [number, number][] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') out.push([c[0], c[1] as number]);
      else if (Array.isArray(c)) c.forEach(walk);
    };
    for (const f of window.mtmap.getLayerData(layerId)!.features) walk(f.geometry && 'coordinates' in f.geometry ? f.geometry.coordinates : null);
    return out;
  }, id);
}

async function expectInDistrict(page: Page, id: string, expectedCount?: number): Promise<void> {
  const pts = await positions(page, id);
  expect(pts.length).toBeGreaterThan(0);
  if (expectedCount !== undefined) expect(await page.evaluate((l) => window.mtmap.getLayerData(l)!.features.length, id)).toBe(expectedCount);
  for (const [lon, lat] of pts) {
    expect(lon, `lon of ${id}`).toBeGreaterThan(DISTRICT.west);
    expect(lon, `lon of ${id}`).toBeLessThan(DISTRICT.east);
    expect(lat, `lat of ${id}`).toBeGreaterThan(DISTRICT.south);
    expect(lat, `lat of ${id}`).toBeLessThan(DISTRICT.north);
  }
}

/** Hides every other layer, centres the map on the point and clicks it; returns the popup. */
async function clickFeature(page: Page, layerId: string, lngLat: [number, number]) {
  await page.evaluate(
    async ({ keep, ll }) => {
      for (const l of window.mtmap.listLayers()) if (l.id !== keep) window.mtmap.setLayerVisible(l.id, false);
      window.mtmap.map.jumpTo({ center: ll, zoom: 13 });
      await window.mtmap.whenIdle();
    },
    { keep: layerId, ll: lngLat },
  );
  const p = await page.evaluate((ll) => {
    const pt = window.mtmap.map.project(ll);
    return { x: pt.x, y: pt.y };
  }, lngLat);
  await page.locator('#map canvas.maplibregl-canvas').click({ position: p });
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toBeVisible();
  return popup;
}

test('GeoJSON with Vietnamese attributes lands in the district and shows them as text', async ({ page }) => {
  await openApp(page);
  const geojson = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { 'Tên': 'Trạm y tế xã Kan Hồ', 'Ghi chú': '<b>không phải HTML</b>' }, geometry: { type: 'Point', coordinates: [102.62, 22.4] } },
      { type: 'Feature', properties: { 'Tên': 'Điểm trường Mù Cả' }, geometry: { type: 'Point', coordinates: [102.45, 22.55] } },
    ],
  };
  const [id] = await importFile(page, { name: 'diem_y_te.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson), 'utf8') });
  await expectInDistrict(page, id!, 2);
  const props = await page.evaluate((l) => window.mtmap.getLayerData(l)!.features[0]!.properties, id!);
  expect(props).toMatchObject({ 'Tên': 'Trạm y tế xã Kan Hồ' });
  const popup = await clickFeature(page, id!, [102.62, 22.4]);
  await expect(popup).toContainText('Trạm y tế xã Kan Hồ');
  await expect(popup).toContainText('<b>không phải HTML</b>');
  await expect(popup.locator('b')).toHaveCount(0);
});

test('Vietnamese-Excel CSV (semicolons, decimal commas, “Tên;Vĩ độ;Kinh độ”) lands in the district', async ({ page }) => {
  await openApp(page);
  const [id] = await importFile(page, csv('diem_truong.csv', 'Tên;Vĩ độ;Kinh độ\nĐiểm trường Pa Ủ;22,4521;102,4012\nTrạm kiểm lâm Tà Tổng;22,2873;102,5511\n'));
  await expectInDistrict(page, id!, 2);
  const names = await page.evaluate((l) => window.mtmap.getLayerData(l)!.features.map((f) => f.properties!['Tên']), id!);
  expect(names).toEqual(['Điểm trường Pa Ủ', 'Trạm kiểm lâm Tà Tổng']);
  const popup = await clickFeature(page, id!, [102.4012, 22.4521]);
  await expect(popup).toContainText('Điểm trường Pa Ủ');
});

test('KML placemarks land in the district with their names', async ({ page }) => {
  await openApp(page);
  const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Cầu treo</name>
<Placemark><name>Cầu treo bản Nậm Khao</name><Point><coordinates>102.58,22.33,0</coordinates></Point></Placemark>
<Placemark><name>Đường lên Pa Vệ Sử</name><LineString><coordinates>102.60,22.30 102.66,22.35 102.70,22.31</coordinates></LineString></Placemark>
</Document></kml>`;
  const ids = await importFile(page, { name: 'cau_treo.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: Buffer.from(kml, 'utf8') }, 2);
  for (const id of ids) await expectInDistrict(page, id);
  const point = (await page.evaluate((list) => list.find((l) => window.mtmap.getLayerData(l)!.features[0]!.geometry.type === 'Point'), ids))!;
  const popup = await clickFeature(page, point, [102.58, 22.33]);
  await expect(popup).toContainText('Cầu treo bản Nậm Khao');
});

test('a zipped TM-3 shapefile exported from the app lands where the original is', async ({ page }) => {
  await openApp(page);
  const exported = await page.evaluate(async () => {
    const r = await window.mtmap.exportLayer('crop-zones', { format: 'shapefile', crs: 'VN2000:TM3:103' });
    return { name: r.filename, bytes: Array.from(r.bytes) };
  });
  const [id] = await importFile(page, { name: exported.name, mimeType: 'application/zip', buffer: Buffer.from(exported.bytes) });
  const original = await positions(page, 'crop-zones');
  const back = await positions(page, id!);
  expect(back).toHaveLength(original.length);
  await expectInDistrict(page, id!);
  const props = await page.evaluate((l) => [window.mtmap.getLayerData('crop-zones')!.features[0]!.properties, window.mtmap.getLayerData(l)!.features[0]!.properties], id!);
  expect(props[1]).toStrictEqual(props[0]);
});

test('a CSV in TM-3 metres with X;Y and no CRS is read as TM-3 103° with a warning whose action opens the dialog', async ({ page }) => {
  await openApp(page);
  // Vietnamese survey order: X = northing, Y = easting
  const [id] = await importFile(page, csv('moc_tm3.csv', 'Mốc;X;Y\nM1;2480123,5;451234,2\nM2;2470456,0;460987,8\n'));
  await expectInDistrict(page, id!, 2);
  const positionsBefore = await positions(page, id!);
  const warning = page.locator('[data-message-key="import.warn.assumedCrs"]');
  await expect(warning).toContainText('moc_tm3.csv');
  await expect(page.locator('#import-options-dialog')).not.toBeVisible();

  // "choose another system" reopens the dialog on the same bytes; the new layer replaces the old
  const before = await layerIds(page);
  await warning.getByRole('button', { name: 'Chọn hệ tọa độ…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chọn cột tọa độ' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Cột kinh độ / X')).toHaveValue('X');
  await expect(dialog.getByLabel('Cột vĩ độ / Y')).toHaveValue('Y');
  await dialog.getByLabel('Hệ tọa độ').selectOption('VN2000:TM3:103');
  await dialog.getByLabel('X là hướng Bắc (quy ước trắc địa VN)').check();
  await dialog.getByRole('button', { name: 'Nhập' }).click();
  await expect(dialog).not.toBeVisible();
  await expect.poll(() => layerIds(page)).not.toContain(id!);
  const [again] = await page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id)).map((l) => l.id), before);
  await expectInDistrict(page, again!, 2);
  // same choice as the assumption, so the same places
  expect(await positions(page, again!)).toEqual(positionsBefore);
});

test('a CSV with unrecognised coordinate columns opens the dialog; TM-3 103° + X is northing puts it in the district', async ({ page }) => {
  await openApp(page);
  const before = await layerIds(page);
  await page.locator('#import-file').setInputFiles(csv('moc_dia_chinh.csv', 'Số hiệu;Bắc;Đông\nM1;2480123,5;451234,2\nM2;2470456,0;460987,8\nM3;2455000,0;470500,0\n'));
  const dialog = page.getByRole('dialog', { name: 'Chọn cột tọa độ' });
  await expect(dialog).toBeVisible();
  // the error stays in the messages, naming the file
  await expect(page.locator('[data-message-key="import.error.csvNoCoordinates"]')).toContainText('moc_dia_chinh.csv');
  await expect(dialog.locator('#import-options-a option')).toHaveText(['— không dùng —', 'Số hiệu', 'Bắc', 'Đông']);
  await dialog.getByLabel('Cột kinh độ / X').selectOption('Bắc');
  await dialog.getByLabel('Cột vĩ độ / Y').selectOption('Đông');
  await dialog.getByLabel('Hệ tọa độ').selectOption('VN2000:TM3:103');
  await dialog.getByLabel('X là hướng Bắc (quy ước trắc địa VN)').check();
  await dialog.getByRole('button', { name: 'Nhập' }).click();
  await expect(dialog).not.toBeVisible();
  const [id] = await newLayers(page, before);
  await expectInDistrict(page, id!, 3);
});

test('a CSV in metres that fit no Vietnamese grid asks for the CRS (crsNeeded) and imports with the choice', async ({ page }) => {
  await openApp(page);
  // Web Mercator metres: too large for a TM-3/UTM easting, so the parser won't guess
  const merc = ([lon, lat]: [number, number]) => [(6378137 * lon * Math.PI) / 180, 6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
  const rows = ([[102.55, 22.41], [102.71, 22.3]] as [number, number][]).map((p, i) => `P${i + 1};${merc(p).map((v) => v.toFixed(2).replace('.', ',')).join(';')}`);
  const before = await layerIds(page);
  await page.locator('#import-file').setInputFiles(csv('web_mercator.csv', `Tên;X;Y\n${rows.join('\n')}\n`));
  const dialog = page.getByRole('dialog', { name: 'Chọn cột tọa độ' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('[data-message-key="import.error.crsNeeded"]')).toContainText('web_mercator.csv');
  // columns re-read from the header, X/Y preselected
  await expect(dialog.getByLabel('Cột kinh độ / X')).toHaveValue('X');
  await expect(dialog.getByLabel('Cột vĩ độ / Y')).toHaveValue('Y');
  await dialog.getByLabel('Hệ tọa độ').selectOption('EPSG:3857');
  await dialog.getByLabel('X là hướng Bắc (quy ước trắc địa VN)').uncheck();
  await dialog.getByRole('button', { name: 'Nhập' }).click();
  const [id] = await newLayers(page, before);
  await expectInDistrict(page, id!, 2);
  const first = (await positions(page, id!))[0]!;
  expect(first[0]).toBeCloseTo(102.55, 6);
  expect(first[1]).toBeCloseTo(22.41, 6);
});

test('a CSV without coordinates lists its columns; Cancel leaves the layers as they were', async ({ page }) => {
  await openApp(page);
  const before = await page.evaluate(() => window.mtmap.listLayers().map((l) => [l.id, l.status, l.featureCount]));
  await page.locator('#import-file').setInputFiles(csv('dan_so.csv', 'Mã xã;Tên xã;Dân số\n03433;Kan Hồ;1200\n03434;Mù Cả;900\n'));
  const dialog = page.getByRole('dialog', { name: 'Chọn cột tọa độ' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('#import-options-a option')).toHaveText(['— không dùng —', 'Mã xã', 'Tên xã', 'Dân số']);
  await expect(dialog.locator('#import-options-wkt option')).toHaveText(['— không dùng —', 'Mã xã', 'Tên xã', 'Dân số']);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).not.toBeVisible();
  await expect(page.locator('[data-message-key="import.error.csvNoCoordinates"]')).toContainText('dan_so.csv');
  await expect(page.locator('.import-progress')).toBeHidden();
  expect(await page.evaluate(() => window.mtmap.listLayers().map((l) => [l.id, l.status, l.featureCount]))).toEqual(before);
});

test('an empty file and a truncated GeoJSON get errors naming the file', async ({ page }) => {
  await openApp(page);
  const before = await layerIds(page);
  await page.locator('#import-file').setInputFiles({ name: 'rong.geojson', mimeType: 'application/geo+json', buffer: Buffer.alloc(0) });
  await expect(page.locator('[data-message-key="import.error.empty"]')).toContainText('rong.geojson');
  await page.locator('#import-file').setInputFiles({ name: 'cat_cut.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Tên":"Bản Nậm', 'utf8') });
  await expect(page.locator('[data-message-key="import.error.truncatedJson"]')).toContainText('cat_cut.geojson');
  await expect(page.locator('#import-options-dialog')).not.toBeVisible();
  expect(await layerIds(page)).toEqual(before);
});
