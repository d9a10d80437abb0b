// Text for the cursor-coordinate readout. Hand-rolled rather than Intl.NumberFormat so the
// output is identical in every browser and in tests (ICU data differs between runtimes,
// and vi-VN grouping/spacing rules have changed between ICU versions).

export type Lang = 'vi' | 'en';
export type LonLatMode = 'decimal' | 'dms';

interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const SEPARATORS: Readonly<Record<Lang, Separators>> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

// Vietnamese hemisphere letters: Bắc/Nam, Đông/Tây.
const HEMI: Readonly<Record<Lang, { n: string; s: string; e: string; w: string }>> = {
  vi: { n: 'B', s: 'N', e: 'Đ', w: 'T' },
  en: { n: 'N', s: 'S', e: 'E', w: 'W' },
};

const MISSING = '—';

/** Fixed-decimals number with the language's separators; grouping only when asked. */
export function formatNumber(value: number, decimals: number, lang: Lang, group = true): string {
  if (!Number.isFinite(value)) return MISSING;
  const sep = SEPARATORS[lang];
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart = '0', frac] = fixed.split('.');
  const grouped = group ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group) : intPart;
  // No "-0,00": a value that rounds to zero shows unsigned.
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac !== undefined ? sep.decimal + frac : ''}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 22.379 → 22°22′44,4″ (vi) — seconds to 0.1″ (≈3 m), rounded once so 59,96″ carries. */
function dms(absDeg: number, lang: Lang): string {
  const tenths = Math.round(absDeg * 36000);
  const deg = Math.floor(tenths / 36000);
  const min = Math.floor((tenths % 36000) / 600);
  const secTenths = tenths % 600;
  const sec = `${pad2(Math.floor(secTenths / 10))}${SEPARATORS[lang].decimal}${secTenths % 10}`;
  return `${deg}°${pad2(min)}′${sec}″`;
}

function axis(value: number, lang: Lang, mode: LonLatMode, pos: string, neg: string): string {
  if (!Number.isFinite(value)) return MISSING;
  const letter = value < 0 ? neg : pos;
  const abs = Math.abs(value);
  const body = mode === 'dms' ? dms(abs, lang) : `${formatNumber(abs, 5, lang, false)}°`;
  // A value rounding to zero gets the positive letter: "0,00000° B", never "0,00000° N".
  const shown = mode === 'dms' ? Math.round(abs * 36000) : Math.round(abs * 1e5);
  return `${body} ${shown === 0 ? pos : letter}`;
}

/**
 * Latitude first, as Vietnamese and most English map readouts do:
 * vi "22,37900° B, 102,81100° Đ", en "22.37900° N, 102.81100° E".
 */
export function formatLonLat(lon: number, lat: number, lang: Lang, mode: LonLatMode = 'decimal'): string {
  const h = HEMI[lang];
  return `${axis(lat, lang, mode, h.n, h.s)}, ${axis(lon, lang, mode, h.e, h.w)}`;
}

/**
 * TM-3 grid readout in survey order, X (northing) first:
 * vi "X 2.475.637,63 m · Y 480.341,60 m", en "X 2,475,637.63 m · Y 480,341.60 m".
 */
export function formatTm3(x_northing: number, y_easting: number, lang: Lang): string {
  return `X ${formatNumber(x_northing, 2, lang)} m · Y ${formatNumber(y_easting, 2, lang)} m`;
}
