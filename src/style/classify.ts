// Classification of numbers into classes for graduated (choropleth) styles, and the
// colour-blind-safe sequential ramps they are drawn with. Pure.
//
// A classification returns the inner breaks: the lower bound of every class but the first,
// strictly increasing and above the minimum. Fewer classes come back when the data has fewer
// distinct values than asked for.

export type ClassMethod = 'quantile' | 'equal-interval' | 'natural-breaks';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal-interval', 'natural-breaks'];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;
export const DEFAULT_CLASSES = 5;

/** Quantiles: class j starts at the value ranked ⌊j·n/k⌋, so classes hold about n/k values each. */
export function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const breaks: number[] = [];
  if (n === 0) return breaks;
  for (let j = 1; j < k; j++) {
    const b = sorted[Math.floor((j * n) / k)]!;
    if (b > sorted[0]! && b > (breaks[breaks.length - 1] ?? -Infinity)) breaks.push(b);
  }
  return breaks;
}

/** Equal intervals: min + j·(max − min)/k. */
export function equalIntervalBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (max === min) return [];
  return Array.from({ length: k - 1 }, (_, j) => min + ((j + 1) * (max - min)) / k);
}

/** Above this many distinct values, natural breaks run on evenly spaced quantiles of them. */
const JENKS_MAX_DISTINCT = 2000;

/**
 * Natural breaks (Jenks), computed exactly as Fisher's optimal partition: the k contiguous
 * classes of the sorted values with the least total within-class sum of squared deviations,
 * by dynamic programming over the distinct values weighted by their counts (so equal values
 * never straddle a break). O(k·m²) for m distinct values; above 2,000 distinct values it runs
 * on 2,000 evenly spaced quantiles (an approximation only large imported layers need).
 */
export function naturalBreaks(sorted: readonly number[], k: number): number[] {
  if (sorted.length === 0) return [];
  let xs: number[] = [];
  let ws: number[] = [];
  for (const v of sorted) {
    if (xs.length > 0 && xs[xs.length - 1] === v) ws[ws.length - 1]!++;
    else {
      xs.push(v);
      ws.push(1);
    }
  }
  if (xs.length > JENKS_MAX_DISTINCT) {
    const pick = Array.from({ length: JENKS_MAX_DISTINCT }, (_, i) => Math.round((i * (xs.length - 1)) / (JENKS_MAX_DISTINCT - 1)));
    xs = pick.map((i) => xs[i]!);
    ws = pick.map((i) => ws[i]!);
  }
  const m = xs.length;
  const classes = Math.min(k, m);
  if (classes <= 1) return [];
  // prefix sums of weight, weighted value and weighted square, around the mean for precision
  const mean = xs.reduce((s, x, i) => s + x * ws[i]!, 0) / ws.reduce((s, w) => s + w, 0);
  const W = new Float64Array(m + 1);
  const S = new Float64Array(m + 1);
  const Q = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const d = xs[i]! - mean;
    W[i + 1] = W[i]! + ws[i]!;
    S[i + 1] = S[i]! + ws[i]! * d;
    Q[i + 1] = Q[i]! + ws[i]! * d * d;
  }
  /** sum of squared deviations of distinct values a..b (inclusive) */
  const ssd = (a: number, b: number) => {
    const w = W[b + 1]! - W[a]!;
    const s = S[b + 1]! - S[a]!;
    return Math.max(0, Q[b + 1]! - Q[a]! - (s * s) / w);
  };
  // cost[c][j]: best cost of values 0..j in c+1 classes; from[c][j]: first index of the last class
  const cost: Float64Array[] = [];
  const from: Int32Array[] = [];
  cost.push(Float64Array.from({ length: m }, (_, j) => ssd(0, j)));
  from.push(new Int32Array(m));
  for (let c = 1; c < classes; c++) {
    const prev = cost[c - 1]!;
    const cur = new Float64Array(m).fill(Infinity);
    const arg = new Int32Array(m);
    for (let j = c; j < m; j++) {
      for (let i = c; i <= j; i++) {
        const v = prev[i - 1]! + ssd(i, j);
        if (v < cur[j]!) {
          cur[j] = v;
          arg[j] = i;
        }
      }
    }
    cost.push(cur);
    from.push(arg);
  }
  const starts: number[] = [];
  let j = m - 1;
  for (let c = classes - 1; c >= 1; c--) {
    const i = from[c]![j]!;
    starts.unshift(i);
    j = i - 1;
  }
  return starts.map((i) => xs[i]!);
}

