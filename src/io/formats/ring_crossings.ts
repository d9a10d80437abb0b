// Does any ring of a polygon cross or touch itself or another ring of the same polygon?
// A Shamos–Hoey sweep: O(n log n) in the number of vertices, where the pairwise test turf
// `kinks` used is O(n²) (a 1,000,000-vertex ring never finished and wedged the worker).
// The sweep stops at the first problem and returns where it is.

import { SplayTreeSet } from 'splaytree-ts';
import type { Position } from 'geojson';

/**
 * Segments as columns (typed arrays), not objects: a million objects cost seconds of
 * allocation. Segment s runs from vertex s to vertex next[s] of the same ring.
 */
interface Segs {
  /** Left (lexicographically smaller: x, then y) and right end of each segment. */
  lx: Float64Array;
  ly: Float64Array;
  rx: Float64Array;
  ry: Float64Array;
  /** Vertex coordinates; vertex v is where segment v starts. */
  vx: Float64Array;
  vy: Float64Array;
  next: Int32Array;
  prev: Int32Array;
}

/** > 0: c is left of a→b; < 0: right; 0: on the line. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function lexLess(ax: number, ay: number, bx: number, by: number): boolean {
  return ax < bx || (ax === bx && ay < by);
}

/**
 * Order of two segments in the sweep, decided by the side of the later-starting one
 * relative to the line of the other. It needs no sweep position, and is consistent for
 * segments that do not cross, which is all the tree holds before the first problem.
 */
function segmentOrder(g: Segs): (a: number, b: number) => number {
  const { lx, ly, rx, ry } = g;
  return (a, b) => {
    if (a === b) return 0;
    const alx = lx[a] as number, aly = ly[a] as number, blx = lx[b] as number, bly = ly[b] as number;
    const aFirst = alx < blx || (alx === blx && (aly < bly || (aly === bly && a < b)));
    const s = aFirst ? a : b;
    const t = aFirst ? b : a;
    const sx = lx[s] as number, sy = ly[s] as number, ex = rx[s] as number, ey = ry[s] as number;
    let o = orient(sx, sy, ex, ey, lx[t] as number, ly[t] as number);
    if (o === 0) o = orient(sx, sy, ex, ey, rx[t] as number, ry[t] as number);
    if (o === 0) return a - b; // collinear: an overlap, found when they meet in the tree
    return aFirst === o > 0 ? -1 : 1;
  };
}

function inBox(g: Segs, s: number, x: number, y: number): boolean {
  const { lx, ly, rx, ry } = g;
  return x >= (lx[s] as number) && x <= (rx[s] as number) && y >= Math.min(ly[s] as number, ry[s] as number) && y <= Math.max(ly[s] as number, ry[s] as number);
}

/** Where two segments meet in a way a valid polygon does not allow, or undefined. */
function illegalMeeting(g: Segs, a: number, b: number): [number, number] | undefined {
  const alx = g.lx[a] as number, aly = g.ly[a] as number, arx = g.rx[a] as number, ary = g.ry[a] as number;
  const blx = g.lx[b] as number, bly = g.ly[b] as number, brx = g.rx[b] as number, bry = g.ry[b] as number;
  const adjacent = g.next[a] === b || g.next[b] === a;
  const d1 = orient(alx, aly, arx, ary, blx, bly);
  const d2 = orient(alx, aly, arx, ary, brx, bry);
  const d3 = orient(blx, bly, brx, bry, alx, aly);
  const d4 = orient(blx, bly, brx, bry, arx, ary);
  if (d1 === 0 && d2 === 0) {
    // Collinear: consecutive edges may share their common vertex; any longer overlap is a spike.
    const shared: [number, number][] = [];
    if (inBox(g, a, blx, bly)) shared.push([blx, bly]);
    if (inBox(g, a, brx, bry)) shared.push([brx, bry]);
    if (inBox(g, b, alx, aly)) shared.push([alx, aly]);
    if (inBox(g, b, arx, ary)) shared.push([arx, ary]);
    const first = shared[0];
    if (!first) return undefined;
    if (adjacent && shared.every(([x, y]) => x === first[0] && y === first[1])) return undefined;
    return first;
  }
  if (adjacent) return undefined; // they share a vertex and are not collinear
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d3 / (d3 - d4);
    return [alx + t * (arx - alx), aly + t * (ary - aly)];
  }
  if (d1 === 0 && inBox(g, a, blx, bly)) return [blx, bly];
  if (d2 === 0 && inBox(g, a, brx, bry)) return [brx, bry];
  if (d3 === 0 && inBox(g, b, alx, aly)) return [alx, aly];
  if (d4 === 0 && inBox(g, b, arx, ary)) return [arx, ary];
  return undefined;
}

