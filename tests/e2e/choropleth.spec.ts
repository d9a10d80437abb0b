import type { Locator, Page } from '@playwright/test';
import { changedPixels, expect, idle, openApp, renderedCount, saveScreenshot, snapshotCanvas, test } from './helpers';
import { classBreaks, rampColors, type ClassMethod, type RampId } from '../../src/style/classify';
import { formatNumber } from '../../src/i18n/i18n';

// Indicator maps: a per-commune CSV without coordinates, dropped on the real file input, is
// joined to the commune boundaries from the import dialog; the layer draws as a choropleth whose
// legend shows the class ranges in the UI's number format. The expected ranges come from the
// same pure classifier the app uses (src/style/classify.ts), applied here to the test's data.

type FilePayload = { name: string; mimeType: string; buffer: Buffer };
const BOM = '\uFEFF';
const csv = (name: string, text: string): FilePayload => ({ name, mimeType: 'text/csv', buffer: Buffer.from(BOM + text, 'utf8') });

// Invented figures for the test (not official statistics). Codes as Excel leaves them, without
// their leading zero; names in the variant spellings Can Hồ, Pa Vệ Sủ, Bun Tở / Bun Nưa; and
// one row (spreadsheet row 16) whose commune does not exist.
const ROWS_2013: [string, string, number, number][] = [
  ['3433', 'TT Mường Tè', 8.4, 15],
  ['3436', 'Thu Lũm', 48.6, 9],
  ['3439', 'Ka Lăng', 55.2, 8],
  ['3440', 'Tá Bạ', 51.9, 10],
  ['3442', 'Pa Ủ', 62.3, 9],
  ['3445', 'Xã Mường Tè', 33.7, 13],
  ['3448', 'Pa Vệ Sủ', 44.1, 11],
  ['3451', 'Mù Cả', 58.8, 8],
  ['3454', 'Bun Tở', 21.5, 14],
  ['3457', 'Nậm Khao', 36.9, 12],
  ['3463', 'Tà Tổng', 40.2, 10],
  ['3466', 'Bun Nưa', 18.7, 16],
  ['3467', 'Vàng San', 27.3, 12],
  ['3469', 'Can Hồ', 46.5, 9],
];
const BOGUS = ['99999', 'Xã Không Tồn Tại', 30, 10] as const;
const viNumber = (v: number) => String(v).replace('.', ',');
const INDICATORS_2013 = ['Mã xã;Tên xã;Tỷ lệ hộ nghèo (%);Tiêu chí NTM đạt (/19)', ...[...ROWS_2013, BOGUS].map((r) => [r[0], r[1], viNumber(r[2]), r[3]].join(';'))].join('\n') + '\n';
const POVERTY = ROWS_2013.map((r) => r[2]);

/** Legend labels the app must show for `values` classified by `method` into `k` classes. */
function expectedLegend(values: number[], method: ClassMethod, k: number, lang: 'vi' | 'en'): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks = classBreaks(sorted, method, k);
  const mins = [sorted[0]!, ...breaks];
  const maxs = [...breaks, sorted[sorted.length - 1]!];
  return mins.map((min, i) => `${formatNumber(min, lang)} – ${formatNumber(maxs[i]!, lang)}`);
}

async function layerIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.mtmap.listLayers().map((l) => l.id));
}

async function newLayer(page: Page, before: string[]): Promise<string> {
  await expect.poll(() => page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id) && l.status === 'ready').length, before)).toBe(1);
  const [id] = await page.evaluate((ids) => window.mtmap.listLayers().filter((l) => !ids.includes(l.id)).map((l) => l.id), before);
  return id!;
}

const legendOf = (row: Locator) => row.locator('ul.legend li');

/**
 * Opens the app with the pack's layers off, so each commune's fill lies over the plain base map,
 * and snapshots that map as 'base'. Returns the pack's layer ids.
 */
async function openOverBaseMap(page: Page): Promise<string[]> {
  await openApp(page);
  const before = await layerIds(page);
  await page.evaluate((ids) => ids.forEach((id) => window.mtmap.setLayerVisible(id, false)), before);
  await idle(page);
  await snapshotCanvas(page, 'base');
  return before;
}

type Rgb = [number, number, number];

/**
 * Samples the map on a 40 px grid where the layer's fill is drawn: the indicator value of the
 * commune there (queryRenderedFeatures), the pixel now, and the pixel of the 'base' snapshot.
 */
