import { describe, expect, it } from 'vitest';
import { exportFilename, ExportRequestError, mmToPx, paperMm, paperPixels, resolveRequest, slugify } from './paper';

describe('paper sizes', () => {
  it('gives ISO sizes in mm by orientation', () => {
    expect(paperMm('A4', 'landscape')).toEqual({ widthMm: 297, heightMm: 210 });
    expect(paperMm('A3', 'portrait')).toEqual({ widthMm: 297, heightMm: 420 });
  });

  it('converts to the pixel sizes print drivers use', () => {
    expect(paperPixels('A4', 'landscape', 150)).toEqual({ width: 1754, height: 1240 });
    expect(paperPixels('A3', 'landscape', 300)).toEqual({ width: 4961, height: 3508 });
    expect(paperPixels('A4', 'portrait', 96)).toEqual({ width: 794, height: 1123 });
    expect(mmToPx(25.4, 300)).toBe(300);
  });
});

describe('resolveRequest', () => {
  it('fills in defaults', () => {
    const r = resolveRequest({ format: 'pdf' });
    expect(r).toMatchObject({ paper: 'A4', orientation: 'landscape', dpi: 150, draft: false, onPaper: true, width: 1754, height: 1240 });
  });

  it('takes a free pixel size for PNG, keeping printed text size through dpi', () => {
    const r = resolveRequest({ format: 'png', width: 1920, height: 1080, dpi: 96 });
    expect(r.onPaper).toBe(false);
    expect(r.orientation).toBe('landscape');
    expect(r.sheet.widthMm).toBeCloseTo(508, 5);
    expect([r.width, r.height]).toEqual([1920, 1080]);
  });

  it('refuses impossible requests with a reason', () => {
    expect(() => resolveRequest({ format: 'png', width: 20000, height: 1000 })).toThrow(ExportRequestError);
    expect(() => resolveRequest({ format: 'png', dpi: 5 })).toThrow(/dpi/);
    expect(() => resolveRequest({ format: 'pdf', paper: 'A0' as 'A4' })).toThrow(/paper/);
  });
});

describe('file names', () => {
  it('folds Vietnamese to an ASCII slug', () => {
    expect(slugify('Bản đồ quy hoạch huyện Mường Tè')).toBe('ban-do-quy-hoach-huyen-muong-te');
    expect(slugify('  !!  ')).toBe('ban-do');
  });

  it('names paper and pixel exports', () => {
    const date = new Date(2025, 6, 1);
    expect(exportFilename('Hiện trạng rừng', resolveRequest({ format: 'pdf', paper: 'A3', draft: true }), date)).toBe('hien-trang-rung_A3-landscape_draft_2025-07-01.pdf');
    expect(exportFilename('Mường Tè', resolveRequest({ format: 'png', width: 1200, height: 800 }), date)).toBe('muong-te_1200x800_2025-07-01.png');
  });
});
