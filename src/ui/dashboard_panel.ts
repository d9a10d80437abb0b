import type { FeatureCollection } from 'geojson';
import type { AggregationSpec, BoundarySetSpec, Lang, LayerSpec, TableSpec } from '../catalog/manifest_types';
import type { ComputeStatsParams, StatsProgress, StatsResult } from '../analysis/overlay_stats';
import type { AppState, AppStore } from '../state/store';
import { buildTable, nextSort, sortRows, tableToCsv, type SortState } from '../analysis/dashboard_rows';
import { disbursementPair, groupableFields, statsLayers, statsRequest, styleField, type StatsRequest } from '../analysis/stats_request';
import { CancelledError } from '../workers/stats_client';
import { formatNumber, localize, t } from '../i18n/i18n';
import { CATEGORY_PALETTE } from '../style/auto_style';
import { featureColor } from '../style/layer_style';
import { valueLabels } from './feature_popup';
import { clear, h } from './dom';
import { downloadBytes } from './download';
import { shallowTuple } from './layer_panel';
import { fetchPackTable } from '../io/pack_tables';
import { parseUnitMapping, reaggregateStats, type ReaggregatedStats } from '../analysis/reaggregate';
import { geometryAreaM2, m2ToHa } from '../analysis/area';
import { createHeadline, DEFAULT_HEADLINE, type HeadlineSpec } from './dashboard_headline';
import { columnLabel, renderChart, renderSummary, renderTable, type ClassInfo, type DashboardViewModel } from './dashboard_view';

// Statistics dashboard: a right-hand panel with hectares (or counts and sums) per commune of
// one layer over the active boundary set, computed in the statistics worker; the planting
// headline against plan; cards, a stacked bar chart and a sortable, exportable table.
// Selecting a commune in the table or chart selects it on the map, and the reverse.
// On a boundary set that merges another (the communes since 1 July 2025), the figures can
// instead be computed on the old communes and re-aggregated through the pack's old → new table.

export type ComputeFn = (params: Extract<StatsRequest, { ok: true }>['params'], onProgress: (p: StatsProgress) => void, signal: AbortSignal) => Promise<StatsResult>;

export const DEFAULT_LAYER = 'forest-cover';

export interface DashboardPanelDeps {
  store: AppStore;
  compute: ComputeFn;
  /** selects a commune and zooms to it (main.ts's zoomToCommune) */
  selectCommune(code: string): void;
  /** where the header toggle button goes; default none */
  toggleSlot?: HTMLElement;
  /** default DEFAULT_HEADLINE; null for none */
  headline?: HeadlineSpec | null;
}

export interface DashboardPanel {
  open(layerId?: string): void;
  close(): void;
  isOpen(): boolean;
  unmount(): void;
}

interface CacheEntry {
  layer: ComputeStatsParams['layer'];
  boundaries: FeatureCollection;
  result: StatsResult;
}

function sameRequest(a: Extract<StatsRequest, { ok: true }>, b: Extract<StatsRequest, { ok: true }>): boolean {
  return (
    a.layer.id === b.layer.id &&
    a.boundarySet.id === b.boundarySet.id &&
    a.params.groupBy === b.params.groupBy &&
    a.params.layer === b.params.layer &&
    a.params.boundaries === b.params.boundaries
  );
}

/** The old → new aggregation of the active boundary set, when the pack declares one. */
interface Aggregation {
  spec: AggregationSpec;
  from: BoundarySetSpec;
  table: TableSpec;
}

function aggregationOf(state: AppState): Aggregation | null {
  const sets = state.pack.manifest?.boundarySets ?? [];
  const spec = sets.find((b) => b.id === state.boundarySet)?.aggregates;
  const from = sets.find((b) => b.id === spec?.from);
  const table = state.pack.manifest?.tables?.find((t) => t.id === spec?.table);
  return spec && from && table ? { spec, from, table } : null;
}

/** Statistics on the old units, re-expressed on the units of `display` (the active set). */
async function reaggregate(result: StatsResult, display: Extract<StatsRequest, { ok: true }>, agg: Aggregation, packUrl: string): Promise<ReaggregatedStats> {
  const rows = await fetchPackTable(packUrl, agg.table);
  const { codeField, nameField } = display.boundarySet;
  const targets = display.params.boundaries.features.map((f) => ({
    code: String(f.properties?.[codeField] ?? ''),
    name: f.properties?.[nameField] === undefined || f.properties?.[nameField] === null ? null : String(f.properties[nameField]),
    ha: m2ToHa(geometryAreaM2(f.geometry)),
  }));
  return reaggregateStats(result, parseUnitMapping(rows, agg.spec.fromField, agg.spec.toField), targets);
}