async function sampleFill(page: Page, layerId: string, field: string): Promise<{ value: number; under: Rgb; now: Rgb }[]> {
  await page.mouse.move(1, 1); // no hover highlight
  await idle(page);
  return page.evaluate(
    ({ layerId, field }) => {
      const w = window as unknown as { __mapPixels(): Uint8Array; __snaps: Record<string, Uint8Array> };
      const map = window.mtmap.map;
      const c = map.getCanvas();
      const ratio = c.width / c.clientWidth;
      const base = w.__snaps.base!;
      const now = w.__mapPixels();
      const out: { value: number; under: Rgb; now: Rgb }[] = [];
      for (let y = 20; y < c.clientHeight - 20; y += 40) {
        for (let x = 20; x < c.clientWidth - 20; x += 40) {
          const hit = map.queryRenderedFeatures([x, y], { layers: [`${layerId}::fill`] })[0];
          if (!hit) continue;
          const i = ((c.height - 1 - Math.round(y * ratio)) * c.width + Math.round(x * ratio)) * 4;
          out.push({ value: Number(hit.properties[field]), under: [base[i]!, base[i + 1]!, base[i + 2]!], now: [now[i]!, now[i + 1]!, now[i + 2]!] });
        }
      }
      return out;
    },
    { layerId, field },
  );
}

/** Share of samples whose colour is the class colour of their value at `alpha` over the base map. */
function shareWithClassColour(samples: { value: number; under: Rgb; now: Rgb }[], values: number[], method: ClassMethod, k: number, ramp: RampId, alpha: number): number {
  const breaks = classBreaks(values, method, k);
  const colours = rampColors(ramp, breaks.length + 1).map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const ok = samples.filter((s) => {
    const cls = breaks.filter((b) => s.value >= b).length;
    const want = colours[cls]!.map((c, i) => c * alpha + s.under[i]! * (1 - alpha));
    return want.every((c, i) => Math.abs(c - s.now[i]!) <= 12);
  });
  return ok.length / samples.length;
}

