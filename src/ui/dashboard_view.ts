import type { Lang, LayerSpec } from '../catalog/manifest_types';
import type { DashboardColumn, DashboardRow, DashboardTable, SortState } from '../analysis/dashboard_rows';
import { sortRows } from '../analysis/dashboard_rows';
import { formatNumber, t } from '../i18n/i18n';
import { buildBarChart, highlightBar } from './bar_chart';
import { h, swatch } from './dom';
import { copyControl, shortText } from './long_value';

// The dashboard's result views: district / selected-commune cards, the stacked bar chart with
// its legend, and the sortable table. Each builds detached DOM from a view model.

export interface ClassInfo {
  label: string;
  color: string;
}

export interface DashboardViewModel {
  lang: Lang;
  layer: LayerSpec;
  table: DashboardTable;
  /** class value → label and colour */
  classes: Map<string, ClassInfo>;
  /** label of the group-by field, or null when not grouped */
  groupLabel: string | null;
  /** label (with unit) of a summed point field */
  fieldLabel(field: string): string;
}

export function columnLabel(c: DashboardColumn, vm: DashboardViewModel): string {
  const { lang } = vm;
  switch (c.id) {
    case 'name':
      return t(lang, 'dash.col.name');
    case 'total':
      return t(lang, 'dash.col.total');
    case 'pct':
      return t(lang, 'dash.col.pct');
    case 'count':
      return t(lang, 'dash.col.count');
    case 'ratio':
      return t(lang, 'dash.col.ratio');
  }
  if (c.classValue !== undefined) return vm.classes.get(c.classValue)?.label ?? c.classValue;
  return c.field ? vm.fieldLabel(c.field) : c.id;
}

/** Number digits per kind: hectares and percentages to one decimal, counts and sums whole. */
export function formatCell(kind: DashboardColumn['kind'], v: number, lang: Lang): string {
  if (kind === 'ha' || kind === 'pct') return formatNumber(v, lang, 1, 1);
  return formatNumber(v, lang, 0);
}

function card(title: string, lines: string[], extraClass = ''): HTMLElement {
  const [first, ...rest] = lines;
  return h(
    'section',
    { class: `dash-card ${extraClass}`.trim() },
    h('h3', { text: title }),
    first !== undefined ? h('p', { class: 'dash-card__value', text: first }) : null,
    ...rest.map((l) => h('p', { class: 'dash-card__sub', text: l })),
  );
}

function summaryLines(row: DashboardRow, vm: DashboardViewModel): string[] {
  const { lang, table } = vm;
  const v = row.values;
  if (table.geometry === 'polygon') {
    return [t(lang, 'dash.ha', { value: formatCell('ha', v.total ?? 0, lang) }), t(lang, 'dash.pctOfArea', { value: formatCell('pct', v.pct ?? 0, lang) })];
  }
  const lines = [t(lang, 'dash.features', { value: formatCell('count', v.count ?? 0, lang) })];
  for (const c of table.columns) if (c.field) lines.push(`${vm.fieldLabel(c.field)}: ${formatCell('number', v[c.id] ?? 0, lang)}`);
  if (v.ratio !== undefined) lines.push(t(lang, 'dash.disbursedPct', { value: formatCell('pct', v.ratio, lang) }));
  return lines;
}

/** "Whole district" and "Selected commune" cards. */
export function renderSummary(vm: DashboardViewModel, selectedCode: string | null): HTMLElement {
  const { lang, table } = vm;
  const selected = selectedCode === null ? undefined : table.rows.find((r) => r.code === selectedCode);
  return h(
    'div',
    { class: 'dash-cards' },
    card(t(lang, 'dash.district'), summaryLines(table.total, vm), 'dash-card--district'),
    selected
      ? card(`${t(lang, 'dash.selected')}: ${shortText(selected.name)}`, summaryLines(selected, vm), 'dash-card--selected')
      : h('section', { class: 'dash-card dash-card--selected dash-card--empty' }, h('h3', { text: t(lang, 'dash.selected') }), h('p', { class: 'dash-card__sub', text: t(lang, 'dash.noSelection') })),
  );
}

