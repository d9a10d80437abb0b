import { createStore, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { FeatureCollection } from 'geojson';
import type { GroupSpec, Lang, LayerSpec, LayerStyle, Localized, PackManifest } from '../catalog/manifest_types';
import type { Message } from '../i18n/i18n';
import type { PointTable } from '../io/point_table';
import { DEFAULT_LANG } from '../i18n/i18n';
import { defaultOpacity } from '../style/layer_style';
import { duplicateSlide, moveItem, type Slide } from './slides';
import type { AreaOfInterest } from '../analysis/aoi';
import { idRecord, withId } from '../catalog/intake_limits';
import type { ProjectFile } from './project_file';
import { applyFeatureEdits, dataFields, withFieldLabel, withTitle, type FeatureEdit } from './feature_edits';
import { applyFeatureChanges, emptyHistory, forgetLayer, invertEntry, previousValues, pushEntry, type FeatureChange, type History, type HistoryEntry } from './edit_history';
import type { PlanSpec } from '../catalog/manifest_types';

// One vanilla store, split into slices; the map and each panel subscribe to the slice they
// show (subscribeWithSelector), so a change redraws only what depends on it. Every id-keyed
// record (layerData, layerUi, filters) has a null prototype (intake_limits.idRecord), so an
// id like `constructor` is never found on Object.prototype.

export type BasemapId = 'offline' | 'osm' | 'satellite' | 'topo';

export interface PackState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** URL of the manifest on screen. */
  url: string | null;
  /** URL of a manifest being loaded; the one on screen stays until it is ready. */
  loadingUrl: string | null;
  manifest: PackManifest | null;
  /** Files done / total while loading, and the file being read. */
  progress: { done: number; total: number; file: string };
}

export interface LayerData {
  status: 'loading' | 'ready' | 'error';
  data: FeatureCollection | null;
  /** A large point layer held as typed columns (then `data` is null); see io/point_table.ts. */
  points?: PointTable;
  /** The URL of a GeoJSON file holding `data` as it is, for the map to read (io/map_source.ts). */
  mapSource?: string;
  /** Vector tiles of `data` cut by the worker that parsed it, for a large polygon or line layer (io/worker_tiles.ts). */
  tiles?: string;
  featureCount: number;
  /** Rows or features left out while parsing (1-based). */
  skipped: number[];
  error: Message | null;
}

export interface LayerUi {
  visible: boolean;
  opacity: number;
  /** field → selected value as text; a missing key means "all". */
  filters: Record<string, string>;
}

export interface UiMessage {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: Message;
  /** Nested messages substituted into params (e.g. a reason inside an error). */
  nested?: Record<string, Message>;
  /** A button offered with the message, e.g. "Repair"; pressing it dismisses the message. */
  action?: { label: Message; run: () => void };
}

/** The group that holds the user's own imported (and later drawn) layers. */
export const USER_GROUP: GroupSpec = { id: 'my-data', title: { vi: 'Dữ liệu của tôi', en: 'My data' } };

export interface AppState {
  pack: PackState;
  /** Layers the user brought in; they survive loading another pack. */
  userLayers: LayerSpec[];
  layerData: Record<string, LayerData>;
  layerUi: Record<string, LayerUi>;
  /** Layer ids, top of the map first. */
  order: string[];
  lang: Lang;
  boundarySet: string | null;
  basemap: BasemapId;
  selectedCommune: string | null;
  messages: UiMessage[];
  slides: Slide[];
  /** The area of interest (drawn, uploaded or a commune) whose breakdown the AOI tab shows. */
  aoi: AreaOfInterest | null;
  /** Undo and redo of layer-data edits (state/edit_history.ts). */
  history: History;
}

