import type { Page } from '@playwright/test';
import { expect, openApp, renderedCount, settle, test } from './helpers';

// Cancelling an import really stops it (workers/worker_client.ts): a worker wedged in a
// synchronous loop is terminated and replaced after the cancel's grace period, the next import
// works, the tiles of a large layer already on the map are cut again by the new worker, and the
// map still pans.

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

const geojson = (name: string, features: unknown[]): FilePayload => ({
  name,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
});

/** One polygon ring of `n` vertices: checking it for self-intersection is O(n²) today. */
function hugeRing(n: number): FilePayload {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    parts.push(`[${(102.6 + 0.05 * Math.cos(a)).toFixed(7)},${(22.45 + 0.05 * Math.sin(a)).toFixed(7)}]`);
  }
  parts.push(parts[0]!);
  const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ten":"vòng lớn"},"geometry":{"type":"Polygon","coordinates":[[${parts.join(',')}]]}}]}`;
  return { name: 'vong_lon.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) };
}

/** `n` small squares in a grid west of Mường Tè town: over 5,000, so the worker tiles them. */
function squares(n: number): FilePayload {
  return geojson(
    'o_vuong.geojson',
    Array.from({ length: n }, (_, i) => {
      const w = 102.4 + (i % 100) * 0.003;
      const s = 22.3 + Math.floor(i / 100) * 0.003;
      return { type: 'Feature', properties: { i }, geometry: { type: 'Polygon', coordinates: [[[w, s], [w + 0.002, s], [w + 0.002, s + 0.002], [w, s + 0.002], [w, s]]] } };
    }),
  );
}

const small = geojson('diem_nho.geojson', [{ type: 'Feature', properties: { ten: 'Bản Nậm Hàng' }, geometry: { type: 'Point', coordinates: [102.63, 22.38] } }]);

async function readyLayers(page: Page): Promise<{ id: string; file: string }[]> {
  return page.evaluate(() => window.mtmap.listLayers().filter((l) => l.status === 'ready').map((l) => ({ id: l.id, file: (window.mtmap.getState().userLayers.find((u) => u.id === l.id)?.file ?? '') as string })));
}

async function importAndWait(page: Page, file: FilePayload, timeout = 30_000): Promise<string> {
  await page.locator('#import-file').setInputFiles(file);
  await expect.poll(async () => (await readyLayers(page)).filter((l) => l.file === file.name).length, { timeout }).toBe(1);
  return (await readyLayers(page)).find((l) => l.file === file.name)!.id;
}

async function expectMapPans(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.mtmap.map.getCenter().toArray());
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 80, { steps: 8 });
  await page.mouse.up();
  await settle(page);
  const after = await page.evaluate(() => window.mtmap.map.getCenter().toArray());
  expect(Math.abs(after[0]! - before[0]!)).toBeGreaterThan(0.001);
}

test('a cancelled import whose worker is wedged is replaced: the next import works, tiled layers keep their tiles, the map pans', async ({ page }) => {
  test.setTimeout(240_000);
  const restarts: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('import worker was restarted')) restarts.push(m.text());
  });
  await openApp(page);
  const tiled = await importAndWait(page, squares(6_000), 90_000);
  expect(await page.evaluate((id) => window.mtmap.getState().layerData[id]?.tiles ?? null, tiled)).toMatch(/^mttiles:\/\//);

  await page.locator('#import-file').setInputFiles(hugeRing(1_000_000));
  // the validate stage (0.9) runs the self-intersection check on the one ring
  await expect.poll(() => page.locator('.import-progress progress').evaluate((p: HTMLProgressElement) => p.value), { timeout: 90_000 }).toBeGreaterThanOrEqual(0.9);
  await page.waitForTimeout(500);
  await page.locator('#import-cancel').click();
  await expect(page.locator('#messages')).toContainText('Đã hủy nhập tệp vong_lon.geojson');

  // sent right after the cancel: it waits for the grace period, then goes to a new worker
  await importAndWait(page, small);
  expect((await readyLayers(page)).some((l) => l.file === 'vong_lon.geojson')).toBe(false);
  // today's O(n²) check wedges the worker; a faster one may stop in time, and no restart is needed
  test.info().annotations.push({ type: 'import worker restarts', description: String(restarts.length) });

  // tiles never loaded before (a zoom level not yet shown) come from the new worker's index
  await page.evaluate(() => window.mtmap.map.jumpTo({ center: [102.55, 22.33], zoom: 14 }));
  await settle(page);
  await expect.poll(() => renderedCount(page, tiled), { timeout: 30_000 }).toBeGreaterThan(10);
  await expectMapPans(page);
});

test('an import cancelled while parsing is followed by one that works (whether or not the worker had to be replaced)', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.locator('#import-file').setInputFiles(squares(20_000));
  await expect(page.locator('.import-progress')).toBeVisible();
  await page.locator('#import-cancel').click();
  await expect(page.locator('#messages')).toContainText('Đã hủy nhập tệp o_vuong.geojson');
  await importAndWait(page, small);
  expect((await readyLayers(page)).some((l) => l.file === 'o_vuong.geojson')).toBe(false);
  await expectMapPans(page);
});
