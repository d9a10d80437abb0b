import { CSS_DPI, MM_PER_INCH } from './paper';

// Pure: the scale bar. MapLibre's world is 512 CSS px wide at zoom 0 (Web Mercator), so a
// CSS pixel covers EARTH_CIRCUMFERENCE·cos(lat) / (512·2^zoom) metres at that latitude.

const EARTH_CIRCUMFERENCE_M = 40075016.686;

export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** Ground metres per printed millimetre, given metres per CSS pixel of the rendered map. */
export function metresPerMm(mPerCssPx: number): number {
  return (mPerCssPx * CSS_DPI) / MM_PER_INCH;
}

/** Largest 1, 2 or 5 × 10^n not above `max` (for max > 0). */
export function niceLength(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 0;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const m of [5, 2, 1]) if (m * pow <= max * (1 + 1e-9)) return m * pow;
  return pow;
}

export interface ScaleBar {
  /** Ground length of the bar in metres. */
  metres: number;
  /** Printed length in mm. */
  lengthMm: number;
  /** "500 m" or "5 km". */
  label: string;
  /** Representative fraction denominator, rounded to a readable value (e.g. 250000). */
  ratio: number;
}

export function formatDistance(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/** Rounds a scale denominator to 2 significant figures, as map sheets print them. */
export function roundRatio(ratio: number): number {
  if (!(ratio > 0)) return 0;
  const pow = 10 ** Math.max(0, Math.floor(Math.log10(ratio)) - 1);
  return Math.round(ratio / pow) * pow;
}

/** A bar no longer than `maxMm` whose length is a nice number of metres or kilometres. */
export function scaleBar(mPerMm: number, maxMm: number): ScaleBar {
  const metres = niceLength(mPerMm * maxMm);
  return { metres, lengthMm: metres / mPerMm, label: formatDistance(metres), ratio: roundRatio(mPerMm * 1000) };
}
