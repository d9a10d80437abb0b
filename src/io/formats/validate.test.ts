import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { kinks } from '@turf/kinks';
import { MAX_IMPORT_BYTES, checkFileSize, crsForUndeclared, diagnoseOutside, repairPolygon, selfIntersects } from './validate';

describe('checkFileSize', () => {
  it('accepts up to the limit and explains when over it', () => {
    expect(checkFileSize('a.zip', MAX_IMPORT_BYTES)).toBeUndefined();
    expect(checkFileSize('a.zip', 300 * 1024 * 1024)).toEqual({ key: 'import.error.tooLarge', params: { file: 'a.zip', size: 300, limit: 200 } });
  });
});

describe('repairPolygon', () => {
  it('splits a bow-tie into two valid polygons', async () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    expect(selfIntersects(bowtie, kinks)).toBe(true);
    const fixed = await repairPolygon(bowtie);
    expect(fixed?.type).toBe('MultiPolygon');
    expect(fixed && selfIntersects(fixed, kinks)).toBe(false);
  });

  it('keeps holes of a valid polygon', async () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]] };
    const fixed = await repairPolygon(holed);
    expect(fixed?.type).toBe('Polygon');
    expect((fixed as Polygon).coordinates).toHaveLength(2);
  });
});

describe('crsForUndeclared', () => {
  it('takes degrees as WGS 84, Vietnamese grid metres as TM-3 103° with a warning, else asks', () => {
    expect(crsForUndeclared('f', [[102.8, 22.3]], undefined)).toEqual({ crs: 'EPSG:4326' });
    const tm = crsForUndeclared('f', [[480341, 2475637]], undefined);
    expect(tm).toMatchObject({ crs: 'VN2000:TM3:103', warning: { key: 'import.warn.assumedCrs' } });
    expect(crsForUndeclared('f', [[5e6, 9e6]], undefined)).toMatchObject({ error: { key: 'import.error.crsNeeded' } });
    expect(crsForUndeclared('f', [[5e6, 9e6]], 'EPSG:3405')).toEqual({ crs: 'EPSG:3405' });
    expect(crsForUndeclared('f', [[5e6, 9e6]], 'EPSG:1')).toMatchObject({ error: { key: 'import.error.crsUnknown' } });
  });
});

describe('diagnoseOutside', () => {
  const base = { file: 'f', layer: 'l' };
  it('suggests swapped axes for TM-3 easting/northing the wrong way round', () => {
    const m = diagnoseOutside([[2475637.63, 480341.6]], 'VN2000:TM3:103', base, 1, [0, 0]);
    expect(m.key).toBe('import.warn.outsideSwapped');
  });

  it('suggests another zone for UTM 48N data read as UTM 49N', () => {
    // cs2cs: 102.811 22.379 → VN-2000 / UTM 48N E 274420.962894 N 2476525.072197
    const m = diagnoseOutside([[274420.962894, 2476525.072197]], 'EPSG:3406', base, 1, [108.8, 22.4]);
    expect(m.key).toBe('import.warn.outsideZone');
    expect(m.params?.suggestedCrs).toMatch(/^VN2000:TM3:|^EPSG:3405$/);
  });

  it('hints at the datum for a near miss', () => {
    const m = diagnoseOutside([[109.51, 12]], 'EPSG:4326', base, 1, [109.51, 12]);
    expect(m.key).toBe('import.warn.outsideDatum');
  });
});
