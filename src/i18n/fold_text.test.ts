import { describe, expect, it } from 'vitest';
import { foldText, matchScore } from './fold_text';

describe('foldText', () => {
  it('drops Vietnamese diacritics and case', () => {
    expect(foldText('Pa Vệ Sử')).toBe('pa ve su');
    expect(foldText('Tà Tổng')).toBe('ta tong');
    expect(foldText('Nậm Khao')).toBe('nam khao');
  });

  it('maps đ to d, which NFD does not decompose', () => {
    expect(foldText('Đà')).toBe('da');
    expect(foldText('đặc dụng')).toBe('dac dung');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldText('Mù Cả'.normalize('NFD'))).toBe(foldText('Mù Cả'.normalize('NFC')));
  });

  it('collapses punctuation and spaces', () => {
    expect(foldText('  Thị trấn  Mường-Tè ')).toBe('thi tran muong te');
  });
});

describe('matchScore', () => {
  it('finds a commune typed without diacritics', () => {
    expect(matchScore('Pa Vệ Sử', 'pa ve su')).toBeGreaterThan(0);
    expect(matchScore('Pa Vệ Sử', 'PA VỆ SỬ')).toBe(4);
  });

  it('ranks a prefix above a substring', () => {
    expect(matchScore('Bum Nưa', 'bum')).toBeGreaterThan(matchScore('Xã Nậm Khao', 'kha'));
  });

  it('matches words in any order', () => {
    expect(matchScore('Pa Vệ Sử', 'su pa')).toBe(1);
  });

  it('rejects names that do not contain the query', () => {
    expect(matchScore('Tà Tổng', 'ka lang')).toBe(0);
    expect(matchScore('Tà Tổng', '')).toBe(0);
  });
});
