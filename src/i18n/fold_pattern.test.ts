import { describe, expect, it } from 'vitest';
import { foldPatterns } from './fold_pattern';
import { foldText } from './fold_text';

describe('foldPatterns', () => {
  it('finds a query typed without diacritics or case in Vietnamese text', () => {
    const [p] = foldPatterns('dong');
    expect(p!.test('Đông')).toBe(true);
    expect(p!.test('ĐỒNG BẰNG')).toBe(true);
    expect(p!.test('Dương')).toBe(false);
  });

  it('agrees with folding the text first', () => {
    const texts = ['Pa Vệ Sử', 'Mường Tè', 'Thu Lũm', 'Nậm Khao', 'Tà Tổng', 'Ka Lăng', 'Bum Nưa', 'Rừng sản xuất', 'Lô 12A'];
    for (const q of ['pa ve', 'MUONG', 'lum', 'nam', 'tong', 'ăng', 'nua', 'rung san', '12a', 'su']) {
      const patterns = foldPatterns(q);
      const words = foldText(q).split(' ');
      for (const s of texts) {
        expect(patterns.every((p) => p.test(s)), `${q} in ${s}`).toBe(words.every((w) => foldText(s).includes(w)));
      }
    }
  });

  it('has no pattern for a query of only punctuation', () => {
    expect(foldPatterns(' ,. ')).toEqual([]);
  });
});
