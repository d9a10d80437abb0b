import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, fulfilFromDir, idle, openApp, saveScreenshot, test } from './helpers';

// Issue 17: a malformed project file is refused whole and leaves the session as it was, and a
// data pack on another origin loads only after the user says so.

const FOREIGN = 'http://127.0.0.1:9';
const FOREIGN_PACK = `${FOREIGN}/pack/manifest.json`;

async function sessionOf(page: Page) {
  return page.evaluate(() => ({
    layers: window.mtmap.listLayers().map((l) => l.id),
    user: window.mtmap.getState().userLayers.map((l) => l.id),
    slides: window.mtmap.getState().slides.length,
  }));
}

function pointsFile(name: string): { name: string; text: string } {
  const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: name }, geometry: { type: 'Point', coordinates: [102.7, 22.4] } }] };
  return { name, text: JSON.stringify(fc) };
}

async function importPoints(page: Page, name: string): Promise<number> {
  const f = pointsFile(name);
  return page.evaluate(async ({ name, text }) => (await window.mtmap.importFiles([{ name, bytes: new TextEncoder().encode(text) }])).layers.length, f);
}

test('a malformed project file changes nothing, says why, and the next import works', async ({ page }, testInfo) => {
  await openApp(page);
  expect(await importPoints(page, 'diem-1.geojson')).toBe(1);
  await page.evaluate(() => window.mtmap.slides.capture('Trang 1'));
  // a valid project to break: the session as it is
  const saved = JSON.parse(await page.evaluate(() => window.mtmap.saveProject().text));
  const before = await sessionOf(page);
  expect(before.user).toHaveLength(1);
  expect(before.slides).toBe(1);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a project document is arbitrary JSON that each case breaks its own way
  const broken: Array<[string, (doc: any) => void, string]> = [
    ['categories.mtmap.json', (d) => (d.userLayers[0].spec.style = { type: 'categories', field: 'ten', categories: 'oops' }), 'userLayers[0].spec.style.categories'],
    ['latitude.mtmap.json', (d) => (d.view.camera.lat = 1e308), 'view.camera.lat'],
    ['colour.mtmap.json', (d) => (d.userLayers[0].spec.style.color = 'red;background-image:url(http://127.0.0.1:9/leak)'), 'userLayers[0].spec.style.color'],
  ];
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  for (const [name, breakIt, where] of broken) {
    const doc = structuredClone(saved);
    breakIt(doc);
    const file = path.join(testInfo.outputDir, name);
    fs.writeFileSync(file, JSON.stringify(doc));
    await page.locator('#project-file').setInputFiles(file);
    const message = page.locator('[data-message-key="project.error.invalid"]').last();
    await expect(message).toContainText(name);
    await expect(message).toContainText(where);
    expect(await sessionOf(page)).toEqual(before);
  }
  await expect(page.locator('.slide-row')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Lớp dữ liệu' }).click();
  await expect(page.locator('.layer-row')).toHaveCount(before.layers.length);

  // the map still pans
  const c0 = await page.evaluate(() => window.mtmap.map.getCenter().toArray());
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => !window.mtmap.map.isMoving());
  const c1 = await page.evaluate(() => window.mtmap.map.getCenter().toArray());
  expect(c1).not.toEqual(c0);

  // the next import and the next (valid) project still work
  expect(await importPoints(page, 'diem-2.geojson')).toBe(1);
  expect((await sessionOf(page)).user).toHaveLength(2);
  const ok = path.join(testInfo.outputDir, 'ok.mtmap.json');
  fs.writeFileSync(ok, JSON.stringify(saved));
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  await page.locator('#project-file').setInputFiles(ok);
  await expect(page.locator('[data-message-key="project.opened"]')).toContainText('ok.mtmap.json');
  expect(await sessionOf(page)).toEqual(before);
});

async function serveForeignPack(page: Page, seen: string[]): Promise<void> {
  await page.route(
    (url) => url.origin === FOREIGN && url.pathname.startsWith('/pack/'),
    (route) => (seen.push(route.request().url()), fulfilFromDir(route, '/pack/', path.join(REPO_ROOT, 'data'))),
  );
}

test('a ?pack= on another origin asks first; Cancel keeps the embedded pack', async ({ page }) => {
  const seen: string[] = [];
  await serveForeignPack(page, seen);
  await page.goto(`/?pack=${encodeURIComponent(FOREIGN_PACK)}`);
  const dialog = page.getByRole('dialog', { name: 'Tải gói dữ liệu từ nơi khác?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('127.0.0.1:9');
  await expect(page.locator('#origin-cancel')).toBeFocused();
  await saveScreenshot(page, 'intake-origin-dialog-1366.png');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.locator('[data-message-key="origin.cancelled"]')).toContainText('127.0.0.1:9');
  await page.waitForFunction(() => window.mtmap.getState().pack.status === 'ready');
  await idle(page);
  expect(await page.evaluate(() => window.mtmap.getState().pack.url)).toMatch(/\/data\/manifest\.json$/);
  expect(seen).toEqual([]);
});

// The production build's Content-Security-Policy (scripts/vite-csp.ts) lets the page fetch only
// from its own origin, the basemap hosts and MT_PACK_ORIGINS, so an origin the user accepts is
// still not fetched: the app says why and keeps the embedded pack (unit tests cover the load
// itself where no policy forbids it: app/pack_gate.test.ts).
test('a ?pack= on another origin: Load, chosen with the keyboard at 390×844, meets the security policy, which is explained', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const seen: string[] = [];
  await serveForeignPack(page, seen);
  await page.goto(`/?pack=${encodeURIComponent(FOREIGN_PACK)}`);
  const dialog = page.getByRole('dialog', { name: 'Tải gói dữ liệu từ nơi khác?' });
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, 'intake-origin-dialog-390.png');
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.keyboard.press('Tab');
  await expect(page.locator('#origin-load')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-message-key="origin.blockedByPolicy"]')).toContainText('127.0.0.1:9');
  await expect(page.locator('[data-message-key="origin.blockedByPolicy"]')).toContainText('MT_PACK_ORIGINS');
  await page.waitForFunction(() => window.mtmap.getState().pack.status === 'ready');
  expect(await page.evaluate(() => window.mtmap.getState().pack.url)).toMatch(/\/data\/manifest\.json$/);
  expect(seen).toEqual([]);
});

test('mtmap.loadPack and importUrl refuse non-http URLs; loadPack on another origin waits for the answer', async ({ page }) => {
  await openApp(page);
  const url = await page.evaluate(() => window.mtmap.getState().pack.url);
  for (const bad of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/manifest.json', 'blob:http://127.0.0.1/x']) {
    expect(await page.evaluate((u) => window.mtmap.loadPack(u), bad)).toBe(false);
  }
  await expect(page.locator('[data-message-key="origin.refusedScheme"]')).toHaveCount(4);
  const imported = await page.evaluate(() => window.mtmap.importUrl('javascript:alert(1)'));
  expect(imported.layers).toEqual([]);
  expect(imported.errors).toHaveLength(1);

  const pending = page.evaluate((u) => window.mtmap.loadPack(u), FOREIGN_PACK);
  await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  expect(await pending).toBe(false);
  expect(await page.evaluate(() => window.mtmap.getState().pack.url)).toBe(url);
});
