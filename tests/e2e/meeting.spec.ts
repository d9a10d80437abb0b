import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, idle, openApp, saveScreenshot, settle, test } from './helpers';

// Meeting mode: slides capture camera and layers, survive a reload from the shared URL and
// from a saved project file, and play full screen with the keyboard.

type Cam = { zoom: number; lat: number; lng: number };

async function setCamera(page: Page, cam: Cam): Promise<void> {
  await page.evaluate((c) => window.mtmap.map.jumpTo({ zoom: c.zoom, center: [c.lng, c.lat] }), cam);
  await settle(page);
}

async function camera(page: Page): Promise<Cam> {
  return page.evaluate(() => {
    const c = window.mtmap.map.getCenter();
    return { zoom: window.mtmap.map.getZoom(), lat: c.lat, lng: c.lng };
  });
}

async function visible(page: Page): Promise<string[]> {
  return page.evaluate(() => window.mtmap.listLayers().filter((l) => l.visible).map((l) => l.id));
}

function expectCamera(actual: Cam, expected: Cam): void {
  // The URL keeps two decimals of zoom, so a restored zoom may differ by up to 0.005.
  expect(Math.abs(actual.zoom - expected.zoom)).toBeLessThanOrEqual(0.0051);
  expect(actual.lat).toBeCloseTo(expected.lat, 3);
  expect(actual.lng).toBeCloseTo(expected.lng, 3);
}

const SLIDES: Array<{ title: string; cam: Cam; hide: string[]; filter?: [string, string, string] }> = [
  { title: 'Toàn huyện: hiện trạng rừng', cam: { zoom: 9.4, lat: 22.47, lng: 102.66 }, hide: ['planting-areas', 'crop-zones', 'project-sites'] },
  { title: 'Trồng rừng mới năm 2023', cam: { zoom: 10.6, lat: 22.42, lng: 102.8 }, hide: ['forest-cover', 'crop-zones'], filter: ['planting-areas', 'year', '2023'] },
  { title: 'Vùng sâm Lai Châu', cam: { zoom: 11.2, lat: 22.6, lng: 102.6 }, hide: ['planting-areas', 'project-sites'], filter: ['crop-zones', 'crop', 'sam'] },
];

async function buildSlides(page: Page): Promise<Array<{ cam: Cam; visible: string[] }>> {
  const expected: Array<{ cam: Cam; visible: string[] }> = [];
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  for (const [i, slide] of SLIDES.entries()) {
    await page.evaluate(() => {
      for (const l of window.mtmap.listLayers()) if (l.group !== 'boundaries') window.mtmap.setLayerVisible(l.id, true);
      window.mtmap.setLayerFilter('planting-areas', 'year', null);
      window.mtmap.setLayerFilter('crop-zones', 'crop', null);
    });
    await page.evaluate((hide) => hide.forEach((id) => window.mtmap.setLayerVisible(id, false)), slide.hide);
    if (slide.filter) await page.evaluate(([id, f, v]) => window.mtmap.setLayerFilter(id, f, v), slide.filter);
    await setCamera(page, slide.cam);
    await page.getByRole('button', { name: 'Thêm trang từ bản đồ hiện tại' }).click();
    const title = page.getByRole('textbox', { name: `Tiêu đề trang ${i + 1}` });
    await title.fill(slide.title);
    await title.press('Tab');
    expected.push({ cam: await camera(page), visible: await visible(page) });
  }
  await expect(page.locator('.slide-row')).toHaveCount(3);
  return expected;
}

