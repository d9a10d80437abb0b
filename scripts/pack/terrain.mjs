// A schematic terrain model (no DEM is shipped): elevation grows with distance from a
// schematic Đà river valley through the township, plus smooth seeded noise. Used only to
// place crop zones and planting plots plausibly and to label elevation bands.
import { makeNoise } from './prng.mjs';
import { makeFrame } from './geo.mjs';

/** Schematic valley line (lon, lat): upstream north-west → township → south-east. */
const VALLEY = [[102.40, 22.56], [102.55, 22.47], [102.70, 22.42], [102.811, 22.379], [102.99, 22.25]];

/**
 * @param {number} seed
 * @returns {{ elevation: (p: number[]) => number, valleyKm: (p: number[]) => number, frame: ReturnType<typeof makeFrame> }}
 */
export function makeTerrain(seed) {
  const frame = makeFrame(102.65, 22.47);
  const line = VALLEY.map((p) => frame.toKm(p));
  const noise = makeNoise(seed, 9, 3);
  /** @param {number[]} p lon/lat */
  const valleyKm = (p) => {
    const [x, y] = frame.toKm(p);
    let best = Infinity;
    for (let i = 0; i < line.length - 1; i++) {
      const a = line[i], b = line[i + 1];
      const dx = b[0] - a[0], dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy));
    }
    return best;
  };
  /** @param {number[]} p lon/lat */
  const elevation = (p) => {
    const d = valleyKm(p);
    const [x, y] = frame.toKm(p);
    return 300 + 2300 * (1 - Math.exp(-d / 8)) + 700 * (noise(x, y) - 0.5);
  };
  return { elevation, valleyKm, frame };
}
