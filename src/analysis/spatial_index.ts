import Flatbush from 'flatbush';
import type { Position } from 'geojson';

// A static bounding-box index (flatbush: packed Hilbert R-tree, one typed array, no per-node
// objects), plus the bounding-box helpers the overlay needs.

/** [minX, minY, maxX, maxY] */
export type BBox = [number, number, number, number];

export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function extendBBox(box: BBox, rings: readonly (readonly Position[])[]): BBox {
  for (const ring of rings) {
    for (const p of ring) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/** Bounding box of a list of polygons (MultiPolygon coordinates). */
export function bboxOfPolygons(polygons: readonly (readonly (readonly Position[])[])[]): BBox {
  const box = emptyBBox();
  for (const p of polygons) extendBBox(box, p);
  return box;
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export class BBoxIndex {
  private readonly tree: Flatbush | null;

  /** Indexes `boxes`; the result of a search is positions in this array. */
  constructor(boxes: readonly BBox[]) {
    if (boxes.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(boxes.length);
    for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
    tree.finish();
    this.tree = tree;
  }

  /** Indices of boxes that intersect or touch the query box. */
  search(box: BBox): number[] {
    return this.tree ? this.tree.search(box[0], box[1], box[2], box[3]) : [];
  }

  /** Indices of boxes that contain or touch the point. */
  searchPoint(x: number, y: number): number[] {
    return this.tree ? this.tree.search(x, y, x, y) : [];
  }
}