test('choropleth: a CSV of indicators joins to the 2013 communes by code, draws, lists the bad row, and reclassifies', async ({ page }) => {
  const before = await openOverBaseMap(page);

  await page.locator('#import-file').setInputFiles(csv('chi_tieu_xa_2023.csv', INDICATORS_2013));
  const dialog = page.getByRole('dialog', { name: 'Chọn cột tọa độ' });
  await expect(dialog).toBeVisible();
  // the join is offered and preselected, with the code column detected on the active set
  await expect(dialog.getByLabel('Nối với ranh giới xã (theo mã hoặc tên xã)')).toBeChecked();
  await expect(dialog.getByLabel('Cột mã hoặc tên xã')).toHaveValue('Mã xã');
  await expect(dialog.getByLabel('Bộ ranh giới')).toHaveValue('2013');
  // 3433 is 03433: every real commune matches, the bogus row does not
  await expect(dialog.locator('#import-options-join-preview')).toHaveText('Khớp 14/15 dòng theo mã xã.');
  await saveScreenshot(page, 'choropleth-dialog-vi.png');
  // the names match too, despite Can Hồ, Pa Vệ Sủ, Bun Tở and Bun Nưa
  await dialog.getByLabel('Cột mã hoặc tên xã').selectOption('Tên xã');
  await expect(dialog.locator('#import-options-join-preview')).toHaveText('Khớp 14/15 dòng theo tên xã.');
  await dialog.getByLabel('Cột mã hoặc tên xã').selectOption('Mã xã');
  await expect(dialog.getByLabel('Cột kinh độ / X')).toBeHidden();
  await dialog.getByRole('button', { name: 'Nhập' }).click();
  await expect(dialog).not.toBeVisible();

  const id = await newLayer(page, before);
  // the answered "no coordinates" error is gone; the unmatched row is listed with its value
  await expect(page.locator('[data-message-key="import.error.csvNoCoordinates"]')).toHaveCount(0);
  const unmatched = page.locator('[data-message-key="import.join.unmatched"]');
  await expect(unmatched).toContainText('chi_tieu_xa_2023.csv');
  await expect(unmatched).toContainText('16 “99999”');
  await expect(page.locator('[data-message-key="import.join.added"]')).toContainText('14/15');

  // drawn: all 14 communes are rendered features of the new layer, and the canvas changed
  await idle(page);
  expect(await renderedCount(page, id)).toBe(14);
  await snapshotCanvas(page, 'joined');
  expect(await changedPixels(page, 'base', 'joined')).toBeGreaterThan(20_000);
  // each commune is filled with the colour of its class: YlGnBu, layer opacity 0.8 × fill 0.85
  const ALPHA = 0.8 * 0.85;
  const drawn = await sampleFill(page, id, 'Tỷ lệ hộ nghèo (%)');
  expect(drawn.length).toBeGreaterThan(100);
  expect(new Set(drawn.map((d) => d.value)).size).toBe(14);
  expect(shareWithClassColour(drawn, POVERTY, 'quantile', 5, 'ylgnbu', ALPHA)).toBeGreaterThan(0.9);
  const data = await page.evaluate((layerId) => window.mtmap.getLayerData(layerId)!, id);
  expect(data.features.map((f) => f.properties!.boundary_code).sort()).toEqual(ROWS_2013.map((r) => `0${r[0]}`).sort());

  // legend: quantile, 5 classes of the first indicator, Vietnamese number format
  const row = page.locator(`[data-layer-id="${id}"]`);
  const quantile = expectedLegend(POVERTY, 'quantile', 5, 'vi');
  await expect(legendOf(row)).toHaveText(quantile);
  expect(quantile.join(' ')).toMatch(/\d,\d/); // decimal commas on screen
  await expect(row.getByLabel('Theo trường')).toHaveValue('Tỷ lệ hộ nghèo (%)');
  await expect(row.getByLabel('Cách phân lớp')).toHaveValue('quantile');
  await expect(row.getByLabel('Số lớp')).toHaveValue('5');
  await saveScreenshot(page, 'choropleth-quantile-vi.png');

  // equal interval and natural breaks: the legend follows the same pure function
  const equal = expectedLegend(POVERTY, 'equal-interval', 5, 'vi');
  const jenks = expectedLegend(POVERTY, 'natural-breaks', 5, 'vi');
  expect(new Set([quantile.join('|'), equal.join('|'), jenks.join('|')]).size).toBe(3);
  await row.getByLabel('Cách phân lớp').selectOption('equal-interval');
  await expect(legendOf(row)).toHaveText(equal);
  await idle(page);
  await snapshotCanvas(page, 'equal');
  expect(await changedPixels(page, 'joined', 'equal')).toBeGreaterThan(0);
  await row.getByLabel('Cách phân lớp').selectOption('natural-breaks');
  await expect(legendOf(row)).toHaveText(jenks);
  // fewer classes and another ramp keep the method
  await row.getByLabel('Số lớp').selectOption('3');
  await expect(legendOf(row)).toHaveText(expectedLegend(POVERTY, 'natural-breaks', 3, 'vi'));
  await row.getByLabel('Dải màu').selectOption('viridis');
  await expect(row.locator('ul.legend .swatch').first()).toHaveCSS('background-color', 'rgb(68, 1, 84)');
  const redrawn = await sampleFill(page, id, 'Tỷ lệ hộ nghèo (%)');
  expect(shareWithClassColour(redrawn, POVERTY, 'natural-breaks', 3, 'viridis', ALPHA)).toBeGreaterThan(0.9);
  // …and not still in the old colours
  expect(shareWithClassColour(redrawn, POVERTY, 'quantile', 5, 'ylgnbu', ALPHA)).toBeLessThan(0.5);
  await saveScreenshot(page, 'choropleth-jenks-vi.png');

  // English: same ranges, English number format
  await page.evaluate(() => window.mtmap.setLanguage('en'));
  await expect(legendOf(page.locator(`[data-layer-id="${id}"]`))).toHaveText(expectedLegend(POVERTY, 'natural-breaks', 3, 'en'));
});

test('choropleth on the communes since July 2025: names with variant spellings join to the 2025 units', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.mtmap.setBoundarySet('2025'));
  await idle(page);
  const before = await layerIds(page);
  const rows: [string, number][] = [
    ['Xã Bun Tở', 64.2],
    ['Thu Lũm', 71.5],
    ['Pa Ủ', 69.8],
    ['Xã Mường Tè', 58.1],
    ['Mù Cả', 75.4],
    ['Hua Bun', 52.6],
    ['Tà Tổng', 66.0],
    ['Bun Nưa', 61.3],
  ];
  const text = ['Tên xã,Độ che phủ rừng (%)', ...rows.map(([n, v]) => `${n},${v}`)].join('\n') + '\n';
  await page.locator('#import-file').setInputFiles(csv('che_phu_rung_2025.csv', text));
  const dialog = page.getByRole('dialog', { name: 'Chọn cột tọa độ' });
  await expect(dialog.getByLabel('Bộ ranh giới')).toHaveValue('2025');
  await expect(dialog.getByLabel('Cột mã hoặc tên xã')).toHaveValue('Tên xã');
  await expect(dialog.locator('#import-options-join-preview')).toHaveText('Khớp 8/8 dòng theo tên xã.');
  // on the old communes, Bun Tở still matches but Thu Lũm / Pa Ủ … are different units; names still work
  await dialog.getByRole('button', { name: 'Nhập' }).click();
  const id = await newLayer(page, before);
  await idle(page);
  expect(await renderedCount(page, id)).toBe(8);
  const data = await page.evaluate((layerId) => window.mtmap.getLayerData(layerId)!, id);
  expect(data.features.map((f) => f.properties!.boundary_code).sort()).toEqual(['03433', '03439', '03442', '03445', '03451', '03460', '03463', '03466']);
  await expect(page.locator('[data-message-key="import.join.unmatched"]')).toHaveCount(0);
  await expect(legendOf(page.locator(`[data-layer-id="${id}"]`))).toHaveText(expectedLegend(rows.map((r) => r[1]), 'quantile', 5, 'vi'));
  await saveScreenshot(page, 'choropleth-2025-vi.png');
});

