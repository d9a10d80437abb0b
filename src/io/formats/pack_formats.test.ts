import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from './registry';
import { PACK_FORMAT_IDS } from './pack_formats';
import { validateManifest } from '../../catalog/validate_manifest';

describe('PACK_FORMAT_IDS', () => {
  it('are registry formats, and the manifest schema accepts exactly them', () => {
    for (const id of PACK_FORMAT_IDS) expect(FORMAT_IDS).toContain(id);
    const manifest = (format: string) => ({
      schemaVersion: 1, id: 'p', title: 'P', groups: [{ id: 'g', title: 'G' }],
      layers: [{ id: 'l', title: 'L', group: 'g', file: 'l.x', format, geometry: 'point', coordinates: { lon: 'lon', lat: 'lat' }, style: { type: 'simple', color: '#000000' } }],
    });
    const problems = (format: string) => {
      const r = validateManifest(manifest(format));
      return r.ok ? [] : r.problems.filter((p) => p.path.endsWith('.format'));
    };
    for (const id of PACK_FORMAT_IDS) expect(problems(id)).toEqual([]);
    expect(problems('kml')).toMatchObject([{ code: 'enum', expected: PACK_FORMAT_IDS.join(' | ') }]);
  });
});