export interface AppActions {
  packLoading(url: string, total: number): void;
  packProgress(done: number, total: number, file: string): void;
  /** A valid manifest replaces the pack on screen; its files are still loading. */
  packManifest(url: string, manifest: PackManifest): void;
  packDone(): void;
  packFailed(): void;
  setLayerData(id: string, data: LayerData): void;
  /** Adds an imported layer on top of the map, visible. */
  addUserLayer(spec: LayerSpec, data: LayerData): void;
  removeUserLayer(id: string): void;
  setUserLayerStyle(id: string, style: LayerStyle): void;
  /** Replaces an imported layer's features (e.g. after repairing geometry). */
  setUserLayerFeatures(id: string, data: FeatureCollection): void;
  /**
   * The one way attribute values change (attribute table edits and bulk edits): each edit sets
   * a field of a feature, by index. Imported layers only for now; undo will wrap this action.
   */
  updateFeatureProperties(id: string, edits: readonly FeatureEdit[]): void;
  /**
   * The one way features of a plan layer are added, changed and deleted (drawing, vertex
   * edits, split, merge, the API); one call is one undo step. False when the layer is not
   * editable or a change does not match its features (nothing is changed then).
   */
  editFeatures(id: string, changes: readonly FeatureChange[], options?: { undoable?: boolean }): boolean;
  /** Makes an imported layer editable (a plan layer with these fields); features get ids. */
  setLayerPlan(id: string, plan: PlanSpec): boolean;
  undo(): boolean;
  redo(): boolean;
  /** Renames an imported layer (kept in the project file with the layer's spec). */
  setLayerTitle(id: string, title: Localized): void;
  /** A field's display name (null: its own name) on an imported layer, kept as a popup label. */
  setFieldLabel(id: string, field: string, label: Localized | null): void;
  setLayerVisible(id: string, visible: boolean): void;
  setLayerOpacity(id: string, opacity: number): void;
  setLayerFilter(id: string, field: string, value: string | null): void;
  moveLayer(id: string, delta: -1 | 1): void;
  setLang(lang: Lang): void;
  setBoundarySet(id: string): void;
  setBasemap(id: BasemapId): void;
  selectCommune(code: string | null): void;
  pushMessage(level: UiMessage['level'], message: Message, nested?: Record<string, Message>, action?: UiMessage['action']): number;
  dismissMessage(id: number): void;
  addSlide(slide: Slide): void;
  updateSlide(id: string, patch: Partial<Omit<Slide, 'id'>>): void;
  moveSlide(id: string, delta: -1 | 1): void;
  duplicateSlide(id: string): void;
  removeSlide(id: string): void;
  setSlides(slides: Slide[]): void;
  setAoi(aoi: AreaOfInterest | null): void;
  /** Replaces the session with a validated project (parseProject) in one change: all or nothing. */
  applyProject(project: ProjectFile): void;
}

export type AppStore = StoreApi<AppState & AppActions> & {
  subscribe: StoreApi<AppState & AppActions>['subscribe'] & {
    <U>(
      selector: (state: AppState & AppActions) => U,
      listener: (selected: U, previous: U) => void,
      options?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean },
    ): () => void;
  };
};

export function initialState(lang: Lang = DEFAULT_LANG): AppState {
  return {
    pack: { status: 'idle', url: null, loadingUrl: null, manifest: null, progress: { done: 0, total: 0, file: '' } },
    userLayers: [],
    layerData: idRecord(),
    layerUi: idRecord(),
    order: [],
    lang,
    boundarySet: null,
    basemap: 'offline',
    selectedCommune: null,
    messages: [],
    slides: [],
    aoi: null,
    history: emptyHistory(),
  };
}

/** Layer state for a freshly loaded pack; the boundary set decides which boundary layer shows. */
export function layerUiForManifest(manifest: PackManifest, boundarySet: string | null): Record<string, LayerUi> {
  const boundaryLayers = new Map((manifest.boundarySets ?? []).map((b) => [b.layer, b.id]));
  const ui = idRecord<LayerUi>();
  for (const layer of manifest.layers) {
    const setId = boundaryLayers.get(layer.id);
    ui[layer.id] = {
      visible: setId !== undefined ? setId === boundarySet : layer.visible !== false,
      opacity: layer.opacity ?? defaultOpacity(layer.geometry),
      filters: idRecord(),
    };
  }
  return ui;
}

/**
 * Points above lines above polygons; boundary sets above other polygons (they are outlines
 * with a faint fill); otherwise later manifest entries above earlier ones, as in QGIS.
 */
export function initialOrder(manifest: PackManifest): string[] {
  const rank = { point: 0, line: 1, polygon: 3 } as const;
  const boundaryLayers = new Set((manifest.boundarySets ?? []).map((b) => b.layer));
  return manifest.layers
    .map((l, i) => ({ id: l.id, key: (boundaryLayers.has(l.id) ? 2 : rank[l.geometry]) * 10000 - i }))
    .sort((a, b) => a.key - b.key)
    .map((l) => l.id);
}

let nextMessageId = 1;