async function playThrough(page: Page, expected: Array<{ cam: Cam; visible: string[] }>): Promise<void> {
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  await page.getByRole('button', { name: 'Trình chiếu ▶' }).click();
  await expect(page.locator('body')).toHaveClass(/presenting/);
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.presentation__cover h1')).toBeVisible();
  for (const [i, slide] of SLIDES.entries()) {
    await page.keyboard.press(i === 1 ? 'PageDown' : i === 2 ? 'Space' : 'ArrowRight');
    await expect(page.locator('.presentation__title h1')).toHaveText(slide.title);
    await expect(page.locator('.presentation__counter')).toHaveText(`${i + 2} / 5`);
    await page.waitForFunction(() => !window.mtmap.map.isMoving());
    await idle(page);
    expectCamera(await camera(page), expected[i]!.cam);
    expect(await visible(page)).toEqual(expected[i]!.visible);
    await expect(page.locator('.presentation__legend')).toBeVisible();
  }
  await saveScreenshot(page, 'presentation-slide-3.png');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.presentation__cover h1')).toHaveText('Xin cảm ơn!');
  await page.keyboard.press('Home');
  await expect(page.locator('.presentation__counter')).toHaveText('1 / 5');
  await page.keyboard.press('End');
  await expect(page.locator('.presentation__counter')).toHaveText('5 / 5');
  await page.keyboard.press('PageUp');
  await expect(page.locator('.presentation__title h1')).toHaveText(SLIDES[2]!.title);
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/presenting/);
  await expect(page.locator('.app-header')).toBeVisible();
}

test('three slides survive a saved project file and play with the keyboard', async ({ page }, testInfo) => {
  // two full app loads and three 1.6 s flights with software WebGL
  test.slow();
  await openApp(page);
  const expected = await buildSlides(page);

  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu dự án…' }).click();
  const file = testInfo.outputPath(await (await download).suggestedFilename());
  await (await download).saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'mtmap-project', version: 1 });

  // a fresh page, then the project file through the real file input
  await openApp(page);
  await expect(page.locator('.slide-row')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  await page.locator('#project-file').setInputFiles(file);
  await expect(page.locator('[data-message-key="project.opened"]')).toContainText('3 trang');
  await expect(page.locator('.slide-row')).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: 'Tiêu đề trang 2' })).toHaveValue(SLIDES[1]!.title);
  await playThrough(page, expected);
});

test('a damaged project file changes nothing and says so', async ({ page }, testInfo) => {
  await openApp(page);
  await buildSlides(page);
  const before = await page.evaluate(() => JSON.stringify(window.mtmap.getState().slides));
  const file = path.join(testInfo.outputDir, 'broken.mtmap.json');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(file, '{"format":"mtmap-project","version":1,"userLayers":[{"spec":');
  await page.locator('#project-file').setInputFiles(file);
  await expect(page.locator('[data-message-key="project.error.json"]')).toContainText('broken.mtmap.json');
  expect(await page.evaluate(() => JSON.stringify(window.mtmap.getState().slides))).toBe(before);
});

test('the shared URL restores camera, layers, filter, boundary set, selection and language', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    window.mtmap.setBoundarySet('2025');
    window.mtmap.setLayerVisible('forest-cover', false);
    window.mtmap.setLayerOpacity('crop-zones', 0.55);
    window.mtmap.setLayerFilter('planting-areas', 'year', '2023');
    window.mtmap.setLanguage('en');
  });
  await page.evaluate(() => window.mtmap.selectCommune('03466'));
  await settle(page);
  // The hash is rewritten 250 ms after the last change; the selection's fly-to ends later than
  // the selection itself, so wait until the hash carries the camera the map settled on.
  await page.waitForFunction(() => {
    const m = window.mtmap.map;
    const c = m.getCenter();
    const cam = `map=${m.getZoom().toFixed(2)}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}`;
    return location.hash.includes('sel=03466') && location.hash.includes('lang=en') && location.hash.includes(cam);
  });
  const url = page.url();
  expect(url.length).toBeLessThan(400);
  const before = { cam: await camera(page), state: await page.evaluate(() => window.mtmap.listLayers().map((l) => [l.id, l.visible, Math.round(l.opacity * 100)])) };

  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => window.mtmap !== undefined);
  await idle(page);
  await settle(page);
  expectCamera(await camera(page), before.cam);
  expect(await page.evaluate(() => window.mtmap.listLayers().map((l) => [l.id, l.visible, Math.round(l.opacity * 100)]))).toEqual(before.state);
  const s = await page.evaluate(() => {
    const st = window.mtmap.getState();
    return { bs: st.boundarySet, sel: st.selectedCommune, lang: st.lang, filters: st.layerUi['planting-areas']!.filters };
  });
  expect(s).toEqual({ bs: '2025', sel: '03466', lang: 'en', filters: { year: '2023' } });
  await expect(page.getByRole('heading', { name: 'Layers' })).toBeVisible();
});
