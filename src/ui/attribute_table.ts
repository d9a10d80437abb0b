import type { Feature } from 'geojson';
import type { LayerSpec, Localized } from '../catalog/manifest_types';
import type { AppState, AppStore } from '../state/store';
import { allLayers } from '../state/store';
import type { FeatureEdit } from '../state/feature_edits';
import { parseLocaleNumber, queryRows, type ColumnFilter, type TableQuery, type TableSource, type CellValue } from '../analysis/table_query';
import { layerTableSource, rowsBounds, rowsFeatures } from '../analysis/table_source';
import { localize, t } from '../i18n/i18n';
import { clear, h } from './dom';
import { VirtualList } from './virtual_list';
import { cellText, editText, fieldLabel, type TableField } from './attribute_table_cells';
import { bulkForm, columnForm, renameForm } from './attribute_table_forms';

// The attribute table of one layer: a bottom sheet over the map with a virtualised grid
// (only the rows in view are in the DOM), sort, search, per-column filters, row selection
// drawn on the map, cell editing and bulk edits. Rows are feature indexes; the query runs on
// index arrays (analysis/table_query.ts). Editing is on for layers `isEditable` accepts
// (imported layers today; plan layers add theirs) and goes through `onEditCell`.

export interface AttributeTableDeps {
  store: AppStore;
  /** Draws the selected rows' features on the map (none: clears). */
  highlight(features: Feature[]): void;
  /** Fits the map to the bounds; `bottomInset` px at the bottom of the map are under the table. */
  fitBounds(bounds: [number, number, number, number], bottomInset: number): void;
  /** Whether a layer's cells can be edited; default: the user's imported layers. */
  isEditable?(state: AppState, layerId: string): boolean;
  /** Where edits go; default the store's one edit action, updateFeatureProperties. */
  onEditCell?(layerId: string, edits: FeatureEdit[]): void;
}

export interface AttributeTable {
  open(layerId: string): void;
  close(): void;
  readonly layerId: string | null;
}

const ROW_HEIGHT = 30;
const NUMBER_COL = '72px';
const FIELD_COL = '150px';

const isUserLayer = (s: AppState, id: string) => s.userLayers.some((l) => l.id === id);