export function createAppStore(lang: Lang = DEFAULT_LANG): AppStore {
  return createStore<AppState & AppActions>()(
    subscribeWithSelector((set, get) => ({
      ...initialState(lang),
      packLoading: (url, total) =>
        set((s) => ({ pack: { ...s.pack, status: 'loading', loadingUrl: url, progress: { done: 0, total, file: '' } } })),
      packProgress: (done, total, file) => set((s) => ({ pack: { ...s.pack, progress: { done, total, file } } })),
      packManifest: (url, manifest) => {
        const sets = manifest.boundarySets ?? [];
        const boundarySet = manifest.defaultBoundarySet ?? sets[0]?.id ?? null;
        const { userLayers, layerData, layerUi, order } = get();
        const userIds = new Set(userLayers.map((l) => l.id));
        const keep = <T>(rec: Record<string, T>) => withId<T>(Object.fromEntries(Object.entries(rec).filter(([id]) => userIds.has(id))));
        set({
          pack: { status: 'loading', url, loadingUrl: null, manifest, progress: { done: 0, total: manifest.layers.length, file: '' } },
          layerData: keep(layerData),
          layerUi: withId({ ...layerUiForManifest(manifest, boundarySet), ...keep(layerUi) }),
          order: [...order.filter((id) => userIds.has(id)), ...initialOrder(manifest).filter((id) => !userIds.has(id))],
          boundarySet,
          selectedCommune: null,
        });
      },
      packDone: () => set((s) => ({ pack: { ...s.pack, status: 'ready', loadingUrl: null } })),
      packFailed: () =>
        set((s) => ({ pack: { ...s.pack, status: s.pack.manifest ? 'ready' : 'error', loadingUrl: null } })),
      setLayerData: (id, data) => set((s) => ({ layerData: withId(s.layerData, id, data) })),
      addUserLayer: (spec, data) =>
        set((s) => ({
          userLayers: [...s.userLayers.filter((l) => l.id !== spec.id), spec],
          layerData: withId(s.layerData, spec.id, data),
          layerUi: withId<LayerUi>(s.layerUi, spec.id, { visible: true, opacity: spec.opacity ?? defaultOpacity(spec.geometry), filters: idRecord() }),
          order: [spec.id, ...s.order.filter((id) => id !== spec.id)],
        })),
      removeUserLayer: (id) =>
        set((s) => {
          const layerData = withId(s.layerData);
          const layerUi = withId(s.layerUi);
          delete layerData[id];
          delete layerUi[id];
          return { userLayers: s.userLayers.filter((l) => l.id !== id), layerData, layerUi, order: s.order.filter((o) => o !== id), history: forgetLayer(s.history, id) };
        }),
      setUserLayerFeatures: (id, data) =>
        set((s) => {
          const current = s.layerData[id];
          if (!current) return {};
          // the map source and the worker's tiles held the old features
          const { mapSource: _staleFile, tiles: _staleTiles, ...rest } = current;
          // the replaced features are not the ones the layer's undo steps name
          return { layerData: withId<LayerData>(s.layerData, id, { ...rest, data, featureCount: data.features.length }), history: forgetLayer(s.history, id) };
        }),
      setUserLayerStyle: (id, style) =>
        set((s) => ({ userLayers: s.userLayers.map((l) => (l.id === id ? { ...l, style } : l)) })),
      updateFeatureProperties: (id, edits) =>
        set((s) => {
          const current = s.layerData[id];
          if (!current || !s.userLayers.some((l) => l.id === id)) return {};
          const next = applyFeatureEdits(current, edits);
          if (!next) return {};
          const entry: HistoryEntry = { kind: 'attributes', layerId: id, edits: [...edits], previous: previousValues(current, edits) };
          return { layerData: withId(s.layerData, id, next), history: pushEntry(s.history, entry) };
        }),
      editFeatures: (id, changes, options) => {
        const s = get();
        if (changes.length === 0 || !s.userLayers.some((l) => l.id === id && l.plan)) return false;
        const next = applyChangesTo(s.layerData[id], changes);
        if (!next) return false;
        // derived values (a commune recomputed for another boundary set) are not a user's step
        const history = options?.undoable === false ? s.history : pushEntry(s.history, { kind: 'features', layerId: id, changes: [...changes] });
        set({ layerData: withId(s.layerData, id, next), history });
        return true;
      },
      setLayerPlan: (id, plan) => {
        const s = get();
        const entry = s.layerData[id];
        if (!entry?.data || entry.points || !s.userLayers.some((l) => l.id === id)) return false;
        const data = withFeatureIds(entry.data);
        const { mapSource: _staleFile, tiles: _staleTiles, ...rest } = entry;
        set({
          userLayers: s.userLayers.map((l) => (l.id === id ? { ...l, plan } : l)),
          layerData: withId<LayerData>(s.layerData, id, { ...rest, data }),
          history: forgetLayer(s.history, id),
        });
        return true;
      },
      undo: () => replay(get, set, 'undo'),
      redo: () => replay(get, set, 'redo'),
      setLayerTitle: (id, title) => set((s) => ({ userLayers: s.userLayers.map((l) => (l.id === id ? withTitle(l, title) : l)) })),
      setFieldLabel: (id, field, label) =>
        set((s) => ({ userLayers: s.userLayers.map((l) => (l.id === id ? withFieldLabel(l, field, label, dataFields(s.layerData[id])) : l)) })),
      setLayerVisible: (id, visible) => updateLayerUi(set, get, id, { visible }),
      setLayerOpacity: (id, opacity) => updateLayerUi(set, get, id, { opacity: Math.min(1, Math.max(0, opacity)) }),
      setLayerFilter: (id, field, value) => {
        const current = get().layerUi[id];
        if (!current) return;
        const filters = withId(current.filters);
        if (value === null) delete filters[field];
        else filters[field] = value;
        updateLayerUi(set, get, id, { filters });
      },
      moveLayer: (id, delta) => {
        const order = [...get().order];
        const i = order.indexOf(id);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= order.length) return;
        [order[i], order[j]] = [order[j]!, order[i]!];
        set({ order });
      },
      setLang: (lang) => set({ lang }),
      setBoundarySet: (id) => {
        const manifest = get().pack.manifest;
        const sets = manifest?.boundarySets ?? [];
        if (!sets.some((b) => b.id === id)) return;
        const layerUi = withId(get().layerUi);
        for (const b of sets) {
          const ui = layerUi[b.layer];
          if (ui) layerUi[b.layer] = { ...ui, visible: b.id === id };
        }
        set({ boundarySet: id, layerUi, selectedCommune: null });
      },
      setBasemap: (basemap) => set({ basemap }),
      selectCommune: (selectedCommune) => set({ selectedCommune }),
      pushMessage: (level, message, nested, action) => {
        const id = nextMessageId++;
        set((s) => ({ messages: [...s.messages, { id, level, message, nested, ...(action ? { action } : {}) }] }));
        return id;
      },
      dismissMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
      addSlide: (slide) => set((s) => ({ slides: [...s.slides, slide] })),
      updateSlide: (id, patch) => set((s) => ({ slides: s.slides.map((sl) => (sl.id === id ? { ...sl, ...patch } : sl)) })),
      moveSlide: (id, delta) => set((s) => ({ slides: moveItem(s.slides, s.slides.findIndex((sl) => sl.id === id), delta) })),
      duplicateSlide: (id) => set((s) => ({ slides: duplicateSlide(s.slides, id) })),
      removeSlide: (id) => set((s) => ({ slides: s.slides.filter((sl) => sl.id !== id) })),
      setSlides: (slides) => set({ slides }),
      setAoi: (aoi) => set({ aoi }),
      applyProject: (project) => set(projectPatch(get(), project)),
    })),
  ) as AppStore;
}

