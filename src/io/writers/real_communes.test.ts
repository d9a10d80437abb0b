import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { importFile } from '../formats/registry';
import { exportLayer } from './export_layer';
import { maxDistance } from './geometry_compare';

// The real commune boundaries (read in place from ../shared/reference, never copied into
// the repo) through a VN-2000 TM-3 103° zipped shapefile and back.

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REFERENCE = path.resolve(REPO_ROOT, '../shared/reference/muong-te');
const FILE = path.join(REFERENCE, 'communes-2013-2025.geojson');
const present = fs.existsSync(FILE);

describe('real communes round trip', () => {
  it.skipIf(!present)(`keeps every commune, attribute and vertex within 1 mm through a TM-3 shapefile${present ? '' : ` (skipped: ${FILE} is absent)`}`, async () => {
    const first = await importFile({ name: 'communes-2013-2025.geojson', bytes: new Uint8Array(fs.readFileSync(FILE)) });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const original = first.layers.flatMap((l) => l.data.features);
    expect(original.length).toBeGreaterThan(0);

    const file = await exportLayer({ type: 'FeatureCollection', features: original }, { format: 'shapefile', crs: 'VN2000:TM3:103', name: 'communes' });
    expect(file.skipped).toEqual([]);
    const back = await importFile({ name: file.filename, bytes: file.bytes });
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    const roundTripped: Feature[] = back.layers.flatMap((l) => l.data.features);

    expect(roundTripped).toHaveLength(original.length);
    let worst = 0;
    original.forEach((f, i) => {
      const g = roundTripped[i] as Feature;
      expect(g.properties).toStrictEqual(f.properties);
      worst = Math.max(worst, maxDistance(f.geometry as Geometry, g.geometry as Geometry));
    });
    expect(worst).toBeLessThan(0.001);
  });
});
