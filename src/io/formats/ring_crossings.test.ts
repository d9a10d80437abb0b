import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kinks } from '@turf/kinks';
import type { Position } from 'geojson';
import { ringsProblemAt } from './ring_crossings';

const square = (x0: number, y0: number, s: number): Position[] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

/** The sweep and the pairwise test for small rings must agree (on where, when there is one problem). */
function both(rings: Position[][]): [number, number] | undefined {
  const swept = ringsProblemAt(rings, 0);
  expect(ringsProblemAt(rings) === undefined).toBe(swept === undefined);
  return swept;
}

describe('ringsProblemAt: known rings', () => {
  it('finds where a bow-tie crosses', () => {
    expect(both([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])).toEqual([1, 1]);
  });

  it('accepts a square, a square with a hole and repeated vertices', () => {
    expect(both([square(0, 0, 10)])).toBeUndefined();
    expect(both([square(0, 0, 10), square(2, 2, 3)])).toBeUndefined();
    expect(both([[[0, 0], [10, 0], [10, 0], [10, 10], [0, 10], [0, 0]]])).toBeUndefined();
    // a vertex on a straight edge is fine
    expect(both([[[0, 0], [5, 0], [10, 0], [10, 10], [0, 10], [0, 0]]])).toBeUndefined();
  });

  it('finds a ring touching itself at a vertex', () => {
    // figure of eight through (5, 5)
    expect(both([[[0, 0], [5, 5], [10, 0], [10, 10], [5, 5], [0, 10], [0, 0]]])).toEqual([5, 5]);
  });

  it('finds a vertex lying on another edge', () => {
    expect(both([[[0, 0], [10, 0], [10, 10], [5, 0], [0, 10], [0, 0]]])).toEqual([5, 0]);
  });

  it('finds collinear overlaps and spikes', () => {
    // the edge back from (8, 0) runs over the first edge
    expect(both([[[0, 0], [10, 0], [4, 0], [4, 5], [0, 5], [0, 0]]])).toBeDefined();
    // spike: out and back on the same line
    expect(both([[[0, 0], [10, 0], [10, 10], [10, 15], [10, 10], [0, 10], [0, 0]]])).toBeDefined();
  });

  it('finds holes that cross or touch the outer ring, accepts one inside', () => {
    expect(both([square(0, 0, 10), square(8, 2, 4)])).toBeDefined();
    expect(both([square(0, 0, 10), [[0, 0], [3, 1], [1, 3], [0, 0]]])).toEqual([0, 0]);
    expect(both([square(0, 0, 10), square(1, 1, 2), square(5, 5, 2)])).toBeUndefined();
    expect(both([square(0, 0, 10), square(1, 1, 2), square(2, 2, 2)])).toBeDefined();
  });

  it('refuses a ring without area', () => {
    expect(both([[[0, 0], [1, 1], [0, 0]]])).toBeDefined();
  });

  it('handles vertical edges sharing x with other vertices', () => {
    expect(both([[[0, 0], [0, 10], [5, 5], [5, 10], [10, 10], [10, 0], [0, 0]]])).toBeUndefined();
    expect(both([[[0, 0], [0, 10], [5, 5], [0, 5], [-5, 0], [0, 0]]])).toBeDefined();
  });
});

