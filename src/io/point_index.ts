import Flatbush from 'flatbush';

// Beside the point table that carries it (point_table.ts), so io needs nothing from analysis.

/**
 * An index of points (lon, lat, … interleaved) as Flatbush's one ArrayBuffer, so a worker can
 * build it and transfer it (Flatbush.from reads it back without copying). Building it over
 * 757,576 points took ~0.4–0.6 s, which on the main thread froze the first click on the layer.
 */
export function pointIndexData(positions: Float64Array): ArrayBuffer | null {
  const n = positions.length / 2;
  if (n === 0) return null;
  const index = new Flatbush(n, 16, Float64Array);
  for (let i = 0; i < n; i++) index.add(positions[2 * i]!, positions[2 * i + 1]!);
  index.finish();
  return index.data as ArrayBuffer;
}
