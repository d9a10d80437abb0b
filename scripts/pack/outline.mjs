// Schematic district outline: Vietnam (Natural Earth via world-atlas) ∩ the fact extent ∩ a
// buffer of the convex hull of the commune centres, the buffer grown by bisection until the
// outline's geodesic area matches the district figure.
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import * as turf from '@turf/turf';
import { makeFrame, convexHull, intersect, areaKm2, cleanGeometry } from './geo.mjs';

const require = createRequire(import.meta.url);

/** @returns {any} the world-atlas 10m topology (Natural Earth, public domain) */
export function loadWorld() {
  return require('world-atlas/countries-10m.json');
}

/** @param {any} world @param {string} id ISO numeric code as in world-atlas */
export function countryGeometry(world, id) {
  const fc = /** @type {any} */ (topojson.feature(world, world.objects.countries));
  const f = fc.features.find((/** @type {any} */ x) => x.id === id);
  if (!f) throw new Error(`country ${id} not in world-atlas`);
  return f;
}

/**
 * @param {{ communes: { centre: number[] }[], district: { area_km2: number, extent: { west: number, south: number, east: number, north: number } } }} facts
 * @returns {{ geometry: import('./geo.mjs').PolyGeom, bufferKm: number, areaKm2: number }}
 */
export function buildOutline(facts) {
  const world = loadWorld();
  const vn = countryGeometry(world, '704');
  const { west, south, east, north } = facts.district.extent;
  const box = turf.bboxPolygon([west, south, east, north]);
  const vnBox = intersect(vn, box);
  if (!vnBox) throw new Error('Vietnam does not reach the fact extent');
  const frame = makeFrame((west + east) / 2, (south + north) / 2);
  const hull = convexHull(facts.communes.map((c) => frame.toKm(c.centre)));
  /** @param {number} d */
  const outlineFor = (d) => {
    /** @type {[number, number][]} */
    const pts = [];
    const seg = 48;
    for (const v of hull) for (let k = 0; k < seg; k++) {
      const t = (2 * Math.PI * k) / seg;
      pts.push([v[0] + d * Math.cos(t), v[1] + d * Math.sin(t)]);
    }
    const ring = convexHull(pts).map((p) => frame.toLonLat(p));
    ring.push(ring[0]);
    return cleanGeometry(intersect(vnBox, { type: 'Polygon', coordinates: [ring] }));
  };
  const target = facts.district.area_km2;
  let lo = 0, hi = 60;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    const g = outlineFor(mid);
    if (g && areaKm2(g) < target) lo = mid; else hi = mid;
  }
  const d = (lo + hi) / 2;
  let geometry = /** @type {import('./geo.mjs').PolyGeom} */ (outlineFor(d));
  // keep only the main piece if clipping left islands
  if (geometry.type === 'MultiPolygon') {
    const parts = geometry.coordinates.slice().sort((a, b) => areaKm2({ type: 'Polygon', coordinates: b }) - areaKm2({ type: 'Polygon', coordinates: a }));
    geometry = { type: 'Polygon', coordinates: parts[0] };
  }
  return { geometry, bufferKm: Math.round(d * 1000) / 1000, areaKm2: areaKm2(geometry) };
}