/** Legend and stacked bars per commune; bars in the table's current order. */
export function renderChart(vm: DashboardViewModel, rows: readonly DashboardRow[], selectedCode: string | null, onSelect: (code: string) => void): { element: HTMLElement; highlight(code: string | null): void } {
  const { lang, table } = vm;
  const polygon = table.geometry === 'polygon';
  const classCols = table.columns.filter((c) => c.classValue !== undefined);
  const fallback = { label: '', color: '#4a7c6f' };
  const bars = rows.map((r) => ({
    key: r.code,
    label: shortText(r.name),
    segments:
      classCols.length > 0
        ? classCols.map((c) => ({ key: c.classValue!, value: r.values[c.id] ?? 0, color: vm.classes.get(c.classValue!)?.color ?? fallback.color, label: shortText(columnLabel(c, vm)) }))
        : [{ key: 'total', value: (polygon ? r.values.total : r.values.count) ?? 0, color: fallback.color, label: polygon ? t(lang, 'dash.col.total') : t(lang, 'dash.col.count') }],
  }));
  const title = vm.groupLabel
    ? t(lang, polygon ? 'dash.chartTitleHa' : 'dash.chartTitleCount', { field: vm.groupLabel })
    : t(lang, polygon ? 'dash.chartTitleHaNoGroup' : 'dash.chartTitleCountNoGroup');
  const chart = buildBarChart({
    bars,
    title,
    format: (v) => formatNumber(v, lang, polygon && v < 100 ? 1 : 0),
    selectedKey: selectedCode,
    onSelect,
    width: 430,
    barHeight: 15,
  });
  const legend = h('ul', { class: 'legend dash-legend', 'aria-label': title });
  for (const c of classCols) {
    const info = vm.classes.get(c.classValue!);
    legend.append(h('li', {}, swatch('swatch', info?.color ?? fallback.color), h('span', { text: shortText(columnLabel(c, vm)) })));
  }
  const element = h('figure', { class: 'dash-chart' }, h('figcaption', { text: title }), classCols.length ? legend : null, chart);
  return { element, highlight: (code) => highlightBar(chart, code) };
}

export interface TableHandlers {
  onSort(column: string): void;
  onSelect(code: string): void;
}

/** The sortable table: header buttons set aria-sort, commune names are buttons, a total row last. */
export function renderTable(vm: DashboardViewModel, sort: SortState, caption: string, handlers: TableHandlers): { element: HTMLElement; highlight(code: string | null): void } {
  const { lang, table } = vm;
  const headRow = h('tr');
  for (const c of table.columns) {
    const active = sort.column === c.id;
    const arrow = active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕';
    const info = c.classValue !== undefined ? vm.classes.get(c.classValue) : undefined;
    const button = h(
      'button',
      { type: 'button', class: 'sort-button', 'data-col': c.id },
      info ? swatch('swatch', info.color) : null,
      // class values and field names come from the data: bounded like any attribute value
      h('span', { text: shortText(columnLabel(c, vm)) }),
      h('span', { class: 'sort-arrow', 'aria-hidden': 'true', text: arrow }),
    );
    button.addEventListener('click', () => handlers.onSort(c.id));
    headRow.append(h('th', { scope: 'col', class: c.kind === 'text' ? '' : 'num', 'aria-sort': active ? sort.dir : undefined }, button));
  }
  const body = h('tbody');
  const trs = new Map<string, HTMLTableRowElement>();
  for (const r of sortRows(table.rows, sort)) {
    const tr = h('tr', { 'data-code': r.code });
    for (const c of table.columns) {
      if (c.id === 'name') {
        const b = h('button', { type: 'button', class: 'row-button', 'data-code': r.code, text: shortText(r.name) });
        b.addEventListener('click', () => handlers.onSelect(r.code));
        tr.append(h('th', { scope: 'row' }, b, copyControl(r.name, lang)));
      } else tr.append(h('td', { class: 'num', text: formatCell(c.kind, r.values[c.id] ?? 0, lang) }));
    }
    trs.set(r.code, tr);
    body.append(tr);
  }
  const foot = h('tr');
  for (const c of table.columns) {
    foot.append(c.id === 'name' ? h('th', { scope: 'row', text: t(lang, 'dash.totalRow') }) : h('td', { class: 'num', text: formatCell(c.kind, table.total.values[c.id] ?? 0, lang) }));
  }
  const element = h(
    'div',
    { class: 'dash-table-wrap' },
    h('table', { class: 'dash-table', id: 'dash-table' }, h('caption', { text: caption }), h('thead', {}, headRow), body, h('tfoot', {}, foot)),
  );
  const highlight = (code: string | null) => {
    for (const [k, tr] of trs) {
      const on = k === code;
      tr.classList.toggle('is-selected', on);
      if (on) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  };
  return { element, highlight };
}
