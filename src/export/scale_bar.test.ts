import { describe, expect, it } from 'vitest';
import { formatDistance, metresPerMm, metresPerPixel, niceLength, roundRatio, scaleBar } from './scale_bar';

describe('scale bar', () => {
  it('picks 1, 2 or 5 × 10^n', () => {
    expect(niceLength(7.3)).toBe(5);
    expect(niceLength(19999)).toBe(10000);
    expect(niceLength(2000)).toBe(2000);
    expect(niceLength(0.34)).toBe(0.2);
    expect(niceLength(0)).toBe(0);
  });

  it('knows MapLibre metres per pixel', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.5 / 4, 0);
  });

  it('sizes the bar on paper', () => {
    // 100 m per CSS px → 100·96/25.4 ≈ 377.95 m per printed mm
    const mpm = metresPerMm(100);
    expect(mpm).toBeCloseTo(377.95, 1);
    const bar = scaleBar(mpm, 40);
    expect(bar.metres).toBe(10000);
    expect(bar.label).toBe('10 km');
    expect(bar.lengthMm).toBeCloseTo(26.46, 1);
    expect(bar.ratio).toBe(380000);
  });

  it('formats distances and ratios', () => {
    expect(formatDistance(500)).toBe('500 m');
    expect(formatDistance(5000)).toBe('5 km');
    expect(roundRatio(187_432)).toBe(190_000);
    expect(roundRatio(4_321)).toBe(4_300);
  });
});
