import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ORIGIN, clickMapAt, expect, fulfilFromDir, openApp, renderedCount, saveScreenshot, settle, test } from './helpers';

// A pack layer of more than 5,000 polygons reaches the map without one long main-thread task:
// the layer worker sends its features in slices, and MapLibre's worker reads the GeoJSON file
// itself when the parsed features are the file's own (src/io/map_source.ts). Feature ids are
// the features' indexes on both paths, so a click shows the attributes of the polygon clicked,
// also when features were left out while parsing.

const COUNT = 6_000;
// a polygon away from the grid, so a click there can only hit it
const LONELY: [number, number] = [102.9, 22.7];

function packDir(options: { withNullGeometry: boolean }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-bigpolys-'));
  const features: object[] = [];
  const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
  if (options.withNullGeometry) features.push({ type: 'Feature', geometry: null, properties: { ma_lo: 'KHÔNG-HÌNH' } });
  for (let i = 0; i < COUNT; i++) {
    const lon = 102.4 + (i % 100) * 0.003;
    const lat = 22.3 + Math.floor(i / 100) * 0.003;
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(lon, lat, 0.002) }, properties: { ma_lo: `LO-${i}`, loai: i % 2 ? 'RSX' : 'RDD' } });
  }
  features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(LONELY[0] - 0.01, LONELY[1] - 0.01, 0.02) }, properties: { ma_lo: 'LO-LẺ', loai: 'RPH', ghi_chu: '<b>không phải HTML</b>' } });
  fs.writeFileSync(path.join(dir, 'lo-rung.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  const manifest = {
    schemaVersion: 1,
    id: 'bigpolys',
    title: 'Lô rừng lớn',
    bounds: [102.35, 22.25, 102.95, 22.75],
    groups: [{ id: 'g', title: 'Rừng' }],
    layers: [
      {
        id: 'lo-rung',
        title: 'Lô rừng',
        group: 'g',
        file: 'lo-rung.geojson',
        format: 'geojson',
        geometry: 'polygon',
        style: { type: 'categories', field: 'loai', categories: [{ value: 'RDD', color: '#1b7837', label: 'RDD' }, { value: 'RSX', color: '#a6dba0', label: 'RSX' }, { value: 'RPH', color: '#762a83', label: 'RPH' }] },
        provenance: { source: 'generated for this test' },
      },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

for (const withNullGeometry of [false, true]) {
  test(`a pack layer of ${COUNT + 1} polygons loads in slices${withNullGeometry ? ', with a feature left out,' : ''} and a click shows the right polygon`, async ({ page }) => {
    test.setTimeout(180_000);
    const dir = packDir({ withNullGeometry });
    await page.route((url) => url.origin === ORIGIN && url.pathname.startsWith('/bigpack/'), (route) => fulfilFromDir(route, '/bigpack/', dir));
    await openApp(page);
    await page.evaluate(async (url) => {
      await window.mtmap.loadPack(url);
      await window.mtmap.whenIdle();
    }, `${ORIGIN}/bigpack/manifest.json`);

    const layer = await page.evaluate(() => window.mtmap.listLayers().find((l) => l.id === 'lo-rung')!);
    expect(layer.status).toBe('ready');
    expect(layer.featureCount).toBe(COUNT + 1);
    const held = await page.evaluate(() => {
      const d = window.mtmap.getState().layerData['lo-rung']!;
      return { features: d.data?.features.length, first: d.data?.features[0]?.properties?.ma_lo, mapSource: d.mapSource ?? null };
    });
    expect(held.features).toBe(COUNT + 1);
    expect(held.first).toBe('LO-0');
    // the map reads the file itself only when the parsed features are the file's, one for one
    expect(held.mapSource).toBe(withNullGeometry ? null : `${ORIGIN}/bigpack/lo-rung.geojson`);

    // drawn: every grid square in view is on the map
    await page.evaluate(() => window.mtmap.map.jumpTo({ center: [102.415, 22.315], zoom: 13 }));
    await settle(page);
    expect(await renderedCount(page, 'lo-rung')).toBeGreaterThan(20);
    if (!withNullGeometry) await saveScreenshot(page, 'large-polygons-grid.png');

    await page.evaluate((ll) => window.mtmap.map.jumpTo({ center: ll, zoom: 12 }), LONELY);
    await settle(page);
    await clickMapAt(page, LONELY);
    const popup = page.locator('.maplibregl-popup');
    await expect(popup).toBeVisible();
    await expect(popup).toContainText('LO-LẺ');
    await expect(popup).toContainText('<b>không phải HTML</b>');
    await expect(popup.locator('b')).toHaveCount(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

test(`an imported GeoJSON of ${COUNT + 1} polygons comes from the import worker in slices and a click shows the right polygon`, async ({ page }) => {
  test.setTimeout(180_000);
  const dir = packDir({ withNullGeometry: false });
  await openApp(page);
  const before = await page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
  await page.locator('#import-file').setInputFiles({ name: 'lo-rung.geojson', mimeType: 'application/geo+json', buffer: fs.readFileSync(path.join(dir, 'lo-rung.geojson')) });
  await expect.poll(() => page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id) && l.status === 'ready').length, before), { timeout: 90_000 }).toBe(1);
  const layer = await page.evaluate((ids) => window.mtmap.listLayers().find((l) => !ids.includes(l.id))!, before);
  expect(layer.featureCount).toBe(COUNT + 1);
  const held = await page.evaluate((id) => {
    const d = window.mtmap.getState().layerData[id]!;
    return { features: d.data?.features.length, first: d.data?.features[0]?.properties?.ma_lo, last: d.data?.features.at(-1)?.properties?.ma_lo };
  }, layer.id);
  expect(held).toEqual({ features: COUNT + 1, first: 'LO-0', last: 'LO-LẺ' });
  await page.evaluate(() => window.mtmap.whenIdle());
  await page.evaluate((ll) => window.mtmap.map.jumpTo({ center: ll, zoom: 12 }), LONELY);
  await settle(page);
  await clickMapAt(page, LONELY);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('LO-LẺ');
  fs.rmSync(dir, { recursive: true, force: true });
});
