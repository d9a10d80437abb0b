// Geometry helpers: a local km frame, rounding, planar clipping and GeoJSON clean-up.
import * as turf from '@turf/turf';

/** @typedef {[number, number]} Pt */
/** @typedef {Pt[]} Ring */
/** @typedef {{ type: 'Polygon', coordinates: Ring[] } | { type: 'MultiPolygon', coordinates: Ring[][] }} PolyGeom */
/** @typedef {{ type: 'Feature', properties: Record<string, any>, geometry: PolyGeom }} PolyFeature */

const R_KM = 6378.137; // turf's sphere radius, so planar km² ≈ turf.area / 1e6

/**
 * Local equirectangular frame in km around (lon0, lat0). Linear in lon/lat, so straight lines
 * stay straight both ways.
 * @param {number} lon0 @param {number} lat0
 */
export function makeFrame(lon0, lat0) {
  const ky = (R_KM * Math.PI) / 180;
  const kx = ky * Math.cos((lat0 * Math.PI) / 180);
  return {
    lon0,
    lat0,
    /** @param {number[]} p @returns {Pt} */
    toKm: (p) => [(p[0] - lon0) * kx, (p[1] - lat0) * ky],
    /** @param {number[]} p @returns {Pt} */
    toLonLat: (p) => [lon0 + p[0] / kx, lat0 + p[1] / ky],
  };
}

/** @param {number} v */
export const round5 = (v) => {
  const r = Math.round(v * 1e5) / 1e5;
  return r === 0 ? 0 : r;
};
/** @param {number} v @param {number} d */
export const roundTo = (v, d) => {
  const f = 10 ** d;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
};

/** Signed planar area of a ring (positive when counter-clockwise). @param {number[][]} ring */
export function ringArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/**
 * Sutherland–Hodgman clip of a ring (open or closed) to the half-plane a·x + b·y ≤ c.
 * Correct as an area for concave subjects (may leave zero-area bridges).
 * @param {Pt[]} ring @param {number} a @param {number} b @param {number} c
 * @returns {Pt[]}
 */
