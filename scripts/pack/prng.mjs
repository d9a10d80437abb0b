// Seeded randomness for the pack generator: a PRNG and smooth value-noise fields.
// Nothing here touches Math.random, so every run with the same seed is identical.

/**
 * mulberry32: a small, fast 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent seed from a base seed and a label, so each layer has its own stream.
 * @param {number} seed
 * @param {string} label
 */
export function subSeed(seed, label) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * @typedef {{ next: () => number, range: (a: number, b: number) => number,
 *   int: (a: number, b: number) => number, pick: <T>(arr: T[]) => T,
 *   weighted: (weights: number[]) => number }} Rng
 */

/**
 * @param {number} seed
 * @returns {Rng}
 */
export function makeRng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    range: (a, b) => a + (b - a) * next(),
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    weighted: (weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/** @param {number} ix @param {number} iy @param {number} seed */
function hash2(ix, iy, seed) {
  let h = (Math.imul(ix | 0, 374761393) + Math.imul(iy | 0, 668265263) + Math.imul(seed | 0, 2246822519)) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** @param {number} t */
const smooth = (t) => t * t * (3 - 2 * t);

/**
 * Fractal value noise in [0, 1], smooth over `scale` (same units as the inputs, e.g. km).
 * @param {number} seed
 * @param {number} scale feature size of the first octave
 * @param {number} [octaves]
 * @returns {(x: number, y: number) => number}
 */
export function makeNoise(seed, scale, octaves = 3) {
  return (x, y) => {
    let sum = 0;
    let norm = 0;
    let amp = 1;
    let freq = 1 / scale;
    for (let o = 0; o < octaves; o++) {
      const fx = x * freq + o * 17.3;
      const fy = y * freq - o * 31.7;
      const ix = Math.floor(fx);
      const iy = Math.floor(fy);
      const tx = smooth(fx - ix);
      const ty = smooth(fy - iy);
      const s = seed + o * 101;
      const a = hash2(ix, iy, s);
      const b = hash2(ix + 1, iy, s);
      const c = hash2(ix, iy + 1, s);
      const d = hash2(ix + 1, iy + 1, s);
      sum += amp * (a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty);
      norm += amp;
      amp *= 0.5;
      freq *= 2;
    }
    return sum / norm;
  };
}
