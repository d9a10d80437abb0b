import Flatbush from 'flatbush';
import { pointIndexData } from '../io/point_index';

// Finds the drawn point under the cursor on the CPU. deck.gl's GPU picking redraws every point
// into an offscreen buffer and reads it back; on software WebGL that is a full frame per hover
// or click (seconds at a million points). A packed R-tree over the positions answers in
// microseconds. A large point table brings one built in its worker; otherwise it is built on
// the first click, not while the layer loads, and hovering uses it only once it exists
// (building it on a mouse move would freeze the map).

export class PointPicker {
  private index: Flatbush | null;

  /** `positions`: lon, lat, … of the drawn points; `prebuilt`: pointIndexData of exactly those. */
  constructor(
    private readonly positions: Float64Array,
    prebuilt?: ArrayBuffer,
  ) {
    this.index = prebuilt ? Flatbush.from(prebuilt) : null;
  }

  /** Whether the index is built (building it takes ~0.6 s at a million points, in Node here). */
  get ready(): boolean {
    return this.index !== null || this.positions.length === 0;
  }

  /** Drawn-point indexes inside the lon/lat box. */
  within(west: number, south: number, east: number, north: number): number[] {
    const n = this.positions.length / 2;
    if (n === 0) return [];
    this.index ??= Flatbush.from(pointIndexData(this.positions)!);
    return this.index.search(west, south, east, north);
  }

  /**
   * The point nearest to the screen position within `radius` pixels, given a projection from
   * lon/lat to screen pixels and its inverse; -1 if none.
   */
  nearest(x: number, y: number, radius: number, project: (lon: number, lat: number) => [number, number], unproject: (x: number, y: number) => [number, number]): number {
    const corners = [unproject(x - radius, y - radius), unproject(x + radius, y + radius)];
    const west = Math.min(corners[0]![0], corners[1]![0]);
    const east = Math.max(corners[0]![0], corners[1]![0]);
    const south = Math.min(corners[0]![1], corners[1]![1]);
    const north = Math.max(corners[0]![1], corners[1]![1]);
    let best = -1;
    let bestD = radius * radius;
    for (const i of this.within(west, south, east, north)) {
      const [px, py] = project(this.positions[2 * i]!, this.positions[2 * i + 1]!);
      const d = (px - x) ** 2 + (py - y) ** 2;
      // later points are drawn on top: prefer them on ties
      if (d < bestD || (d === bestD && i > best)) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
}
