import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import type { EditResult, PlanEditor } from '../app/plan_edit';
import type { PlanComputed } from '../analysis/plan_computed';
import type { PlanTemplate } from '../catalog/manifest_types';
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../catalog/manifest_types';
import type { AppState, AppStore, BasemapId } from '../state/store';
import { allLayers } from '../state/store';
import { localize, renderMessage } from '../i18n/i18n';
import { searchCommunes } from '../ui/commune_search';
import { tableToFeatures } from '../io/point_table';
import type { ImportOutcome } from '../app/import_layers';
import type { JoinChoice } from '../app/join_layer';
import type { LayerStyle } from '../catalog/manifest_types';
import { categoriesStyle, describeFields, graduatedStyle, singleStyle } from '../style/auto_style';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, isRampId, type ClassMethod, type RampId } from '../style/classify';
import type { ImportInput } from '../io/formats/types';
import { exportStoreLayer, type LayerExportRequest } from '../ui/export_controls';
import type { ComputeStatsParams, StatsResult, StatsRow } from '../analysis/overlay_stats';
import { statsRequest, type StatsQuery } from '../analysis/stats_request';
import type { ExportRequest, ExportResult } from '../export/export_map';
import type { Meeting } from '../app/meeting_setup';
import type { Slide } from '../state/slides';
import type { AoiController } from '../app/aoi_setup';
import type { MeasureApi } from '../app/measure_setup';
import type { OfflineController } from '../app/offline';
import { aoiLayerQuery, toAoiGeometry, type AoiBreakdown, type AreaOfInterest } from '../analysis/aoi';
import { styleField } from '../analysis/stats_request';
import { queryRows, type TableQuery } from '../analysis/table_query';
import { layerTableSource } from '../analysis/table_source';

// window.mtmap: the public automation API (documented in README.md). Scripts, embedding
// pages and the e2e tests drive the app through it, never through private fields.

export interface LayerSummary {
  id: string;
  title: string;
  group: string;
  visible: boolean;
  opacity: number;
  featureCount: number;
  status: 'loading' | 'ready' | 'error';
  illustrative: boolean;
  /** Who draws it: MapLibre style layers, or deck.gl for large point sets. */
  renderer: 'maplibre' | 'deck';
}