/** Two units with one name (Thị trấn Mường Tè, Xã Mường Tè) get their type, or code, added. */
function disambiguateNames(rows: { code: string; name: string }[], req: Extract<StatsRequest, { ok: true }>): void {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  const { typeField, codeField } = req.boundarySet;
  const types = new Map<string, string>();
  if (typeField) {
    for (const f of req.params.boundaries.features) {
      const type = f.properties?.[typeField];
      if (type !== undefined && type !== null && type !== '') types.set(String(f.properties?.[codeField] ?? ''), String(type));
    }
  }
  for (const r of rows) {
    if ((counts.get(r.name) ?? 0) < 2) continue;
    const type = types.get(r.code);
    r.name = `${r.name} (${type ? type.toLocaleLowerCase('vi') : r.code})`;
  }
}

export function mountDashboardPanel(el: HTMLElement, deps: DashboardPanelDeps): DashboardPanel {
  const { store } = deps;
  const headlineSpec = deps.headline === undefined ? DEFAULT_HEADLINE : deps.headline;
  const lang = (): Lang => store.getState().lang;
  let isOpen = false;
  let layerId: string | null = null;
  let groupBy: string | null | undefined;
  let sort: SortState | null = null;
  type OkRequest = Extract<StatsRequest, { ok: true }>;
  /** re-aggregate onto the active set from the set it merges (when it declares one) */
  let viaOldUnits = false;
  // `via`: id of the set the figures were computed on, when re-aggregated; else null
  let running: { req: OkRequest; via: string | null; controller: AbortController } | null = null;
  let shown: { req: OkRequest; via: string | null; vm: DashboardViewModel; caption: string; result: StatsResult | ReaggregatedStats } | null = null;
  let status: { key: Parameters<typeof t>[1]; params?: Record<string, string> } | null = null;
  const cache = new Map<string, CacheEntry>();
  let highlightRow: (code: string | null) => void = () => {};
  let highlightBar: (code: string | null) => void = () => {};

  const toggle = h('button', { type: 'button', id: 'dashboard-toggle', class: 'button dash-toggle', 'aria-controls': el.id || 'dashboard', 'aria-expanded': 'false' });
  toggle.addEventListener('click', () => (isOpen ? close() : open()));
  deps.toggleSlot?.append(toggle);

  const heading = h('h2', { class: 'panel-heading', id: 'dashboard-heading' });
  const closeButton = h('button', { type: 'button', class: 'icon-button dash-close', text: '✕' });
  closeButton.addEventListener('click', () => close());
  const layerSelect = h('select', { id: 'dash-layer' });
  const groupSelect = h('select', { id: 'dash-group' });
  const layerLabel = h('label', { for: 'dash-layer' });
  const groupLabel = h('label', { for: 'dash-group' });
  const boundaryNote = h('p', { class: 'dash-boundaries' });
  const viaCheckbox = h('input', { type: 'checkbox', id: 'dash-reaggregate' });
  const viaLabel = h('label', { for: 'dash-reaggregate' });
  const viaRow = h('div', { class: 'dash-reaggregate', hidden: true }, viaCheckbox, viaLabel);
  const progress = h('progress', { id: 'dash-progress', max: 1, value: 0 });
  const progressText = h('span', { class: 'dash-progress__text' });
  const cancelButton = h('button', { type: 'button', class: 'button', id: 'dash-cancel' });
  const progressBox = h('div', { class: 'dash-progress', role: 'status', hidden: true }, progressText, progress, cancelButton);
  const message = h('p', { class: 'dash-message', role: 'status' });
  const results = h('div', { class: 'dash-results' });
  const headlineSlot = h('div', { hidden: true });
  el.append(
    h('div', { class: 'dash-head' }, heading, closeButton),
    h('div', { class: 'dash-controls' }, layerLabel, layerSelect, groupLabel, groupSelect),
    boundaryNote,
    viaRow,
    progressBox,
    message,
    headlineSlot,
    results,
  );
  el.setAttribute('aria-labelledby', 'dashboard-heading');
  el.hidden = true;

  layerSelect.addEventListener('change', () => {
    layerId = layerSelect.value;
    groupBy = undefined;
    sort = null;
    renderControls();
    refresh();
  });
  groupSelect.addEventListener('change', () => {
    groupBy = groupSelect.value === '' ? null : groupSelect.value;
    refresh();
  });
  viaCheckbox.addEventListener('change', () => {
    viaOldUnits = viaCheckbox.checked;
    refresh();
  });
  cancelButton.addEventListener('click', () => {
    running?.controller.abort();
    headline?.cancel();
  });

  const currentLayer = (): LayerSpec | undefined => statsLayers(store.getState()).find((l) => l.id === layerId);
  const effectiveGroupBy = (layer: LayerSpec): string | null => (groupBy === undefined ? styleField(layer) : groupBy);
  const fieldName = (layer: LayerSpec, field: string): string => {
    const f = layer.popup?.fields.find((p) => p.field === field) ?? layer.filters?.find((p) => p.field === field);
    return f ? localize(f.label, lang()) : field;
  };

  /** Statistics for a request, from the cache when the data objects are the same. */
  const computeCached = async (req: Extract<StatsRequest, { ok: true }>, signal: AbortSignal, onProgress: (p: StatsProgress) => void): Promise<StatsResult> => {
    const key = `${req.layer.id}\u0000${req.boundarySet.id}\u0000${req.params.groupBy ?? ''}`;
    const hit = cache.get(key);
    if (hit && hit.layer === req.params.layer && hit.boundaries === req.params.boundaries) return hit.result;
    const result = await deps.compute(req.params, onProgress, signal);
    cache.set(key, { layer: req.params.layer, boundaries: req.params.boundaries, result });
    return result;
  };
  const headline = headlineSpec ? createHeadline({ store, spec: headlineSpec, compute: (req, signal) => computeCached(req, signal, () => {}) }) : null;
  if (headline) headlineSlot.replaceWith(headline.element);

  const renderControls = () => {
    const s = store.getState();
    const l = s.lang;
    heading.textContent = t(l, 'dash.heading');
    closeButton.setAttribute('aria-label', t(l, 'dash.close'));
    closeButton.title = t(l, 'dash.close');
    layerLabel.textContent = t(l, 'dash.layer');
    groupLabel.textContent = t(l, 'dash.groupBy');
    cancelButton.textContent = t(l, 'dash.cancel');
    const layers = statsLayers(s);
    if (!layers.some((x) => x.id === layerId)) {
      layerId = (layers.find((x) => x.id === DEFAULT_LAYER) ?? layers[0])?.id ?? null;
      groupBy = undefined;
    }
    clear(layerSelect);
    for (const x of layers) layerSelect.append(h('option', { value: x.id, text: localize(x.title, l) }));
    layerSelect.value = layerId ?? '';
    const layer = currentLayer();
    clear(groupSelect);
    groupSelect.append(h('option', { value: '', text: t(l, 'dash.noGroup') }));
    if (layer) {
      const features = s.layerData[layer.id]?.data?.features ?? [];
      const fields = groupableFields(layer, features);
      const wanted = effectiveGroupBy(layer);
      if (wanted && !fields.includes(wanted)) fields.unshift(wanted);
      for (const f of fields) groupSelect.append(h('option', { value: f, text: fieldName(layer, f) }));
      groupSelect.value = wanted ?? '';
    }
    const set = s.pack.manifest?.boundarySets?.find((b) => b.id === s.boundarySet);
    boundaryNote.textContent = set ? t(l, 'dash.boundaries', { name: localize(set.title, l) }) : '';
    const agg = aggregationOf(s);
    viaRow.hidden = !agg;
    viaCheckbox.checked = viaOldUnits;
    if (agg) viaLabel.textContent = t(l, 'dash.reaggregate', { from: localize(agg.from.title, l), table: localize(agg.table.title, l) });
    toggle.textContent = t(l, 'dash.toggle');
    toggle.setAttribute('aria-label', t(l, 'dash.toggleLabel'));
  };

  const showStatus = () => {
    message.textContent = status ? t(lang(), status.key, status.params) : '';
    message.hidden = !status;
  };

  const showProgress = (p: StatsProgress | null) => {
    progressBox.hidden = p === null;
    if (!p) return;
    const fraction = (p.phase === 'overlaps' ? 0 : 0.5) + (p.total > 0 ? (0.5 * p.done) / p.total : 0);
    progress.value = fraction;
    progressText.textContent = t(lang(), 'dash.computing', { percent: `${formatNumber(fraction * 100, lang(), 0)} %` });
  };

  const classInfo = (layer: LayerSpec, field: string | null, values: string[]): Map<string, ClassInfo> => {
    const out = new Map<string, ClassInfo>();
    if (!field) return out;
    const labels = layer.popup?.fields.find((f) => f.field === field)?.format === 'year' ? undefined : valueLabels(layer, field);
    const styled = styleField(layer) === field;
    values.forEach((v, i) => {
      const label = v === '' ? t(lang(), 'popup.empty') : labels?.[v] !== undefined ? localize(labels[v], lang()) : v;
      const color = v === '' ? '#bdbdbd' : styled ? featureColor(layer.style, { [field]: v }) : CATEGORY_PALETTE[i % CATEGORY_PALETTE.length]!;
      out.set(v, { label, color });
    });
    return out;
  };

  const buildView = (req: Extract<StatsRequest, { ok: true }>, result: StatsResult): { vm: DashboardViewModel; caption: string } => {
    const l = lang();
    const layer = req.layer;
    const geometry = layer.geometry === 'point' ? 'point' : 'polygon';
    const table = buildTable(result, { geometry, numericFields: req.numericFields, ratio: disbursementPair(req.numericFields) });
    disambiguateNames(table.rows, req);
    const field = req.params.groupBy ?? null;
    const values = result.classes.filter((c) => c.class !== null).map((c) => c.class!);
    const vm: DashboardViewModel = {
      lang: l,
      layer,
      table,
      classes: classInfo(layer, field, values),
      groupLabel: field ? fieldName(layer, field) : null,
      fieldLabel: (f) => {
        const unit = layer.popup?.fields.find((p) => p.field === f)?.unit;
        return unit ? `${fieldName(layer, f)} (${localize(unit, l)})` : fieldName(layer, f);
      },
    };
    return { vm, caption: t(l, 'dash.tableCaption', { layer: localize(layer.title, l), boundaries: localize(req.boundarySet.title, l) }) };
  };

  const renderResults = () => {
    clear(results);
    highlightRow = highlightBar = () => {};
    if (!shown) return;
    const { vm, caption, result } = shown;
    const selected = store.getState().selectedCommune;
    const table = vm.table;
    const order = sort ?? { column: table.geometry === 'polygon' ? 'total' : 'count', dir: 'descending' as const };
    const rows = sortRows(table.rows, order);
    const chart = renderChart(vm, rows, selected, (code) => deps.selectCommune(code));
    const focusedCol = (document.activeElement as HTMLElement | null)?.dataset?.col;
    const tableView = renderTable(vm, order, caption, {
      onSort: (column) => {
        sort = nextSort(order, column);
        renderResults();
      },
      onSelect: (code) => deps.selectCommune(code),
    });
    const exportButton = h('button', { type: 'button', class: 'button', id: 'dash-export', text: t(vm.lang, 'dash.export'), title: t(vm.lang, 'dash.exportLabel') });
    exportButton.addEventListener('click', () => exportCsv(vm, order));
    results.append(
      renderSummary(vm, selected),
      chart.element,
      h('div', { class: 'dash-table-tools' }, h('p', { class: 'dash-hint', text: t(vm.lang, 'dash.sortHint') }), exportButton),
      tableView.element,
    );
    if (result.outsideCount > 0) results.append(h('p', { class: 'dash-hint', text: t(vm.lang, 'dash.outside', { count: result.outsideCount }) }));
    if ('uncovered' in result) results.append(...reaggregationNotes(result, vm));
    highlightRow = tableView.highlight;
    highlightBar = chart.highlight;
    highlightRow(selected);
    if (focusedCol) results.querySelector<HTMLElement>(`.sort-button[data-col="${CSS.escape(focusedCol)}"]`)?.focus();
  };

  const reaggregationNotes = (result: ReaggregatedStats, vm: DashboardViewModel): HTMLElement[] => {
    const l = vm.lang;
    const s = store.getState();
    const from = s.pack.manifest?.boundarySets?.find((b) => b.id === shown?.via);
    const agg = aggregationOf(s);
    const notes = [h('p', { class: 'dash-hint', id: 'dash-reaggregated', text: t(l, 'dash.reaggregated', { from: from ? localize(from.title, l) : '', table: agg ? localize(agg.table.title, l) : '' }) })];
    const names = new Map(vm.table.rows.map((r) => [r.code, r.name]));
    for (const [code, olds] of Object.entries(result.uncovered)) {
      notes.push(h('p', { class: 'dash-hint dash-uncovered', text: t(l, 'dash.uncovered', { name: names.get(code) ?? code, codes: olds.join(', ') || '—' }) }));
    }
    if (result.unmapped.length > 0) notes.push(h('p', { class: 'dash-hint', text: t(l, 'dash.unmapped', { codes: result.unmapped.join(', ') }) }));
    return notes;
  };

  const exportCsv = (vm: DashboardViewModel, order: SortState) => {
    const l = vm.lang;
    const csv = tableToCsv(
      { ...vm.table, rows: sortRows(vm.table.rows, order) },
      {
        code: t(l, 'dash.col.code'),
        total: t(l, 'dash.totalRow'),
        column: (c) => (c.classValue !== undefined && c.kind === 'ha' ? t(l, 'dash.col.unitHa', { label: columnLabel(c, vm) }) : columnLabel(c, vm)),
      },
    );
    const set = store.getState().boundarySet ?? 'communes';
    downloadBytes(csv, `thong-ke-${vm.layer.id}-${set}.csv`, 'text/csv;charset=utf-8');
  };

  const refresh = () => {
    if (!isOpen) return;
    const s = store.getState();
    const layer = currentLayer();
    if (!layer) {
      status = { key: 'dash.noLayers' };
      shown = null;
      renderResults();
      return showStatus();
    }
    const req = statsRequest(s, { layer: layer.id, groupBy: effectiveGroupBy(layer) });
    if (!req.ok) {
      status = { key: req.reason === 'no-boundaries' ? 'dash.noBoundaries' : 'dash.waiting' };
      return showStatus();
    }
    const agg = viaOldUnits ? aggregationOf(s) : null;
    const computeReq = agg ? statsRequest(s, { layer: layer.id, groupBy: effectiveGroupBy(layer), boundaries: agg.from.id }) : req;
    if (!computeReq.ok) {
      status = { key: computeReq.reason === 'no-boundaries' ? 'dash.noBoundaries' : 'dash.waiting' };
      return showStatus();
    }
    const via = agg ? agg.from.id : null;
    const packUrl = s.pack.url ?? '';
    // the same question about the same data is already on screen or on its way
    if (running && running.via === via && sameRequest(running.req, req)) return;
    if (!running && shown && shown.via === via && sameRequest(shown.req, req)) return;
    running?.controller.abort();
    const controller = new AbortController();
    const job = { req, via, controller };
    running = job;
    status = null;
    showStatus();
    showProgress({ phase: 'overlaps', done: 0, total: 1 });
    computeCached(computeReq, controller.signal, (p) => running === job && showProgress(p))
      .then((result) => (agg ? reaggregate(result, req, agg, packUrl) : result))
      .then((result) => {
        if (running !== job) return;
        running = null;
        showProgress(null);
        shown = { req, via, result, ...buildView(req, result) };
        renderResults();
      })
      .catch((e: unknown) => {
        if (running !== job) return;
        running = null;
        showProgress(null);
        status = e instanceof CancelledError ? { key: 'dash.cancelled' } : { key: 'dash.failed', params: { reason: e instanceof Error ? e.message : String(e) } };
        showStatus();
      });
  };

  function open(id?: string): void {
    if (id !== undefined && statsLayers(store.getState()).some((l) => l.id === id) && id !== layerId) {
      layerId = id;
      groupBy = undefined;
      sort = null;
    }
    isOpen = true;
    el.hidden = false;
    el.parentElement?.classList.add('has-dashboard');
    toggle.setAttribute('aria-expanded', 'true');
    renderControls();
    refresh();
    headline?.refresh();
  }

  function close(): void {
    isOpen = false;
    el.hidden = true;
    el.parentElement?.classList.remove('has-dashboard');
    toggle.setAttribute('aria-expanded', 'false');
    running?.controller.abort();
    headline?.cancel();
    toggle.focus();
  }

  const unsubs = [
    store.subscribe((s) => s.lang, () => {
      renderControls();
      if (shown) shown = { ...shown, ...buildView(shown.req, shown.result) };
      showStatus();
      renderResults();
      headline?.render();
    }),
    store.subscribe((s) => [s.pack.manifest, s.userLayers, s.layerData, s.boundarySet] as const, () => {
      if (!isOpen) return renderControls();
      renderControls();
      refresh();
      headline?.refresh();
    }, { equalityFn: shallowTuple }),
    store.subscribe((s) => s.selectedCommune, (code) => {
      if (!isOpen || !shown) return;
      highlightRow(code);
      highlightBar(code);
      const cards = results.querySelector('.dash-cards');
      cards?.replaceWith(renderSummary(shown.vm, code));
      results.querySelector<HTMLElement>(`tr[data-code="${CSS.escape(code ?? '')}"]`)?.scrollIntoView({ block: 'nearest' });
    }),
  ];
  renderControls();

  return {
    open,
    close,
    isOpen: () => isOpen,
    unmount: () => {
      for (const u of unsubs) u();
      running?.controller.abort();
      headline?.cancel();
      toggle.remove();
      clear(el);
    },
  };
}
