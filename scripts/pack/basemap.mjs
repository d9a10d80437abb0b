// Offline basemap: neighbouring countries from world-atlas countries-10m (Natural Earth,
// public domain), clipped to the region around Mường Tè.
import * as turf from '@turf/turf';
import * as topojson from 'topojson-client';
import { loadWorld } from './outline.mjs';
import { roundTo } from './geo.mjs';

export const BASEMAP_BBOX = /** @type {[number, number, number, number]} */ ([100, 19, 106.5, 25.5]);

const COUNTRIES = [
  { id: '704', iso: 'VNM', name_vi: 'Việt Nam', name_en: 'Vietnam' },
  { id: '156', iso: 'CHN', name_vi: 'Trung Quốc', name_en: 'China' },
  { id: '418', iso: 'LAO', name_vi: 'Lào', name_en: 'Laos' },
  { id: '104', iso: 'MMR', name_vi: 'Myanmar', name_en: 'Myanmar' },
  { id: '764', iso: 'THA', name_vi: 'Thái Lan', name_en: 'Thailand' },
];

/** @param {number[][]} ring */
function cleanRing4(ring) {
  /** @type {number[][]} */
  const out = [];
  for (const p of ring) {
    const q = [roundTo(p[0], 4), roundTo(p[1], 4)];
    const l = out[out.length - 1];
    if (!l || l[0] !== q[0] || l[1] !== q[1]) out.push(q);
  }
  if (out.length < 4) return null;
  const a = out[0], b = out[out.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]);
  return out.length >= 4 ? out : null;
}

/** @returns {string} GeoJSON text */
export function buildBasemap() {
  const world = loadWorld();
  const fc = /** @type {any} */ (topojson.feature(world, world.objects.countries));
  const box = turf.bboxPolygon(BASEMAP_BBOX);
  const lines = [];
  for (const c of COUNTRIES) {
    const f = fc.features.find((/** @type {any} */ x) => x.id === c.id);
    if (!f || !turf.booleanIntersects(f, box)) continue;
    const clipped = turf.bboxClip(f, BASEMAP_BBOX);
    const simple = turf.simplify(clipped, { tolerance: 0.002, highQuality: true });
    const polys = simple.geometry.type === 'Polygon' ? [simple.geometry.coordinates] : simple.geometry.coordinates;
    const out = polys
      .map((/** @type {number[][][]} */ poly) => poly.map(cleanRing4).filter(Boolean))
      .filter((/** @type {any[]} */ poly) => poly.length > 0 && poly[0]);
    if (out.length === 0) continue;
    const geometry = turf.rewind(
      turf.feature(out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out }),
    ).geometry;
    lines.push(JSON.stringify({ type: 'Feature', properties: { name_vi: c.name_vi, name_en: c.name_en, iso: c.iso }, geometry }));
  }
  return '{"type":"FeatureCollection","features":[\n' + lines.join(',\n') + '\n]}\n';
}
