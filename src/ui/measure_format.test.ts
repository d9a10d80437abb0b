import { expect, test } from 'vitest';
import { formatArea, formatBearing, formatLength } from './measure_format';

test('lengths: metres below 1 km, then km with fewer decimals as they grow', () => {
  expect(formatLength(0.4217, 'vi')).toBe('0,42 m');
  expect(formatLength(523.44, 'vi')).toBe('523,4 m');
  expect(formatLength(999.94, 'en')).toBe('999.9 m');
  expect(formatLength(1234.6, 'vi')).toBe('1,235 km');
  expect(formatLength(1234.6, 'en')).toBe('1.235 km');
  expect(formatLength(999.96, 'vi')).toBe('1,000 km');
  expect(formatLength(12345, 'vi')).toBe('12,35 km');
  expect(formatLength(1234567, 'vi')).toBe('1.234,6 km');
});

test('areas: ha, with m² below one hectare', () => {
  expect(formatArea(2345, 'vi')).toBe('0,2345 ha (2.345 m²)');
  expect(formatArea(2345, 'en')).toBe('0.2345 ha (2,345 m²)');
  expect(formatArea(123_456, 'vi')).toBe('12,35 ha');
  expect(formatArea(12_345_678_9, 'en')).toBe('12,345.7 ha');
});

test('bearings: three digits, whole degrees, 360 wraps to 000', () => {
  expect(formatBearing(47.3)).toBe('047°');
  expect(formatBearing(0)).toBe('000°');
  expect(formatBearing(359.7)).toBe('000°');
  expect(formatBearing(270)).toBe('270°');
});
