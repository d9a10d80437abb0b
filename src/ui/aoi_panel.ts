import type { Lang, LayerSpec } from '../catalog/manifest_types';
import type { AppState, AppStore } from '../state/store';
import { allLayers } from '../state/store';
import type { AoiBreakdown, AoiLayerResult, AreaOfInterest } from '../analysis/aoi';
import { formatNumber, localize, t, type StringKey } from '../i18n/i18n';
import { CATEGORY_PALETTE } from '../style/auto_style';
import { featureColor } from '../style/layer_style';
import { valueLabels } from './feature_popup';
import { clear, h, swatch } from './dom';
import { copyControl, shortText } from './long_value';
import { shallowTuple } from './layer_panel';

/** What the drawing tool reports (map/aoi_draw.ts hands it over; app/aoi_setup.ts wires the two). */
export interface DrawState {
  drawing: boolean;
  /** vertices placed so far (0 before the first click) */
  vertices: number;
}

// The "Area analysis" tab: draw an area (terra-draw, with finish / undo / cancel), upload a
// file with polygons, or pick a commune; then the area in ha and, for every statistics layer,
// the hectares per class inside it and their share of the area (counts and sums for points),
// with progress, cancel and CSV export. The panel only shows state and forwards intents; the
// work is done by aoi_setup.ts.

export interface AoiPanelActions {
  startDrawing(): void;
  finishDrawing(): boolean;
  undoVertex(): void;
  cancelDrawing(): void;
  upload(file: File): void;
  pickCommune(code: string): void;
  zoomToAoi(): void;
  clearAoi(): void;
  cancelAnalysis(): void;
  recompute(): void;
  exportCsv(): void;
}

export type AoiStatus =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'computing'; fraction: number }
  | { kind: 'done'; breakdown: AoiBreakdown }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: string };

export interface AoiPanel {
  setDrawState(state: DrawState & { loading?: boolean }): void;
  setStatus(status: AoiStatus): void;
  setUploading(file: string | null): void;
  unmount(): void;
}

/** Label and colour of each class of a layer, as its legend shows them. */
export function classPresentation(layer: LayerSpec, field: string | null, value: string | null, index: number, lang: Lang): { label: string; color: string } {
  if (!field || value === null) return { label: t(lang, 'aoi.noClass'), color: layer.style.type === 'single' ? layer.style.color : '#9e9e9e' };
  if (value === '') return { label: t(lang, 'popup.empty'), color: '#bdbdbd' };
  const labels = layer.popup?.fields.find((f) => f.field === field)?.format === 'year' ? undefined : valueLabels(layer, field);
  const label = labels?.[value] !== undefined ? localize(labels[value], lang) : value;
  const color = layer.style.type !== 'single' && layer.style.field === field ? featureColor(layer.style, { [field]: value }) : CATEGORY_PALETTE[index % CATEGORY_PALETTE.length]!;
  return { label, color };
}

export function fieldLabel(layer: LayerSpec, field: string, lang: Lang): string {
  const f = layer.popup?.fields.find((p) => p.field === field);
  const name = f ? localize(f.label, lang) : field;
  return f?.unit ? `${name} (${localize(f.unit, lang)})` : name;
}

/** Communes of the active boundary set as [code, label], sorted by name. */
export function communeOptions(state: Pick<AppState, 'pack' | 'boundarySet' | 'layerData'>): Array<[string, string]> {
  const set = state.pack.manifest?.boundarySets?.find((b) => b.id === state.boundarySet);
  const features = set ? state.layerData[set.layer]?.data?.features ?? [] : [];
  if (!set) return [];
  const seen = new Map<string, string>();
  for (const f of features) {
    const p = f.properties ?? {};
    const code = String(p[set.codeField] ?? '');
    if (!code || seen.has(code)) continue;
    const name = String(p[set.nameField] ?? code);
    const type = set.typeField ? String(p[set.typeField] ?? '') : '';
    seen.set(code, type && !name.toLocaleLowerCase('vi').startsWith(type.toLocaleLowerCase('vi')) ? `${type} ${name}` : name);
  }
  return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
}

