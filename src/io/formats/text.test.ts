import { describe, expect, it } from 'vitest';
import { encodeWindows1258 } from './test_fixtures';
import { decodeText, foldName, normalizeEncodingLabel } from './text';

describe('decodeText', () => {
  it('reads Windows-1258 (combining tones) and normalises to NFC', () => {
    const bytes = encodeWindows1258('Mường Tè, Pa Vệ Sử, Kan Hồ');
    expect(bytes.length).toBeGreaterThan('Mường Tè, Pa Vệ Sử, Kan Hồ'.length); // tones are separate bytes
    const d = decodeText(bytes);
    expect(d).toMatchObject({ encoding: 'windows-1258', guessed: true });
    expect(d.text).toBe('Mường Tè, Pa Vệ Sử, Kan Hồ'.normalize('NFC'));
    expect(d.text === d.text.normalize('NFC')).toBe(true);
  });

  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode('Mường Tè');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(plain)).toMatchObject({ text: 'Mường Tè', encoding: 'utf-8', guessed: false });
    expect(decodeText(bom)).toMatchObject({ text: 'Mường Tè', encoding: 'utf-8', guessed: false });
  });

  it('uses a declared label and reports an unknown one', () => {
    expect(decodeText(encodeWindows1258('Tè'), 'ANSI 1258').text).toBe('Tè');
    expect(decodeText(new TextEncoder().encode('Tè'), 'no-such-code').unknownLabel).toBe('no-such-code');
  });
});

describe('normalizeEncodingLabel', () => {
  it('understands .cpg spellings', () => {
    expect(normalizeEncodingLabel('UTF-8')).toBe('utf-8');
    expect(normalizeEncodingLabel('UTF8')).toBe('utf-8');
    expect(normalizeEncodingLabel('1258')).toBe('windows-1258');
    expect(normalizeEncodingLabel('ANSI 1258')).toBe('windows-1258');
    expect(normalizeEncodingLabel('CP1258')).toBe('windows-1258');
    expect(normalizeEncodingLabel('klingon')).toBeUndefined();
  });
});

describe('foldName', () => {
  it('drops diacritics, case and punctuation', () => {
    expect(foldName('Kinh độ')).toBe('kinhdo');
    expect(foldName('VI_DO')).toBe('vido');
    expect(foldName('Vĩ độ')).toBe('vido');
  });
});
