// Keeping one kind of geometry: a pack layer declares polygon, line or point in its manifest
// and shows only that kind; the others are counted as skipped, and a file holding none of
// the declared kind is an error that says so.

import type { Feature, Geometry } from 'geojson';
import type { GeometryKind } from '../../catalog/manifest_types';
import type { ImportResult, SkippedItem } from './types';
import { fail } from './types';

const GEOMETRY_TYPES: Record<GeometryKind, readonly string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point', 'MultiPoint'],
};

export function geometryMatches(geometry: Geometry | null, kind: GeometryKind): boolean {
  return geometry !== null && GEOMETRY_TYPES[kind].includes(geometry.type);
}

/** The result with only features of `kind`; an error when a layer has none of that kind. */
export function keepGeometry(result: ImportResult, kind: GeometryKind, file: string): ImportResult {
  if (!result.ok) return result;
  for (const layer of result.layers) {
    if (layer.points) {
      if (kind !== 'point') return fail('import.error.geometryKind', { file, count: layer.points.length, expected: kind });
      continue;
    }
    const kept: Feature[] = [];
    const skipped: SkippedItem[] = [];
    const newIndex = new Map<number, number>();
    layer.data.features.forEach((f, i) => {
      if (geometryMatches(f.geometry, kind)) {
        newIndex.set(i, kept.length);
        kept.push(f);
      } else skipped.push({ feature: i + 1, reason: { key: 'import.skip.geometryKind', params: { expected: kind } } });
    });
    if (skipped.length === 0) continue;
    if (kept.length === 0) return fail('import.error.geometryKind', { file, count: skipped.length, expected: kind });
    layer.data = { ...layer.data, features: kept };
    layer.skipped = [...layer.skipped, ...skipped];
    layer.selfIntersecting = layer.selfIntersecting.flatMap((i) => (newIndex.has(i) ? [newIndex.get(i) as number] : []));
  }
  return result;
}
