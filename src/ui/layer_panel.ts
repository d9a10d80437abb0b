import type { Lang, LayerSpec, LayerStyle } from '../catalog/manifest_types';
import type { AppState, AppStore } from '../state/store';
import { allGroups, allLayers } from '../state/store';
import { categoriesStyle, describeFields, graduatedStyle, singleStyle } from '../style/auto_style';
import { spreadSample } from '../analysis/spread_sample';
import { CLASS_METHODS, DEFAULT_CLASSES, DEFAULT_RAMP, MAX_CLASSES, MIN_CLASSES, RAMP_IDS, RAMPS, isRampId, type ClassMethod } from '../style/classify';
import { valueLabels } from './feature_popup';
import { localize, renderMessage, t } from '../i18n/i18n';
import { legendItems } from '../style/layer_style';
import { clear, h, swatch } from './dom';
import { shortText } from './long_value';
import { renderExportControls } from './export_controls';
import { distinctValues as tableDistinct, sampleFeatures, tableFields } from '../io/point_table';

// Layer panel: groups from the manifest, each layer with visibility, opacity, order, filters,
// legend and status. The structure is rebuilt only when the pack, language or order change;
// visibility, opacity and counts are patched in place so a dragged slider keeps focus.

export interface LayerPanelDeps {
  store: AppStore;
  zoomToLayer(id: string): void;
  /** Opens the layer's attribute table (ui/attribute_table.ts). */
  openTable?(id: string): void;
  /** Import controls shown above the layer groups (owned by the import panel). */
  importControls?: HTMLElement;
}

interface RowControls {
  layer: LayerSpec;
  checkbox: HTMLInputElement;
  opacity: HTMLInputElement;
  status: HTMLElement;
  filters: Map<string, HTMLSelectElement>;
  row: HTMLElement;
}

