// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../catalog/manifest_types';
import type { DashboardTable } from '../analysis/dashboard_rows';
import { renderSummary, renderTable, type DashboardViewModel } from './dashboard_view';
import { MAX_SHOWN_CHARS } from './long_value';

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

describe('long values in the table', () => {
  it('cuts a huge commune name and class label short, as text, with a Copy button for the name', () => {
    const vm = createViewModel('en');
    const big = `<b>${'N'.repeat(1_000_000)}`;
    const table = { ...vm.table, rows: vm.table.rows.map((r, i) => (i === 0 ? { ...r, name: big } : r)) };
    const classes = new Map([['a', { label: `=${'L'.repeat(10_000)}`, color: '#00441b' }]]);
    const picked: string[] = [];
    const { element } = renderTable({ ...vm, table, classes }, { column: 'name', dir: 'ascending' }, 'cap', { onSort: () => {}, onSelect: (c) => picked.push(c) });
    const th = element.querySelector('tr[data-code="01"] th')!;
    expect(th.querySelector('.row-button')!.textContent).toBe(`${big.slice(0, MAX_SHOWN_CHARS)}…`);
    expect(th.querySelector('b')).toBeNull();
    const copy = th.querySelector<HTMLButtonElement>('.long-value__copy')!;
    expect(copy.textContent).toBe('Copy');
    copy.click();
    expect(picked).toEqual([]);
    expect(element.querySelector('[data-col="class:a"]')!.textContent!.length).toBeLessThan(MAX_SHOWN_CHARS + 5);
  });
});

describe('renderSummary', () => {
  it('shows the district total and the selected commune', () => {
    const el = renderSummary(createViewModel(), '01');
    expect(el.querySelector('.dash-card--district .dash-card__value')!.textContent).toBe('1.244,6 ha');
    expect(el.querySelector('.dash-card--selected h3')!.textContent).toContain('Ka Lăng');
  });
});
