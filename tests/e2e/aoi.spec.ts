import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, saveScreenshot, settle, test } from './helpers';
import { lonLatRectAreaM2 } from '../../src/analysis/area';

// The area-of-interest flow: a polygon drawn with real mouse clicks (terra-draw), a commune
// picked from the list, and a GeoJSON file uploaded through the file input. Every number on
// screen is checked against the statistics engine's own output for the same polygon
// (mtmap.computeStats with the polygon as `boundaries`), and the areas against independent
// values: a lon/lat rectangle's exact ellipsoidal area, and the commune's area in the engine's
// per-commune rows.

interface EngineRow {
  boundaryCode: string;
  boundaryHa: number;
  class: string | null;
  ha: number;
  count: number;
  pctOfBoundary: number;
  sums: Record<string, number>;
}

type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

const fmt = (v: number, locale: string, max: number, min = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: max, minimumFractionDigits: min }).format(v);
const ha1 = (v: number, locale = 'vi-VN') => fmt(v, locale, 1, 1);
const rectHa = (w: number, s: number, e: number, n: number) => lonLatRectAreaM2(w, s, e, n) / 10_000;
/** "1.234,5" (vi) → 1234.5 */
const parseVi = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace(/[^\d.-]/g, ''));

async function engineRows(page: Page, layer: string, boundaries?: Geometry | string): Promise<EngineRow[]> {
  return page.evaluate(({ layer, boundaries }) => window.mtmap.computeStats({ layer, ...(boundaries ? { boundaries } : {}) }) as Promise<EngineRow[]>, { layer, boundaries });
}

async function currentAoi(page: Page): Promise<{ source: string; name: string; code?: string; geometry: Geometry } | null> {
  return page.evaluate(() => window.mtmap.getAreaOfInterest() as { source: string; name: string; code?: string; geometry: Geometry } | null);
}

/** Waits until the breakdown on screen is complete (the area is filled in). */
async function breakdownShown(page: Page): Promise<void> {
  await expect(page.locator('#aoi-area')).not.toHaveAttribute('data-ha', '');
  await expect(page.locator('#aoi-progress')).toBeHidden();
}

/**
 * Checks every table on screen against the engine for the same polygon: hectares and % of the
 * AOI per class for polygon layers, counts and sums for point layers, and the total rows.
 */
async function checkTablesAgainstEngine(page: Page, geometry: Geometry, locale = 'vi-VN'): Promise<number> {
  const sections = page.locator('#aoi-results .aoi-layer');
  const layerIds = await sections.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layer!));
  expect(layerIds).toEqual(expect.arrayContaining(['forest-cover', 'planting-areas', 'crop-zones', 'project-sites']));
  let checked = 0;
  for (const id of layerIds) {
    const rows = await engineRows(page, id, geometry);
    const section = page.locator(`#aoi-results .aoi-layer[data-layer="${id}"]`);
    const screenRows = section.locator('tbody tr');
    await expect(screenRows).toHaveCount(rows.length);
    for (const r of rows) {
      const tr = section.locator(`tbody tr[data-class="${r.class ?? ''}"]`);
      if (id === 'project-sites') {
        await expect(tr.locator('td[data-col="count"]')).toHaveText(fmt(r.count, locale, 0));
        for (const [field, sum] of Object.entries(r.sums)) await expect(tr.locator(`td[data-col="sum:${field}"]`)).toHaveText(fmt(sum, locale, 1));
      } else {
        await expect(tr.locator('td[data-col="ha"]')).toHaveText(ha1(r.ha, locale));
        await expect(tr.locator('td[data-col="pct"]')).toHaveText(ha1(r.pctOfBoundary, locale));
      }
      checked++;
    }
    if (id !== 'project-sites' && rows.length > 0) {
      const total = rows.reduce((s, r) => s + r.ha, 0);
      await expect(section.locator('tfoot td[data-col="ha"]')).toHaveText(ha1(total, locale));
    }
  }
  return checked;
}

/** Screen position of a lon/lat on the map canvas. */
async function toScreen(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const p = window.mtmap.map.project(ll);
    return { x: Math.round(p.x), y: Math.round(p.y) };
  }, lngLat);
}