export function distinctValues(layerData: AppState['layerData'][string] | undefined, field: string): string[] {
  if (layerData?.points) return [...tableDistinct(layerData.points, field)].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  const values = new Set<string>();
  for (const f of layerData?.data?.features ?? []) {
    const v = f.properties?.[field];
    if (v !== null && v !== undefined && v !== '') values.add(String(v));
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
}

export function mountLayerPanel(el: HTMLElement, deps: LayerPanelDeps): () => void {
  const { store } = deps;
  let rows = new Map<string, RowControls>();

  const render = () => {
    const state = store.getState();
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    clear(el);
    rows = new Map();
    el.append(h('h2', { class: 'panel-heading', id: 'layers-heading', text: t(state.lang, 'layers.heading') }));
    if (deps.importControls) el.append(deps.importControls);
    const layersById = new Map(allLayers(state).map((l) => [l.id, l]));
    for (const group of allGroups(state)) {
      const layers = state.order.map((id) => layersById.get(id)).filter((l): l is LayerSpec => !!l && l.group === group.id);
      if (layers.length === 0) continue;
      const list = h('ul', { class: 'layer-list' });
      for (const layer of layers) list.append(renderRow(layer, state.lang));
      el.append(h('section', { class: 'layer-group', 'aria-label': localize(group.title, state.lang) }, h('h3', { text: localize(group.title, state.lang) }), list));
    }
    update();
    if (focusKey) el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  };

  const renderRow = (layer: LayerSpec, lang: Lang): HTMLElement => {
    const manifest = store.getState().pack.manifest;
    const isUser = store.getState().userLayers.some((l) => l.id === layer.id);
    const title = localize(layer.title, lang);
    const checkbox = h('input', { type: 'checkbox', id: `layer-vis-${layer.id}`, 'data-focus-key': `vis:${layer.id}`, 'aria-label': t(lang, 'layers.visible', { title }) });
    checkbox.addEventListener('change', () => {
      const s = store.getState();
      const boundary = manifest?.boundarySets?.find((b) => b.layer === layer.id);
      // turning on a boundary layer switches the boundary set, keeping one set on screen
      if (boundary && checkbox.checked) s.setBoundarySet(boundary.id);
      else s.setLayerVisible(layer.id, checkbox.checked);
    });
    const opacity = h('input', { type: 'range', min: 0, max: 100, step: 5, class: 'layer-opacity', 'data-focus-key': `op:${layer.id}`, 'aria-label': t(lang, 'layers.opacity', { title }) });
    opacity.addEventListener('input', () => store.getState().setLayerOpacity(layer.id, Number(opacity.value) / 100));
    const button = (key: 'layers.up' | 'layers.down' | 'layers.zoomTo' | 'layers.remove' | 'table.openLabel', symbol: string, onClick: () => void) => {
      const b = h('button', { type: 'button', class: 'icon-button', 'data-focus-key': `${key}:${layer.id}`, 'aria-label': t(lang, key, { title }), title: t(lang, key, { title }), text: symbol });
      b.addEventListener('click', onClick);
      return b;
    };
    const status = h('span', { class: 'layer-status', 'aria-live': 'polite' });
    const filters = new Map<string, HTMLSelectElement>();
    const filterBox = h('div', { class: 'layer-filters' });
    for (const f of layer.filters ?? []) {
      const id = `filter-${layer.id}-${f.field}`;
      const select = h('select', { id, 'data-focus-key': `filter:${layer.id}:${f.field}` });
      select.addEventListener('change', () => store.getState().setLayerFilter(layer.id, f.field, select.value === '' ? null : select.value));
      filters.set(f.field, select);
      filterBox.append(h('label', { for: id, text: localize(f.label, lang) }), select);
    }
    const layerSwatch = (color: string) => swatch(`swatch swatch--${layer.geometry}`, color);
    const items = legendItems(layer, lang);
    // a single-colour layer's legend is just its swatch, shown beside the title
    const inlineSwatch = layer.style.type === 'single' && !layer.style.label ? layerSwatch(layer.style.outlineColor && (layer.style.fillOpacity ?? 1) < 0.5 ? layer.style.outlineColor : layer.style.color) : null;
    const legend = h('ul', { class: 'legend', 'aria-label': `${t(lang, 'layers.legend')}: ${title}` });
    if (!inlineSwatch) for (const item of items) legend.append(h('li', {}, layerSwatch(item.color), h('span', { text: shortText(item.label) })));
    const source = localize(layer.provenance.source, lang);
    const about = h(
      'details',
      { class: 'layer-about' },
      h('summary', { text: t(lang, 'layers.about') }),
      layer.description ? h('p', { text: localize(layer.description, lang) }) : null,
      h('p', { text: t(lang, 'layers.source', { source }) }),
      layer.provenance.license ? h('p', { text: layer.provenance.license }) : null,
    );
    const row = h(
      'li',
      { class: 'layer-row', 'data-layer-id': layer.id },
      h(
        'div',
        { class: 'layer-row__head' },
        checkbox,
        inlineSwatch,
        h('label', { for: checkbox.id, class: 'layer-title', text: shortText(title) }),
        h(
          'span',
          { class: 'layer-buttons' },
          button('layers.up', '▲', () => store.getState().moveLayer(layer.id, -1)),
          button('layers.down', '▼', () => store.getState().moveLayer(layer.id, 1)),
          button('layers.zoomTo', '⤢', () => deps.zoomToLayer(layer.id)),
          deps.openTable ? button('table.openLabel', '▦', () => deps.openTable!(layer.id)) : null,
          isUser ? button('layers.remove', '✕', () => store.getState().removeUserLayer(layer.id)) : null,
        ),
      ),
      h(
        'div',
        { class: 'layer-row__body' },
        opacity,
        status,
        layer.illustrative ? h('span', { class: 'badge', title: t(lang, 'layers.illustrativeTitle'), text: t(lang, 'layers.illustrative') }) : null,
      ),
      layer.filters?.length ? filterBox : null,
      isUser ? renderStyleEditor(layer, lang) : null,
      inlineSwatch ? null : legend,
      about,
      renderExportControls(layer, lang, store),
    );
    rows.set(layer.id, { layer, checkbox, opacity, status, filters, row });
    return row;
  };

  /** Imported layers: colour by a chosen field, as categories or graduated classes. */
  const renderStyleEditor = (layer: LayerSpec, lang: Lang): HTMLElement => {
    const entry = store.getState().layerData[layer.id];
    // a large point table is described by its columns, and its classes are chosen from a sample
    // of its rows, built only when a style is applied (38 ms of the task in which 757,576 rows arrived)
    const points = entry?.points;
    const features = () => (points ? sampleFeatures(points) : (entry?.data?.features ?? []));
    const fields = points ? tableFields(points) : describeFields(spreadSample(features()));
    const modeId = `style-mode-${layer.id}`;
    const fieldId = `style-field-${layer.id}`;
    const mode = h('select', { id: modeId, 'data-focus-key': `style-mode:${layer.id}` });
    for (const m of ['single', 'categories', 'graduated'] as const) mode.append(h('option', { value: m, text: t(lang, `style.${m}`) }));
    mode.value = layer.style.type;
    const field = h('select', { id: fieldId, 'data-focus-key': `style-field:${layer.id}` });
    const fillFields = () => {
      clear(field);
      for (const f of fields.filter((f) => mode.value !== 'graduated' || f.numeric)) field.append(h('option', { value: f.name, text: shortText(f.name) }));
      if ('field' in layer.style) field.value = layer.style.field;
      field.disabled = mode.value === 'single' || field.options.length === 0;
    };
    fillFields();
    // graduated: classification method, number of classes and colour ramp (style/classify.ts)
    const current = layer.style.type === 'graduated' ? layer.style : null;
    const select = (key: string, options: [string, string][], value: string) => {
      const sel = h('select', { id: `style-${key}-${layer.id}`, 'data-focus-key': `style-${key}:${layer.id}` });
      for (const [v, text] of options) sel.append(h('option', { value: v, text }));
      sel.value = value;
      return sel;
    };
    const method = select('method', CLASS_METHODS.map((m) => [m, t(lang, `style.method.${m}`)]), current?.method ?? 'quantile');
    const classCounts = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => String(MIN_CLASSES + i));
    // classes on the map (fewer than asked when values repeat), shown within 3–7
    const shown = current ? Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, current.classes.length)) : DEFAULT_CLASSES;
    const classes = select('classes', classCounts.map((n) => [n, n]), String(shown));
    const ramp = select('ramp', RAMP_IDS.map((r) => [r, localize(RAMPS[r].label, lang)]), current?.ramp ?? DEFAULT_RAMP);
    const apply = () => {
      let style: LayerStyle;
      if (mode.value === 'categories' && field.value) style = categoriesStyle(field.value, features());
      else if (mode.value === 'graduated' && field.value) {
        // a polygon layer keeps its fill opacity (a joined layer's 0.85, an import's 0.6)
        const base = layer.style.fillOpacity !== undefined ? { fillOpacity: layer.style.fillOpacity } : {};
        style = { ...graduatedStyle(field.value, features(), { method: method.value as ClassMethod, classes: Number(classes.value), ramp: isRampId(ramp.value) ? ramp.value : DEFAULT_RAMP }), ...base };
      } else style = singleStyle(store.getState().userLayers.findIndex((l) => l.id === layer.id), layer.geometry);
      store.getState().setUserLayerStyle(layer.id, style);
    };
    mode.addEventListener('change', () => {
      fillFields();
      apply();
    });
    for (const s of [field, method, classes, ramp]) s.addEventListener('change', apply);
    const graduated = mode.value === 'graduated';
    const label = (el: HTMLElement, key: Parameters<typeof t>[1]) => h('label', { for: el.id, text: t(lang, key) });
    return h(
      'div',
      { class: 'layer-filters' },
      label(mode, 'style.mode'),
      mode,
      label(field, 'style.field'),
      field,
      graduated && label(method, 'style.method'),
      graduated && method,
      graduated && label(classes, 'style.classes'),
      graduated && classes,
      graduated && label(ramp, 'style.ramp'),
      graduated && ramp,
    );
  };

  const update = () => {
    const state = store.getState();
    for (const [id, c] of rows) {
      const layer = c.layer;
      const ui = state.layerUi[id];
      const data = state.layerData[id];
      if (!ui) continue;
      c.checkbox.checked = ui.visible;
      c.opacity.value = String(Math.round(ui.opacity * 100));
      c.row.classList.toggle('is-hidden', !ui.visible);
      c.row.classList.toggle('is-error', data?.status === 'error');
      c.status.textContent =
        data?.status === 'ready'
          ? t(state.lang, data.featureCount === 1 ? 'layers.featureOne' : 'layers.features', { count: data.featureCount })
          : data?.status === 'error' && data.error
            ? renderMessage(state.lang, data.error)
            : t(state.lang, 'layers.loading');
      for (const [field, select] of c.filters) {
        const current = ui.filters[field] ?? '';
        const values = distinctValues(data, field);
        const wanted = [state.lang, ...values].join('\u0000');
        if (select.dataset.values !== wanted) {
          clear(select);
          select.append(h('option', { value: '', text: t(state.lang, 'layers.filterAll') }));
          const labels = valueLabels(layer, field);
          for (const v of values) select.append(h('option', { value: v, text: shortText(labels?.[v] !== undefined ? localize(labels[v], state.lang) : v) }));
          select.dataset.values = wanted;
        }
        select.value = current;
      }
    }
  };

  const unsubs = [
    store.subscribe((s) => [s.pack.manifest, s.lang, s.order, s.userLayers] as const, render, { equalityFn: shallowTuple }),
    store.subscribe((s) => [s.layerUi, s.layerData] as const, update, { equalityFn: shallowTuple }),
  ];
  render();
  return () => {
    for (const u of unsubs) u();
    clear(el);
  };
}

export function shallowTuple(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
