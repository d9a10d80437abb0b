import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { computePlanFields, planGeometryProblem } from './plan_computed';
import { prepareBoundaries } from './boundary_units';
import { geometryAreaM2 } from './area';

const square = (x0: number, y0: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] });
const unit = (code: string, name: string, g: Polygon): Feature => ({ type: 'Feature', geometry: g, properties: { ma: code, ten: name } });
// two communes side by side along longitude 102.5
const communes: FeatureCollection = { type: 'FeatureCollection', features: [unit('001', 'Xã Tây', square(102.4, 22.4, 0.1)), unit('002', 'Xã Đông', square(102.5, 22.4, 0.1))] };
const prepared = prepareBoundaries(communes, 'ma', 'ten');

describe('computePlanFields', () => {
  it('gives the geodesic area in ha and the commune holding most of the area', () => {
    // 70 % in the east commune
    const plot = square(102.497, 22.45, 0.01);
    const r = computePlanFields(plot, prepared);
    expect(r.areaHa).toBeCloseTo(geometryAreaM2(plot) / 10_000, 4);
    expect(r.areaHa!).toBeGreaterThan(100);
    expect(r).toMatchObject({ communeCode: '002', communeName: 'Xã Đông' });
    expect(computePlanFields(square(102.493, 22.45, 0.01), prepared).communeCode).toBe('001');
  });

  it('places points and lines, and says null outside every commune or without boundaries', () => {
    expect(computePlanFields({ type: 'Point', coordinates: [102.45, 22.45] }, prepared)).toEqual({ areaHa: null, communeCode: '001', communeName: 'Xã Tây' });
    const line = { type: 'LineString' as const, coordinates: [[102.49, 22.45], [102.58, 22.45]] };
    expect(computePlanFields(line, prepared).communeCode).toBe('002');
    expect(computePlanFields({ type: 'Point', coordinates: [105, 22.45] }, prepared).communeCode).toBeNull();
    expect(computePlanFields(square(102.45, 22.45, 0.01), null).communeCode).toBeNull();
  });
});

describe('planGeometryProblem', () => {
  it('accepts valid shapes of the layer’s kind', () => {
    expect(planGeometryProblem(square(102, 22, 0.01), 'polygon')).toBeNull();
    expect(planGeometryProblem({ type: 'Point', coordinates: [102, 22] }, 'point')).toBeNull();
    expect(planGeometryProblem({ type: 'LineString', coordinates: [[102, 22], [102.1, 22]] }, 'line')).toBeNull();
  });

  it('refuses a self-intersecting ring and says where', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[102, 22], [102.02, 22.02], [102.02, 22], [102, 22.02], [102, 22]]] };
    const p = planGeometryProblem(bowtie, 'polygon');
    expect(p?.problem).toBe('self-intersection');
    const at = (p as { at: [number, number] }).at;
    expect(at[0]).toBeCloseTo(102.01, 6);
    expect(at[1]).toBeCloseTo(22.01, 6);
  });

  it('refuses too few vertices, the wrong type and coordinates out of range', () => {
    expect(planGeometryProblem({ type: 'Polygon', coordinates: [[[102, 22], [102.1, 22], [102, 22]]] }, 'polygon')).toMatchObject({ problem: 'too-few-vertices', min: 3 });
    expect(planGeometryProblem({ type: 'LineString', coordinates: [[102, 22], [102, 22]] }, 'line')).toMatchObject({ problem: 'too-few-vertices', min: 2 });
    expect(planGeometryProblem({ type: 'Point', coordinates: [102, 22] }, 'polygon')).toMatchObject({ problem: 'wrong-type' });
    expect(planGeometryProblem({ type: 'Point', coordinates: [400, 22] }, 'point')).toMatchObject({ problem: 'not-finite' });
    expect(planGeometryProblem(null, 'point')).toMatchObject({ problem: 'wrong-type' });
  });
});