const canvas = (page: Page) => page.locator('#map canvas.maplibregl-canvas');

// each test measures every pack layer inside an area in the worker, on software WebGL, and
// the first one twice (after reopening the project): more than the default minute on 2 cores
test.describe.configure({ timeout: 180_000 });

test('area of interest: draw a polygon with the mouse, undo a vertex, finish; the breakdown matches the engine', async ({ page }) => {
  await openApp(page);
  await page.locator('#tab-aoi').click();
  await expect(page.locator('#aoi-panel')).toBeVisible();
  await expect(page.locator('#aoi-current')).toBeHidden();

  await page.locator('#aoi-draw').click();
  await expect(page.locator('#aoi-finish')).toBeVisible();
  await expect(page.locator('#aoi-finish')).toBeDisabled();

  // a rectangle over Bum Tở / Pa Vệ Sử / Nậm Khao, with forest, planting, crop zones and project sites;
  // the pointer enters the map first (the status bar then shows coordinates and may change height)
  await canvas(page).hover();
  await settle(page);
  const [w, s, e, n] = [102.66, 22.36, 102.86, 22.52];
  const corners = await Promise.all(([[w, n], [e, n], [e, s], [w, s]] as [number, number][]).map((c) => toScreen(page, c)));
  for (const p of corners.slice(0, 3)) await canvas(page).click({ position: p });
  // a stray fourth vertex, undone
  const stray = { x: Math.round((corners[2]!.x + corners[3]!.x) / 2), y: corners[2]!.y + 40 };
  await canvas(page).click({ position: stray });
  await expect(page.locator('#aoi-draw-hint')).toContainText('4');
  await page.locator('#aoi-undo').click();
  await expect(page.locator('#aoi-draw-hint')).toContainText('3');
  await canvas(page).click({ position: corners[3]! });
  await expect(page.locator('#aoi-draw-hint')).toContainText('4');
  // clicks while drawing open no popup and select no commune
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
  expect(await page.evaluate(() => window.mtmap.getState().selectedCommune)).toBeNull();
  await page.locator('#aoi-finish').click();
  await expect(page.locator('#aoi-finish')).toBeHidden();

  await breakdownShown(page);
  const aoi = (await currentAoi(page))!;
  expect(aoi.source).toBe('drawn');
  expect(aoi.geometry.type).toBe('Polygon');
  const ring = (aoi.geometry.coordinates as number[][][])[0]!;
  expect(ring).toHaveLength(5);
  // screen-aligned clicks on a Web Mercator map make a lon/lat rectangle: two longitudes, two latitudes
  const lons = [...new Set(ring.map((p) => p[0]!))].sort();
  const lats = [...new Set(ring.map((p) => p[1]!))].sort();
  expect(lons).toHaveLength(2);
  expect(lats).toHaveLength(2);
  expect(lons[0]).toBeCloseTo(w, 2);
  expect(lats[1]).toBeCloseTo(n, 2);
  const exactHa = rectHa(lons[0]!, lats[0]!, lons[1]!, lats[1]!);

  // the area: engine, independent closed form and screen agree
  const forest = await engineRows(page, 'forest-cover', aoi.geometry);
  expect(forest.length).toBeGreaterThan(0);
  expect(forest.every((r) => r.boundaryCode === 'aoi')).toBe(true);
  expect(Math.abs(forest[0]!.boundaryHa - exactHa) / exactHa).toBeLessThan(1e-9);
  await expect(page.locator('#aoi-area')).toHaveText(`${ha1(forest[0]!.boundaryHa)} ha`);
  await expect(page.locator('#aoi-name')).toHaveText('Vùng đã vẽ');

  // every class of every layer, as the engine computes it for the same polygon
  const checked = await checkTablesAgainstEngine(page, aoi.geometry);
  expect(checked).toBeGreaterThan(5);
  const breakdown = await page.evaluate(() => window.mtmap.analyseAreaOfInterest());
  expect(breakdown!.areaHa).toBeCloseTo(exactHa, 6);

  // the outline is on the map, above the pack layers
  const top = await page.evaluate(() => window.mtmap.map.getStyle().layers!.slice(-3).map((l) => l.id));
  expect(top).toEqual(['mt-aoi::fill', 'mt-aoi::casing', 'mt-aoi::line']);
  await settle(page);
  const shot = await saveScreenshot(page, 'aoi-drawn.png');
  expect(fs.existsSync(shot)).toBe(true);

  // English: the same numbers in English style
  await page.locator('#lang-switch').click();
  await expect(page.locator('#aoi-name')).toHaveText('Drawn area');
  await expect(page.locator('#aoi-area')).toHaveText(`${ha1(forest[0]!.boundaryHa, 'en-GB')} ha`);
  const firstForest = forest[0]!;
  await expect(page.locator(`.aoi-layer[data-layer="forest-cover"] tbody tr[data-class="${firstForest.class}"] td[data-col="ha"]`)).toHaveText(ha1(firstForest.ha, 'en-GB'));

  // CSV export: the area and the engine's hectares, '.' decimals
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#aoi-export').click()]);
  const lines = fs.readFileSync((await download.path())!, 'utf8').slice(1).trimEnd().split('\r\n');
  expect(Number(lines[0]!.split(',')[1])).toBeCloseTo(exactHa, 2);
  expect(lines[1]).toMatch(/^Layer,Class,Area \(ha\),% of the area of interest,Features/);
  expect(lines.some((l) => l.includes(`,${Number(firstForest.ha.toFixed(2))},`))).toBe(true);

  // the drawn area travels in the project file
  const saved = await page.evaluate(() => window.mtmap.saveProject().text);
  await page.locator('#aoi-clear').click();
  await expect(page.locator('#aoi-current')).toBeHidden();
  expect(await currentAoi(page)).toBeNull();
  await expect(page.locator('#map canvas')).toBeVisible();
  expect(await page.evaluate((t) => window.mtmap.openProject(t, 'p.mtmap.json'), saved)).toBe(true);
  expect((await currentAoi(page))!.geometry).toEqual(aoi.geometry);
  await breakdownShown(page);
});

