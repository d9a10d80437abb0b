import { expect, openApp, test } from './helpers';

// Layer export (issue 3, item 6) through the real UI: crop zones → zipped shapefile in
// VN-2000 TM-3 103° → downloaded → imported back through the file input. The new "My data"
// layer must have the same features, attribute names and values, and coordinates.

type Ring = [number, number][];

test('crop zones exported as a TM-3 shapefile import back unchanged', async ({ page }, testInfo) => {
  await openApp(page);
  const row = page.locator('.layer-row[data-layer-id="crop-zones"]');
  await row.locator('.layer-export summary').click();
  await row.locator('#export-format-crop-zones').selectOption('shapefile');
  await row.locator('#export-crs-crop-zones').selectOption('VN2000:TM3:103');
  const [download] = await Promise.all([page.waitForEvent('download'), row.locator('.layer-export__download').click()]);
  expect(download.suggestedFilename()).toBe('crop-zones_VN2000_TM3_103.zip');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const before = await page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
  await page.locator('#import-file').setInputFiles(file);
  const added = await expect
    .poll(() => page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id) && l.status === 'ready').map((l) => l.id), before))
    .toHaveLength(1)
    .then(() => page.evaluate((ids) => window.mtmap.listLayers().find((l) => !ids.includes(l.id))!.id, before));

  const { original, back } = await page.evaluate((id) => ({ original: window.mtmap.getLayerData('crop-zones')!, back: window.mtmap.getLayerData(id)! }), added);
  expect(back.features).toHaveLength(original.features.length);
  original.features.forEach((f, i) => {
    const g = back.features[i]!;
    // every attribute: full names (restored from fieldnames.csv), types and Vietnamese text
    expect(g.properties).toStrictEqual(f.properties);
    const rings = (geom: GeoJSON.Geometry): Ring[] => (geom.type === 'Polygon' ? geom.coordinates : geom.type === 'MultiPolygon' ? geom.coordinates.flat() : []) as Ring[];
    const a = rings(f.geometry);
    const b = rings(g.geometry);
    expect(b).toHaveLength(a.length);
    a.forEach((ring, r) => {
      // a shapefile stores outer rings clockwise: compare in either direction
      const other = b[r]!;
      const same = (x: Ring) => x.length === other.length && x.every((p, k) => Math.abs(p[0] - other[k]![0]) < 1e-7 && Math.abs(p[1] - other[k]![1]) < 1e-7);
      expect(same(ring) || same([...ring].reverse()), `feature ${i} ring ${r}`).toBe(true);
    });
  });

  // and the layer panel shows it as a "My data" layer with the same count
  await expect(page.locator(`.layer-row[data-layer-id="${added}"] .layer-status`)).toContainText(String(original.features.length));
});
