import { describe, expect, it } from 'vitest';
import { inferFields, plainDecimal, shortFieldNames, writeDbf } from './dbf_writer';

describe('dbf writer', () => {
  it('writes numbers as exact decimals without exponents', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-1.5e-8)).toBe('-0.000000015');
    expect(plainDecimal(1.25e21)).toBe('1250000000000000000000');
    expect(plainDecimal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(plainDecimal(123.456e-10))).toBe(123.456e-10);
  });

  it('shortens names to 10 ASCII characters, uniquely and case-insensitively', () => {
    expect(shortFieldNames(['Tên đơn vị hành chính', 'ten_don_vi_khac', 'TEN_DON_VI', 'dân số', '2023', ''])).toEqual([
      'Ten_don_vi', 'ten_don__1', 'TEN_DON__2', 'dan_so', 'F2023', 'FIELD',
    ]);
  });

  it('infers N for numbers, L for booleans and C for text (leading zeros stay text)', () => {
    const f = inferFields([{ ma: '03433', n: 12.5, b: true, mixed: 1 }, { ma: '03434', n: -3, b: null, mixed: 'a' }]);
    expect(f.map((x) => [x.name, x.type, x.length, x.decimals])).toEqual([
      ['ma', 'C', 5, 0], ['n', 'N', 4, 1], ['b', 'L', 1, 0], ['mixed', 'C', 1, 0],
    ]);
  });

  it('cuts text at 254 bytes without splitting a Vietnamese character', () => {
    const long = 'ệ'.repeat(100); // 3 bytes each in UTF-8
    const fields = inferFields([{ t: long }]);
    const { bytes, truncated } = writeDbf(fields, [{ t: long }]);
    expect(truncated).toBe(1);
    const headerLen = 32 + 32 + 1;
    const cell = bytes.subarray(headerLen + 1, headerLen + 1 + 254);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(cell).trim()).toBe('ệ'.repeat(84));
  });
});
