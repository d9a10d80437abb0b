import { describe, expect, it } from 'vitest';
import type { LayerSpec, PackManifest } from '../catalog/manifest_types';
import { initialState, initialOrder, layerUiForManifest, type AppState } from '../state/store';
import { overWhite, sheetContent } from './sheet_content';

const forest: LayerSpec = {
  id: 'forest',
  title: { vi: 'Hiện trạng rừng', en: 'Forest' },
  legendTitle: { vi: 'Mục đích sử dụng rừng', en: 'Forest use' },
  group: 'g',
  file: 'f.geojson',
  format: 'geojson',
  geometry: 'polygon',
  opacity: 1,
  style: { type: 'categories', field: 'use', categories: [{ value: 'dd', color: '#1b5e20', label: { vi: 'Rừng đặc dụng', en: 'Special-use' } }] },
  provenance: { source: { vi: 'Sở NN', en: 'DARD' }, date: '2023-10-06' },
  illustrative: true,
};
const sites: LayerSpec = { ...forest, id: 'sites', title: 'Công trình', geometry: 'point', style: { type: 'single', color: '#1565c0' }, illustrative: false, legendTitle: undefined };
const hidden: LayerSpec = { ...forest, id: 'hidden', title: 'Ẩn', visible: false };

function state(lang: 'vi' | 'en'): AppState {
  const manifest: PackManifest = { schemaVersion: 1, id: 'p', title: 'P', bounds: [0, 0, 1, 1], groups: [{ id: 'g', title: 'G' }], layers: [forest, sites, hidden], notice: { vi: 'Ranh giới là sơ đồ', en: 'Schematic' } };
  const ready = { status: 'ready' as const, data: { type: 'FeatureCollection' as const, features: [] }, featureCount: 0, skipped: [], error: null };
  return {
    ...initialState(lang),
    pack: { status: 'ready', url: 'x', loadingUrl: null, manifest, progress: { done: 3, total: 3, file: '' } },
    layerUi: layerUiForManifest(manifest, null),
    layerData: { forest: ready, sites: ready, hidden: ready },
    order: initialOrder(manifest),
  };
}

describe('sheet content', () => {
  it('lists visible layers only, top first, in the UI language', () => {
    const c = sheetContent(state('vi'), 'Tiêu đề', new Date(2025, 6, 1), '1.0.0');
    expect(c.legend.map((s) => s.heading ?? s.items[0]?.label)).toEqual(['Công trình', 'Mục đích sử dụng rừng *']);
    expect(c.legend[1]!.items[0]).toMatchObject({ label: 'Rừng đặc dụng', fill: '#1b5e20' });
    expect(c.dateText).toBe('Ngày lập: 01/07/2025');
    expect(c.illustrativeNote).toContain('Số liệu minh họa');
    expect(c.notes[0]).toBe('Ranh giới là sơ đồ');
    expect(c.notes.some((n) => n.includes('Hiện trạng rừng *') && n.includes('Sở NN') && n.includes('2023-10-06'))).toBe(true);
    const en = sheetContent(state('en'), 'Title', new Date(2025, 6, 1), '1.0.0');
    expect(en.legend[1]!.heading).toBe('Forest use *');
    expect(en.illustrativeNote).toContain('Illustrative data');
  });

  it('blends translucent fills over white paper', () => {
    expect(overWhite('#000000', 0.5)).toBe('#808080');
    expect(overWhite('#1b5e20', 1)).toBe('#1b5e20');
    expect(overWhite('#1b5e20', 0)).toBe('#ffffff');
  });
});