export interface MtMapApi {
  readonly version: string;
  readonly map: maplibregl.Map;
  readonly store: AppStore;
  getState(): AppState;
  /**
   * Loads a data pack under the same origin rule as ?pack=: the app's own origin and the
   * MT_PACK_ORIGINS allow-list load at once; another http(s) origin shows the confirmation
   * dialog and the promise waits for the user's answer (false on Cancel); other schemes are
   * refused (false). A script has no way around the question: list the origin instead.
   */
  loadPack(url: string): Promise<boolean>;
  cancelLoad(): void;
  listLayers(): LayerSummary[];
  setLayerVisible(id: string, visible: boolean): void;
  setLayerOpacity(id: string, opacity: number): void;
  setLayerFilter(id: string, field: string, value: string | null): void;
  getLayerData(id: string): FeatureCollection | null;
  setLanguage(lang: Lang): void;
  setBoundarySet(id: string): void;
  setBasemap(id: BasemapId): void;
  searchCommunes(query: string): Array<{ code: string; name: string; type: string }>;
  selectCommune(code: string): boolean;
  whenIdle(): Promise<void>;
  /**
   * Imports files (browser File objects or {name, bytes}) into "My data". With `join`, a CSV
   * without coordinates is joined to commune boundaries (by code or name; column detected and
   * the active boundary set unless given) instead of failing; `joins` then reports each join.
   */
  importFiles(files: Array<File | ImportInput>, options?: ImportApiOptions): Promise<ImportOutcome>;
  /**
   * Restyles an imported layer: one colour, categories of a field, or graduated classes of a
   * numeric field (`method` quantile | equal-interval | natural-breaks, `classes` 3–7, `ramp`
   * ylgnbu | blues | greens | viridis | cividis). Returns the style applied, with its class bounds.
   */
  setLayerStyle(id: string, style: StyleRequest): LayerStyle;
  /** Imports a file from a URL; only http: and https: are fetched (others: an error, no layer). */
  importUrl(url: string): Promise<ImportOutcome>;
  /** A layer's data as a file (GeoJSON, CSV or zipped Shapefile) in WGS 84 or VN-2000; nothing is downloaded. */
  exportLayer(id: string, req: LayerExportRequest): Promise<{ filename: string; mime: string; bytes: Uint8Array }>;
  /**
   * Statistics of a layer per commune, computed in the worker: `boundaries` is a boundary-set
   * id (default the active one), `groupBy` a field (default the layer's style field; null for
   * none). Resolves to the engine's rows (one per commune × class).
   */
  computeStats(query: ApiStatsQuery): Promise<StatsRow[]>;
  /**
   * Sets the area of interest: a commune code of the active boundary set, or GeoJSON (a
   * Polygon / MultiPolygon geometry, Feature or FeatureCollection; polygons are unioned).
   * False when the code is unknown or the GeoJSON holds no polygon.
   */
  setAreaOfInterest(input: string | object): boolean;
  /** A copy of the current area of interest ({ source, name, code?, geometry }) or null. */
  getAreaOfInterest(): AreaOfInterest | null;
  /** The breakdown of the area of interest as shown in its tab (null without one). */
  analyseAreaOfInterest(): Promise<AoiBreakdown | null>;
  clearAreaOfInterest(): void;
  /** Measure tool: `measure({ mode, points })` measures in the panel and resolves to its numbers; `.start/.finish/.undo/.clear/.stop/.current/.csv` drive it. */
  measure: MeasureApi;
  /** Opens the statistics dashboard, optionally on a layer. */
  openDashboard(layerId?: string): void;
  /** Opens a layer's attribute table (bottom sheet over the map). */
  openAttributeTable(layerId: string): void;
  // Plan layers (README "Plans"). Each call is one undo step; a refused edit throws an Error
  // whose message says why in the UI's language (e.g. where a ring crosses itself) and
  // changes nothing. Computed fields (area_ha, ma_xa, ten_xa) are set by the app, not taken.
  /** A new, empty plan layer from a template of the pack (`getState().pack.manifest.planTemplates`); its layer id. */
  createPlanLayer(templateId: string, title?: string): string;
  /** Adds a GeoJSON Feature (or { geometry, properties }) to a plan layer; the new feature's id. */
  addFeature(layerId: string, feature: { geometry: Geometry; properties?: GeoJsonProperties }): string;
  /** Changes a feature's geometry and/or some of its attributes (others are kept). */
  updateFeature(layerId: string, featureId: string | number, patch: { geometry?: Geometry; properties?: GeoJsonProperties }): void;
  deleteFeature(layerId: string, featureId: string | number): void;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** More of the planning workspace: templates, making an imported layer editable, the computed fields of a geometry. */
  plan: {
    templates(): PlanTemplate[];
    makeEditable(layerId: string): void;
    computed(geometry: Geometry): PlanComputed;
  };
  /** Renames an imported layer: one title for both languages, or { vi, en }. */
  renameLayer(layerId: string, title: string | { vi: string; en: string }): void;
  /**
   * Row (feature) indexes of a layer's attribute table for a query: `sort` { field, desc },
   * `search` (diacritics-insensitive), `filters` [{ field, op: 'eq' | 'contains', value } |
   * { field, op: 'range', min, max }]; as the table computes them.
   */
  tableRows(layerId: string, query?: TableQuery): number[];
  /** Renders the current map as a print sheet (PNG or PDF) and returns the file's bytes. */
  exportMap(req: ExportRequest): Promise<ExportResult>;
  /** Slides and presentation mode. */
  slides: {
    capture(title?: string): Slide;
    list(): Slide[];
    present(index?: number): void;
    next(): void;
    prev(): void;
    exit(): void;
    /** Position in the presentation (0 = title slide), or null when not presenting. */
    current(): number | null;
  };
  /** The whole session as project-file text, and opening one (false if refused). */
  saveProject(): { filename: string; text: string };
  openProject(text: string, fileName?: string): Promise<boolean>;
  /** The offline service worker: `ready()` resolves true once it is active, controls the page and holds the whole precache; false without one (dev server, no support). */
  offline: { ready(): Promise<boolean> };
  /** Counters, and one switch, for benchmarks and diagnostics (not a stable API). */
  debug: {
    /** How many times deck.gl point attributes were built since start (pan/zoom must not add any). */
    deckAttributeBuilds(): number;
    /** Whether deck.gl's point program was compiled ahead of a large layer (the user opened the picker or dragged a file in). */
    deckWarmedUp(): boolean;
    /** Layers whose deck.gl positions were uploaded as the import's result arrived, before the layer was added. */
    deckUploadedAhead(): string[];
    /** How many moves of the map drew large point layers as a sample, whether one is being drawn now, and the layers that have one ready. */
    deckMotionSample(): { moves: number; now: boolean; layers: string[] };
    /** Benchmarks: turn the sample while moving off (false) or on again; returns the setting. */
    setDeckMotionSampling(on: boolean): boolean;
  };
}

