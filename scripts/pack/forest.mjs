// Forest lots: a seeded Voronoi of random points in the outline, each cell clipped to its
// commune; forest/non-forest, use, origin and stand class come from smooth noise fields,
// so classes form coherent patches.
import * as turf from '@turf/turf';
import { makeRng, makeNoise, subSeed } from './prng.mjs';
import { makeFrame, intersect, cleanGeometry, areaKm2, bboxOf, bboxesOverlap, randomPointIn, centroidOf, roundTo } from './geo.mjs';

/**
 * @typedef {{ id: number, commune: number, geometry: import('./geo.mjs').PolyGeom, areaHa: number,
 *   centroid: number[], forest: boolean, use?: string, origin?: string, ldlr?: string }} Lot
 */

/**
 * @param {{ seed: number, outline: import('./geo.mjs').PolyGeom, communes: import('./geo.mjs').PolyFeature[],
 *   forestShare: number, township: number[], nPoints?: number }} opt
 */
export function buildForest(opt) {
  const { seed, outline, communes, forestShare, township } = opt;
  const rng = makeRng(subSeed(seed, 'forest'));
  const [w, s, e, n] = bboxOf(outline);
  const frame = makeFrame((w + e) / 2, (s + n) / 2);
  const nPoints = opt.nPoints ?? 760;
  const pts = [];
  for (let i = 0; i < nPoints; i++) pts.push(frame.toKm(randomPointIn(outline, rng.next)));
  const [x0, y0] = frame.toKm([w, s]);
  const [x1, y1] = frame.toKm([e, n]);
  const vor = turf.voronoi(turf.featureCollection(pts.map((p) => turf.point(p))), { bbox: [x0 - 1, y0 - 1, x1 + 1, y1 + 1] });
  const communeBoxes = communes.map((c) => bboxOf(c.geometry));
  /** @type {Lot[]} */
  const lots = [];
  vor.features.forEach((cell) => {
    if (!cell) return;
    const ring = cell.geometry.coordinates[0].map((p) => frame.toLonLat(p));
    /** @type {import('./geo.mjs').PolyGeom} */
    const cg = { type: 'Polygon', coordinates: [ring] };
    const cb = bboxOf(cg);
    communes.forEach((c, ci) => {
      if (!bboxesOverlap(cb, communeBoxes[ci])) return;
      const g = cleanGeometry(intersect(c.geometry, cg));
      if (!g) return;
      const areaHa = areaKm2(g) * 100;
      if (areaHa < 1) return;
      lots.push({ id: 0, commune: ci, geometry: g, areaHa, centroid: centroidOf(g), forest: false });
    });
  });
  lots.forEach((l, i) => (l.id = i + 1));
  const total = lots.reduce((s, l) => s + l.areaHa, 0);
  const tk = frame.toKm(township);
  const nForest = makeNoise(subSeed(seed, 'forest-cover'), 7, 3);
  const nUse = makeNoise(subSeed(seed, 'forest-use'), 10, 2);
  const nRich = makeNoise(subSeed(seed, 'forest-rich'), 6, 3);
  const nPlant = makeNoise(subSeed(seed, 'forest-plant'), 4, 2);
  /** @param {Lot} l */
  const km = (l) => frame.toKm(l.centroid);
  /** @param {Lot} l */
  const distT = (l) => { const p = km(l); return Math.hypot(p[0] - tk[0], p[1] - tk[1]); };
  // forest where the noise is high, less near the township; take lots by score to the share
  /** @param {Lot[]} list @param {(l: Lot) => number} score @param {number} areaHa */
  const takeTop = (list, score, areaHa) => {
    const sorted = list.map((l) => ({ l, v: score(l) })).sort((a, b) => b.v - a.v || a.l.id - b.l.id);
    const out = [];
    let acc = 0;
    for (const { l } of sorted) {
      if (acc >= areaHa) break;
      out.push(l);
      acc += l.areaHa;
    }
    return out;
  };
  const forestTarget = forestShare * total;
  for (const l of takeTop(lots, (l) => { const p = km(l); return nForest(p[0], p[1]) - 0.45 * Math.exp(-distT(l) / 6); }, forestTarget)) l.forest = true;
  const forest = lots.filter((l) => l.forest);
  const fArea = forest.reduce((s, l) => s + l.areaHa, 0);
  const xs = forest.map((l) => km(l)[0]), ys = forest.map((l) => km(l)[1]);
  const xmin = Math.min(...xs), xmax = Math.max(...xs), ymin = Math.min(...ys), ymax = Math.max(...ys);
  /** @param {Lot} l */
  const uv = (l) => { const p = km(l); return [(p[0] - xmin) / (xmax - xmin), (p[1] - ymin) / (ymax - ymin)]; };
  // special-use: north-west (schematic); production: near the valley/township; rest protection
  const sd = takeTop(forest, (l) => { const [u, v] = uv(l); const p = km(l); return v - u + 0.6 * nUse(p[0], p[1]); }, 0.2 * fArea);
  for (const l of sd) l.use = 'dac_dung';
  const rest = forest.filter((l) => !l.use);
  const sx = takeTop(rest, (l) => { const [u, v] = uv(l); const p = km(l); return -distT(l) / 12 - 0.8 * v + 0.3 * u + 0.6 * nUse(p[0] + 50, p[1]); }, 0.24 * fArea);
  for (const l of sx) l.use = 'san_xuat';
  for (const l of rest) if (!l.use) l.use = 'phong_ho';
  // planted ≈ 1 % of forest, production lots nearest the township
  const planted = takeTop(forest.filter((l) => l.use === 'san_xuat'), (l) => -distT(l) + 3 * nPlant(...km(l)), 0.01 * fArea);
  for (const l of forest) l.origin = 'tu_nhien';
  for (const l of planted) {
    l.origin = 'trong';
    l.ldlr = nPlant(km(l)[0] + 20, km(l)[1]) > 0.62 ? 'RTTN' : 'RTG';
  }
  // natural stand classes by a richness field (richer away from the township)
  const natural = forest.filter((l) => l.origin === 'tu_nhien');
  const rich = natural.map((l) => { const p = km(l); return { l, v: nRich(p[0], p[1]) + Math.min(distT(l), 25) / 40 }; }).sort((a, b) => b.v - a.v || a.l.id - b.l.id);
  const nArea = natural.reduce((s, l) => s + l.areaHa, 0);
  let acc = 0;
  for (const { l } of rich) {
    const q = acc / nArea;
    l.ldlr = q < 0.2 ? 'TXG' : q < 0.55 ? 'TXB' : q < 0.85 ? 'TXN' : 'TXP';
    acc += l.areaHa;
  }
  return { lots, totalHa: total };
}

/**
 * @param {Lot[]} lots @param {{ gso_code: string, name_vi: string, full_name: string }[]} meta
 */
export function forestFeatures(lots, meta) {
  return lots.filter((l) => l.forest).map((l, i) => ({
    type: 'Feature',
    properties: {
      lot_id: `L${String(i + 1).padStart(4, '0')}`,
      commune_code: meta[l.commune].gso_code,
      commune: meta[l.commune].full_name,
      use: l.use,
      origin: l.origin,
      ldlr: l.ldlr,
      area_ha: roundTo(l.areaHa, 2),
    },
    geometry: l.geometry,
  }));
}
