import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ORIGIN, REPO_ROOT, expect, fulfilFromDir, idle, openApp, saveScreenshot, test } from './helpers';

// With the real commune boundaries from the shared reference folder (not in the repo), the
// generator builds a pack outside the repo and the app shows all of it.

const REFERENCE = path.resolve(REPO_ROOT, '../shared/reference/muong-te');
const COMMUNES = path.join(REFERENCE, 'communes-2013-2025.geojson');
const exists = fs.existsSync(COMMUNES);
const OUT = path.join(os.tmpdir(), 'mt-real-pack');

test.describe('real commune boundaries', () => {
  // the reference boundaries are third-party and live beside the project, not in it (SOURCES.md)
  test.skip(!exists, `no reference boundaries at ${COMMUNES}`);

  test.beforeAll(() => {
    fs.rmSync(OUT, { recursive: true, force: true });
    execFileSync(process.execPath, ['scripts/build-pack.mjs', '--communes', COMMUNES, '--out', OUT], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  test('every layer loads and search lists the 14 communes', async ({ page }) => {
    await page.route(
      (url) => url.origin === ORIGIN && url.pathname.startsWith('/real-pack/'),
      (route) => fulfilFromDir(route, '/real-pack/', OUT),
    );
    await openApp(page, `?pack=${ORIGIN}/real-pack/manifest.json`);
    const manifest = JSON.parse(fs.readFileSync(path.join(OUT, 'manifest.json'), 'utf8')) as { layers: Array<{ id: string }> };
    const layers = await page.evaluate(() => window.mtmap.listLayers());
    expect(layers.map((l) => l.id)).toEqual(manifest.layers.map((l) => l.id));
    for (const l of layers) {
      expect(l.status, `${l.id} status`).toBe('ready');
      expect(l.featureCount, `${l.id} features`).toBeGreaterThan(0);
    }
    await expect(page.locator('.layer-row.is-error')).toHaveCount(0);
    await expect(page.locator('[data-message-key^="error."]')).toHaveCount(0);

    const communes = await page.evaluate(() =>
      window.mtmap.getLayerData('communes-2013')!.features.map((f) => ({ code: String(f.properties!.gso_code), name: String(f.properties!.name_vi) })),
    );
    expect(communes).toHaveLength(14);
    for (const c of communes) {
      const hits = await page.evaluate((q) => window.mtmap.searchCommunes(q), c.name);
      expect(hits.map((h) => h.code), `search for ${c.name}`).toContain(c.code);
    }
    const search = page.getByRole('combobox', { name: 'Tìm xã, thị trấn' });
    await search.fill('ka lang');
    await expect(page.locator('#commune-search-list [role="option"]').first()).toContainText('Ka Lăng');
    await search.press('Escape');
    await idle(page);
    await saveScreenshot(page, 'real-boundaries.png');
  });
});
