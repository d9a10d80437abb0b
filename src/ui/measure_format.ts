import { formatNumber, type Lang } from '../io/coord_format';

// How the measure panel writes lengths, areas and bearings, in the UI's language (decimal
// comma and dot grouping in Vietnamese). coord_format's hand-rolled formatNumber, not
// Intl, so the text is the same in every browser and in tests.

/** 0.42 m → "0,42 m", 523.4 → "523,4 m", 1234.6 → "1,235 km" (vi), 12,345 m → "12,35 km". */
export function formatLength(m: number, lang: Lang): string {
  if (!Number.isFinite(m)) return '—';
  if (m < 10) return `${formatNumber(m, 2, lang)} m`;
  // 999.96 m rounds to 1,000.0: that is shown as km
  if (m < 999.95) return `${formatNumber(m, 1, lang)} m`;
  const km = m / 1000;
  return `${formatNumber(km, km < 10 ? 3 : km < 100 ? 2 : 1, lang)} km`;
}

/**
 * Hectares, and square metres too below one hectare (a lot of 2,345 m² reads better than
 * 0.2345 ha): "0,2345 ha (2.345 m²)", "12,35 ha", "1.234,6 ha".
 */
export function formatArea(m2: number, lang: Lang): string {
  if (!Number.isFinite(m2)) return '—';
  const ha = m2 / 10_000;
  if (ha < 1) return `${formatNumber(ha, 4, lang)} ha (${formatNumber(m2, m2 < 10 ? 1 : 0, lang)} m²)`;
  return `${formatNumber(ha, ha < 1000 ? 2 : 1, lang)} ha`;
}

/** Whole degrees clockwise from north, three digits as on a compass: 47.3 → "047°", 359.7 → "000°". */
export function formatBearing(deg: number): string {
  if (!Number.isFinite(deg)) return '—';
  const whole = Math.round(((deg % 360) + 360) % 360) % 360;
  return `${String(whole).padStart(3, '0')}°`;
}