export interface ApiDeps {
  map: maplibregl.Map;
  store: AppStore;
  loadPack(url: string): Promise<boolean>;
  cancelLoad(): void;
  zoomToCommune(code: string): boolean;
  whenIdle(): Promise<void>;
  deckLayerIds(): string[];
  deckAttributeBuilds(): number;
  deckWarmedUp(): boolean;
  deckUploadedAhead(): string[];
  deckMotionSample(): { moves: number; now: boolean; layers: string[] };
  setDeckMotionSampling(on: boolean): boolean;
  importFiles(files: Array<File | ImportInput>, options?: ImportApiOptions): Promise<ImportOutcome>;
  importUrl(url: string): Promise<ImportOutcome>;
  /** Runs the statistics engine in the worker. */
  computeStats(params: ComputeStatsParams): Promise<StatsResult>;
  openDashboard(layerId?: string): void;
  openAttributeTable(layerId: string): void;
  /** Renders the current map as a print sheet (PNG or PDF) and returns the file's bytes. */
  exportMap(req: ExportRequest): Promise<ExportResult>;
  meeting: Meeting;
  aoi: AoiController;
  measure: MeasureApi;
  offline: OfflineController;
  planEditor: PlanEditor;
}

/** The id of a plan edit that went through; a refused one throws its message in the UI's language. */
function planOk(store: AppStore, r: EditResult): string {
  if (!r.ok) throw new Error(renderMessage(store.getState().lang, r.problem));
  return r.id;
}

/** `boundaries` may also be GeoJSON polygons: the statistics inside that one area. */
export type ApiStatsQuery = Omit<StatsQuery, 'boundaries'> & { boundaries?: string | null | object };

export interface ImportApiOptions {
  /** Join tables without coordinates to commune boundaries: `column` and `boundarySet` default to detected / active. */
  join?: JoinChoice;
}

export type StyleRequest =
  | { type: 'single' }
  | { type: 'categories'; field: string }
  | { type: 'graduated'; field: string; method?: ClassMethod; classes?: number; ramp?: RampId };

/** The style a request asks for, built from the layer's features (throws on a bad request). */
function requestedStyle(state: AppState, id: string, req: StyleRequest): LayerStyle {
  const index = state.userLayers.findIndex((l) => l.id === id);
  const layer = state.userLayers[index];
  if (!layer) throw new Error(`mtmap.setLayerStyle: "${id}" is not an imported layer`);
  const features = state.layerData[id]?.data?.features ?? [];
  if (req.type === 'single') return singleStyle(index, layer.geometry);
  const field = describeFields(features).find((f) => f.name === req.field);
  if (!field) throw new Error(`mtmap.setLayerStyle: layer "${id}" has no field "${req.field}"`);
  if (req.type === 'categories') return categoriesStyle(req.field, features);
  if (req.type !== 'graduated') throw new Error(`mtmap.setLayerStyle: unknown style type "${(req as { type: unknown }).type}"`);
  if (!field.numeric) throw new Error(`mtmap.setLayerStyle: field "${req.field}" is not numeric`);
  if (req.method !== undefined && !CLASS_METHODS.includes(req.method)) throw new Error(`mtmap.setLayerStyle: method must be one of ${CLASS_METHODS.join(', ')}`);
  if (req.classes !== undefined && !(Number.isInteger(req.classes) && req.classes >= MIN_CLASSES && req.classes <= MAX_CLASSES)) throw new Error(`mtmap.setLayerStyle: classes must be ${MIN_CLASSES}–${MAX_CLASSES}`);
  if (req.ramp !== undefined && !isRampId(req.ramp)) throw new Error(`mtmap.setLayerStyle: unknown ramp "${String(req.ramp)}"`);
  const keep = layer.style.fillOpacity !== undefined ? { fillOpacity: layer.style.fillOpacity } : {};
  return { ...graduatedStyle(req.field, features, { ...(req.method ? { method: req.method } : {}), ...(req.classes ? { classes: req.classes } : {}), ...(req.ramp ? { ramp: req.ramp } : {}) }), ...keep };
}

