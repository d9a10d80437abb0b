// New planting plots 2019–2023 (small irregular polygons on non-forest / production land)
// and the planting plan table. The 2023 total is the cited 527.3 ha against a 500 ha plan.
import * as turf from '@turf/turf';
import { makeRng, subSeed } from './prng.mjs';
import { makeBlob, randomPointIn, areaKm2, makeFrame, roundTo } from './geo.mjs';

/** Actual (tenths of ha) and plan (tenths of ha) per year; only 2023 is a cited figure. */
export const PLANTING_YEARS = [
  { year: 2019, actual: 3800, plan: 3600 },
  { year: 2020, actual: 4100, plan: 4000 },
  { year: 2021, actual: 4550, plan: 4500 },
  { year: 2022, actual: 4800, plan: 4700 },
  { year: 2023, actual: 5273, plan: 5000 },
];

/**
 * Splits `total` (integer tenths) into parts within [lo, hi] tenths that sum exactly.
 * @param {number} total @param {number} lo @param {number} hi @param {import('./prng.mjs').Rng} rng
 * @returns {number[]}
 */
export function splitTenths(total, lo, hi, rng) {
  const n = Math.max(1, Math.round(total / ((lo + hi) / 2.2)));
  const raw = Array.from({ length: n }, () => rng.range(0.25, 1) ** 1.3);
  const sum = raw.reduce((s, x) => s + x, 0);
  const parts = raw.map((x) => Math.min(hi, Math.max(lo, Math.round((x / sum) * total))));
  let diff = total - parts.reduce((s, x) => s + x, 0);
  for (let guard = 0; diff !== 0 && guard < 100000; guard++) {
    const i = rng.int(0, n - 1);
    const step = Math.sign(diff) * Math.min(Math.abs(diff), 5);
    const v = parts[i] + step;
    if (v >= lo && v <= hi) { parts[i] = v; diff -= step; }
  }
  if (diff !== 0) throw new Error('splitTenths: cannot meet total');
  return parts;
}

/**
 * Distributes `total` tenths over weights (largest remainder), exact sum.
 * @param {number} total @param {number[]} weights
 */
export function apportion(total, weights) {
  const sum = weights.reduce((s, x) => s + x, 0);
  const exact = weights.map((x) => (x / sum) * total);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k++, rest--) out[order[k % order.length].i]++;
  return out;
}

const SPECIES_LOW = ['Quế', 'Tre măng', 'Quế', 'Mắc ca'];
const SPECIES_MID = ['Mắc ca', 'Thông mã vĩ', 'Quế', 'Sơn tra'];
const SPECIES_HIGH = ['Sơn tra', 'Thông mã vĩ', 'Sơn tra'];

/**
 * @param {{ seed: number, lots: import('./forest.mjs').Lot[], meta: { gso_code: string, full_name: string }[],
 *   communes: import('./geo.mjs').PolyFeature[], terrain: ReturnType<typeof import('./terrain.mjs').makeTerrain> }} opt
 */
export function buildPlanting(opt) {
  const { seed, lots, meta, terrain } = opt;
  const rng = makeRng(subSeed(seed, 'planting'));
  const candidates = lots.filter((l) => !l.forest || (l.use === 'san_xuat' && l.origin === 'trong'));
  const byCommune = meta.map((_, ci) => candidates.filter((l) => l.commune === ci));
  const communeWeight = byCommune.map((ls) => {
    if (ls.length === 0) return 0;
    const a = ls.reduce((s, l) => s + l.areaHa, 0);
    const d = ls.reduce((s, l) => s + terrain.valleyKm(l.centroid) * l.areaHa, 0) / a;
    return a * Math.exp(-d / 12);
  });
  /** @type {{ c: number[], r: number }[]} */
  const placed = [];
  const features = [];
  /** @type {Map<string, number>} */
  const actualByYearCommune = new Map();
  let seq = 0;
  for (const y of PLANTING_YEARS) {
    const sizes = splitTenths(y.actual, 30, 250, rng);
    for (const tenths of sizes) {
      const areaHa = tenths / 10;
      let done = null;
      for (let attempt = 0; attempt < 400 && !done; attempt++) {
        const ci = rng.weighted(communeWeight);
        const ls = byCommune[ci];
        const lot = ls[rng.weighted(ls.map((l) => l.areaHa))];
        if (lot.areaHa < areaHa * 2.5) continue;
        const c = randomPointIn(lot.geometry, rng.next);
        const frame = makeFrame(c[0], c[1]);
        const r = Math.sqrt(areaHa / 100 / Math.PI) * 1.8;
        if (placed.some((p) => { const q = frame.toKm(p.c); return Math.hypot(q[0], q[1]) < r + p.r; })) continue;
        const blob = makeBlob(c, areaHa, rng.next, { tol: 0.002 });
        if (!turf.booleanWithin(turf.feature(blob), turf.feature(lot.geometry))) continue;
        done = { ci, c, r, blob };
      }
      if (!done) throw new Error(`no room for a ${areaHa} ha plot in ${y.year}`);
      placed.push({ c: done.c, r: done.r });
      const elev = terrain.elevation(done.c);
      const species = rng.pick(elev > 1400 ? SPECIES_HIGH : elev > 800 ? SPECIES_MID : SPECIES_LOW);
      const programme = y.year < 2021
        ? rng.pick(['Kế hoạch bảo vệ và phát triển rừng 2016–2020', 'Hộ gia đình tự đầu tư'])
        : rng.pick(['CT MTQG giảm nghèo bền vững', 'CT MTQG 1719', 'CT MTQG giảm nghèo bền vững', 'Trồng rừng thay thế', 'Hộ gia đình tự đầu tư']);
      seq++;
      const key = `${y.year}|${done.ci}`;
      actualByYearCommune.set(key, (actualByYearCommune.get(key) ?? 0) + tenths);
      features.push({
        type: 'Feature',
        properties: {
          plot_id: `TR${y.year}-${String(seq).padStart(3, '0')}`,
          year: y.year,
          commune_code: meta[done.ci].gso_code,
          commune: meta[done.ci].full_name,
          species,
          area_ha: areaHa,
          programme,
        },
        geometry: done.blob,
      });
    }
    seq = 0;
  }
  // plan per year and commune: proportional to what was planted, jittered, exact totals
  const planRows = [];
  for (const y of PLANTING_YEARS) {
    const cis = meta.map((_, ci) => ci).filter((ci) => actualByYearCommune.has(`${y.year}|${ci}`));
    const weights = cis.map((ci) => /** @type {number} */ (actualByYearCommune.get(`${y.year}|${ci}`)) * rng.range(0.8, 1.2));
    const plan = apportion(y.plan, weights);
    cis.forEach((ci, k) => planRows.push({ year: y.year, commune_code: meta[ci].gso_code, commune: meta[ci].full_name, plan_ha: (plan[k] / 10).toFixed(1) }));
  }
  return { features, planRows };
}

/** @param {any} f */
export const plotAreaHa = (f) => roundTo(areaKm2(f.geometry) * 100, 3);
