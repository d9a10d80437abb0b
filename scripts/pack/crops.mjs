// Medicinal crop zones: Sâm Lai Châu, Thảo quả, Sa nhân, placed by a schematic terrain model.
import * as turf from '@turf/turf';
import { makeRng, subSeed } from './prng.mjs';
import { makeBlob, randomPointIn, makeFrame, inside } from './geo.mjs';

export const CROPS = {
  sam: { vi: 'Sâm Lai Châu', min: 1400, max: 2200, canopy: 'dưới tán rừng tự nhiên', forest: true,
    note: 'Vùng trồng sâm dưới tán rừng, ẩm, mát (sơ đồ minh họa)' },
  thao_qua: { vi: 'Thảo quả', min: 1300, max: 2200, canopy: '0,3–0,7', forest: true,
    note: 'Thảo quả dưới tán rừng, vùng mát, ẩm ướt (sơ đồ minh họa)' },
  sa_nhan: { vi: 'Sa nhân', min: 100, max: 800, canopy: '0,3–0,5', forest: false,
    note: 'Sa nhân dưới tán che 30–50 %, vùng thấp (sơ đồ minh họa)' },
};

/** [crop, commune code, area ha, status] — communes for sâm follow the facts file. */
export const ZONES = [
  ['sam', '03448', 260, 'planned'], ['sam', '03448', 140, 'planned'],
  ['sam', '03440', 180, 'planned'], ['sam', '03440', 20, 'planted', 'Vườn giống sâm Lai Châu (sơ đồ minh họa)'],
  ['sam', '03439', 320, 'planned'], ['sam', '03439', 110, 'planted'],
  ['sam', '03436', 230, 'planned'],
  ['sam', '03442', 350, 'planned'], ['sam', '03442', 90, 'planted'],
  ['thao_qua', '03451', 380, 'planted'], ['thao_qua', '03451', 210, 'planned'],
  ['thao_qua', '03439', 150, 'planted'], ['thao_qua', '03436', 120, 'planted'],
  ['thao_qua', '03442', 260, 'planned'], ['thao_qua', '03440', 95, 'planted'],
  ['thao_qua', '03448', 170, 'planned'], ['thao_qua', '03445', 140, 'planned'],
  ['sa_nhan', '03466', 60, 'planted'], ['sa_nhan', '03467', 45, 'planned'],
  ['sa_nhan', '03469', 120, 'planted'], ['sa_nhan', '03469', 35, 'planned'],
  ['sa_nhan', '03454', 80, 'planned'], ['sa_nhan', '03457', 55, 'planted'],
  ['sa_nhan', '03463', 150, 'planned'], ['sa_nhan', '03463', 25, 'planted'],
];

/** 1400 → "1.400" (Vietnamese thousands separator) @param {number} v */
const vn = (v) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * @param {{ seed: number, meta: { gso_code: string, full_name: string }[], communes: import('./geo.mjs').PolyFeature[],
 *   lots: import('./forest.mjs').Lot[], terrain: ReturnType<typeof import('./terrain.mjs').makeTerrain> }} opt
 */
export function buildCrops(opt) {
  const { seed, meta, communes, lots, terrain } = opt;
  const rng = makeRng(subSeed(seed, 'crops'));
  /** @type {{ c: number[], r: number }[]} */
  const placed = [];
  const features = [];
  let seq = 0;
  for (const [crop, code, areaHa, status, note] of ZONES) {
    const ci = meta.findIndex((m) => m.gso_code === code);
    if (ci < 0) continue;
    const spec = CROPS[/** @type {keyof typeof CROPS} */ (crop)];
    const area = Number(areaHa);
    const mid = (spec.min + spec.max) / 2;
    const g = communes[ci].geometry;
    const cf = turf.feature(g);
    const forestLots = lots.filter((l) => l.commune === ci && l.forest);
    let best = null;
    let bestScore = -Infinity;
    for (let k = 0; k < 120; k++) {
      const c = spec.forest && forestLots.length && k % 2 === 0
        ? randomPointIn(forestLots[rng.weighted(forestLots.map((l) => l.areaHa))].geometry, rng.next)
        : randomPointIn(g, rng.next);
      const frame = makeFrame(c[0], c[1]);
      const r = Math.sqrt(area / 100 / Math.PI) * 1.7;
      if (placed.some((p) => { const q = frame.toKm(p.c); return Math.hypot(q[0], q[1]) < r + p.r; })) continue;
      const e = terrain.elevation(c);
      const score = -Math.abs(e - mid) / 100 + (spec.forest && forestLots.some((l) => inside(c, l.geometry)) ? 2 : 0) + rng.next() * 0.5;
      if (score <= bestScore) continue;
      const blob = makeBlob(c, area, rng.next, { tol: 0.002 });
      if (!turf.booleanWithin(turf.feature(blob), cf)) continue;
      best = { c, r, blob };
      bestScore = score;
    }
    if (!best) throw new Error(`no room for a ${crop} zone in ${code}`);
    placed.push({ c: best.c, r: best.r });
    const elevs = [best.c, ...best.blob.coordinates[0]].map((p) => terrain.elevation(p));
    const clamp = (/** @type {number} */ v) => Math.min(spec.max, Math.max(spec.min, Math.round(v / 50) * 50));
    let lo = clamp(Math.min(...elevs)), hi = clamp(Math.max(...elevs));
    if (hi - lo < 200) { lo = Math.max(spec.min, lo - 100); hi = Math.min(spec.max, Math.max(hi, lo + 200)); }
    seq++;
    features.push({
      type: 'Feature',
      properties: {
        zone_id: `DL${String(seq).padStart(2, '0')}`,
        crop,
        crop_vi: spec.vi,
        commune_code: meta[ci].gso_code,
        commune: meta[ci].full_name,
        area_ha: area,
        elevation_min: lo,
        elevation_max: hi,
        elevation_band: `${vn(lo)}–${vn(hi)} m`,
        canopy: spec.canopy,
        status,
        status_vi: status === 'planted' ? 'Đã trồng' : 'Quy hoạch',
        note: note ?? spec.note,
      },
      geometry: best.blob,
    });
  }
  return features;
}
