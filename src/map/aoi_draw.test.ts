import { describe, expect, it } from 'vitest';
import { placedVertices } from './aoi_draw';

describe('placedVertices', () => {
  it("reads terra-draw's committed coordinate count while drawing", () => {
    expect(placedVertices({ committedCoordinateCount: 3 }, [[0, 0], [1, 0], [1, 1], [0.5, 0.5], [0, 0]])).toBe(3);
    expect(placedVertices({ committedCoordinateCount: 0 }, undefined)).toBe(0);
  });

  it('falls back to the ring, which also holds the cursor and the closing point', () => {
    expect(placedVertices({}, [[0, 0], [1, 0], [1, 1], [0.5, 0.5], [0, 0]])).toBe(3);
    expect(placedVertices(undefined, [[0, 0], [0, 0]])).toBe(0);
    expect(placedVertices(undefined, undefined)).toBe(0);
  });
});
