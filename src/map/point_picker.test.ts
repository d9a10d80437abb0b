import { describe, expect, it } from 'vitest';
import { PointPicker } from './point_picker';
import { pointIndexData } from '../io/point_index';

// a flat test projection: 100 px per degree, y down
const project = (lon: number, lat: number): [number, number] => [lon * 100, -lat * 100];
const unproject = (x: number, y: number): [number, number] => [x / 100, -y / 100];

describe('PointPicker', () => {
  const positions = new Float64Array([1, 1, 1.02, 1, 2, 2, 2, 2]);
  const picker = new PointPicker(positions);

  it('finds the nearest point within the radius', () => {
    expect(picker.nearest(101.5, -100, 4, project, unproject)).toBe(1);
    expect(picker.nearest(100.5, -100, 4, project, unproject)).toBe(0);
  });

  it('returns -1 when nothing is within the radius', () => {
    expect(picker.nearest(150, -150, 4, project, unproject)).toBe(-1);
  });

  it('prefers the point drawn last (on top) when two coincide', () => {
    expect(picker.nearest(200, -200, 4, project, unproject)).toBe(3);
  });

  it('builds its index on first use', () => {
    const fresh = new PointPicker(new Float64Array([1, 1]));
    expect(fresh.ready).toBe(false);
    fresh.within(0, 0, 2, 2);
    expect(fresh.ready).toBe(true);
    expect(new PointPicker(new Float64Array(0)).ready).toBe(true);
  });

  it('is ready at once with an index built elsewhere (a worker), and answers the same', () => {
    const copy = structuredClone(pointIndexData(positions)!);
    const prebuilt = new PointPicker(positions, copy);
    expect(prebuilt.ready).toBe(true);
    expect(prebuilt.nearest(101.5, -100, 4, project, unproject)).toBe(1);
    expect(prebuilt.within(0.9, 0.9, 1.1, 1.1).sort()).toEqual([0, 1]);
  });

  it('answers box queries', () => {
    expect(picker.within(0.9, 0.9, 1.1, 1.1).sort()).toEqual([0, 1]);
    expect(new PointPicker(new Float64Array(0)).within(0, 0, 1, 1)).toEqual([]);
  });
});
