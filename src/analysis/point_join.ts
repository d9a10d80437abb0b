import type { FeatureCollection } from 'geojson';
import { prepareBoundaries, type BoundaryUnit, type PreparedBoundaries } from './boundary_units';

// Assigns points to boundary units (communes): the unit index (spatial_index.ts, flatbush over
// the units' boxes) narrows each point to the few units whose box holds it, then an exact
// point-in-polygon decides. The point-in-polygon is a ray cast over the unit's own edge index,
// so only the handful of boundary edges a horizontal ray from the point meets are read, not
// every vertex of the commune. Points come as a flat Float64Array (lon, lat, lon, lat, …), the
// columnar form the CSV parser produces, so a million points make no objects.
//
// Before either, a grid over the units' extent answers most points with one lookup: a cell that
// no unit edge crosses lies wholly inside the same units (or none), and so does every such cell
// it touches, so a connected region of them has one answer, found once with the exact test at
// the centre of one of its cells. Only points in cells an edge crosses take the exact path.
// 1,000,000 points over the default pack's 14 communes (scripts/bench.mjs, join): 135 ms without
// the grid, 55 ms with a 256 grid of cells answered one by one; regions on a 512 grid then
// halved it (side by side in Node: 130 → 69 ms). The statistics (overlay_stats.ts) count
// points through the same UnitLocator.

const SMALL_UNIT_EDGES = 64;

export interface PointJoinResult {
  /** per point: index of the unit (in `units`) it lies in, −1 when in none */
  unitOf: Int32Array;
  /** per unit: number of points */
  counts: Uint32Array;
  units: { code: string; name: string | null }[];
  outside: number;
}

/**
 * Whether (x, y) is inside the unit or on its boundary, by a ray cast over the unit's edge index.
 * The crossings are counted per polygon: a unit's polygons may overlap (a commune given as two
 * features that overlap a little), and a point inside any of them is inside the unit.
 */
export function pointInUnit(x: number, y: number, unit: BoundaryUnit): boolean {
  if (x < unit.bbox[0] || x > unit.bbox[2] || y < unit.bbox[1] || y > unit.bbox[3]) return false;
  const e = unit.edges;
  // one parity bit per polygon, only for units of several
  const parity = unit.polys.length > 1 ? new Uint8Array(unit.polys.length) : null;
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
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) {
      if (parity) parity[unit.edgePolys[h]!]! ^= 1;
      else inside = !inside;
    }
  }
  return parity ? parity.includes(1) : inside;
}

export interface PointJoinOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Cells an edge crosses; the others hold the id of their region (≥ 0). */
export const CROSSED = -3;
const UNKNOWN = -2;
// 512: 2.4 % of the default pack's cells are crossed (8 % at 256), and the grid's 1 MB is
// built in a few ms
const GRID_MAX_SIDE = 512;

/** The grid of cells over the units' extent (see above). */
export class UnitGrid {
  readonly cells: Int32Array;
  /** per region: one of its cells */
  readonly regionCells: number[] = [];
  readonly nx: number;
  readonly ny: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cellW: number;
  private readonly cellH: number;

