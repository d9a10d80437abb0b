import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { FEATURES_PER_SLICE, FeatureSlices, SLICED_FEATURES, featureSlices, postInSlices, type FeatureSliceMessage } from './map_source';

const features = (n: number, tag = ''): Feature[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [102.5, 22.4] }, properties: { i, tag } }));

describe('featureSlices', () => {
  it('splits features into slices of FEATURES_PER_SLICE, in order, none lost', () => {
    const all = features(2 * FEATURES_PER_SLICE + 7);
    const slices = featureSlices(all);
    expect(slices.map((s) => s.length)).toEqual([FEATURES_PER_SLICE, FEATURES_PER_SLICE, 7]);
    expect(slices.flat()).toEqual(all);
  });

  it('gives no slice for no features', () => {
    expect(featureSlices([])).toEqual([]);
  });
});

describe('postInSlices and FeatureSlices', () => {
  it('posts nothing for a small collection', () => {
    const posted: FeatureSliceMessage[] = [];
    expect(postInSlices({ type: 'FeatureCollection', features: features(SLICED_FEATURES) }, 1, 0, (m) => posted.push(m))).toBeNull();
    expect(posted).toEqual([]);
  });

  it('carries large collections of several layers and requests across, each back in its own order', () => {
    const a = features(SLICED_FEATURES + 1, 'a');
    const b = features(2 * SLICED_FEATURES + 3, 'b');
    const other = features(SLICED_FEATURES + 5, 'other');
    const posted: FeatureSliceMessage[] = [];
    const post = (m: FeatureSliceMessage) => posted.push(structuredClone(m));
    const sentA = postInSlices({ type: 'FeatureCollection', features: a }, 7, 0, post)!;
    const sentB = postInSlices({ type: 'FeatureCollection', features: b }, 7, 2, post)!;
    const sentOther = postInSlices({ type: 'FeatureCollection', features: other }, 8, 0, post)!;
    expect([sentA.features.length, sentB.features.length, sentOther.features.length]).toEqual([0, 0, 0]);
    expect(posted.length).toBeGreaterThan(3);

    const slices = new FeatureSlices();
    for (const m of posted) slices.add(m);
    // the result of request 7: layer 1 was small and came whole
    const small: FeatureCollection = { type: 'FeatureCollection', features: features(3, 'small') };
    const result = [sentA, small, sentB];
    slices.fill(7, result);
    expect(result[0]!.features).toEqual(a);
    expect(result[1]!.features).toEqual(features(3, 'small'));
    expect(result[2]!.features).toEqual(b);
    // request 8 is untouched by request 7, and gone once filled or dropped
    const eight = [sentOther];
    slices.fill(8, eight);
    expect(eight[0]!.features).toEqual(other);
    const again: FeatureCollection[] = [{ type: 'FeatureCollection', features: [] }];
    slices.fill(8, again);
    expect(again[0]!.features).toEqual([]);
    slices.add(posted[0]!);
    slices.drop(7);
    slices.fill(7, again);
    expect(again[0]!.features).toEqual([]);
  });
});
