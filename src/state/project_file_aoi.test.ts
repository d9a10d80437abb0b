import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { buildProject, parseProject, PROJECT_VERSION } from './project_file';
import type { AreaOfInterest } from '../analysis/aoi';

// The area of interest travels in the project file as an optional field of version 1: files
// saved before it existed open unchanged, and a damaged AOI is refused like damaged layers.

const drawn: AreaOfInterest = {
  source: 'drawn',
  name: '',
  geometry: { type: 'Polygon', coordinates: [[[102.6, 22.4], [102.7, 22.4], [102.7, 22.5], [102.6, 22.4]]] },
};

function savedText(aoi: AreaOfInterest | null): string {
  const store = createAppStore();
  store.getState().setAoi(aoi);
  return JSON.stringify(buildProject(store.getState(), { lang: 'vi' }, '0.1.0', new Date('2026-11-27T10:00:00Z')));
}

describe('project file: area of interest', () => {
  it('round-trips a drawn area vertex for vertex, without a version bump', () => {
    const r = parseProject(savedText(drawn), 'p.json');
    expect(r.ok && r.project.version).toBe(PROJECT_VERSION);
    expect(PROJECT_VERSION).toBe(1);
    expect(r.ok && r.project.aoi).toEqual(drawn);
  });

  it('keeps a commune AOI with its code', () => {
    const commune: AreaOfInterest = { ...drawn, source: 'commune', name: 'Pa Vệ Sử', code: '03448' };
    const r = parseProject(savedText(commune), 'p.json');
    expect(r.ok && r.project.aoi).toEqual(commune);
  });

  it('opens a file without an AOI (as saved before AOIs existed)', () => {
    const text = savedText(null);
    expect(JSON.parse(text)).not.toHaveProperty('aoi');
    const r = parseProject(text, 'p.json');
    expect(r.ok).toBe(true);
    expect(r.ok && r.project.aoi).toBeUndefined();
  });

  it('refuses a damaged AOI', () => {
    const doc = JSON.parse(savedText(drawn));
    doc.aoi.geometry = { type: 'Point', coordinates: [102.6, 22.4] };
    const r = parseProject(JSON.stringify(doc), 'p.json');
    expect(!r.ok && r.reason).toEqual({ key: 'project.error.invalid', params: { file: 'p.json' } });
    expect(!r.ok && r.nested?.problem?.params?.path).toBe('aoi');
  });
});
