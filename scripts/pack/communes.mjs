// Schematic communes: a power diagram (weighted Voronoi) of the commune centres, clipped to
// the district outline, with weights iterated until each cell's area matches the facts.
import * as turf from '@turf/turf';
import { makeFrame, clipHalfPlane, ringArea, intersect, cleanGeometry, areaKm2, inside, polygonsOf } from './geo.mjs';

/**
 * @typedef {{ gso_code: string, name_vi: string, type_vi: string, area_km2: number,
 *   centre: number[], new_2025_code: string, new_2025_commune: string }} CommuneFact
 */

/**
 * Power cell i as a convex polygon (km frame), from a big box cut by all half-planes.
 * @param {[number, number][]} sites @param {number[]} w @param {number} i
 * @param {[number, number][]} box
 */
function powerCell(sites, w, i, box) {
  let cell = box;
  const ci = sites[i];
  for (let j = 0; j < sites.length && cell.length > 0; j++) {
    if (j === i) continue;
    const cj = sites[j];
    // |x−ci|² − wi ≤ |x−cj|² − wj  ⇔  2(cj−ci)·x ≤ |cj|² − |ci|² − wj + wi
    const a = 2 * (cj[0] - ci[0]);
    const b = 2 * (cj[1] - ci[1]);
    const c = cj[0] ** 2 + cj[1] ** 2 - ci[0] ** 2 - ci[1] ** 2 - w[j] + w[i];
    cell = clipHalfPlane(cell, a, b, c);
  }
  return cell;
}

/**
 * Planar area (km²) and centroid of the outline (km rings) inside a convex cell.
 * @param {[number, number][][][]} outlineKm @param {[number, number][]} cell
 * @returns {{ area: number, cx: number, cy: number }}
 */
function clipStats(outlineKm, cell) {
  if (cell.length < 3) return { area: 0, cx: 0, cy: 0 };
  let A = 0, X = 0, Y = 0;
  for (const poly of outlineKm) {
    poly.forEach((ring, k) => {
      let r = ring;
      for (let e = 0; e < cell.length && r.length; e++) {
        const p = cell[e], q = cell[(e + 1) % cell.length];
        // cell is CCW: inside is left of p→q  ⇔  a·x + b·y ≤ c
        const a = q[1] - p[1], b = -(q[0] - p[0]);
        r = clipHalfPlane(r, a, b, a * p[0] + b * p[1]);
      }
      const sign = (k === 0 ? 1 : -1) * (ringArea(ring) >= 0 ? 1 : -1);
      for (let m = 0; m < r.length; m++) {
        const u = r[m], v = r[(m + 1) % r.length];
        const c = (u[0] * v[1] - v[0] * u[1]) * sign;
        A += c / 2;
        X += ((u[0] + v[0]) * c) / 6;
        Y += ((u[1] + v[1]) * c) / 6;
      }
    });
  }
  return A > 1e-9 ? { area: A, cx: X / A, cy: Y / A } : { area: 0, cx: 0, cy: 0 };
}

/**
 * @param {CommuneFact[]} communes
 * @param {import('./geo.mjs').PolyGeom} outline lon/lat
 * @returns {{ features: import('./geo.mjs').PolyFeature[], iterations: number, maxRelError: number }}
 */
