import { expect, test } from 'vitest';
import { measureFeatures } from './measure_layer';

const kinds = (fc: ReturnType<typeof measureFeatures>) => fc.features.map((f) => f.properties!.kind as string);

test('distance while drawing: the path, a live segment to the pointer, the vertices', () => {
  const fc = measureFeatures({ mode: 'distance', points: [[0, 0], [1, 0]], cursor: [1, 1] });
  expect(kinds(fc)).toEqual(['path', 'live', 'vertex', 'vertex']);
  expect(fc.features[1]!.geometry).toEqual({ type: 'LineString', coordinates: [[1, 0], [1, 1]] });
});

test('area while drawing: the fill includes the pointer, the live line returns to the first vertex', () => {
  const fc = measureFeatures({ mode: 'area', points: [[0, 0], [1, 0]], cursor: [1, 1] });
  expect(kinds(fc)).toEqual(['fill', 'path', 'live', 'vertex', 'vertex']);
  expect(fc.features[2]!.geometry).toEqual({ type: 'LineString', coordinates: [[1, 0], [1, 1], [0, 0]] });
});

test('a finished area is a closed ring, with no live segment', () => {
  const fc = measureFeatures({ mode: 'area', points: [[0, 0], [1, 0], [1, 1]], cursor: null });
  expect(kinds(fc)).toEqual(['fill', 'path', 'vertex', 'vertex', 'vertex']);
  expect(fc.features[1]!.geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 0], [1, 1], [0, 0]] });
});
