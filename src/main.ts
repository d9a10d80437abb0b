import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles.css';
import { createAppStore } from './state/store';
import { DEFAULT_LANG, isLang, t } from './i18n/i18n';
import { MapView } from './map/map_view';
import { LayerFileClient } from './workers/layer_file_client';
import { loadPack } from './app/load_pack';
import { mountLayerPanel } from './ui/layer_panel';
import { mountCommuneSearch, searchCommunes } from './ui/commune_search';
import { mountToolbar } from './ui/toolbar';
import { mountMessages } from './ui/messages_panel';
import { mountLoadingOverlay } from './ui/loading_overlay';
import { mountStatusBar } from './ui/status_bar';
import { createAutomationApi, type ImportApiOptions, type MtMapApi } from './api/automation';
import { StatsClient } from './workers/stats_client';
import { mountDashboardPanel } from './ui/dashboard_panel';
import { defaultTitle, exportMap, type ExportRequest, type ExportStage } from './export/export_map';
import { ExportControl } from './ui/export_dialog';
import { syncViewWithUrl, type CameraAccess } from './state/view_sync';
import { setupMeeting } from './app/meeting_setup';
import { mountSideTabs } from './ui/side_tabs';
import { mountImportPanel } from './ui/import_panel';
import { ImportClient } from './workers/import_client';
import { fetchWorkerTile, releaseUnusedTiles } from './workers/tile_requests';
import { buildPopupContent } from './ui/feature_popup';
import { createImportOptionsDialog } from './ui/import_options_dialog';
import { importFiles, importInputs, importUrl } from './app/import_layers';
import type { ImportInput } from './io/formats/types';
import { setupAoi } from './app/aoi_setup';
import { createOriginDialog } from './ui/origin_dialog';
import { createPackGate } from './app/pack_gate';
import { isHttpUrl, packOriginAllowList, policyAllowsConnect } from './catalog/pack_origins';
import { renderMessage } from './i18n/i18n';
import { setupMeasure } from './app/measure_setup';
import { mountAttributeTable } from './ui/attribute_table';
import { TableHighlight } from './map/table_highlight';
import { setupOffline } from './app/offline';
import { createPlanEditor } from './app/plan_edit';

declare global {
  interface Window {
    mtmap: MtMapApi;
  }
}

// Start-up: store, map, worker, panels, automation API, then the data pack named by
// ?pack= (default: the embedded pack at data/manifest.json).

const params = new URLSearchParams(window.location.search);
const lang = isLang(params.get('lang')) ? (params.get('lang') as 'vi' | 'en') : DEFAULT_LANG;
const store = createAppStore(lang);
const byId = (id: string) => document.getElementById(id) as HTMLElement;

const files = new LayerFileClient();
// the workers keep the tiles of large layers (io/worker_tiles.ts) until no layer shows them
releaseUnusedTiles(store);
let loadController: AbortController | null = null;
const startLoad = (url: string): Promise<boolean> => {
  loadController?.abort();
  const controller = new AbortController();
  loadController = controller;
  return loadPack(store, files, url, controller.signal).finally(() => {
    if (loadController === controller) loadController = null;
  });
};
const cancelLoad = () => loadController?.abort();
// ?pack=, project files and mtmap.loadPack all pass the origin rule (catalog/pack_origins.ts)
const gate = createPackGate({
  store,
  load: startLoad,
  ask: createOriginDialog(store).ask,
  appHref: () => window.location.href,
  allowList: packOriginAllowList(),
  policyAllows: (url) =>
    policyAllowsConnect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null, url, window.location.origin),
});
const gatedLoad = (url: string): Promise<boolean> => gate(url).then((r) => r.ok);
// an import URL is typed by the user, so it is not asked about, but only http(s) is fetched
const refuseUrl = (url: string) => {
  const msg = { key: 'origin.refusedScheme', params: { url: String(url).slice(0, 200) } } as const;
  store.getState().pushMessage('error', msg);
  return Promise.resolve({ layers: [], errors: [renderMessage(store.getState().lang, msg)] });
};
const checkedImportUrl = <T,>(url: string, run: () => Promise<T>) => (isHttpUrl(url, window.location.href) ? run() : refuseUrl(url));

// The header and status bar are filled before the map is created: a later change of their
// height resizes the map's drawing buffer, which on software WebGL waits for every pending
// frame (0.2–0.9 s at start-up, measured) and redraws the whole map.
const statusBar = mountStatusBar(byId('status-bar'), store);
mountToolbar(byId('toolbar'), store);
mountCommuneSearch(byId('search'), store, (f) => mapView.fitToFeature(f));
const mapView = new MapView({
  container: byId('map'),
  store,
  basemapUrl: new URL('basemap/countries.geojson', document.baseURI).href,
  onCursor: (p) => statusBar.setCursor(p),
  popupContent: buildPopupContent,
  fetchTile: fetchWorkerTile,
});

const zoomToCommune = (code: string): boolean => {
  const hit = searchCommunes(store.getState(), code, 50).find((h) => h.code === code);
  if (!hit) return false;
  store.getState().selectCommune(code);
  mapView.fitToFeature(hit.feature);
  return true;
};