export function clipHalfPlane(ring, a, b, c) {
  /** @type {Pt[]} */
  const out = [];
  const n = ring.length;
  if (n === 0) return out;
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const dp = a * p[0] + b * p[1] - c;
    const dq = a * q[0] + b * q[1] - c;
    if (dp <= 0) out.push(p);
    if ((dp < 0 && dq > 0) || (dp > 0 && dq < 0)) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Convex hull (monotone chain), counter-clockwise, open. @param {Pt[]} pts @returns {Pt[]} */
export function convexHull(pts) {
  const p = pts.slice().sort((u, v) => u[0] - v[0] || u[1] - v[1]);
  /** @param {Pt} o @param {Pt} a @param {Pt} b */
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  /** @type {Pt[]} */ const lower = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  /** @type {Pt[]} */ const upper = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/**
 * Rounds a ring to 5 decimals, drops repeated points, closes it and orients it
 * (exterior counter-clockwise, holes clockwise, RFC 7946). Returns null when degenerate.
 * @param {number[][]} ring @param {boolean} hole
 * @returns {Ring | null}
 */
export function cleanRing(ring, hole) {
  /** @type {Ring} */
  const out = [];
  for (const p of ring) {
    const q = /** @type {Pt} */ ([round5(p[0]), round5(p[1])]);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3) return null;
  const a = ringArea(out);
  if (Math.abs(a) < 1e-11) return null;
  if ((a < 0) !== hole) out.reverse();
  out.push([out[0][0], out[0][1]]);
  return out;
}

/**
 * Cleans a Polygon/MultiPolygon geometry: rounding, closing, orientation, drops slivers.
 * @param {any} geom
 * @returns {PolyGeom | null}
 */
export function cleanGeometry(geom) {
  if (!geom) return null;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  /** @type {Ring[][]} */
  const out = [];
  for (const poly of polys) {
    const shell = cleanRing(poly[0], false);
    if (!shell) continue;
    /** @type {Ring[]} */
    const rings = [shell];
    for (const h of poly.slice(1)) {
      const r = cleanRing(h, true);
      if (r) rings.push(r);
    }
    out.push(rings);
  }
  if (out.length === 0) return null;
  if (out.length === 1) return { type: 'Polygon', coordinates: out[0] };
  return { type: 'MultiPolygon', coordinates: out };
}

/**
 * Intersection of two polygon geometries/features (turf 7 API), or null.
 * @param {any} a @param {any} b
 */
export function intersect(a, b) {
  const fa = a.type === 'Feature' ? a : turf.feature(a);
  const fb = b.type === 'Feature' ? b : turf.feature(b);
  const r = turf.intersect(turf.featureCollection([fa, fb]));
  return r ? r.geometry : null;
}

/** Union of polygon geometries/features, or null. @param {any[]} parts */
export function union(parts) {
  const fs = parts.map((p) => (p.type === 'Feature' ? p : turf.feature(p)));
  if (fs.length === 1) return fs[0].geometry;
  const r = turf.union(turf.featureCollection(fs));
  return r ? r.geometry : null;
}

/** Geodesic area in km². @param {any} g */
// Ellipsoidal (WGS 84) area, the same method as src/analysis/area.ts (Lambert cylindrical
// equal-area on the ellipsoid + shoelace), so the pack's area attributes are what the app's
// statistics engine measures; build-pack.test.ts checks the two agree. (The generator is plain
// Node and cannot import the TypeScript module.) turf.area's sphere reads ~0.3 % high here.
const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const DEG = Math.PI / 180;
const authalicQ = (latDeg) => {
  const sn = Math.sin(latDeg * DEG);
  const es = E * sn;
  return (1 - E2) * (sn / (1 - E2 * sn * sn) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
};
const ringAreaM2 = (ring) => {
  const m = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  if (m < 3) return 0;
  const x0 = ring[0][0] * DEG;
  const y0 = authalicQ(ring[0][1]);
  let sum = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i < m; i++) {
    const x = ring[i][0] * DEG - x0;
    const y = authalicQ(ring[i][1]) - y0;
    sum += px * y - x * py;
    px = x;
    py = y;
  }
  return (Math.abs(sum) / 2) * ((WGS84_A * WGS84_A) / 2);
};
const polygonAreaM2 = (rings) => Math.max(0, rings.reduce((a, r, i) => a + (i === 0 ? 1 : -1) * ringAreaM2(r), 0));
export const areaKm2 = (g) => {
  const geom = g.type === 'Feature' ? g.geometry : g;
  if (!geom) return 0;
  if (geom.type === 'Polygon') return polygonAreaM2(geom.coordinates) / 1e6;
  if (geom.type === 'MultiPolygon') return geom.coordinates.reduce((a, p) => a + polygonAreaM2(p), 0) / 1e6;
  return 0;
};

/** Polygon rings of a geometry as a flat list of polygons. @param {PolyGeom} g @returns {Ring[][]} */
export const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Point-in-polygon (boundary counts as inside). @param {number[]} pt @param {any} g */
export const inside = (pt, g) => turf.booleanPointInPolygon(pt, g.type === 'Feature' ? g : turf.feature(g));

/** Bounding box [w, s, e, n] of a polygon geometry. @param {PolyGeom} g @returns {[number, number, number, number]} */
export function bboxOf(g) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const poly of polygonsOf(g)) for (const p of poly[0]) {
    if (p[0] < w) w = p[0];
    if (p[0] > e) e = p[0];
    if (p[1] < s) s = p[1];
    if (p[1] > n) n = p[1];
  }
  return [w, s, e, n];
}

/** @param {number[]} a @param {number[]} b */
export const bboxesOverlap = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * A random point inside a polygon geometry (rejection sampling in its bbox).
 * @param {PolyGeom} g @param {() => number} rnd
 * @returns {Pt}
 */
