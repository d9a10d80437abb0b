import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect, openApp, REPO_ROOT } from './helpers';
import type { ExportRequest } from '../../src/export/paper';

// Print export (issue 5): a PNG sheet of the right pixel size with a drawn map and legend,
// and an A3 PDF whose text layer has the title and Vietnamese layer names with diacritics.
// Outputs stay in test-results/exports/ for a person to look at.

const OUT = path.join(REPO_ROOT, 'test-results', 'exports');
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFTOPPM = '/usr/bin/pdftoppm';

type Exported = { filename: string; mime: string; bytes: number[]; width?: number; height?: number };

async function exportFromPage(page: import('@playwright/test').Page, req: ExportRequest): Promise<Exported> {
  return page.evaluate(async (r) => {
    const res = await window.mtmap.exportMap(r);
    return { ...res, bytes: Array.from(res.bytes) };
  }, req);
}

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test.describe('map export', () => {
  test.setTimeout(180_000);

  test('PNG on A4 landscape at 150 dpi has the map, the legend and the right size', async ({ page, blocked }) => {
    await openApp(page);
    const res = await exportFromPage(page, { format: 'png', paper: 'A4', orientation: 'landscape', dpi: 150, title: 'Hiện trạng rừng huyện Mường Tè', draft: true });
    const buf = Buffer.from(res.bytes);
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, res.filename), buf);
    fs.writeFileSync(path.join(OUT, 'a4-landscape-150dpi.png'), buf);
    expect(res.mime).toBe('image/png');
    expect(res.filename).toMatch(/^hien-trang-rung-huyen-muong-te_A4-landscape_draft_\d{4}-\d\d-\d\d\.png$/);
    expect(pngSize(buf)).toEqual({ width: 1754, height: 1240 });
    expect(res.width).toBe(1754);

    // decode in the page (the browser has a PNG decoder) and sample regions of the sheet
    const stats = await page.evaluate(async (bytes) => {
      const bmp = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const region = (x0: number, y0: number, x1: number, y1: number) => {
        const px = (mm: number) => Math.round((mm / 25.4) * 150);
        const d = ctx.getImageData(px(x0), px(y0), px(x1) - px(x0), px(y1) - px(y0)).data;
        const colours = new Set<number>();
        let nonWhite = 0;
        let forest = 0;
        for (let i = 0; i < d.length; i += 4) {
          colours.add((d[i]! >> 3) * 1024 + (d[i + 1]! >> 3) * 32 + (d[i + 2]! >> 3));
          if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) nonWhite++;
          // greens of the forest categories: green clearly above red and blue
          if (d[i + 1]! > d[i]! + 25 && d[i + 1]! > d[i + 2]! + 10) forest++;
        }
        return { colours: colours.size, nonWhite, forest, total: d.length / 4 };
      };
      // A4 landscape layout: map 14–215 mm across, legend column from ~219 mm (see layout.ts)
      return { map: region(20, 40, 200, 180), legend: region(222, 45, 280, 120), margin: region(0, 0, 7, 210) };
    }, res.bytes);
    expect(stats.map.colours).toBeGreaterThan(40);
    expect(stats.map.forest / stats.map.total).toBeGreaterThan(0.05);
    expect(stats.legend.nonWhite / stats.legend.total).toBeGreaterThan(0.04);
    expect(stats.legend.forest).toBeGreaterThan(200);
    expect(stats.margin.nonWhite).toBe(0);
    expect(blocked).toEqual([]);
  });

  test('PDF on A3 landscape has the page size and real Vietnamese text', async ({ page }) => {
    await openApp(page);
    const title = 'Bản đồ hiện trạng rừng và công trình MTQG — Mường Tè';
    const res = await exportFromPage(page, { format: 'pdf', paper: 'A3', orientation: 'landscape', dpi: 200, title });
    const buf = Buffer.from(res.bytes);
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'a3-landscape.pdf');
    fs.writeFileSync(file, buf);
    expect(res.mime).toBe('application/pdf');
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(buf.toString('latin1'));
    expect(box).not.toBeNull();
    expect(Number(box![3])).toBeCloseTo(1190.55, 0);
    expect(Number(box![4])).toBeCloseTo(841.89, 0);

    if (!fs.existsSync(PDFTOTEXT)) {
      test.info().annotations.push({ type: 'skipped-check', description: 'pdftotext missing (apt-get install poppler-utils): text layer not checked' });
      console.warn('pdftotext not found: skipping the PDF text-layer assertions');
      return;
    }
    const raw = execFileSync(PDFTOTEXT, [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    fs.writeFileSync(path.join(OUT, 'a3-landscape.txt'), raw);
    // legend and notes wrap inside their boxes: compare with line breaks folded to spaces
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Bản đồ hiện trạng rừng và công trình MTQG');
    expect(text).toContain('Mục đích sử dụng rừng');
    expect(text).toContain('Công trình thuộc 3 chương trình MTQG');
    expect(text).toContain('Số liệu minh họa');
    expect(text).toContain('CHÚ GIẢI');
    if (fs.existsSync(PDFTOPPM)) execFileSync(PDFTOPPM, ['-png', '-r', '60', file, path.join(OUT, 'a3-landscape')]);
  });

  test('the dialog exports from the UI, in the UI language', async ({ page }) => {
    await openApp(page, '?lang=en');
    await page.getByRole('button', { name: 'Export the map as PNG or PDF for printing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the map for print or a report' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Map title')).toHaveValue('Mường Tè planning map');
    await dialog.getByLabel('Format').selectOption('png');
    await dialog.getByLabel('Resolution').selectOption('96');
    await expect(dialog.locator('#export-size')).toHaveText('Size: 1,123 × 794 pixels');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^muong-te-planning-map_A4-landscape_\d{4}-\d\d-\d\d\.png$/);
    await expect(dialog.locator('#export-status')).toContainText('Created');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('deck.gl point layers appear in the export', async ({ page }) => {
    await openApp(page);
    const id = await page.evaluate(async () => {
      // 25 000 points: above the deck.gl threshold, in a block inside the district
      const rows = ['lon,lat'];
      for (let i = 0; i < 25000; i++) rows.push(`${(102.55 + (i % 160) * 0.0006).toFixed(5)},${(22.45 + Math.floor(i / 160) * 0.0006).toFixed(5)}`);
      const out = await window.mtmap.importFiles([{ name: 'many-points.csv', bytes: new TextEncoder().encode(rows.join('\n')) }]);
      const layerId = out.layers[0]!;
      window.mtmap.store.getState().setUserLayerStyle(layerId, { type: 'single', color: '#ff00ff' });
      await window.mtmap.whenIdle();
      return layerId;
    });
    await expect.poll(() => page.evaluate((lid) => window.mtmap.listLayers().find((l) => l.id === lid)?.renderer, id)).toBe('deck');
    const res = await exportFromPage(page, { format: 'png', paper: 'A4', orientation: 'landscape', dpi: 96 });
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'a4-landscape-96dpi-deck.png'), Buffer.from(res.bytes));
    const magenta = await page.evaluate(async (bytes) => {
      const bmp = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 200 && d[i + 1]! < 60 && d[i + 2]! > 200) n++;
      return n;
    }, res.bytes);
    expect(magenta).toBeGreaterThan(500);
  });
});