// Reference: every pair of segments, the definition written out plainly.
function bruteForce(rings: Position[][]): boolean {
  type S = { a: Position; b: Position; ring: number; i: number; n: number };
  const segs: S[] = [];
  for (const [r, ring] of rings.entries()) {
    const vs: Position[] = [];
    for (const p of ring) if (!vs.length || vs[vs.length - 1]![0] !== p[0] || vs[vs.length - 1]![1] !== p[1]) vs.push(p);
    if (vs.length > 1 && vs[0]![0] === vs[vs.length - 1]![0] && vs[0]![1] === vs[vs.length - 1]![1]) vs.pop();
    if (vs.length < 3) return true;
    vs.forEach((p, i) => segs.push({ a: p, b: vs[(i + 1) % vs.length]!, ring: r, i, n: vs.length }));
  }
  const cross = (o: Position, a: Position, b: Position) => (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const on = (p: Position, q: Position, r: Position) =>
    cross(p, q, r) === 0 && Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
  for (let x = 0; x < segs.length; x++) {
    for (let y = x + 1; y < segs.length; y++) {
      const s = segs[x]!;
      const t = segs[y]!;
      const adj = s.ring === t.ring && (Math.abs(s.i - t.i) === 1 || Math.abs(s.i - t.i) === s.n - 1);
      if (adj) {
        // consecutive edges share one vertex; they are bad only when they fold back over each other
        const shared = s.b === t.a || (s.b[0] === t.a[0] && s.b[1] === t.a[1]) ? s.b : s.a;
        const other1 = shared === s.b ? s.a : s.b;
        const other2 = t.a[0] === shared[0] && t.a[1] === shared[1] ? t.b : t.a;
        if (cross(shared, other1, other2) === 0 && (other1[0]! - shared[0]!) * (other2[0]! - shared[0]!) + (other1[1]! - shared[1]!) * (other2[1]! - shared[1]!) > 0) return true;
        continue;
      }
      const d1 = cross(s.a, s.b, t.a);
      const d2 = cross(s.a, s.b, t.b);
      const d3 = cross(t.a, t.b, s.a);
      const d4 = cross(t.a, t.b, s.b);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
      if (on(s.a, s.b, t.a) || on(s.a, s.b, t.b) || on(t.a, t.b, s.a) || on(t.a, t.b, s.b)) return true;
    }
  }
  return false;
}

const closed = (pts: [number, number][]): Position[] => [...pts, pts[0]!];

describe('ringsProblemAt: properties', () => {
  it('agrees with a pairwise check on small rings full of degenerate cases', () => {
    const pt = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    const ring = fc.array(pt, { minLength: 3, maxLength: 9 }).map(closed);
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
        const expected = bruteForce(rings);
        expect(ringsProblemAt(rings, 0) !== undefined).toBe(expected); // the sweep
        expect(ringsProblemAt(rings) !== undefined).toBe(expected); // pairwise for small rings
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with turf kinks on random rings in general position', () => {
    const pt = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }));
    const ring = fc.uniqueArray(pt, { minLength: 3, maxLength: 12, selector: ([x, y]) => `${x},${y}` });
    fc.assert(
      fc.property(ring, (pts) => {
        const coords = closed(pts);
        // kinks skips parallel pairs, so leave out rings with three collinear vertices
        for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) for (let k = j + 1; k < pts.length; k++) {
          const [a, b, c] = [pts[i]!, pts[j]!, pts[k]!];
          fc.pre((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) !== 0);
        }
        const old = kinks({ type: 'Polygon', coordinates: [coords] }).features.length > 0;
        expect(ringsProblemAt([coords], 0) !== undefined).toBe(old);
        expect(ringsProblemAt([coords]) !== undefined).toBe(old);
      }),
      { numRuns: 1000 },
    );
  });

  it('finishes a 1,000,000-vertex ring, simple and with one crossing', () => {
    const n = 1_000_000;
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 1 + 0.001 * Math.sin(i * 7.3);
      ring.push([103 + r * Math.cos(a), 22 + r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    expect(ringsProblemAt([ring])).toBeUndefined();
    // swap two vertices: their edges now cross near vertex 500,000
    const k = n / 2;
    [ring[k], ring[k + 1]] = [ring[k + 1]!, ring[k]!];
    const at = ringsProblemAt([ring]);
    expect(at).toBeDefined();
    expect(Math.hypot(at![0] - ring[k]![0]!, at![1] - ring[k]![1]!)).toBeLessThan(0.001);
  }, 60_000); // about 4 s per ring on a busy 2-core machine; correctness is asserted, not time
});