export function mountAttributeTable(host: HTMLElement, deps: AttributeTableDeps): AttributeTable {
  const { store } = deps;
  const editable = (id: string) => (deps.isEditable ?? isUserLayer)(store.getState(), id);
  const commit = (id: string, edits: FeatureEdit[]) => (deps.onEditCell ? deps.onEditCell(id, edits) : store.getState().updateFeatureProperties(id, edits));

  const panel = h('section', { class: 'attr-table', hidden: true, role: 'region' });
  host.append(panel);
  const title = h('h2', { class: 'attr-table__title', id: 'attr-table-title' });
  const renameBtn = h('button', { type: 'button', class: 'icon-button attr-rename', text: '✎' });
  const count = h('span', { class: 'attr-table__count', 'aria-live': 'polite' });
  const search = h('input', { type: 'search', class: 'attr-search' });
  const bulkBtn = h('button', { type: 'button', class: 'attr-bulk' });
  const zoomBtn = h('button', { type: 'button', class: 'attr-zoom' });
  const clearBtn = h('button', { type: 'button', class: 'attr-clear' });
  const closeBtn = h('button', { type: 'button', class: 'icon-button attr-close', text: '✕' });
  const bar = h('div', { class: 'attr-table__bar' }, title, renameBtn, count, search, zoomBtn, clearBtn, bulkBtn, closeBtn);
  const forms = h('div', { class: 'attr-table__forms' });
  const note = h('p', { class: 'attr-table__note' });
  const header = h('div', { class: 'attr-grid__header', role: 'row' });
  panel.append(bar, forms, note);

  let layerId: string | null = null;
  let layer: LayerSpec | null = null;
  let src: TableSource | null = null;
  let fields: TableField[] = [];
  let rows: Uint32Array = new Uint32Array(0);
  const query: { sort: TableQuery['sort']; search: string; filters: Map<string, ColumnFilter> } = { sort: null, search: '', filters: new Map() };
  const selected = new Set<number>();
  let anchor = -1;
  let active = { pos: -1, col: 1 };
  let editing: { pos: number; col: number; input: HTMLInputElement } | null = null;

  const list = new VirtualList({
    rowHeight: ROW_HEIGHT,
    header,
    createRow: () => h('div', { class: 'attr-grid__row', role: 'row' }),
    renderRow: (el, pos) => renderRow(el, pos),
  });
  list.element.classList.add('attr-grid');
  list.element.setAttribute('role', 'grid');
  list.element.setAttribute('tabindex', '0');
  list.element.setAttribute('aria-labelledby', title.id);
  panel.append(list.element);

  const lang = () => store.getState().lang;
  const columnsTemplate = () => [NUMBER_COL, ...fields.map(() => FIELD_COL)].join(' ');

  function renderRow(el: HTMLElement, pos: number): void {
    const index = rows[pos]!;
    const l = lang();
    el.setAttribute('aria-rowindex', String(pos + 2));
    el.setAttribute('aria-selected', String(selected.has(index)));
    el.dataset.pos = String(pos);
    el.dataset.index = String(index);
    el.classList.toggle('is-selected', selected.has(index));
    el.style.gridTemplateColumns = columnsTemplate();
    while (el.children.length > fields.length + 1) el.lastElementChild!.remove();
    while (el.children.length < fields.length + 1) el.append(h('div', { role: 'gridcell', class: 'attr-grid__cell' }));
    for (let c = 0; c <= fields.length; c++) {
      const cell = el.children[c] as HTMLElement;
      cell.classList.toggle('is-active', pos === active.pos && c === active.col);
      cell.classList.toggle('is-number', c === 0 || fields[c - 1]!.numeric);
      if (editing && editing.pos === pos && editing.col === c) {
        if (cell.firstChild !== editing.input) {
          clear(cell);
          cell.append(editing.input);
        }
        continue;
      }
      const text = c === 0 ? String(index + 1) : cellText(src!.value(index, fields[c - 1]!.name), fields[c - 1]!, layer!, l);
      if (cell.textContent !== text || cell.firstElementChild) cell.textContent = text;
      cell.title = text.length > 20 ? text : '';
    }
  }

  const renderHeader = () => {
    const l = lang();
    clear(header);
    header.style.gridTemplateColumns = columnsTemplate();
    header.setAttribute('aria-rowindex', '1');
    header.append(h('div', { role: 'columnheader', class: 'attr-grid__head is-number', text: t(l, 'table.rowNumber') }));
    for (const f of fields) {
      const label = fieldLabel(f, l);
      const sorted = query.sort?.field === f.name ? (query.sort.desc ? 'descending' : 'ascending') : 'none';
      const sortBtn = h('button', { type: 'button', class: 'attr-sort', 'data-field': f.name, title: t(l, 'table.sortBy', { field: label }) }, h('span', { class: 'attr-sort__label', text: label }), h('span', { 'aria-hidden': 'true', text: sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '' }));
      sortBtn.addEventListener('click', () => {
        query.sort = query.sort?.field === f.name ? (query.sort.desc ? null : { field: f.name, desc: true }) : { field: f.name };
        requery();
      });
      const filtered = query.filters.has(f.name);
      const menu = h('button', { type: 'button', class: `attr-col-menu${filtered ? ' is-on' : ''}`, 'data-field': f.name, 'aria-label': t(l, 'table.column', { field: label }), title: t(l, 'table.column', { field: label }), text: filtered ? '▾' : '⋯' });
      menu.addEventListener('click', () => showColumnForm(f));
      header.append(h('div', { role: 'columnheader', class: `attr-grid__head${f.numeric ? ' is-number' : ''}`, 'aria-sort': sorted }, sortBtn, menu));
    }
  };

  const updateCount = () => {
    const l = lang();
    const total = src?.length ?? 0;
    count.textContent = t(l, 'table.count', { shown: rows.length, total }) + (selected.size > 0 ? ` · ${t(l, 'table.selected', { count: selected.size })}` : '');
    zoomBtn.disabled = clearBtn.disabled = selected.size === 0;
    note.textContent = !src ? t(l, 'table.loading') : rows.length === 0 ? t(l, 'table.empty') : '';
    note.hidden = note.textContent === '';
  };

  const requery = () => {
    if (!src) {
      rows = new Uint32Array(0);
    } else {
      const t0 = performance.now();
      rows = queryRows(src, { sort: query.sort ?? null, search: query.search, filters: [...query.filters.values()] });
      console.info(`[attribute-table] query ${Math.round(performance.now() - t0)} ms: ${rows.length} of ${src.length} rows, sort ${query.sort ? `${query.sort.field}${query.sort.desc ? ' desc' : ''}` : 'none'}, search "${query.search}", filters ${query.filters.size}`);
    }
    editing = null;
    active.pos = Math.min(active.pos, rows.length - 1);
    renderHeader();
    list.setCount(rows.length);
    updateCount();
  };

  const sync = () => {
    if (!layerId) return;
    const s = store.getState();
    const spec = allLayers(s).find((x) => x.id === layerId);
    if (!spec) return close();
    layer = spec;
    src = layerTableSource(s.layerData[layerId]);
    const l = s.lang;
    const popup = new Map((spec.popup?.fields ?? []).map((f) => [f.field, f]));
    fields = (src?.columns ?? []).map((c) => ({ name: c.name, numeric: c.numeric, ...(popup.has(c.name) ? { popup: popup.get(c.name)! } : {}) }));
    const titleText = localize(spec.title, l);
    title.textContent = t(l, 'table.heading', { title: titleText });
    panel.setAttribute('aria-labelledby', title.id);
    renameBtn.hidden = !isUserLayer(s, layerId);
    renameBtn.title = t(l, 'table.renameLabel', { title: titleText });
    renameBtn.setAttribute('aria-label', renameBtn.title);
    search.placeholder = t(l, 'table.searchPlaceholder');
    search.setAttribute('aria-label', t(l, 'table.search'));
    zoomBtn.textContent = t(l, 'table.zoom');
    clearBtn.textContent = t(l, 'table.clearSelection');
    bulkBtn.textContent = t(l, 'table.bulk');
    bulkBtn.hidden = !editable(layerId);
    closeBtn.setAttribute('aria-label', t(l, 'table.close'));
    closeBtn.title = t(l, 'table.close');
    requery();
  };

  // --- selection -----------------------------------------------------------------------
  const selectionChanged = () => {
    const entry = layerId ? store.getState().layerData[layerId] : undefined;
    deps.highlight(entry && selected.size > 0 ? rowsFeatures(entry, selected) : []);
    list.refresh();
    updateCount();
  };

  const selectAt = (pos: number, mode: 'only' | 'toggle' | 'range') => {
    if (pos < 0 || pos >= rows.length) return;
    const index = rows[pos]!;
    if (mode === 'range' && anchor >= 0) {
      selected.clear();
      const [a, b] = anchor < pos ? [anchor, pos] : [pos, anchor];
      for (let p = a; p <= b; p++) selected.add(rows[p]!);
    } else if (mode === 'toggle') {
      if (selected.has(index)) selected.delete(index);
      else selected.add(index);
      anchor = pos;
    } else {
      selected.clear();
      selected.add(index);
      anchor = pos;
    }
    active.pos = pos;
    list.scrollToIndex(pos);
    selectionChanged();
  };

  const zoomToSelection = () => {
    const entry = layerId ? store.getState().layerData[layerId] : undefined;
    const box = entry ? rowsBounds(entry, selected) : null;
    if (box) deps.fitBounds(box, panel.offsetHeight);
  };

  // --- editing -------------------------------------------------------------------------
  /** The value typed for a field, or an error text. */
  const parseValue = (field: TableField, text: string): { value: CellValue } | { error: string } => {
    const s = text.trim();
    if (s === '') return { value: null };
    if (!field.numeric) return { value: text };
    const n = parseLocaleNumber(s);
    return n === null ? { error: t(lang(), 'table.notNumber', { value: s }) } : { value: n };
  };

  const startEdit = (pos: number, col: number) => {
    if (!layerId || !editable(layerId) || col < 1 || pos < 0 || pos >= rows.length) return;
    const field = fields[col - 1]!;
    const index = rows[pos]!;
    const input = h('input', { type: 'text', class: 'attr-editor', 'aria-label': `${fieldLabel(field, lang())}: ${t(lang(), 'table.editCell')}`, ...(field.numeric ? { inputmode: 'decimal' } : {}) });
    input.value = editText(src!.value(index, field.name), lang());
    editing = { pos, col, input };
    active = { pos, col };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') return endEdit(false);
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const parsed = parseValue(field, input.value);
      if ('error' in parsed) {
        input.setAttribute('aria-invalid', 'true');
        input.title = parsed.error;
        return;
      }
      editing = null;
      commit(layerId!, [{ index, field: field.name, value: parsed.value }]);
      list.element.focus({ preventScroll: true });
    });
    input.addEventListener('blur', () => {
      if (editing?.input === input) endEdit(false);
    });
    list.scrollToIndex(pos);
    list.refresh();
    input.focus({ preventScroll: true });
    input.select();
  };

  const endEdit = (focusGrid = true) => {
    editing = null;
    list.refresh();
    if (focusGrid) list.element.focus({ preventScroll: true });
  };

  // --- forms -----------------------------------------------------------------------------
  const closeForms = () => {
    clear(forms);
    forms.hidden = true;
  };
  const showForm = (el: HTMLElement) => {
    clear(forms);
    forms.append(el);
    forms.hidden = false;
  };

  const showColumnForm = (field: TableField) => {
    const id = layerId!;
    showForm(
      columnForm({
        lang: lang(),
        field,
        filter: query.filters.get(field.name),
        canName: isUserLayer(store.getState(), id),
        onFilter: (f) => {
          if (f) query.filters.set(field.name, f);
          else query.filters.delete(field.name);
          closeForms();
          requery();
        },
        onName: (label: Localized | null) => {
          closeForms();
          store.getState().setFieldLabel(id, field.name, label);
        },
        onCancel: closeForms,
      }),
    );
  };

  renameBtn.addEventListener('click', () => {
    const id = layerId!;
    showForm(
      renameForm(lang(), layer!.title, (name) => {
        closeForms();
        store.getState().setLayerTitle(id, name);
      }, closeForms),
    );
    forms.querySelector('input')?.focus();
  });

  bulkBtn.addEventListener('click', () => {
    const id = layerId!;
    showForm(
      bulkForm({
        lang: lang(),
        fields,
        selected: selected.size,
        onApply: (name, text) => {
          const field = fields.find((f) => f.name === name);
          if (!field || selected.size === 0) return null;
          const parsed = parseValue(field, text);
          if ('error' in parsed) return parsed.error;
          commit(id, [...selected].map((index) => ({ index, field: name, value: parsed.value })));
          closeForms();
          store.getState().pushMessage('info', { key: 'table.bulkDone', params: { field: fieldLabel(field, lang()), count: selected.size } });
          return null;
        },
        onCancel: closeForms,
      }),
    );
  });

  // --- events ------------------------------------------------------------------------------
  let searchTimer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => {
      query.search = search.value;
      requery();
    }, 200);
  });
  zoomBtn.addEventListener('click', zoomToSelection);
  clearBtn.addEventListener('click', () => {
    selected.clear();
    selectionChanged();
  });
  closeBtn.addEventListener('click', () => close());

  const posOf = (target: EventTarget | null): { pos: number; col: number } | null => {
    const cell = (target as HTMLElement | null)?.closest?.('.attr-grid__cell') as HTMLElement | null;
    const row = cell?.parentElement;
    if (!cell || !row?.dataset.pos) return null;
    return { pos: Number(row.dataset.pos), col: [...row.children].indexOf(cell) };
  };
  list.element.addEventListener('click', (e) => {
    const at = posOf(e.target);
    if (!at || (e.target as HTMLElement).tagName === 'INPUT') return;
    active.col = Math.max(1, at.col);
    selectAt(at.pos, e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only');
  });
  list.element.addEventListener('dblclick', (e) => {
    const at = posOf(e.target);
    if (at) startEdit(at.pos, at.col);
  });
  list.element.addEventListener('keydown', (e) => {
    if (e.target !== list.element) return;
    const [first, last] = list.visibleRange();
    const page = Math.max(1, last - first - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const pos = e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : Math.max(0, Math.min(rows.length - 1, (active.pos < 0 ? -1 : active.pos) + moves[e.key]!));
      selectAt(pos, e.shiftKey ? 'range' : 'only');
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      active.col = Math.max(1, Math.min(fields.length, active.col + (e.key === 'ArrowLeft' ? -1 : 1)));
      list.refresh();
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(active.pos, active.col);
    } else if (e.key === 'Escape') {
      selected.clear();
      selectionChanged();
    } else if (e.key === ' ' && active.pos >= 0) {
      e.preventDefault();
      selectAt(active.pos, 'toggle');
    }
  });

  const close = () => {
    layerId = null;
    panel.hidden = true;
    host.classList.remove('has-attr-table');
    selected.clear();
    editing = null;
    deps.highlight([]);
  };

  const open = (id: string) => {
    if (!allLayers(store.getState()).some((l) => l.id === id)) throw new Error(`no layer "${id}"`);
    if (layerId !== id) {
      selected.clear();
      anchor = -1;
      active = { pos: -1, col: 1 };
      query.sort = null;
      query.search = '';
      query.filters.clear();
      search.value = '';
      deps.highlight([]);
    }
    layerId = id;
    panel.hidden = false;
    host.classList.add('has-attr-table');
    closeForms();
    sync();
    list.element.focus({ preventScroll: true });
  };

  let lastData: unknown = null;
  let lastSpec: unknown = null;
  let lastLang: unknown = null;
  store.subscribe(
    (s) => s,
    (s) => {
      if (!layerId) return;
      const data = s.layerData[layerId];
      const spec = allLayers(s).find((x) => x.id === layerId);
      if (data === lastData && spec === lastSpec && s.lang === lastLang) return;
      lastData = data;
      lastSpec = spec;
      lastLang = s.lang;
      sync();
      if (selected.size > 0) selectionChanged();
    },
  );

  return {
    open,
    close,
    get layerId() {
      return layerId;
    },
  };
}
