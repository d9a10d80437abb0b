import { describe, expect, it } from 'vitest';
import { columnStyle, isNumericColumn, numberEvidence, parseLocaleNumber } from './csv_numbers';

describe('Vietnamese and English number styles', () => {
  it('parses decimal comma with dot thousands', () => {
    expect(parseLocaleNumber('2.475.637,630415', 'comma')).toBeCloseTo(2475637.630415, 6);
    expect(parseLocaleNumber('22,379', 'comma')).toBe(22.379);
    expect(parseLocaleNumber('480.341', 'comma')).toBe(480341);
    expect(parseLocaleNumber('-5', 'comma')).toBe(-5);
  });

  it('parses dot decimals and comma thousands', () => {
    expect(parseLocaleNumber('2,475,637.63', 'dot')).toBe(2475637.63);
    expect(parseLocaleNumber('102.811', 'dot')).toBe(102.811);
    expect(parseLocaleNumber('1e3', 'dot')).toBe(1000);
    expect(parseLocaleNumber('abc', 'dot')).toBeNull();
  });

  it('decides a column from unambiguous values only', () => {
    expect(numberEvidence('480.341')).toBeUndefined();
    expect(numberEvidence('22,5')).toBe('comma');
    expect(numberEvidence('2.475.637')).toBe('comma');
    expect(numberEvidence('22.3791')).toBe('dot');
    expect(columnStyle(['480.341', '22,5'])).toBe('comma');
    expect(columnStyle(['480.341'])).toBeUndefined();
  });

  it('keeps codes with leading zeros as text', () => {
    expect(isNumericColumn(['03433', '3433'], 'dot')).toBe(false);
    expect(isNumericColumn(['1.234,5', ''], 'comma')).toBe(true);
  });
});