  constructor(units: BoundaryUnit[]) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const u of units) {
      x0 = Math.min(x0, u.bbox[0]);
      y0 = Math.min(y0, u.bbox[1]);
      x1 = Math.max(x1, u.bbox[2]);
      y1 = Math.max(y1, u.bbox[3]);
    }
    // one cell's margin all round: a point on the units' outer border then falls in a crossed
    // cell, and any point outside the grid is outside every unit
    const pad = Math.max(x1 - x0, y1 - y0) / GRID_MAX_SIDE;
    [x0, y0, x1, y1] = [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
    const w = x1 - x0, h = y1 - y0;
    const empty = !(w > 0 && h > 0);
    // roughly square cells, at most GRID_MAX_SIDE along the longer side
    this.nx = empty ? 0 : Math.max(1, Math.round(w >= h ? GRID_MAX_SIDE : (GRID_MAX_SIDE * w) / h));
    this.ny = empty ? 0 : Math.max(1, Math.round(h >= w ? GRID_MAX_SIDE : (GRID_MAX_SIDE * h) / w));
    this.x0 = x0;
    this.y0 = y0;
    this.cellW = w / this.nx;
    this.cellH = h / this.ny;
    this.cells = new Int32Array(this.nx * this.ny).fill(UNKNOWN);
    for (const u of units) for (let k = 0; k < u.edges.length; k += 4) this.markEdge(u.edges[k]!, u.edges[k + 1]!, u.edges[k + 2]!, u.edges[k + 3]!);
    this.fillRegions();
  }

  /** Numbers the connected regions of uncrossed cells (4-neighbours), by flood fill. */
  private fillRegions(): void {
    const { cells, nx, ny } = this;
    const stack: number[] = [];
    for (let start = 0; start < cells.length; start++) {
      if (cells[start] !== UNKNOWN) continue;
      const region = this.regionCells.push(start) - 1;
      cells[start] = region;
      stack.push(start);
      while (stack.length) {
        const c = stack.pop()!;
        const i = c % nx;
        if (i > 0 && cells[c - 1] === UNKNOWN) (cells[c - 1] = region), stack.push(c - 1);
        if (i < nx - 1 && cells[c + 1] === UNKNOWN) (cells[c + 1] = region), stack.push(c + 1);
        if (c >= nx && cells[c - nx] === UNKNOWN) (cells[c - nx] = region), stack.push(c - nx);
        if (c < (ny - 1) * nx && cells[c + nx] === UNKNOWN) (cells[c + nx] = region), stack.push(c + nx);
      }
    }
  }

  /** The cell of (x, y), or −1 outside the grid. */
  cellOf(x: number, y: number): number {
    const i = Math.floor((x - this.x0) / this.cellW);
    const j = Math.floor((y - this.y0) / this.cellH);
    return i >= 0 && i < this.nx && j >= 0 && j < this.ny ? j * this.nx + i : -1;
  }

  centreOf(cell: number): [number, number] {
    const i = cell % this.nx, j = (cell - i) / this.nx;
    return [this.x0 + (i + 0.5) * this.cellW, this.y0 + (j + 0.5) * this.cellH];
  }

  /**
   * Marks every cell the segment passes through, column by column, and one more cell around that
   * range, so that rounding at a cell's border can only mark too many cells, never too few.
   */
  private markEdge(ax: number, ay: number, bx: number, by: number): void {
    const [lx, ly, rx, ry] = ax <= bx ? [ax, ay, bx, by] : [bx, by, ax, ay];
    const i0 = Math.floor((lx - this.x0) / this.cellW), i1 = Math.floor((rx - this.x0) / this.cellW);
    for (let i = Math.max(0, i0 - 1); i <= Math.min(this.nx - 1, i1 + 1); i++) {
      let ylo: number, yhi: number;
      if (i < i0) ylo = yhi = ly;
      else if (i > i1) ylo = yhi = ry;
      else if (rx === lx) [ylo, yhi] = [Math.min(ly, ry), Math.max(ly, ry)];
      else {
        // the part of the segment within this column
        const c0 = Math.min(Math.max(lx, this.x0 + i * this.cellW), rx);
        const c1 = Math.max(Math.min(rx, this.x0 + (i + 1) * this.cellW), c0);
        const y0 = ly + ((ry - ly) * (c0 - lx)) / (rx - lx), y1 = ly + ((ry - ly) * (c1 - lx)) / (rx - lx);
        [ylo, yhi] = [Math.min(y0, y1), Math.max(y0, y1)];
      }
      const j0 = Math.max(0, Math.floor((ylo - this.y0) / this.cellH) - 1);
      const j1 = Math.min(this.ny - 1, Math.floor((yhi - this.y0) / this.cellH) + 1);
      for (let j = j0; j <= j1; j++) this.cells[j * this.nx + i] = CROSSED;
    }
  }
}

const NONE: readonly number[] = [];

/**
 * The units holding a point. Units may overlap (a district outline over its communes) and a point
 * on a shared border lies in both, so the answer is a set, kept per region of the grid.
 */
export class UnitLocator {
  readonly grid: UnitGrid;
  /** per region of the grid: its units, found at the first point asked there */
  private readonly regionUnits: (readonly number[] | undefined)[];
  private readonly found: number[] = [];

  constructor(
    private readonly units: BoundaryUnit[],
    private readonly index: PreparedBoundaries['index'],
  ) {
    this.grid = new UnitGrid(units);
    this.regionUnits = new Array(this.grid.regionCells.length);
  }

  /** Indexes (in `units`) of the units holding (x, y), inside or on the boundary, ascending. Valid until the next call. */
  unitsAt(x: number, y: number): readonly number[] {
    const { grid } = this;
    const cell = grid.cellOf(x, y);
    if (cell < 0) return NONE;
    const region = grid.cells[cell]!;
    if (region === CROSSED) return this.exact(x, y);
    let at = this.regionUnits[region];
    if (!at) {
      const [cx, cy] = grid.centreOf(grid.regionCells[region]!);
      at = this.regionUnits[region] = [...this.exact(cx, cy)];
    }
    return at;
  }

  private exact(x: number, y: number): readonly number[] {
    const found = this.found;
    found.length = 0;
    for (const u of this.index.searchPoint(x, y)) if (pointInUnit(x, y, this.units[u]!)) found.push(u);
    // candidates come back in index order, not input order
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }
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
  const locator = new UnitLocator(units, index);
  const n = xy.length >> 1;
  const unitOf = new Int32Array(n).fill(-1);
  const counts = new Uint32Array(units.length);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.(i, n);
    }
    // the lowest unit holding the point: on a shared border, the first unit in order gets it
    const found = locator.unitsAt(xy[2 * i]!, xy[2 * i + 1]!);
    if (found.length) {
      unitOf[i] = found[0]!;
      counts[found[0]!]!++;
    } else outside++;
  }
  opts.onProgress?.(n, n);
  return { unitOf, counts, units: units.map((u) => ({ code: u.code, name: u.name })), outside };
}
