import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { FEATURES_PER_SLICE, featureSlices } from './map_source';

describe('featureSlices', () => {
  it('splits features into slices of FEATURES_PER_SLICE, in order, none lost', () => {
    const features: Feature[] = Array.from({ length: 2 * FEATURES_PER_SLICE + 7 }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [102.5, 22.4] }, properties: { i } }));
    const slices = featureSlices(features);
    expect(slices.map((s) => s.length)).toEqual([FEATURES_PER_SLICE, FEATURES_PER_SLICE, 7]);
    expect(slices.flat()).toEqual(features);
  });

  it('gives no slice for no features', () => {
    expect(featureSlices([])).toEqual([]);
  });
});
