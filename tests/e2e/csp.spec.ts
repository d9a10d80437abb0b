import type { Page } from '@playwright/test';
import { expect, settle, test } from './helpers';

// The production build runs under its Content-Security-Policy (scripts/vite-csp.ts): a meta
// tag in index.html and, from `vite preview`, a header. Nothing the app does at start-up, in
// an import (the import worker, and the layer-file worker with its mttiles:// tiles for a
// large layer), in statistics (their worker), in a PDF and a PNG export, or in a basemap
// switch may trip it: no securitypolicyviolation event, no CSP error in the console.

type CspWindow = Window & { __cspViolations: string[] };

function recordViolations(page: Page): { console: string[] } {
  const seen = { console: [] as string[] };
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) seen.console.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/Content Security Policy|unsafe-eval|unsafe-inline/i.test(e.message)) seen.console.push(e.message);
  });
  void page.addInitScript(() => {
    const w = window as unknown as CspWindow;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return seen;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as CspWindow).__cspViolations);
}

test('the build carries its CSP as a header and a meta tag, and nothing the app does violates it', async ({ page }) => {
  test.setTimeout(240_000);
  const seen = recordViolations(page);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("default-src 'self'");
  expect(header).toContain("script-src 'self'");
  expect(header).toContain("object-src 'none'");
  expect(header).toContain("frame-ancestors 'self'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).toContain("worker-src 'self' blob:");
  expect(meta).not.toContain('frame-ancestors');
  expect(meta).not.toContain('unsafe-eval');
  await page.waitForFunction(() => typeof window.mtmap !== 'undefined');
  await page.evaluate(() => window.mtmap.whenIdle());
  expect(await violations(page), 'start-up').toEqual([]);

  // imports: a small GeoJSON and a CSV (import worker), and a layer large enough to be drawn from mttiles:// tiles
  const imported = await page.evaluate(async () => {
    const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
    const many = Array.from({ length: 5_200 }, (_, i) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(102.4 + (i % 100) * 0.003, 22.3 + Math.floor(i / 100) * 0.003, 0.002) }, properties: { ma: `L${i}` } }));
    const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
    const out = await window.mtmap.importFiles([
      { name: 'diem.csv', bytes: enc('ten,lon,lat\nA,102.6,22.4\nB,102.7,22.5\n') },
      { name: 'lo-lon.geojson', bytes: enc({ type: 'FeatureCollection', features: many }) },
    ]);
    await window.mtmap.whenIdle();
    const tiles = out.layers.map((id) => (window.mtmap.map.getSource(`pack:${id}`) as { tiles?: string[] } | undefined)?.tiles?.[0] ?? '');
    return { layers: out.layers.length, errors: out.errors, tiles };
  });
  expect(imported.layers).toBe(2);
  expect(imported.errors).toEqual([]);
  expect(imported.tiles.some((t) => t.startsWith('mttiles://'))).toBe(true);
  await settle(page);
  expect(await violations(page), 'import').toEqual([]);

  // statistics in their worker
  const rows = await page.evaluate(() => window.mtmap.computeStats({ layer: 'forest-cover' }).then((r) => r.length));
  expect(rows).toBeGreaterThan(0);

  // PDF (embedded fonts) and PNG exports
  const pdf = await page.evaluate(async () => {
    const r = await window.mtmap.exportMap({ format: 'pdf', paper: 'A4' });
    return { mime: r.mime, head: String.fromCharCode(...r.bytes.slice(0, 5)), size: r.bytes.length };
  });
  expect(pdf.mime).toBe('application/pdf');
  expect(pdf.head).toBe('%PDF-');
  const png = await page.evaluate(async () => (await window.mtmap.exportMap({ format: 'png', width: 800, height: 600 })).bytes.length);
  expect(png).toBeGreaterThan(1000);
  expect(await violations(page), 'export').toEqual([]);

  // a basemap switch: the tile host is allowed (the test harness then cuts the network), and back
  await page.evaluate(() => window.mtmap.setBasemap('osm'));
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.mtmap.setBasemap('offline'));
  await settle(page);
  expect(await violations(page), 'basemap').toEqual([]);
  expect(seen.console).toEqual([]);

  // control: the listeners do see a violation — an inline script is refused
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  // one report per policy in force: the meta tag's and the header's
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
  for (const v of await violations(page)) expect(v).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  await expect.poll(() => seen.console.length).toBeGreaterThan(0);
});
