import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';

// One label anchor per polygon feature, guaranteed to lie inside it (turf pointOnFeature:
// the centroid when it is inside, otherwise a point on the surface), with the feature's
// properties so the label expression reads the same fields.

export function labelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const p = pointOnFeature(f);
    features.push({ type: 'Feature', geometry: p.geometry, properties: f.properties ?? {} });
  }
  return { type: 'FeatureCollection', features };
}