export function aoiTitle(aoi: AreaOfInterest, lang: Lang): string {
  if (aoi.source === 'drawn') return t(lang, 'aoi.source.drawn');
  return t(lang, aoi.source === 'uploaded' ? 'aoi.source.uploaded' : 'aoi.source.commune', { name: aoi.name });
}

export function mountAoiPanel(el: HTMLElement, store: AppStore, actions: AoiPanelActions): AoiPanel {
  const lang = (): Lang => store.getState().lang;
  let drawState: DrawState & { loading?: boolean } = { drawing: false, vertices: 0 };
  let status: AoiStatus = { kind: 'idle' };
  let uploading: string | null = null;

  const heading = h('h2', { class: 'panel-heading', id: 'aoi-heading' });
  const intro = h('p', { class: 'aoi-intro' });
  // draw
  const drawButton = h('button', { type: 'button', class: 'button button--primary', id: 'aoi-draw' });
  const drawHint = h('p', { class: 'aoi-hint', id: 'aoi-draw-hint', role: 'status' });
  const finishButton = h('button', { type: 'button', class: 'button button--primary', id: 'aoi-finish' });
  const undoButton = h('button', { type: 'button', class: 'button', id: 'aoi-undo' });
  const cancelDrawButton = h('button', { type: 'button', class: 'button', id: 'aoi-cancel-draw' });
  const drawTools = h('div', { class: 'aoi-row aoi-draw-tools', hidden: true }, finishButton, undoButton, cancelDrawButton);
  // upload
  const fileInput = h('input', { type: 'file', id: 'aoi-file', accept: '.geojson,.json,.kml,.kmz,.zip,.fgb', class: 'visually-hidden' });
  const uploadButton = h('button', { type: 'button', class: 'button', id: 'aoi-upload' });
  const uploadStatus = h('p', { class: 'aoi-hint', role: 'status', hidden: true });
  // commune
  const communeLabel = h('label', { for: 'aoi-commune' });
  const communeSelect = h('select', { id: 'aoi-commune' });
  // current AOI
  const current = h('section', { class: 'aoi-current', id: 'aoi-current', hidden: true, 'aria-labelledby': 'aoi-current-heading' });
  const progressText = h('span', { class: 'dash-progress__text' });
  const progress = h('progress', { id: 'aoi-progress', max: 1, value: 0 });
  const cancelButton = h('button', { type: 'button', class: 'button', id: 'aoi-cancel' });
  const progressBox = h('div', { class: 'dash-progress', role: 'status', hidden: true }, progressText, progress, cancelButton);
  const message = h('p', { class: 'dash-message', role: 'status', hidden: true });
  const recomputeButton = h('button', { type: 'button', class: 'button', id: 'aoi-recompute', hidden: true });
  const results = h('div', { class: 'aoi-results', id: 'aoi-results' });

  el.append(
    heading,
    intro,
    h('div', { class: 'aoi-row' }, drawButton),
    drawHint,
    drawTools,
    h('div', { class: 'aoi-row' }, uploadButton, fileInput),
    uploadStatus,
    h('div', { class: 'aoi-field' }, communeLabel, communeSelect),
    current,
    progressBox,
    message,
    recomputeButton,
    results,
  );
  el.setAttribute('aria-labelledby', 'aoi-heading');

  drawButton.addEventListener('click', () => actions.startDrawing());
  finishButton.addEventListener('click', () => {
    if (!actions.finishDrawing()) {
      drawHint.textContent = t(lang(), 'aoi.tooFew');
    }
  });
  undoButton.addEventListener('click', () => actions.undoVertex());
  cancelDrawButton.addEventListener('click', () => actions.cancelDrawing());
  uploadButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) actions.upload(file);
  });
  communeSelect.addEventListener('change', () => {
    if (communeSelect.value) actions.pickCommune(communeSelect.value);
  });
  cancelButton.addEventListener('click', () => actions.cancelAnalysis());
  recomputeButton.addEventListener('click', () => actions.recompute());

  const renderStatic = () => {
    const l = lang();
    heading.textContent = t(l, 'aoi.heading');
    intro.textContent = t(l, 'aoi.intro');
    finishButton.textContent = t(l, 'aoi.finish');
    undoButton.textContent = t(l, 'aoi.undo');
    undoButton.title = t(l, 'aoi.undoLabel');
    cancelDrawButton.textContent = t(l, 'aoi.cancelDraw');
    uploadButton.textContent = t(l, 'aoi.upload');
    uploadButton.title = t(l, 'aoi.uploadLabel');
    fileInput.setAttribute('aria-label', t(l, 'aoi.uploadLabel'));
    communeLabel.textContent = t(l, 'aoi.commune');
    cancelButton.textContent = t(l, 'aoi.cancel');
    recomputeButton.textContent = t(l, 'aoi.recompute');
  };

  const renderDraw = () => {
    const l = lang();
    const aoi = store.getState().aoi;
    drawButton.textContent = t(l, aoi?.source === 'drawn' ? 'aoi.redraw' : 'aoi.draw');
    drawButton.title = t(l, 'aoi.drawLabel');
    drawButton.disabled = drawState.drawing || drawState.loading === true;
    drawTools.hidden = !drawState.drawing;
    finishButton.disabled = drawState.vertices < 3;
    undoButton.disabled = drawState.vertices < 1;
    drawHint.hidden = !drawState.drawing && !drawState.loading;
    drawHint.textContent = drawState.loading
      ? t(l, 'aoi.drawLoading')
      : `${t(l, 'aoi.drawHint')} ${t(l, 'aoi.drawVertices', { count: drawState.vertices })}`;
  };

  const renderCommunes = () => {
    const s = store.getState();
    const options = communeOptions(s);
    const selected = s.aoi?.source === 'commune' ? s.aoi.code ?? '' : '';
    clear(communeSelect);
    communeSelect.append(h('option', { value: '', text: t(s.lang, 'aoi.communeNone') }));
    for (const [code, label] of options) communeSelect.append(h('option', { value: code, text: label }));
    communeSelect.value = options.some(([c]) => c === selected) ? selected : '';
  };

  const renderCurrent = () => {
    const s = store.getState();
    const l = s.lang;
    clear(current);
    current.hidden = !s.aoi;
    if (!s.aoi) return;
    const zoom = h('button', { type: 'button', class: 'button', id: 'aoi-zoom', text: t(l, 'aoi.zoom') });
    zoom.addEventListener('click', () => actions.zoomToAoi());
    const clearButton = h('button', { type: 'button', class: 'button', id: 'aoi-clear', text: t(l, 'aoi.clear') });
    clearButton.addEventListener('click', () => actions.clearAoi());
    const areaHa = status.kind === 'done' ? status.breakdown.areaHa : null;
    current.append(
      h('h3', { id: 'aoi-current-heading', text: t(l, 'aoi.current') }),
      h('p', { class: 'aoi-name', id: 'aoi-name', text: aoiTitle(s.aoi, l) }),
      h(
        'p',
        { class: 'aoi-area' },
        h('span', { text: `${t(l, 'aoi.area')}: ` }),
        h('strong', { id: 'aoi-area', 'data-ha': areaHa ?? '', text: areaHa === null ? '…' : `${formatNumber(areaHa, l, 1, 1)} ha` }),
      ),
      h('div', { class: 'aoi-row' }, zoom, clearButton),
    );
  };

  const layerTable = (layer: LayerSpec, r: AoiLayerResult, l: Lang): HTMLElement => {
    const polygon = r.geometry === 'polygon';
    const headRow = h('tr', {}, h('th', { scope: 'col', text: t(l, 'aoi.col.class') }));
    if (polygon) headRow.append(h('th', { scope: 'col', class: 'num', text: t(l, 'aoi.col.ha') }), h('th', { scope: 'col', class: 'num', text: t(l, 'aoi.col.pct') }));
    else {
      headRow.append(h('th', { scope: 'col', class: 'num', text: t(l, 'aoi.col.count') }));
      for (const f of r.numericFields) headRow.append(h('th', { scope: 'col', class: 'num', text: shortText(fieldLabel(layer, f, l)) }));
    }
    const tbody = h('tbody');
    const cells = (tr: HTMLElement, m: { ha: number; pctOfAoi: number; count: number; sums: Record<string, number> }) => {
      if (polygon) {
        tr.append(
          h('td', { class: 'num', 'data-col': 'ha', 'data-value': m.ha, text: formatNumber(m.ha, l, 1, 1) }),
          h('td', { class: 'num', 'data-col': 'pct', 'data-value': m.pctOfAoi, text: formatNumber(m.pctOfAoi, l, 1, 1) }),
        );
      } else {
        tr.append(h('td', { class: 'num', 'data-col': 'count', 'data-value': m.count, text: formatNumber(m.count, l, 0) }));
        for (const f of r.numericFields) tr.append(h('td', { class: 'num', 'data-col': `sum:${f}`, 'data-value': m.sums[f] ?? 0, text: formatNumber(m.sums[f] ?? 0, l, 1) }));
      }
    };
    r.rows.forEach((row, i) => {
      const { label, color } = classPresentation(layer, r.groupBy, row.class, i, l);
      const tr = h('tr', { 'data-class': row.class ?? '' }, h('th', { scope: 'row' }, swatch('aoi-swatch', color), shortText(label), copyControl(label, l)));
      cells(tr, row);
      tbody.append(tr);
    });
    const totalRow = h('tr', { class: 'aoi-total', 'data-class': '*total*' }, h('th', { scope: 'row', text: t(l, 'aoi.total') }));
    cells(totalRow, r.total);
    const table = h('table', { class: 'aoi-table' }, h('thead', {}, headRow), tbody, h('tfoot', {}, totalRow));
    return table;
  };

  const renderResults = () => {
    const l = lang();
    clear(results);
    progressBox.hidden = status.kind !== 'computing';
    if (status.kind === 'computing') {
      progress.value = status.fraction;
      progressText.textContent = t(l, 'aoi.computing', { percent: `${formatNumber(status.fraction * 100, l, 0)} %` });
    }
    const msg: Record<string, StringKey> = { waiting: 'aoi.waiting', cancelled: 'aoi.cancelled', failed: 'aoi.failed' };
    const key = msg[status.kind];
    message.hidden = !key || !store.getState().aoi;
    message.textContent = key ? t(l, key, status.kind === 'failed' ? { reason: status.reason } : {}) : '';
    recomputeButton.hidden = !(status.kind === 'cancelled' || status.kind === 'failed') || !store.getState().aoi;
    if (status.kind !== 'done' || !store.getState().aoi) return;
    const layers = new Map(allLayers(store.getState()).map((x) => [x.id, x]));
    for (const r of status.breakdown.layers) {
      const layer = layers.get(r.layerId);
      if (!layer) continue;
      const titleId = `aoi-layer-${r.layerId}`;
      const section = h('section', { class: 'aoi-layer', 'data-layer': r.layerId, 'aria-labelledby': titleId }, h('h3', { id: titleId, text: localize(layer.title, l) }));
      if (r.rows.length === 0) section.append(h('p', { class: 'aoi-hint', text: t(l, 'aoi.empty') }));
      else section.append(layerTable(layer, r, l));
      results.append(section);
    }
    const exportButton = h('button', { type: 'button', class: 'button', id: 'aoi-export', text: t(l, 'aoi.export'), title: t(l, 'aoi.exportLabel') });
    exportButton.addEventListener('click', () => actions.exportCsv());
    results.append(h('div', { class: 'aoi-row' }, exportButton));
  };

  const renderUpload = () => {
    uploadStatus.hidden = uploading === null;
    uploadStatus.textContent = uploading === null ? '' : t(lang(), 'aoi.uploading', { file: uploading });
    uploadButton.disabled = uploading !== null;
  };

  const renderAll = () => {
    renderStatic();
    renderDraw();
    renderCommunes();
    renderCurrent();
    renderResults();
    renderUpload();
  };

  const unsubs = [
    store.subscribe((s) => s.lang, renderAll),
    store.subscribe((s) => s.aoi, () => {
      renderDraw();
      renderCommunes();
      renderCurrent();
      renderResults();
    }),
    store.subscribe((s) => [s.pack.manifest, s.boundarySet, s.layerData] as const, renderCommunes, { equalityFn: shallowTuple }),
  ];
  renderAll();

  return {
    setDrawState(s) {
      drawState = s;
      renderDraw();
    },
    setStatus(s) {
      status = s;
      renderCurrent();
      renderResults();
    },
    setUploading(file) {
      uploading = file;
      renderUpload();
    },
    unmount() {
      for (const u of unsubs) u();
      clear(el);
    },
  };
}
