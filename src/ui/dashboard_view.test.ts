// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import type { DashboardTable } from '../analysis/dashboard_rows';
import { renderSummary, renderTable, type DashboardViewModel } from './dashboard_view';

function createViewModel(lang: 'vi' | 'en' = 'vi'): DashboardViewModel {
  const table: DashboardTable = {
    geometry: 'polygon',
    columns: [{ id: 'name', kind: 'text' }, { id: 'class:a', kind: 'ha', classValue: 'a' }, { id: 'total', kind: 'ha' }, { id: 'pct', kind: 'pct' }],
    rows: [
      { code: '01', name: 'Ka Lăng', values: { 'class:a': 1234.56, total: 1234.56, pct: 12.34 } },
      { code: '02', name: 'Bum Nưa', values: { 'class:a': 10, total: 10, pct: 1 } },
    ],
    total: { code: '', name: '', values: { 'class:a': 1244.56, total: 1244.56, pct: 8 } },
  };
  const layer = { id: 'f', title: 'Rừng' } as unknown as LayerSpec;
  return { lang, layer, table, classes: new Map([['a', { label: 'Đặc dụng', color: '#00441b' }]]), groupLabel: 'Mục đích', fieldLabel: (f) => f };
}

describe('renderTable', () => {
  it('marks the sorted column with aria-sort and orders rows by it', () => {
    const sorts: string[] = [];
    const { element } = renderTable(createViewModel(), { column: 'total', dir: 'ascending' }, 'cap', { onSort: (c) => sorts.push(c), onSelect: () => {} });
    const sorted = element.querySelectorAll('th[aria-sort]');
    expect(sorted).toHaveLength(1);
    expect(sorted[0]!.getAttribute('aria-sort')).toBe('ascending');
    expect([...element.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-code'))).toEqual(['02', '01']);
    element.querySelector<HTMLButtonElement>('[data-col="pct"]')!.click();
    expect(sorts).toEqual(['pct']);
  });

  it('formats numbers for the UI language and selects a commune from its name', () => {
    const picked: string[] = [];
    const vi = renderTable(createViewModel('vi'), { column: 'name', dir: 'ascending' }, 'cap', { onSort: () => {}, onSelect: (c) => picked.push(c) });
    const row = vi.element.querySelector('tr[data-code="01"]')!;
    expect(row.querySelector('td')!.textContent).toBe('1.234,6');
    row.querySelector<HTMLButtonElement>('.row-button')!.click();
    expect(picked).toEqual(['01']);
    vi.highlight('01');
    expect(row.getAttribute('aria-current')).toBe('true');
    const en = renderTable(createViewModel('en'), { column: 'name', dir: 'ascending' }, 'cap', { onSort: () => {}, onSelect: () => {} });
    expect(en.element.querySelector('tr[data-code="01"] td')!.textContent).toBe('1,234.6');
  });
});

describe('renderSummary', () => {
  it('shows the district total and the selected commune', () => {
    const el = renderSummary(createViewModel(), '01');
    expect(el.querySelector('.dash-card--district .dash-card__value')!.textContent).toBe('1.244,6 ha');
    expect(el.querySelector('.dash-card--selected h3')!.textContent).toContain('Ka Lăng');
  });
});