export function buildSchematicCommunes(communes, outline) {
  const lon0 = communes.reduce((s, c) => s + c.centre[0], 0) / communes.length;
  const lat0 = communes.reduce((s, c) => s + c.centre[1], 0) / communes.length;
  const frame = makeFrame(lon0, lat0);
  const geoTotal = areaKm2(outline);
  const factTotal = communes.reduce((s, c) => s + c.area_km2, 0);
  /** @param {number} i */
  const share = (i) => (communes[i].area_km2 / factTotal) * geoTotal;
  // Small units (the township, 12.3 km²) sit a few km from much larger neighbours' centres;
  // no power cell of that size can hold its centre. They are carved as compact octagons
  // around their centre and the power diagram is solved for the other units, each target
  // grown by what the octagons will take from it.
  const smallIdx = communes.map((c, i) => (c.area_km2 < 30 ? i : -1)).filter((i) => i >= 0);
  const mainIdx = communes.map((c, i) => (c.area_km2 < 30 ? -1 : i)).filter((i) => i >= 0);
  /** @type {Map<number, import('./geo.mjs').PolyGeom>} */
  const carved = new Map();
  for (const i of smallIdx) {
    const c = frame.toKm(communes[i].centre);
    /** @param {number} r */
    const oct = (r) => {
      const ring = [];
      for (let k = 0; k < 8; k++) {
        const t = (Math.PI / 4) * k + Math.PI / 8;
        ring.push(frame.toLonLat([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)]));
      }
      ring.push(ring[0]);
      return cleanGeometry(intersect(outline, { type: 'Polygon', coordinates: [ring] }));
    };
    let r = Math.sqrt(communes[i].area_km2 / 2.828);
    let g = oct(r);
    for (let k = 0; k < 6 && g; k++) {
      r *= Math.sqrt(share(i) / areaKm2(g));
      g = oct(r);
    }
    if (!g) throw new Error(`no room for ${communes[i].gso_code}`);
    carved.set(i, g);
  }
  const centres = mainIdx.map((i) => frame.toKm(communes[i].centre));
  // generator sites start at the fact centres; a few Lloyd steps move each toward its cell
  // centroid, tethered to the centre (≤ 0.35 × the commune's radius) so cells stay compact
  /** @type {[number, number][]} */
  const sites = centres.map((c) => [c[0], c[1]]);
  const outlineKm = polygonsOf(outline).map((poly) => poly.map((ring) => ring.slice(0, -1).map((p) => frame.toKm(p))));
  /** @type {[number, number][]} */
  const box = [[-500, -500], [500, -500], [500, 500], [-500, 500]];
  const n = sites.length;
  const w = new Array(n).fill(0);
  /** @type {{ area: number, cx: number, cy: number }[]} */
  let stats = [];
  let it = 0;
  const tether = 0.35;
  /** @param {number} k */
  const cellGeom = (k) => {
    const cell = powerCell(sites, w, k, box).map((p) => frame.toLonLat(p));
    cell.push(cell[0]);
    return cleanGeometry(intersect(outline, { type: 'Polygon', coordinates: [cell] }));
  };
  /** @param {number[]} tg @param {number} maxIter @param {boolean} lloyd */
  const solve = (tg, maxIter, lloyd) => {
    let err = Infinity;
    for (let k = 0; k < maxIter; k++, it++) {
      stats = sites.map((_, i) => clipStats(outlineKm, powerCell(sites, w, i, box)));
      err = Math.max(...stats.map((st, i) => Math.abs(st.area / tg[i] - 1)));
      if (!lloyd && err < 0.001) break;
      for (let i = 0; i < n; i++) {
        const perim = 4 * Math.sqrt(Math.max(stats[i].area, 1));
        w[i] += (0.5 * (tg[i] - stats[i].area) * 2 * Math.sqrt(tg[i])) / perim;
        if (lloyd && k % 10 === 9 && stats[i].area > 0) {
          const dx = stats[i].cx - centres[i][0], dy = stats[i].cy - centres[i][1];
          const len = Math.hypot(dx, dy);
          const max = tether * Math.sqrt(tg[i] / Math.PI);
          const f = len > max ? max / len : 1;
          sites[i][0] = centres[i][0] + dx * f;
          sites[i][1] = centres[i][1] + dy * f;
        }
      }
      const mean = w.reduce((s, x) => s + x, 0) / n;
      for (let i = 0; i < n; i++) w[i] -= mean;
    }
    return err;
  };
  // geodesic targets (fact shares of the outline) plus what the carved units take away
  let overlap = new Array(n).fill(0);
  let ratio = new Array(n).fill(1);
  const planarTotal = outlineKm.reduce((s, poly) => s + poly.reduce((t, r, k) => t + (k === 0 ? 1 : -1) * Math.abs(ringArea(r)), 0), 0);
  ratio.fill(geoTotal / planarTotal);
  /** @type {(import('./geo.mjs').PolyGeom | null)[]} */
  let geoms = [];
  for (let pass = 0; pass < 4; pass++) {
    const tg = mainIdx.map((ci, k) => (share(ci) + overlap[k]) / ratio[k]);
    solve(tg, pass === 0 ? 1500 : 0, true);
    solve(tg, 4000, false);
    geoms = sites.map((_, k) => cellGeom(k));
    ratio = geoms.map((g, k) => (g ? areaKm2(g) / stats[k].area : 1));
    overlap = geoms.map((g) => {
      let o = 0;
      for (const cg of carved.values()) {
        const x = g ? intersect(g, cg) : null;
        if (x) o += areaKm2(x);
      }
      return o;
    });
  }
  /** @type {(import('./geo.mjs').PolyGeom | null)[]} */
  const finalGeoms = communes.map(() => null);
  mainIdx.forEach((ci, k) => {
    let g = geoms[k];
    for (const cg of carved.values()) {
      if (!g) break;
      const d = turf.difference(turf.featureCollection([turf.feature(g), turf.feature(cg)]));
      g = d ? cleanGeometry(d.geometry) : null;
    }
    finalGeoms[ci] = g;
  });
  for (const [i, g] of carved) finalGeoms[i] = g;
  let maxRelError = 0;
  const features = communes.map((c, i) => {
    const g = finalGeoms[i];
    if (!g) throw new Error(`commune ${c.gso_code} has an empty cell`);
    if (!inside(c.centre, g)) throw new Error(`centre of ${c.gso_code} falls outside its cell`);
    const a = areaKm2(g);
    maxRelError = Math.max(maxRelError, Math.abs(a / c.area_km2 - 1));
    return /** @type {import('./geo.mjs').PolyFeature} */ ({ type: 'Feature', properties: { gso_code: c.gso_code }, geometry: g });
  });
  return { features, iterations: it, maxRelError };
}
