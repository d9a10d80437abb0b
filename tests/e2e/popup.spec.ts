import { clickMapAt, expect, openApp, saveScreenshot, settle, test } from './helpers';

// Clicking a feature opens a popup with its attributes, formatted for the UI language; and
// attribute values are always shown as text, never run as HTML.

const viNumber = (n: number, digits: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n);

test('clicking a project site shows its name and formatted budget', async ({ page }) => {
  await openApp(page);
  // the site farthest from any other, so the click cannot land on a neighbour
  const site = await page.evaluate(() => {
    const fc = window.mtmap.getLayerData('project-sites')!;
    const pts = fc.features.map((f) => ({ p: (f.geometry as GeoJSON.Point).coordinates as [number, number], props: f.properties! }));
    let best = pts[0]!;
    let bestD = -1;
    for (const a of pts) {
      const d = Math.min(...pts.filter((b) => b !== a).map((b) => Math.hypot(a.p[0] - b.p[0], a.p[1] - b.p[1])));
      if (d > bestD) {
        bestD = d;
        best = a;
      }
    }
    return { lngLat: best.p, name: String(best.props.name), budget: Number(best.props.budget_mvnd) };
  });
  await clickMapAt(page, site.lngLat);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup).toBeVisible();
  await expect(popup.locator('h3')).toHaveText(site.name);
  await expect(popup).toContainText(`${viNumber(site.budget, 0)} triệu đồng`);
  await expect(popup).toContainText('Lớp: Công trình thuộc 3 chương trình MTQG');
  await saveScreenshot(page, 'popup-open.png');
  await popup.getByRole('button', { name: 'Đóng' }).click();
  await expect(popup).toHaveCount(0);
});

test('clicking a crop zone shows its attributes', async ({ page }) => {
  await openApp(page);
  const zone = await page.evaluate(() => {
    const f = window.mtmap.getLayerData('crop-zones')!.features.find((x) => x.properties!.zone_id === 'DL01') ?? window.mtmap.getLayerData('crop-zones')!.features[0]!;
    return { id: String(f.properties!.zone_id), title: String(f.properties!.crop_vi), area: Number(f.properties!.area_ha), geometry: f.geometry };
  });
  // zoom to the zone (keyboard-free, as the zoom button would), then click a point inside it
  const inside = await page.evaluate((g) => {
    const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]![0])! as [number, number][];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    window.mtmap.map.fitBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], { padding: 150, duration: 0 });
    // scan a grid for a point inside the polygon that the map reports as this zone
    const map = window.mtmap.map;
    return new Promise<[number, number] | null>((resolve) => {
      map.once('idle', () => {
        const W = map.getCanvas().clientWidth;
        const H = map.getCanvas().clientHeight;
        for (let y = H * 0.3; y < H * 0.7; y += 8) {
          for (let x = W * 0.3; x < W * 0.7; x += 8) {
            // boundaries are outlines on top; the app looks through them, as here
            const hits = map.queryRenderedFeatures([x, y]).filter((h) => !/^(communes-|district-outline)/.test(h.layer.id));
            if (hits[0] && hits[0].layer.id === 'crop-zones::fill') {
              const ll = map.unproject([x, y]);
              return resolve([ll.lng, ll.lat]);
            }
          }
        }
        resolve(null);
      });
      map.triggerRepaint();
    });
  }, zone.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
  expect(inside, 'a point of the crop zone on top of the map').not.toBeNull();
  await settle(page);
  await clickMapAt(page, inside!);
  const popup = page.locator('.maplibregl-popup');
  await expect(popup.locator('h3')).toHaveText(zone.title);
  await expect(popup).toContainText(zone.id);
  await expect(popup).toContainText(`${viNumber(zone.area, 1)} ha`);
});

test('attribute values are shown as text, never run as HTML', async ({ page }) => {
  await openApp(page, '?pack=/fixtures/xss/manifest.json');
  await expect.poll(() => page.evaluate(() => window.mtmap.listLayers().map((l) => `${l.id}:${l.status}`))).toEqual(['evil-zones:ready', 'evil-sites:ready']);
  const popup = page.locator('.maplibregl-popup');

  await clickMapAt(page, [102.65, 22.45]);
  await expect(popup.locator('h3')).toHaveText('<img src=x onerror=window.__pwned=1>');
  await expect(popup).toContainText('<b>bold?</b><script>window.__pwned=2</script>');
  await expect(popup).toContainText('1.234,6 ha');

  await clickMapAt(page, [102.8, 22.55]);
  await expect(popup.locator('h3')).toHaveText('<img src=y onerror=window.__pwned=3>');
  await expect(popup).toContainText('4.321');

  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('.maplibregl-popup script, .maplibregl-popup b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