const importer = new ImportClient({ onLargePoints: () => mapView.prepareDeck(), stagePoints: (offsets) => mapView.stageDeckPoints(offsets) });
const askOptions = createImportOptionsDialog(store).ask;
const progressOf = (onProgress: (file: string, fraction: number) => void) => (file: string, p: { fraction: number }) => onProgress(file, p.fraction);
const importPanel = mountImportPanel({
  store,
  dropTarget: byId('map-wrap'),
  importFiles: (files, onProgress, signal) => importFiles(store, importer, files, { onProgress: progressOf(onProgress), signal, askOptions }),
  importUrl: (url, onProgress, signal) => checkedImportUrl(url, () => importUrl(store, importer, url, { onProgress: progressOf(onProgress), signal, askOptions })),
  // a large point CSV's first frame then finds deck.gl's program compiled (DeckPoints.warmUp)
  onIntent: () => mapView.warmDeck(),
});
const tableHighlight = new TableHighlight(mapView.map);
const attributeTable = mountAttributeTable(byId('map-wrap'), { store, highlight: (f) => tableHighlight.set(f), fitBounds: (b, inset) => tableHighlight.fitTo(b, inset) });
mountLayerPanel(byId('layer-panel'), { store, zoomToLayer: (id) => mapView.fitToLayer(id), openTable: (id) => attributeTable.open(id), importControls: importPanel.element });
mountMessages(byId('messages'), store);
mountLoadingOverlay(byId('loading'), store, cancelLoad);
const stats = new StatsClient();
const dashboard = mountDashboardPanel(byId('dashboard'), {
  store,
  compute: (p, onProgress, signal) => stats.compute(p, onProgress, signal),
  selectCommune: (code) => {
    if (!zoomToCommune(code)) store.getState().selectCommune(code);
  },
  toggleSlot: byId('dashboard-toggle-slot'),
});

const applyDocumentLang = () => {
  const l = store.getState().lang;
  document.documentElement.lang = l;
  document.title = t(l, 'app.title');
  byId('app-title').textContent = t(l, 'app.title');
  byId('app-subtitle').textContent = t(l, 'app.subtitle');
  byId('skip-link').textContent = t(l, 'app.skipToMap');
  byId('map').setAttribute('aria-label', t(l, 'app.title'));
};
store.subscribe((s) => s.lang, applyDocumentLang);
applyDocumentLang();

const camera: CameraAccess = {
  get: () => mapView.getCamera(),
  set: (c) => mapView.setCamera(c),
  onMoveEnd: (listener) => {
    mapView.map.on('moveend', listener);
    return () => mapView.map.off('moveend', listener);
  },
};
syncViewWithUrl(store, camera);
mountSideTabs(byId('side-tabs'), store);
const meeting = setupMeeting({ store, mapView, camera, panel: byId('meeting-panel'), mapWrap: byId('map-wrap'), loadPack: gatedLoad, appVersion: __APP_VERSION__ });

const aoi = setupAoi({
  store,
  mapView,
  importer,
  compute: (p, onProgress, signal) => stats.compute(p, onProgress, signal),
  panel: byId('aoi-panel'),
  showTab: () => byId('tab-aoi').click(),
});

const runExport = (req: ExportRequest, onProgress?: (s: ExportStage) => void) =>
  exportMap(req, { map: mapView.map, styleAtRest: () => mapView.styleAtRest(), store, deckLayerIds: () => mapView.deckLayerIds(), ...(onProgress ? { onProgress } : {}) });
mapView.map.addControl(new ExportControl({ store, defaultTitle: () => defaultTitle(store), exportMap: runExport }), 'top-right');
const planEditor = createPlanEditor(store);
// commune fields follow the active boundary set, once its layer has loaded
store.subscribe((s) => [s.boundarySet, s.pack.status] as const, () => {
  if (store.getState().pack.status === 'ready') planEditor.refreshCommunes();
}, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
const measure = setupMeasure({ store, map: mapView.map, suspendMapClicks: (on) => mapView.suspendClicks(on), onOpen: () => aoi.drawer.cancel() });

window.mtmap = createAutomationApi({
  map: mapView.map,
  store,
  loadPack: gatedLoad,
  cancelLoad,
  zoomToCommune,
  whenIdle: () => mapView.whenIdle(),
  deckLayerIds: () => mapView.deckLayerIds(),
  deckAttributeBuilds: () => mapView.deckAttributeBuilds,
  deckWarmedUp: () => mapView.deckWarmedUp,
  deckUploadedAhead: () => mapView.deckUploadedAhead(),
  deckMotionSample: () => mapView.deckMotionSample(),
  setDeckMotionSampling: (on) => mapView.setDeckMotionSampling(on),
  importFiles: (files: Array<File | ImportInput>, options?: ImportApiOptions) => {
    const browserFiles = files.filter((f): f is File => f instanceof File);
    const inputs = files.filter((f): f is ImportInput => !(f instanceof File));
    const cb = options?.join ? { join: options.join } : {};
    return Promise.all([importFiles(store, importer, browserFiles, cb), importInputs(store, importer, inputs, cb)]).then(([a, b]) => ({
      layers: [...a.layers, ...b.layers],
      errors: [...a.errors, ...b.errors],
      ...(a.joins || b.joins ? { joins: [...(a.joins ?? []), ...(b.joins ?? [])] } : {}),
    }));
  },
  importUrl: (url: string) => checkedImportUrl(url, () => importUrl(store, importer, url)),
  computeStats: (p) => stats.compute(p),
  openDashboard: (layerId) => dashboard.open(layerId),
  openAttributeTable: (layerId) => attributeTable.open(layerId),
  exportMap: (req: ExportRequest) => runExport(req),
  meeting,
  aoi,
  measure,
  planEditor,
  offline: setupOffline({ store, container: byId('map-wrap'), after: () => firstDraw }),
});

const defaultPack = new URL('data/manifest.json', document.baseURI).href;
const packParam = params.get('pack');
// a ?pack= that is refused or cancelled falls back to the embedded pack, so the map is never empty
const firstLoad = packParam === null ? startLoad(defaultPack) : gate(packParam).then((r) => (r.declined ? startLoad(defaultPack) : r.ok));
// the service worker registers after the first map is drawn, so its downloads do not slow it
const firstDraw = firstLoad.then(() => mapView.whenIdle());
