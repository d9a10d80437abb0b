import { describe, expect, it } from 'vitest';
import { formatLonLat, formatNumber, formatTm3 } from './coord_format';

describe('formatLonLat', () => {
  it('decimal degrees, Vietnamese: decimal comma and B/N, Đ/T', () => {
    expect(formatLonLat(102.811, 22.379, 'vi', 'decimal')).toBe('22,37900° B, 102,81100° Đ');
  });

  it('decimal degrees, English', () => {
    expect(formatLonLat(102.811, 22.379, 'en', 'decimal')).toBe('22.37900° N, 102.81100° E');
  });

  it('defaults to decimal mode', () => {
    expect(formatLonLat(102.811, 22.379, 'en')).toBe('22.37900° N, 102.81100° E');
  });

  it('southern and western hemispheres use N/T (vi) and S/W (en), no minus sign', () => {
    expect(formatLonLat(-43.2, -22.9, 'vi', 'decimal')).toBe('22,90000° N, 43,20000° T');
    expect(formatLonLat(-43.2, -22.9, 'en', 'decimal')).toBe('22.90000° S, 43.20000° W');
  });

  it('DMS with tenths of a second', () => {
    expect(formatLonLat(102.811, 22.379, 'vi', 'dms')).toBe('22°22′44,4″ B, 102°48′39,6″ Đ');
    expect(formatLonLat(102.811, 22.379, 'en', 'dms')).toBe('22°22′44.4″ N, 102°48′39.6″ E');
  });

  it('DMS pads minutes/seconds and carries 59.96″ into the next minute', () => {
    expect(formatLonLat(103.05, 22.0833, 'en', 'dms')).toBe('22°04′59.9″ N, 103°03′00.0″ E');
    // 22.99999° = 22°59′59.964″ → rounds to 23°00′00.0″
    expect(formatLonLat(0, 22.99999, 'en', 'dms')).toBe('23°00′00.0″ N, 0°00′00.0″ E');
  });

  it('values that round to zero get the positive hemisphere letter', () => {
    expect(formatLonLat(-0.000001, -0.000001, 'vi', 'decimal')).toBe('0,00000° B, 0,00000° Đ');
  });

  it('non-finite input shows a dash instead of NaN', () => {
    expect(formatLonLat(Number.NaN, 22.379, 'en')).toBe('22.37900° N, —');
  });
});

describe('formatTm3', () => {
  it('Vietnamese: X (northing) first, dot thousands, decimal comma', () => {
    expect(formatTm3(2475637.630415, 480341.596175, 'vi')).toBe('X 2.475.637,63 m · Y 480.341,60 m');
  });

  it('English: comma thousands, decimal point', () => {
    expect(formatTm3(2475123.454, 511234.556, 'en')).toBe('X 2,475,123.45 m · Y 511,234.56 m');
  });

  it('small and non-finite values', () => {
    expect(formatTm3(999.994, 0, 'vi')).toBe('X 999,99 m · Y 0,00 m');
    expect(formatTm3(Number.POSITIVE_INFINITY, 1000, 'en')).toBe('X — m · Y 1,000.00 m');
  });
});

describe('formatNumber', () => {
  it('groups the integer part only', () => {
    expect(formatNumber(1234567.891, 3, 'vi')).toBe('1.234.567,891');
    expect(formatNumber(1234567.891, 0, 'en')).toBe('1,234,568');
    expect(formatNumber(1234.5, 1, 'en', false)).toBe('1234.5');
  });

  it('keeps the sign but never shows -0', () => {
    expect(formatNumber(-1234.5, 1, 'vi')).toBe('-1.234,5');
    expect(formatNumber(-0.001, 2, 'en')).toBe('0.00');
  });
});
