// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import { buildPopupContent, formatFieldValue } from './feature_popup';
import { MAX_SHOWN_CHARS } from './long_value';

function createLayer(patch: Partial<LayerSpec> = {}): LayerSpec {
  return {
    id: 'sites',
    title: { vi: 'Công trình', en: 'Project sites' },
    group: 'projects',
    file: 'sites.csv',
    format: 'csv',
    geometry: 'point',
    style: { type: 'single', color: '#000000' },
    provenance: { source: 'test' },
    ...patch,
  };
}

describe('formatFieldValue', () => {
  it('formats numbers in the Vietnamese or English style with units', () => {
    const field = { field: 'budget', label: 'b', format: 'number' as const, digits: 1, unit: { vi: 'triệu đồng', en: 'million VND' } };
    expect(formatFieldValue(12345.67, field, 'vi')).toBe('12.345,7 triệu đồng');
    expect(formatFieldValue(12345.67, field, 'en')).toBe('12,345.7 million VND');
  });

  it('shows a placeholder for empty values', () => {
    expect(formatFieldValue(null, { field: 'x', label: 'x' }, 'en')).toBe('(empty)');
  });

  it('keeps text that is not a number as it is', () => {
    expect(formatFieldValue('n/a', { field: 'x', label: 'x', format: 'number' }, 'en')).toBe('n/a');
  });
});

describe('buildPopupContent', () => {
  it('never interprets attribute values as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><a href="javascript:alert(1)">x</a>';
    const el = buildPopupContent(createLayer({ popup: { titleField: 'name', fields: [{ field: 'name', label: 'Tên' }] } }), { name: evil }, 'vi');
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('h3')?.textContent).toBe(evil);
    expect(el.querySelector('td')?.textContent).toBe(evil);
  });

  it('shows coded values with their labels, from the field or the style categories', () => {
    const layer = createLayer({
      style: { type: 'categories', field: 'programme', categories: [{ value: 'ntm', color: '#000000', label: { vi: 'Nông thôn mới', en: 'New rural development' } }] },
      popup: {
        fields: [
          { field: 'programme', label: 'P' },
          { field: 'status', label: 'S', values: { completed: { vi: 'Hoàn thành', en: 'Completed' } } },
          { field: 'other', label: 'O' },
        ],
      },
    });
    const el = buildPopupContent(layer, { programme: 'ntm', status: 'completed', other: 'x' }, 'vi');
    expect([...el.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Nông thôn mới', 'Hoàn thành', 'x']);
  });

  it('lists every attribute when the manifest declares no popup fields', () => {
    const el = buildPopupContent(createLayer(), { a: 1, b: 'hai' }, 'en');
    expect([...el.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['a', 'b']);
    expect(el.querySelector('h3')?.textContent).toBe('Project sites');
  });

  it('uses the labels of the chosen language and flags illustrative data', () => {
    const layer = createLayer({ illustrative: true, popup: { fields: [{ field: 'status', label: { vi: 'Trạng thái', en: 'Status' } }] } });
    const el = buildPopupContent(layer, { status: 'planned' }, 'vi');
    expect(el.querySelector('th')?.textContent).toBe('Trạng thái');
    expect(el.querySelector('.feature-popup__note')?.textContent).toContain('minh họa');
  });

  it('shows a huge value cut short, as text, with a copy control', () => {
    const big = `=cmd <script>x</script> ${'đ'.repeat(2_000_000)}`;
    const el = buildPopupContent(createLayer({ popup: { titleField: 'note', fields: [{ field: 'note', label: 'Ghi chú' }] } }), { note: big }, 'vi');
    const td = el.querySelector('td')!;
    expect(td.querySelector('.long-value__text')?.textContent).toBe(`${big.slice(0, MAX_SHOWN_CHARS)}…`);
    expect(td.querySelector('script')).toBeNull();
    expect(td.querySelector('button')?.textContent).toBe('Sao chép');
    expect(el.querySelector('h3')?.textContent?.length).toBe(MAX_SHOWN_CHARS + 1);
  });

  it('does not read a long text cell as a number', () => {
    expect(formatFieldValue('1'.repeat(100), { field: 'x', label: 'x', format: 'number' }, 'en')).toBe('1'.repeat(100));
  });
});