/** Inner breaks of `values` (any order; non-finite ones are ignored) in `k` classes. */
export function classBreaks(values: readonly number[], method: ClassMethod, k: number): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const classes = Math.max(1, Math.round(k));
  switch (method) {
    case 'quantile':
      return quantileBreaks(sorted, classes);
    case 'equal-interval':
      return equalIntervalBreaks(sorted, classes);
    case 'natural-breaks':
      return naturalBreaks(sorted, classes);
  }
}

export type RampId = 'ylgnbu' | 'blues' | 'greens' | 'viridis' | 'cividis';
export const RAMP_IDS: readonly RampId[] = ['ylgnbu', 'blues', 'greens', 'viridis', 'cividis'];
export const DEFAULT_RAMP: RampId = 'ylgnbu';

/**
 * Sequential ramps that stay readable with the common colour-vision deficiencies, light
 * (low values) to dark, 3 to 7 classes each.
 * - YlGnBu, Blues, Greens: ColorBrewer 2.0 (Cynthia Brewer, colorbrewer2.org), the per-class-count
 *   schemes as published there and in d3-scale-chromatic (src/sequential-*\/yl-gn-bu.js,
 *   blues.js, greens.js).
 * - viridis (van der Walt & Smith, matplotlib): its 256-entry table as shipped in
 *   d3-scale-chromatic (src/sequential-multi/viridis.js), sampled at i/(k−1) the way
 *   d3.interpolateViridis does. Dark (low) to yellow (high).
 * - cividis (Nuñez, Anderton & Renslow 2018, optimised for colour-vision deficiency):
 *   d3.interpolateCividis (d3-scale-chromatic src/sequential-multi/cividis.js, a polynomial fit)
 *   sampled at i/(k−1). Dark blue (low) to yellow (high).
 */
export const RAMPS: Readonly<Record<RampId, { label: { vi: string; en: string }; colors: Readonly<Record<number, readonly string[]>> }>> = {
  ylgnbu: {
    label: { vi: 'Vàng – lục – lam (YlGnBu)', en: 'Yellow–green–blue (YlGnBu)' },
    colors: {
      3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
      4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
      5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
      6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
      7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
    },
  },
  blues: {
    label: { vi: 'Xanh lam (Blues)', en: 'Blues' },
    colors: {
      3: ['#deebf7', '#9ecae1', '#3182bd'],
      4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
      5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
      6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
      7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
    },
  },
  greens: {
    label: { vi: 'Xanh lục (Greens)', en: 'Greens' },
    colors: {
      3: ['#e5f5e0', '#a1d99b', '#31a354'],
      4: ['#edf8e9', '#bae4b3', '#74c476', '#238b45'],
      5: ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'],
      6: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#31a354', '#006d2c'],
      7: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#005a32'],
    },
  },
  viridis: {
    label: { vi: 'Viridis', en: 'Viridis' },
    colors: {
      3: ['#440154', '#21918c', '#fde725'],
      4: ['#440154', '#31688e', '#35b779', '#fde725'],
      5: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
      6: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
      7: ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'],
    },
  },
  cividis: {
    label: { vi: 'Cividis', en: 'Cividis' },
    colors: {
      3: ['#002051', '#7f7c75', '#fdea45'],
      4: ['#002051', '#575c6e', '#a49d78', '#fdea45'],
      5: ['#002051', '#3c4d6e', '#7f7c75', '#bbaf71', '#fdea45'],
      6: ['#002051', '#2b446e', '#696970', '#948f78', '#caba6a', '#fdea45'],
      7: ['#002051', '#1f3e6e', '#575c6e', '#7f7c75', '#a49d78', '#d5c164', '#fdea45'],
    },
  },
};

export function isRampId(v: unknown): v is RampId {
  return typeof v === 'string' && (RAMP_IDS as readonly string[]).includes(v);
}

/** `n` colours of a ramp: its own scheme for 3–7; for 1 or 2 classes, picks from the 3-class one. */
export function rampColors(ramp: RampId, n: number): string[] {
  const r = RAMPS[ramp].colors;
  if (n >= MIN_CLASSES && n <= MAX_CLASSES) return [...r[n]!];
  if (n > MAX_CLASSES) return Array.from({ length: n }, (_, i) => r[MAX_CLASSES]![Math.round((i * (MAX_CLASSES - 1)) / (n - 1))]!);
  const three = r[3]!;
  return n === 2 ? [three[0]!, three[2]!] : [three[1]!];
}
