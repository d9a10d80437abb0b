import type { FeatureCollection } from 'geojson';
import { prepareBoundaries, type BoundaryUnit } from './boundary_units';

// Assigns points to boundary units (communes): the unit index (spatial_index.ts, flatbush over
// the units' boxes) narrows each point to the few units whose box holds it, then an exact
// point-in-polygon decides. The point-in-polygon is a ray cast over the unit's own edge index,
// so only the handful of boundary edges a horizontal ray from the point meets are read, not
// every vertex of the commune. Points come as a flat Float64Array (lon, lat, lon, lat, …), the
// columnar form the CSV parser produces, so a million points make no objects.

const SMALL_UNIT_EDGES = 64;

export interface PointJoinResult {
  /** per point: index of the unit (in `units`) it lies in, −1 when in none */
  unitOf: Int32Array;
  /** per unit: number of points */
  counts: Uint32Array;
  units: { code: string; name: string | null }[];
  outside: number;
}

/** Whether (x, y) is inside the unit or on its boundary, by a ray cast over the unit's edge index. */
export function pointInUnit(x: number, y: number, unit: BoundaryUnit): boolean {
  if (x < unit.bbox[0] || x > unit.bbox[2] || y < unit.bbox[1] || y > unit.bbox[3]) return false;
  const e = unit.edges;
  let inside = false;
  // small units: every edge is cheaper than an index query
  const hits = e.length <= 4 * SMALL_UNIT_EDGES ? null : unit.edgeIndex.search([x, y, unit.bbox[2], y]);
  const count = hits ? hits.length : e.length >> 2;
  for (let i = 0; i < count; i++) {
    const h = hits ? hits[i]! : i;
    const k = h * 4;
    const ax = e[k]!, ay = e[k + 1]!, bx = e[k + 2]!, by = e[k + 3]!;
    // on the edge: counts as inside (the first unit in order gets a point on a shared border)
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return true;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

export interface PointJoinOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Joins points (flat lon/lat pairs) to the units of a boundary layer. */
export function joinPointsToUnits(
  xy: Float64Array,
  boundaries: FeatureCollection,
  codeField: string,
  nameField?: string,
  opts: PointJoinOptions = {},
): PointJoinResult {
  const { units, index } = prepareBoundaries(boundaries, codeField, nameField);
  const n = xy.length >> 1;
  const unitOf = new Int32Array(n).fill(-1);
  const counts = new Uint32Array(units.length);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.(i, n);
    }
    const x = xy[2 * i]!, y = xy[2 * i + 1]!;
    let found = -1;
    // candidates come back in index order, not input order: keep the lowest unit that holds it
    for (const u of index.searchPoint(x, y)) {
      if ((found < 0 || u < found) && pointInUnit(x, y, units[u]!)) found = u;
    }
    unitOf[i] = found;
    if (found >= 0) counts[found]!++;
    else outside++;
  }
  opts.onProgress?.(n, n);
  return { unitOf, counts, units: units.map((u) => ({ code: u.code, name: u.name })), outside };
}