function requireLayer(state: AppState, id: string): void {
  if (!allLayers(state).some((l) => l.id === id)) throw new Error(`mtmap: no layer "${id}"`);
}

export function createAutomationApi(deps: ApiDeps): MtMapApi {
  const { store } = deps;
  return {
    version: __APP_VERSION__,
    map: deps.map,
    store,
    getState: () => store.getState(),
    loadPack: (url) => deps.loadPack(url),
    cancelLoad: () => deps.cancelLoad(),
    listLayers: () => {
      const s = store.getState();
      return allLayers(s).map((l) => ({
        id: l.id,
        title: localize(l.title, s.lang),
        group: l.group,
        visible: s.layerUi[l.id]?.visible ?? false,
        opacity: s.layerUi[l.id]?.opacity ?? 0,
        featureCount: s.layerData[l.id]?.featureCount ?? 0,
        status: s.layerData[l.id]?.status ?? 'loading',
        illustrative: l.illustrative === true,
        renderer: deps.deckLayerIds().includes(l.id) ? ('deck' as const) : ('maplibre' as const),
      }));
    },
    setLayerVisible: (id, visible) => {
      requireLayer(store.getState(), id);
      store.getState().setLayerVisible(id, visible);
    },
    setLayerOpacity: (id, opacity) => {
      requireLayer(store.getState(), id);
      store.getState().setLayerOpacity(id, opacity);
    },
    setLayerFilter: (id, field, value) => {
      requireLayer(store.getState(), id);
      store.getState().setLayerFilter(id, field, value);
    },
    createPlanLayer: (templateId, title) => planOk(store, deps.planEditor.createLayer(templateId, title)),
    addFeature: (layerId, feature) => planOk(store, deps.planEditor.add(layerId, { geometry: feature.geometry, properties: feature.properties ?? null })),
    updateFeature: (layerId, featureId, patch) => void planOk(store, deps.planEditor.update(layerId, featureId, patch)),
    deleteFeature: (layerId, featureId) => {
      const r = deps.planEditor.remove(layerId, [featureId]);
      if (!r.ok) throw new Error(renderMessage(store.getState().lang, r.problem));
    },
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    canUndo: () => store.getState().history.past.length > 0,
    canRedo: () => store.getState().history.future.length > 0,
    plan: {
      templates: () => structuredClone(deps.planEditor.templates()),
      makeEditable: (layerId) => void planOk(store, deps.planEditor.makeEditable(layerId)),
      computed: (geometry) => deps.planEditor.computed(geometry),
    },
    getLayerData: (id) => {
      const entry = store.getState().layerData[id];
      if (entry?.points) return tableToFeatures(entry.points);
      const data = entry?.data;
      return data ? (structuredClone(data) as FeatureCollection) : null;
    },
    setLanguage: (lang) => store.getState().setLang(lang),
    setBoundarySet: (id) => store.getState().setBoundarySet(id),
    setBasemap: (id) => store.getState().setBasemap(id),
    searchCommunes: (q) => searchCommunes(store.getState(), q).map(({ code, name, type }) => ({ code, name, type })),
    selectCommune: (code) => deps.zoomToCommune(code),
    whenIdle: () => deps.whenIdle(),
    importFiles: (files, options) => deps.importFiles(files, options),
    setLayerStyle: (id, req) => {
      const style = requestedStyle(store.getState(), id, req);
      store.getState().setUserLayerStyle(id, style);
      return structuredClone(style);
    },
    importUrl: (url) => deps.importUrl(url),
    exportLayer: async (id, req) => {
      const { filename, mime, bytes } = await exportStoreLayer(store, id, req);
      return { filename, mime, bytes };
    },
    computeStats: async (q) => {
      if (q.boundaries !== null && typeof q.boundaries === 'object') {
        const s = store.getState();
        const layer = allLayers(s).find((l) => l.id === q.layer);
        if (!layer) throw new Error(`mtmap.computeStats: no layer "${q.layer}"`);
        const geometry = toAoiGeometry(q.boundaries);
        if (!geometry) throw new Error('mtmap.computeStats: boundaries hold no polygon');
        const query = aoiLayerQuery(layer, s.layerData[layer.id] ?? { data: null }, geometry, q.groupBy === undefined ? styleField(layer) : q.groupBy);
        if (!query) throw new Error('mtmap.computeStats: data still loading (await mtmap.whenIdle())');
        return (await deps.computeStats(query.params)).rows;
      }
      const req = statsRequest(store.getState(), { ...q, boundaries: q.boundaries as string | null | undefined });
      if (!req.ok) {
        const why = { 'no-layer': `no layer "${q.layer}"`, 'no-boundaries': `no boundary set "${q.boundaries ?? ''}"`, loading: 'data still loading (await mtmap.whenIdle())' };
        throw new Error(`mtmap.computeStats: ${why[req.reason]}`);
      }
      return (await deps.computeStats(req.params)).rows;
    },
    openDashboard: (layerId) => deps.openDashboard(layerId),
    openAttributeTable: (layerId) => {
      requireLayer(store.getState(), layerId);
      deps.openAttributeTable(layerId);
    },
    renameLayer: (layerId, title) => {
      if (!store.getState().userLayers.some((l) => l.id === layerId)) throw new Error(`mtmap.renameLayer: "${layerId}" is not an imported layer`);
      store.getState().setLayerTitle(layerId, typeof title === 'string' ? { vi: title, en: title } : { vi: title.vi, en: title.en });
    },
    tableRows: (layerId, query = {}) => {
      requireLayer(store.getState(), layerId);
      const src = layerTableSource(store.getState().layerData[layerId]);
      if (!src) throw new Error('mtmap.tableRows: data still loading (await mtmap.whenIdle())');
      return Array.from(queryRows(src, query));
    },
    setAreaOfInterest: (input) => (typeof input === 'string' ? deps.aoi.setCommune(input) : deps.aoi.setGeoJson(input, 'drawn')),
    getAreaOfInterest: () => {
      const aoi = store.getState().aoi;
      return aoi ? (structuredClone(aoi) as AreaOfInterest) : null;
    },
    analyseAreaOfInterest: () => deps.aoi.analyse(),
    clearAreaOfInterest: () => deps.aoi.clear(),
    measure: deps.measure,
    exportMap: (req) => deps.exportMap(req),
    slides: {
      capture: (title) => deps.meeting.captureSlide(title),
      list: () => store.getState().slides,
      present: (index = 0) => deps.meeting.presentation.start(index),
      next: () => deps.meeting.presentation.next(),
      prev: () => deps.meeting.presentation.prev(),
      exit: () => deps.meeting.presentation.exit(),
      current: () => deps.meeting.presentation.current(),
    },
    saveProject: () => deps.meeting.saveProject(),
    openProject: (text, fileName = 'project.mtmap.json') => deps.meeting.openProjectText(text, fileName),
    offline: { ready: () => deps.offline.ready() },
    debug: {
      deckAttributeBuilds: () => deps.deckAttributeBuilds(),
      deckWarmedUp: () => deps.deckWarmedUp(),
      deckUploadedAhead: () => deps.deckUploadedAhead(),
      deckMotionSample: () => deps.deckMotionSample(),
      setDeckMotionSampling: (on) => deps.setDeckMotionSampling(on),
    },
  };
}