test('area of interest: Esc cancels drawing; the first vertex closes the polygon', async ({ page }) => {
  await openApp(page);
  await page.locator('#tab-aoi').click();
  await page.locator('#aoi-draw').click();
  await expect(page.locator('#aoi-finish')).toBeVisible();
  const a = await toScreen(page, [102.7, 22.45]);
  await canvas(page).click({ position: a });
  await canvas(page).click({ position: { x: a.x + 80, y: a.y } });
  await page.keyboard.press('Escape');
  await expect(page.locator('#aoi-finish')).toBeHidden();
  expect(await currentAoi(page)).toBeNull();
  // after cancelling, map clicks are the map's again (a feature's popup opens)
  await canvas(page).click({ position: await toScreen(page, [102.836, 22.52]) });
  await expect(page.locator('.maplibregl-popup')).toHaveCount(1);
  await page.locator('.maplibregl-popup-close-button').click();

  // a triangle closed by clicking its first vertex again
  await page.locator('#aoi-draw').click();
  await expect(page.locator('#aoi-finish')).toBeVisible();
  const pts = [a, { x: a.x + 120, y: a.y }, { x: a.x + 60, y: a.y + 100 }];
  for (const p of pts) await canvas(page).click({ position: p });
  await canvas(page).click({ position: a });
  await expect(page.locator('#aoi-finish')).toBeHidden();
  const aoi = (await currentAoi(page))!;
  expect((aoi.geometry.coordinates as number[][][])[0]).toHaveLength(4);
  await breakdownShown(page);
  const rows = await engineRows(page, 'forest-cover', aoi.geometry);
  await expect(page.locator('#aoi-area')).toHaveText(`${ha1(rows[0]!.boundaryHa)} ha`);
});

