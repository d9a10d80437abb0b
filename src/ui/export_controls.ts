import type { Lang, LayerSpec } from '../catalog/manifest_types';
import type { AppState, AppStore } from '../state/store';
import { allLayers } from '../state/store';
import { localize, t } from '../i18n/i18n';
import { EXPORT_CRS_IDS, EXPORT_FORMATS, isExportFormat, type ExportedFile, type ExportFormat } from '../io/writers/types';
import { resolveCrs } from '../io/crs_defs';
import { downloadBytes } from './download';
import { tableToFeatures } from '../io/point_table';
import { h } from './dom';

// "Export data" on each layer row: a disclosure with a format and CRS choice and a
// Download button. The writers (and fflate) are imported only when a file is built, so
// none of this weighs on start-up. Export runs on the main thread: layers held in the
// store are already parsed and small enough (a few MB) that writing them takes well under
// the 100 ms budget that justified the import worker.

/** Large point layers (typed columns) are exported through GeoJSON features, so only up to this many rows. */
export const EXPORT_POINT_LIMIT = 200_000;

export interface LayerExportRequest {
  readonly format: ExportFormat;
  /** CRS id (io/crs.ts); default WGS 84. */
  readonly crs?: string;
}

/** File-name stem: the title for "My data" layers (their ids are opaque), the id for pack layers. */
function exportName(state: AppState, layer: LayerSpec): string {
  const isUser = state.userLayers.some((l) => l.id === layer.id);
  return isUser ? localize(layer.title, state.lang) : layer.id;
}

/** Builds the file for a layer of the store; rejects for an unknown layer, format or CRS, or a layer without data. */
export async function exportStoreLayer(store: AppStore, layerId: string, req: LayerExportRequest): Promise<ExportedFile> {
  const state = store.getState();
  const layer = allLayers(state).find((l) => l.id === layerId);
  if (!layer) throw new Error(`mtmap: no layer "${layerId}"`);
  if (!isExportFormat(req.format)) throw new Error(`Unknown export format "${String(req.format)}" (use ${EXPORT_FORMATS.join(', ')})`);
  const entry = state.layerData[layerId];
  const points = entry?.points;
  if (points && points.length > EXPORT_POINT_LIMIT) {
    throw new Error(t(state.lang, 'layerExport.tooLarge', { title: localize(layer.title, state.lang), count: points.length, limit: EXPORT_POINT_LIMIT }));
  }
  const data = points ? tableToFeatures(points) : entry?.data;
  if (!data) throw new Error(t(state.lang, 'layerExport.noData', { title: localize(layer.title, state.lang) }));
  const { exportLayer } = await import('../io/writers/export_layer');
  return exportLayer(data, { format: req.format, ...(req.crs ? { crs: req.crs } : {}), name: exportName(state, layer) });
}

export function renderExportControls(layer: LayerSpec, lang: Lang, store: AppStore): HTMLElement {
  const title = localize(layer.title, lang);
  const formatId = `export-format-${layer.id}`;
  const crsId = `export-crs-${layer.id}`;
  const format = h('select', { id: formatId, 'data-focus-key': `export-format:${layer.id}` });
  for (const f of EXPORT_FORMATS) format.append(h('option', { value: f, text: t(lang, `layerExport.format.${f}`) }));
  // points export best as lat/lon CSV, anything else keeps its shape in a shapefile
  format.value = layer.geometry === 'point' ? 'csv-latlon' : 'geojson';
  const crs = h('select', { id: crsId, 'data-focus-key': `export-crs:${layer.id}` });
  const crsOptions = EXPORT_CRS_IDS.map((id) => h('option', { value: id, text: id }));
  crs.append(...crsOptions);
  for (const o of crsOptions) o.textContent = resolveCrs(o.value)?.label[lang] ?? o.value;
  const download = h('button', { type: 'button', class: 'button layer-export__download', 'aria-label': t(lang, 'layerExport.downloadLabel', { title }), text: t(lang, 'layerExport.download') });

  download.addEventListener('click', () => {
    const s = store.getState();
    download.disabled = true;
    const fmt = format.value;
    const req: LayerExportRequest = { format: isExportFormat(fmt) ? fmt : 'geojson', crs: crs.value };
    exportStoreLayer(store, layer.id, req)
      .then((file) => {
        downloadBytes(file.bytes, file.filename, file.mime);
        const count = (s.layerData[layer.id]?.featureCount ?? 0) - file.skipped.length;
        s.pushMessage('info', { key: 'layerExport.done', params: { file: file.filename, count } });
        if (file.skipped.length > 0) s.pushMessage('warning', { key: 'layerExport.skipped', params: { file: file.filename, count: file.skipped.length } });
      })
      .catch((e: unknown) => {
        s.pushMessage('error', { key: 'layerExport.failed', params: { title, detail: e instanceof Error ? e.message : String(e) } });
      })
      .finally(() => {
        download.disabled = false;
      });
  });

  return h(
    'details',
    { class: 'layer-export' },
    h('summary', { 'aria-label': t(lang, 'layerExport.openLabel', { title }), text: `⤓ ${t(lang, 'layerExport.open')}` }),
    h(
      'div',
      { class: 'layer-filters' },
      h('label', { for: formatId, text: t(lang, 'layerExport.format') }),
      format,
      h('label', { for: crsId, text: t(lang, 'layerExport.crs') }),
      crs,
    ),
    download,
  );
}
