import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { MAX_IMPORT_BYTES, checkFileSize, crsForUndeclared, diagnoseOutside, finishLayer, repairPolygon, selfIntersects } from './validate';

describe('checkFileSize', () => {
  it('accepts up to the limit and explains when over it', () => {
    expect(checkFileSize('a.zip', MAX_IMPORT_BYTES)).toBeUndefined();
    expect(checkFileSize('a.zip', 300 * 1024 * 1024)).toEqual({ key: 'import.error.tooLarge', params: { file: 'a.zip', size: 300, limit: 200 } });
  });
});

describe('repairPolygon', () => {
  it('splits a bow-tie into two valid polygons', async () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    expect(selfIntersects(bowtie)).toBe(true);
    const fixed = await repairPolygon(bowtie);
    expect(fixed?.type).toBe('MultiPolygon');
    expect(fixed && selfIntersects(fixed)).toBe(false);
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

describe('finishLayer: self-intersection', () => {
  it('flags the crossing polygon and says near where it crosses', async () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[103, 22], [103.1, 22], [103.1, 22.1], [103, 22.1], [103, 22]]] };
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[103, 22], [103.2, 22.2], [103.2, 22], [103, 22.2], [103, 22]]] };
    const layer = await finishLayer({
      file: 'x.geojson', name: 'x', sourceCrs: 'EPSG:4326',
      features: [square, bowtie].map((g) => ({ type: 'Feature', geometry: structuredClone(g), properties: {} })),
    });
    expect(layer.selfIntersecting).toEqual([1]);
    expect(layer.warnings).toContainEqual({
      key: 'import.warn.selfIntersecting',
      params: { file: 'x.geojson', layer: 'x', count: 1, list: '2', at: '22.1, 103.1' },
    });
  });
});