test('automation API: importFiles with join reports unmatched rows; setLayerStyle returns the classes it drew', async ({ page }) => {
  await openApp(page);
  const out = await page.evaluate(
    (text) => window.mtmap.importFiles([{ name: 'chi_tieu.csv', bytes: new TextEncoder().encode(text) }], { join: { boundarySet: '2013' } }),
    INDICATORS_2013,
  );
  expect(out.errors).toEqual([]);
  expect(out.joins).toHaveLength(1);
  expect(out.joins![0]).toMatchObject({ layer: out.layers[0], boundarySet: '2013', column: 'Mã xã', by: 'code', rows: 15, matched: 14 });
  expect(out.joins![0]!.unmatched).toEqual([{ rowNumber: 16, value: '99999', reason: 'noMatch' }]);
  const style = await page.evaluate((id) => window.mtmap.setLayerStyle(id, { type: 'graduated', field: 'Tiêu chí NTM đạt (/19)', method: 'equal-interval', classes: 4, ramp: 'cividis' }), out.layers[0]!);
  const ntm = ROWS_2013.map((r) => r[3]);
  const breaks = classBreaks(ntm, 'equal-interval', 4);
  expect(style.type === 'graduated' && style.classes.map((c) => c.min)).toEqual([Math.min(...ntm), ...breaks]);
  await expect(legendOf(page.locator(`[data-layer-id="${out.layers[0]}"]`))).toHaveText(expectedLegend(ntm, 'equal-interval', 4, 'vi'));
  await expect(page.evaluate((id) => window.mtmap.setLayerStyle(id, { type: 'graduated', field: 'Tên xã' }), out.layers[0]!)).rejects.toThrow(/not numeric/);
});

test('a commune whose indicator cell is empty is drawn as no data (grey), not in the lowest class', async ({ page }) => {
  const before = await openOverBaseMap(page);
  // Thu Lũm (03436) has a row but no figure
  const EMPTY = '3436';
  const text = BOM + ['Mã xã;Tỷ lệ hộ nghèo (%)', ...ROWS_2013.map((r) => `${r[0]};${r[0] === EMPTY ? '' : viNumber(r[2])}`)].join('\n') + '\n';
  const out = await page.evaluate((text) => window.mtmap.importFiles([{ name: 'thieu_so_lieu.csv', bytes: new TextEncoder().encode(text) }], { join: { column: 'Mã xã' } }), text);
  expect(out.errors).toEqual([]);
  const id = await newLayer(page, before);
  await idle(page);
  // samples by commune code; the empty one must show the no-data grey at the fill's opacity
  const samples = await sampleFill(page, id, 'boundary_code');
  const ALPHA = 0.8 * 0.85;
  const grey = [189, 189, 189];
  const isGrey = (s: { under: Rgb; now: Rgb }) => grey.every((c, i) => Math.abs(c * ALPHA + s.under[i]! * (1 - ALPHA) - s.now[i]!) <= 12);
  const empty = samples.filter((s) => s.value === Number(EMPTY));
  const others = samples.filter((s) => s.value !== Number(EMPTY));
  expect(empty.length).toBeGreaterThan(5);
  expect(empty.filter(isGrey).length / empty.length).toBeGreaterThan(0.9);
  // the others keep their class colours (none of the YlGnBu classes is this grey)
  expect(others.filter(isGrey).length / others.length).toBeLessThan(0.1);
  // and the legend says what the grey means, after the classes of the 13 figures
  const legend = legendOf(page.locator(`[data-layer-id="${id}"]`));
  const figures = ROWS_2013.filter((r) => r[0] !== EMPTY).map((r) => r[2]);
  await expect(legend).toHaveText([...expectedLegend(figures, 'quantile', 5, 'vi'), 'Không có số liệu']);
  await saveScreenshot(page, 'choropleth-no-data-vi.png');
});