/** Vertices without consecutive repeats or the closing repeat of the first. */
function ringVertices(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

function segmentsOf(rings: readonly (readonly Position[])[]): { segs: Segs } | { degenerate: [number, number] } {
  const kept = rings.map(ringVertices);
  for (const vs of kept) {
    // fewer than three distinct vertices: a ring with no area is not a valid ring
    if (vs.length < 3) return { degenerate: [vs[0]?.[0] ?? NaN, vs[0]?.[1] ?? NaN] };
  }
  const total = kept.reduce((n, vs) => n + vs.length, 0);
  const g: Segs = {
    lx: new Float64Array(total), ly: new Float64Array(total), rx: new Float64Array(total), ry: new Float64Array(total),
    vx: new Float64Array(total), vy: new Float64Array(total), next: new Int32Array(total), prev: new Int32Array(total),
  };
  let base = 0;
  for (const vs of kept) {
    const n = vs.length;
    for (let i = 0; i < n; i++) {
      const p = vs[i] as Position;
      g.vx[base + i] = p[0] ?? NaN;
      g.vy[base + i] = p[1] ?? NaN;
      g.next[base + i] = base + ((i + 1) % n);
      g.prev[base + i] = base + ((i + n - 1) % n);
    }
    base += n;
  }
  for (let s = 0; s < total; s++) {
    const px = g.vx[s] as number, py = g.vy[s] as number;
    const w = g.next[s] as number;
    const qx = g.vx[w] as number, qy = g.vy[w] as number;
    const pFirst = lexLess(px, py, qx, qy);
    g.lx[s] = pFirst ? px : qx;
    g.ly[s] = pFirst ? py : qy;
    g.rx[s] = pFirst ? qx : px;
    g.ry[s] = pFirst ? qy : py;
  }
  return { segs: g };
}

/**
 * First point where a ring of the polygon (outer ring and holes) crosses or touches itself
 * or another ring, or a spike folds back on itself; undefined when the rings are simple and
 * disjoint. Consecutive repeated vertices are ignored, so they are not taken as a touch.
 */
export function ringsProblemAt(rings: readonly (readonly Position[])[], pairwiseUpTo = PAIRWISE_MAX): [number, number] | undefined {
  const got = segmentsOf(rings);
  if ('degenerate' in got) return got.degenerate;
  return got.segs.vx.length <= pairwiseUpTo ? pairwise(got.segs) : sweep(got.segs);
}

/**
 * Up to this many segments every pair is tested: for the small polygons most layers hold,
 * that is several times faster than setting up the sweep (the tests force the sweep with 0).
 */
export const PAIRWISE_MAX = 48;

function pairwise(g: Segs): [number, number] | undefined {
  const n = g.vx.length;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const hit = illegalMeeting(g, a, b);
      if (hit) return hit;
    }
  }
  return undefined;
}

function sweep(g: Segs): [number, number] | undefined {
  const { vx, vy } = g;
  const n = vx.length;
  // Every vertex ends two segments (the one into it and the one out of it): sort vertices,
  // not segment ends, which halves the sort.
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (vx[a] as number) - (vx[b] as number) || (vy[a] as number) - (vy[b] as number) || a - b);

  // Two vertices at one point: a ring touches itself or another ring there.
  for (let k = 1; k < n; k++) {
    const a = order[k - 1] as number;
    const b = order[k] as number;
    if (vx[a] === vx[b] && vy[a] === vy[b]) return [vx[b] as number, vy[b] as number];
  }

  const tree = new SplayTreeSet<number>(segmentOrder(g));
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = order[k] as number;
    const x = vx[v] as number;
    const y = vy[v] as number;
    starts.length = 0;
    ends.length = 0;
    for (const s of [v, g.prev[v] as number]) {
      if (g.lx[s] === x && g.ly[s] === y) starts.push(s);
      else ends.push(s);
    }
    // inserts before removals, so segments meeting at this vertex are compared
    for (const s of starts) {
      tree.add(s);
      const below = tree.lastBefore(s);
      const above = tree.firstAfter(s);
      const hit = (below !== null && illegalMeeting(g, below, s)) || (above !== null && illegalMeeting(g, s, above));
      if (hit) return hit;
    }
    for (const s of ends) {
      const below = tree.lastBefore(s);
      const above = tree.firstAfter(s);
      tree.delete(s);
      const hit = below !== null && above !== null ? illegalMeeting(g, below, above) : undefined;
      if (hit) return hit;
    }
  }
  return undefined;
}