/** Every layer on offer: the pack's, then the user's. */
export function allLayers(state: Pick<AppState, 'pack' | 'userLayers'>): LayerSpec[] {
  const pack = state.pack.manifest?.layers ?? [];
  return state.userLayers.length === 0 ? pack : [...pack, ...state.userLayers];
}

export function allGroups(state: Pick<AppState, 'pack' | 'userLayers'>): GroupSpec[] {
  const groups = state.pack.manifest?.groups ?? [];
  return state.userLayers.length === 0 ? groups : [USER_GROUP, ...groups];
}

/**
 * The whole change a validated project makes, computed before anything is set: its layers
 * replace the user's, its view decides the pack layers' state as applyView would, and its
 * slides and area of interest replace the current ones. The camera is the map's, not the store's.
 */
export function projectPatch(state: AppState, project: ProjectFile): Partial<AppState> {
  const { view } = project;
  const manifest = state.pack.manifest;
  const sets = manifest?.boundarySets ?? [];
  const boundarySet = view.boundarySet !== undefined && sets.some((b) => b.id === view.boundarySet) ? view.boundarySet : state.boundarySet;
  // a view without layers means "the pack's defaults", as in view_sync.applyView
  const wanted = view.layers ?? (manifest ? layerUiForManifest(manifest, boundarySet) : idRecord<LayerUi>());
  const layerData = withId(state.layerData);
  const layerUi = withId(state.layerUi);
  for (const old of state.userLayers) {
    delete layerData[old.id];
    delete layerUi[old.id];
  }
  for (const layer of manifest?.layers ?? []) {
    const current = layerUi[layer.id];
    const ui = wanted[layer.id];
    if (!current) continue;
    layerUi[layer.id] = ui?.visible ? { visible: true, opacity: Math.min(1, Math.max(0, ui.opacity)), filters: withId(ui.filters) } : { ...current, visible: false };
  }
  for (const { spec, data } of project.userLayers) {
    layerData[spec.id] = { status: 'ready', data, featureCount: data.features.length, skipped: [], error: null };
    const ui = view.layers?.[spec.id];
    layerUi[spec.id] = ui ? { ...ui, filters: withId(ui.filters) } : { visible: true, opacity: spec.opacity ?? defaultOpacity(spec.geometry), filters: idRecord() };
  }
  const oldUserIds = new Set(state.userLayers.map((l) => l.id));
  const newUserIds = project.userLayers.map((l) => l.spec.id).reverse();
  return {
    userLayers: project.userLayers.map((l) => l.spec),
    layerData,
    layerUi,
    // imported layers on top, the last one highest, as importing them one by one would leave them
    order: [...newUserIds, ...state.order.filter((id) => !oldUserIds.has(id) && !newUserIds.includes(id))],
    boundarySet,
    lang: view.lang ?? state.lang,
    basemap: view.basemap ?? state.basemap,
    selectedCommune: view.selected ?? null,
    slides: project.slides,
    aoi: project.aoi ?? null,
    // the steps named the layers the project replaced
    history: emptyHistory(),
  };
}

