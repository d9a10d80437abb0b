import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { labelPoints } from './label_points';

describe('labelPoints', () => {
  it('puts one anchor inside each polygon, even a C-shaped one whose centroid is outside', () => {
    const c: Feature<Polygon> = {
      type: 'Feature',
      properties: { name_vi: 'Pa Ủ' },
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]] },
    };
    const out = labelPoints({ type: 'FeatureCollection', features: [c] });
    expect(out.features).toHaveLength(1);
    expect(out.features[0]!.properties).toEqual({ name_vi: 'Pa Ủ' });
    expect(booleanPointInPolygon(out.features[0]!, c)).toBe(true);
  });
});
