import { edgesInBox, interiorPoint, locatePointInMulti, segmentsCrossProperly, type MultiPoly } from './polygon_ops';
import { BBoxIndex, type BBox } from './spatial_index';

// Finds groups of polygons (within one class) whose interiors overlap, so each group can be
// unioned before it is measured and no hectare is counted twice. Polygons that only share an
// edge or a vertex (a tessellation such as a forest inventory map) are not grouped.

export interface ClusterInput {
  polys: MultiPoly;
  bbox: BBox;
  /** only items with the same key are compared */
  key: string;
}

function intersectionBox(a: BBox, b: BBox): BBox {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

function anyPointInside(edges: number[], other: MultiPoly): boolean {
  for (let j = 0; j < edges.length; j += 4) {
    const x1 = edges[j]!, y1 = edges[j + 1]!, x2 = edges[j + 2]!, y2 = edges[j + 3]!;
    if (locatePointInMulti(x1, y1, other) === 'inside') return true;
    if (locatePointInMulti((x1 + x2) / 2, (y1 + y2) / 2, other) === 'inside') return true;
  }
  return false;
}

/**
 * Whether the interiors of two polygons overlap, given that their boxes meet. Exact except in
 * degenerate cases (an edge that passes through the other's interior while touching its
 * vertices at both its endpoints and its midpoint), where it may miss an overlap.
 */
export function interiorsOverlap(a: ClusterInput, b: ClusterInput): boolean {
  const r = intersectionBox(a.bbox, b.bbox);
  if (r[0] > r[2] || r[1] > r[3]) return false;
  const ea = edgesInBox(a.polys, r);
  const eb = edgesInBox(b.polys, r);
  for (let i = 0; i < ea.length; i += 4) {
    for (let j = 0; j < eb.length; j += 4) {
      if (segmentsCrossProperly(ea[i]!, ea[i + 1]!, ea[i + 2]!, ea[i + 3]!, eb[j]!, eb[j + 1]!, eb[j + 2]!, eb[j + 3]!)) return true;
    }
  }
  if (anyPointInside(ea, b.polys) || anyPointInside(eb, a.polys)) return true;
  // boundaries touch at most: the interiors are then equal, nested, or disjoint
  for (const p of a.polys) {
    const q = interiorPoint(p);
    if (q && locatePointInMulti(q[0], q[1], b.polys) === 'inside') return true;
  }
  for (const p of b.polys) {
    const q = interiorPoint(p);
    if (q && locatePointInMulti(q[0], q[1], a.polys) === 'inside') return true;
  }
  return false;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface ClusterOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Groups of item indices whose interiors overlap (transitively); singletons included. */
export function overlapClusters(items: readonly ClusterInput[], opts: ClusterOptions = {}): number[][] {
  const index = new BBoxIndex(items.map((it) => it.bbox));
  const uf = new UnionFind(items.length);
  items.forEach((it, i) => {
    if ((i & 63) === 0) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.(i, items.length);
    }
    for (const j of index.search(it.bbox)) {
      if (j <= i) continue;
      const other = items[j]!;
      if (other.key !== it.key || uf.find(i) === uf.find(j)) continue;
      if (interiorsOverlap(it, other)) uf.union(i, j);
    }
  });
  opts.onProgress?.(items.length, items.length);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}