test('area of interest: pick a commune; its area and hectares equal the per-commune statistics', async ({ page }) => {
  await openApp(page);
  await page.locator('#tab-aoi').click();
  const code = '03448'; // Xã Pa Vệ Sử
  await page.locator('#aoi-commune').selectOption(code);
  await breakdownShown(page);
  await expect(page.locator('#aoi-name')).toContainText('Pa Vệ Sử');
  const aoi = (await currentAoi(page))!;
  expect(aoi).toMatchObject({ source: 'commune', code });

  // the same commune in the engine's per-commune rows (boundary set 2013)
  const perCommune = (await engineRows(page, 'forest-cover')).filter((r) => r.boundaryCode === code);
  expect(perCommune.length).toBeGreaterThan(0);
  const communeHa = perCommune[0]!.boundaryHa;
  await expect(page.locator('#aoi-area')).toHaveText(`${ha1(communeHa)} ha`);
  expect(Number(await page.locator('#aoi-area').getAttribute('data-ha'))).toBeCloseTo(communeHa, 6);
  // facts: Pa Vệ Sử ≈ 240.3 km² (shapes are schematic, the area is sized to the fact)
  expect(communeHa / 100).toBeGreaterThan(200);
  expect(communeHa / 100).toBeLessThan(280);

  // forest per use inside the commune-as-AOI equals the commune's row in the dashboard's statistics
  for (const r of perCommune) {
    const cell = page.locator(`.aoi-layer[data-layer="forest-cover"] tbody tr[data-class="${r.class}"] td[data-col="ha"]`);
    expect(Math.abs(parseVi((await cell.textContent())!) - r.ha)).toBeLessThanOrEqual(0.05 + 1e-9);
  }
  await checkTablesAgainstEngine(page, aoi.geometry);
  // the thematic layers are measured; the district outline (measured: false in the manifest) is not
  const listed = await page.locator('.aoi-layer').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')));
  expect(listed).toEqual(expect.arrayContaining(['forest-cover', 'planting-areas', 'crop-zones']));
  expect(listed).not.toContain('district-outline');
  // the commune list follows the boundary set
  await page.evaluate(() => window.mtmap.setBoundarySet('2025'));
  await expect(page.locator('#aoi-commune option')).toHaveCount(1 + 8);
  // the API takes a commune code too
  expect(await page.evaluate(() => window.mtmap.setAreaOfInterest('03466'))).toBe(true);
  await expect(page.locator('#aoi-name')).toContainText('Bum Nưa');
  expect(await page.evaluate(() => window.mtmap.setAreaOfInterest('99999'))).toBe(false);
  await breakdownShown(page);
  await saveScreenshot(page, 'aoi-commune.png');
});

test('area of interest: upload a GeoJSON file; its polygons are unioned and measured', async ({ page }) => {
  await openApp(page);
  await page.locator('#tab-aoi').click();
  // two overlapping rectangles: the union is the rectangle 102.60–102.80 × 22.40–22.50
  const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
  const file = { type: 'FeatureCollection', features: [rect(102.6, 22.4, 102.72, 22.5), rect(102.68, 22.4, 102.8, 22.5)] };
  await page.locator('#aoi-file').setInputFiles({ name: 'vung-du-an.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
  await breakdownShown(page);
  await expect(page.locator('#aoi-name')).toContainText('vung-du-an.geojson');
  const aoi = (await currentAoi(page))!;
  expect(aoi.source).toBe('uploaded');
  const exactHa = rectHa(102.6, 22.4, 102.8, 22.5);
  const shown = Number(await page.locator('#aoi-area').getAttribute('data-ha'));
  expect(Math.abs(shown - exactHa) / exactHa).toBeLessThan(1e-6);
  await expect(page.locator('#aoi-area')).toHaveText(`${ha1(shown)} ha`);
  await checkTablesAgainstEngine(page, aoi.geometry);
  // no layer was added to My data: the file only gave the area
  expect(await page.evaluate(() => window.mtmap.getState().userLayers.length)).toBe(0);

  // a file without polygons is refused with a message, and the area stays
  const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [102.7, 22.4] } }] };
  await page.locator('#aoi-file').setInputFiles({ name: 'diem.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(points)) });
  await expect(page.locator('#messages')).toContainText('diem.geojson');
  expect((await currentAoi(page))!.source).toBe('uploaded');
  await saveScreenshot(page, 'aoi-uploaded.png');
});