/** Features of a layer's data with the changes applied; null when they do not apply. */
function applyChangesTo(entry: LayerData | undefined, changes: readonly FeatureChange[]): LayerData | null {
  if (!entry?.data || entry.points) return null;
  const data = applyFeatureChanges(entry.data, changes);
  if (!data) return null;
  // the map source file and the worker's tiles held the old features
  const { mapSource: _staleFile, tiles: _staleTiles, ...rest } = entry;
  return { ...rest, data, featureCount: data.features.length };
}

/** Every feature with an id, so each can be named by an edit and its undo step. */
function withFeatureIds(fc: FeatureCollection): FeatureCollection {
  const taken = new Set<string | number>();
  for (const f of fc.features) if (f.id !== undefined) taken.add(f.id);
  const kept = new Set<string | number>();
  let n = 0;
  const features = fc.features.map((f) => {
    if (f.id !== undefined && !kept.has(f.id)) {
      kept.add(f.id);
      return f;
    }
    // a missing or repeated id gets a fresh one
    let id: string;
    do id = `f${++n}`;
    while (taken.has(id));
    taken.add(id);
    kept.add(id);
    return { ...f, id };
  });
  return { ...fc, features };
}

function replay(get: () => AppState, set: SetFn, direction: 'undo' | 'redo'): boolean {
  const s = get();
  const from = direction === 'undo' ? s.history.past : s.history.future;
  const entry = from[from.length - 1];
  if (!entry) return false;
  const step = direction === 'undo' ? invertEntry(entry) : entry;
  const current = s.layerData[step.layerId];
  const next = current ? (step.kind === 'features' ? applyChangesTo(current, step.changes) : applyFeatureEdits(current, step.edits)) : null;
  const rest = from.slice(0, -1);
  if (!next) {
    // the step no longer applies (its layer changed outside the history): drop it, change nothing
    set({ history: direction === 'undo' ? { ...s.history, past: rest } : { ...s.history, future: rest } });
    return false;
  }
  const history = direction === 'undo' ? { past: rest, future: [...s.history.future, entry] } : { past: [...s.history.past, entry], future: rest };
  set({ layerData: withId(s.layerData, step.layerId, next), history });
  return true;
}

type SetFn = (partial: Partial<AppState>) => void;

function updateLayerUi(set: SetFn, get: () => AppState, id: string, patch: Partial<LayerUi>): void {
  const current = get().layerUi[id];
  if (!current) return;
  set({ layerUi: withId(get().layerUi, id, { ...current, ...patch }) });
}