export function randomPointIn(g, rnd) {
  const [w, s, e, n] = bboxOf(g);
  const f = turf.feature(g);
  for (let i = 0; i < 10000; i++) {
    /** @type {Pt} */
    const p = [w + (e - w) * rnd(), s + (n - s) * rnd()];
    if (turf.booleanPointInPolygon(p, f)) return p;
  }
  throw new Error('randomPointIn: no point found');
}

/** Area-weighted centroid of the largest polygon (planar in lon/lat; fine for labels). @param {PolyGeom} g @returns {Pt} */
export function centroidOf(g) {
  let best = null, bestA = -1;
  for (const poly of polygonsOf(g)) {
    const a = Math.abs(ringArea(poly[0]));
    if (a > bestA) { bestA = a; best = poly[0]; }
  }
  const ring = /** @type {Ring} */ (best);
  let cx = 0, cy = 0, A = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i], q = ring[i + 1];
    const c = p[0] * q[1] - q[0] * p[1];
    A += c; cx += (p[0] + q[0]) * c; cy += (p[1] + q[1]) * c;
  }
  if (Math.abs(A) < 1e-15) return [ring[0][0], ring[0][1]];
  return [cx / (3 * A), cy / (3 * A)];
}

/**
 * An irregular star-shaped blob around `center` whose geodesic area matches `areaHa` within
 * `tol` after rounding to 5 decimals. Radii vary smoothly.
 * @param {Pt} center lon/lat
 * @param {number} areaHa
 * @param {() => number} rnd
 * @param {{ vertices?: number, roughness?: number, elongation?: number, tol?: number }} [opt]
 * @returns {{ type: 'Polygon', coordinates: Ring[] }}
 */
export function makeBlob(center, areaHa, rnd, opt = {}) {
  const nv = opt.vertices ?? 12 + Math.floor(rnd() * 8);
  const rough = opt.roughness ?? 0.28;
  const elong = opt.elongation ?? 1 + rnd() * 0.8;
  const rot = rnd() * Math.PI;
  const ph1 = rnd() * 2 * Math.PI, ph2 = rnd() * 2 * Math.PI, ph3 = rnd() * 2 * Math.PI;
  const frame = makeFrame(center[0], center[1]);
  /** @type {Pt[]} */
  const unit = [];
  for (let i = 0; i < nv; i++) {
    const t = (2 * Math.PI * i) / nv;
    const r = 1 + rough * (0.55 * Math.sin(2 * t + ph1) + 0.3 * Math.sin(3 * t + ph2) + 0.15 * Math.sin(5 * t + ph3)) + (rnd() - 0.5) * rough * 0.5;
    const x = Math.cos(t) * r * elong, y = Math.sin(t) * r / elong;
    unit.push([x * Math.cos(rot) - y * Math.sin(rot), x * Math.sin(rot) + y * Math.cos(rot)]);
  }
  const target = areaHa / 100; // km²
  let scale = Math.sqrt(target / Math.abs(ringArea(unit)));
  const tol = opt.tol ?? 0.001;
  let best = null, bestErr = Infinity;
  for (let it = 0; it < 12; it++) {
    const ring = cleanRing(unit.map((p) => frame.toLonLat([p[0] * scale, p[1] * scale])), false);
    if (!ring) { scale *= 1.1; continue; }
    const g = /** @type {{ type: 'Polygon', coordinates: Ring[] }} */ ({ type: 'Polygon', coordinates: [ring] });
    const a = areaKm2(g);
    const err = Math.abs(a / target - 1);
    if (err < bestErr) { bestErr = err; best = g; }
    if (err < tol) break;
    scale *= Math.sqrt(target / a) * (it > 4 ? 1 + (rnd() - 0.5) * 1e-4 : 1);
  }
  return /** @type {{ type: 'Polygon', coordinates: Ring[] }} */ (best);
}
