// Project sites of the three national target programmes (illustrative), one CSV row each.
import { makeRng, subSeed } from './prng.mjs';
import { randomPointIn, inside, round5 } from './geo.mjs';

const TEMPLATES = {
  ntm: [
    ['giao_thong', 'Đường giao thông nội bản', 2500, 12000],
    ['thuy_loi', 'Kênh mương nội đồng', 1200, 5000],
    ['van_hoa', 'Nhà văn hóa bản', 800, 2500],
    ['giao_duc', 'Điểm trường mầm non', 1500, 6000],
  ],
  giam_ngheo: [
    ['san_xuat', 'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế', 600, 3000],
    ['dao_tao', 'Đào tạo nghề, giải quyết việc làm', 300, 1200],
    ['nha_o', 'Hỗ trợ nhà ở hộ nghèo', 800, 3500],
  ],
  dtts_1719: [
    ['nuoc_sach', 'Công trình nước sinh hoạt tập trung', 1500, 6000],
    ['dien', 'Đường điện hạ thế nông thôn', 2000, 9000],
    ['y_te', 'Cải tạo trạm y tế', 1500, 5000],
    ['giao_thong', 'Cầu treo dân sinh', 3000, 14000],
    ['van_hoa', 'Bảo tồn văn hóa truyền thống các dân tộc', 500, 2000],
  ],
};

/** Quotes a CSV cell when needed. @param {string | number} v */
export const csvCell = (v) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * @param {{ seed: number, meta: { gso_code: string, full_name: string }[], communes: import('./geo.mjs').PolyFeature[],
 *   terrain: ReturnType<typeof import('./terrain.mjs').makeTerrain>, count?: number }} opt
 */
export function buildProjects(opt) {
  const { seed, meta, communes, terrain } = opt;
  const rng = makeRng(subSeed(seed, 'projects'));
  const count = opt.count ?? 40;
  const programmes = /** @type {(keyof typeof TEMPLATES)[]} */ (['ntm', 'giam_ngheo', 'dtts_1719']);
  const rows = [];
  // one per commune first, then the rest weighted by area
  const order = meta.map((_, i) => i);
  const areas = communes.map((c) => Math.sqrt(Number(c.properties.area_km2 ?? 100)));
  while (order.length < count) order.push(rng.weighted(areas));
  order.sort((a, b) => a - b);
  const usedNames = new Set();
  order.forEach((ci, k) => {
    const programme = programmes[k % 3 === 0 ? 0 : k % 3 === 1 ? 2 : 1];
    const [type, base, lo, hi] = rng.pick(TEMPLATES[programme]);
    const commune = meta[ci].full_name;
    let name = `${base} ${commune.replace(/^Xã /, 'xã ').replace(/^Thị trấn /, 'thị trấn ')}`;
    for (let n = 2; usedNames.has(name); n++) name = `${base} ${commune.replace(/^Xã /, 'xã ').replace(/^Thị trấn /, 'thị trấn ')} (giai đoạn ${n})`;
    usedNames.add(name);
    const g = communes[ci].geometry;
    // settlements sit low: best of a few random points by the schematic elevation
    let pt = null;
    let best = Infinity;
    for (let t = 0; t < 8; t++) {
      const p = randomPointIn(g, rng.next);
      const q = [round5(p[0]), round5(p[1])];
      if (!inside(q, g)) continue;
      const e = terrain.elevation(q);
      if (e < best) { best = e; pt = q; }
    }
    if (!pt) throw new Error(`no project point in ${meta[ci].gso_code}`);
    const budget = Math.round(rng.range(Number(lo), Number(hi)) / 10) * 10;
    const r = rng.next();
    const status = r < 0.4 ? 'completed' : r < 0.8 ? 'in_progress' : 'planned';
    const start = status === 'completed' ? rng.int(2021, 2023) : status === 'in_progress' ? rng.int(2022, 2024) : 2025;
    const disbursed = status === 'completed' ? Math.round(budget * rng.range(0.92, 1)) : status === 'in_progress' ? Math.round(budget * rng.range(0.25, 0.8)) : 0;
    rows.push({
      id: `DA${String(k + 1).padStart(3, '0')}`,
      name,
      programme,
      type,
      commune_code: meta[ci].gso_code,
      commune,
      lat: pt[1],
      lon: pt[0],
      budget_mvnd: budget,
      disbursed_mvnd: disbursed,
      status,
      start_year: start,
    });
  });
  return rows;
}

/** @param {Record<string, any>[]} rows */
export function toCsv(rows) {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
