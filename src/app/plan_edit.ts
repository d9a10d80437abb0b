import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import type { AppStore, AppState, LayerData } from '../state/store';
import { USER_GROUP, allLayers } from '../state/store';
import type { LayerSpec, PlanField, PlanSpec, PlanTemplate } from '../catalog/manifest_types';
import { PLAN_COMPUTED_FIELDS } from '../catalog/manifest_types';
import type { Lang, Message, Params, StringKey } from '../i18n/i18n';
import { localize, t } from '../i18n/i18n';
import { nextFeatureId, type FeatureChange } from '../state/edit_history';
import { computePlanFields, planGeometryProblem, type GeometryProblem, type PlanComputed } from '../analysis/plan_computed';
import { prepareBoundaries, type PreparedBoundaries } from '../analysis/boundary_units';
import { singleStyle } from '../style/auto_style';

// The plan-editing use case: every change of a plan layer's features goes through here, from
// the drawing tools, the attribute form and window.mtmap alike. It checks the geometry,
// stamps the computed fields (area, commune) and hands the store one change per user step,
// so undo takes back exactly what the user did.

export type EditResult = { ok: true; id: string } | { ok: false; problem: Message };
export type EditManyResult = { ok: true; ids: string[] } | { ok: false; problem: Message };

export interface NewFeature {
  geometry: Geometry;
  properties?: GeoJsonProperties;
}

export interface PlanEditor {
  /** A new, empty plan layer from one of the pack's templates; its id, or a problem. */
  createLayer(templateId: string, title?: string): EditResult;
  /** Makes an imported layer editable, with its attributes as text fields; computed fields are added. */
  makeEditable(layerId: string): EditResult;
  add(layerId: string, feature: NewFeature): EditResult;
  update(layerId: string, featureId: string | number, patch: { geometry?: Geometry; properties?: GeoJsonProperties }): EditResult;
  remove(layerId: string, featureIds: ReadonlyArray<string | number>): EditManyResult;
  /** Deletes some features and adds others as one undo step (a split, a merge). */
  replace(layerId: string, removedIds: ReadonlyArray<string | number>, added: readonly NewFeature[]): EditManyResult;
  /** The computed fields a geometry would get in the active boundary set. */
  computed(geometry: Geometry | null): PlanComputed;
  /** The problem with a geometry for this layer, as a message saying where; null when valid. */
  geometryProblem(layerId: string, geometry: Geometry | null): Message | null;
  /** The pack's templates. */
  templates(): PlanTemplate[];
  /** Recomputes the commune of every plan feature (when the boundary set changes); not an undo step. */
  refreshCommunes(): void;
}

let planLayerCounter = 0;

export function createPlanEditor(store: AppStore): PlanEditor {
  const get = () => store.getState();
  const boundaryCache = new WeakMap<FeatureCollection, PreparedBoundaries>();

  const activeBoundaries = (s: AppState): PreparedBoundaries | null => {
    const set = s.pack.manifest?.boundarySets?.find((b) => b.id === s.boundarySet);
    const data = set ? s.layerData[set.layer]?.data : null;
    if (!set || !data) return null;
    let prepared = boundaryCache.get(data);
    if (!prepared) {
      prepared = prepareBoundaries(data, set.codeField, set.nameField);
      boundaryCache.set(data, prepared);
    }
    return prepared;
  };

  const computed = (geometry: Geometry | null) => computePlanFields(geometry, activeBoundaries(get()));

  const stamp = (geometry: Geometry, properties: GeoJsonProperties): Record<string, unknown> => {
    const c = computed(geometry);
    const out: Record<string, unknown> = { ...(properties ?? {}) };
    out[PLAN_COMPUTED_FIELDS.areaHa] = c.areaHa;
    out[PLAN_COMPUTED_FIELDS.communeCode] = c.communeCode;
    out[PLAN_COMPUTED_FIELDS.communeName] = c.communeName;
    return out;
  };

  const layerTitle = (spec: LayerSpec) => localize(spec.title, get().lang);

  /** The editable layer and its features, or why not. */
  const editable = (layerId: string): { spec: LayerSpec; data: FeatureCollection } | Message => {
    const s = get();
    const spec = s.userLayers.find((l) => l.id === layerId);
    const entry: LayerData | undefined = s.layerData[layerId];
    const name = spec ? layerTitle(spec) : layerId;
    if (!spec || !spec.plan) return { key: 'planEdit.notEditable', params: { layer: name } };
    if (entry?.points || !entry?.data) return { key: 'planEdit.cannotEditPoints', params: { layer: name } };
    return { spec, data: entry.data };
  };

  const geometryProblem = (layerId: string, geometry: Geometry | null): Message | null => {
    const spec = allLayers(get()).find((l) => l.id === layerId);
    if (!spec) return { key: 'planEdit.notEditable', params: { layer: layerId } };
    const p = planGeometryProblem(closeRings(geometry), spec.geometry);
    return p ? problemMessage(p) : null;
  };

  const commit = (layerId: string, changes: FeatureChange[], options?: { undoable?: boolean }): boolean => get().editFeatures(layerId, changes, options);

  const prepareNew = (layerId: string, data: FeatureCollection, f: NewFeature, taken: Set<string | number>): { feature: Feature } | { problem: Message } => {
    const geometry = closeRings(f.geometry);
    const problem = geometryProblem(layerId, geometry);
    if (problem) return { problem };
    const id = nextFeatureId(data, taken);
    taken.add(id);
    return { feature: { type: 'Feature', id, geometry: geometry!, properties: stamp(geometry!, withoutComputed(f.properties ?? null)) } };
  };

  const replace = (layerId: string, removedIds: ReadonlyArray<string | number>, added: readonly NewFeature[]): EditManyResult => {
    const target = editable(layerId);
    if ('key' in target) return { ok: false, problem: target };
    const byId = new Map(target.data.features.map((f, i) => [f.id, { f, i }] as const));
    const changes: FeatureChange[] = [];
    for (const id of removedIds) {
      const hit = byId.get(id);
      if (!hit) return { ok: false, problem: { key: 'planEdit.noFeature', params: { layer: layerTitle(target.spec), feature: String(id) } } };
      changes.push({ id, before: hit.f, after: null, index: hit.i });
    }
    const taken = new Set<string | number>(target.data.features.map((f) => f.id).filter((id): id is string | number => id !== undefined));
    const ids: string[] = [];
    for (const f of added) {
      const made = prepareNew(layerId, target.data, f, taken);
      if ('problem' in made) return { ok: false, problem: made.problem };
      changes.push({ id: made.feature.id!, before: null, after: made.feature });
      ids.push(String(made.feature.id));
    }
    if (changes.length === 0) return { ok: true, ids };
    return commit(layerId, changes) ? { ok: true, ids } : { ok: false, problem: { key: 'planEdit.notEditable', params: { layer: layerTitle(target.spec) } } };
  };

  return {
    templates: () => get().pack.manifest?.planTemplates ?? [],
    createLayer(templateId, title) {
      const s = get();
      const template = s.pack.manifest?.planTemplates?.find((t) => t.id === templateId);
      if (!template) return { ok: false, problem: { key: 'planEdit.unknownTemplate', params: { template: templateId } } };
      const id = `plan-${Date.now().toString(36)}-${++planLayerCounter}`;
      const spec: LayerSpec = {
        id,
        title: title ? { vi: title, en: title } : template.title,
        group: USER_GROUP.id,
        file: `${id}.geojson`,
        format: 'geojson',
        geometry: template.geometry,
        style: template.style ?? singleStyle(s.userLayers.length, template.geometry),
        provenance: { source: bilingual('planEdit.provenance', (lang) => ({ template: localize(template.title, lang) })) },
        illustrative: false,
        plan: { templateId: template.id, fields: template.fields.map((f) => ({ ...f })) },
        popup: { fields: popupFields(template.fields) },
      };
      const data: FeatureCollection = { type: 'FeatureCollection', features: [] };
      s.addUserLayer(spec, { status: 'ready', data, featureCount: 0, skipped: [], error: null });
      return { ok: true, id };
    },
    makeEditable(layerId) {
      const s = get();
      const spec = s.userLayers.find((l) => l.id === layerId);
      const entry = s.layerData[layerId];
      if (!spec) return { ok: false, problem: { key: 'planEdit.notEditable', params: { layer: layerId } } };
      if (spec.plan) return { ok: true, id: layerId };
      if (entry?.points || !entry?.data) return { ok: false, problem: { key: 'planEdit.cannotEditPoints', params: { layer: layerTitle(spec) } } };
      const computedNames = new Set<string>(Object.values(PLAN_COMPUTED_FIELDS));
      const names = new Set<string>();
      for (const f of entry.data.features) for (const k in f.properties ?? {}) if (!computedNames.has(k)) names.add(k);
      const fields: PlanField[] = [...names].map((name) => ({ name, type: 'text', label: { vi: name, en: name } }));
      const plan: PlanSpec = { templateId: null, fields };
      if (!s.setLayerPlan(layerId, plan)) return { ok: false, problem: { key: 'planEdit.cannotEditPoints', params: { layer: layerTitle(spec) } } };
      // computed fields for what was imported, as part of making it editable (not an undo step)
      const data = get().layerData[layerId]!.data!;
      const changes: FeatureChange[] = data.features.filter((f) => f.geometry).map((f) => ({ id: f.id!, before: f, after: { ...f, properties: stamp(f.geometry, f.properties) } }));
      if (changes.length > 0) commit(layerId, changes, { undoable: false });
      return { ok: true, id: layerId };
    },
    add(layerId, feature) {
      const r = replace(layerId, [], [feature]);
      return r.ok ? { ok: true, id: r.ids[0]! } : r;
    },
    update(layerId, featureId, patch) {
      const target = editable(layerId);
      if ('key' in target) return { ok: false, problem: target };
      const before = target.data.features.find((f) => f.id === featureId);
      if (!before) return { ok: false, problem: { key: 'planEdit.noFeature', params: { layer: layerTitle(target.spec), feature: String(featureId) } } };
      const geometry = patch.geometry ? closeRings(patch.geometry) : before.geometry;
      if (patch.geometry) {
        const problem = geometryProblem(layerId, geometry);
        if (problem) return { ok: false, problem };
      }
      const properties = patch.properties ? { ...(before.properties ?? {}), ...withoutComputed(patch.properties) } : before.properties;
      const after: Feature = { ...before, geometry: geometry!, properties: patch.geometry ? stamp(geometry!, properties) : { ...properties } };
      commit(layerId, [{ id: before.id!, before, after }]);
      return { ok: true, id: String(featureId) };
    },
    remove(layerId, featureIds) {
      return replace(layerId, featureIds, []);
    },
    replace,
    computed,
    geometryProblem,
    refreshCommunes() {
      const s = get();
      for (const spec of s.userLayers) {
        const data = spec.plan ? s.layerData[spec.id]?.data : null;
        if (!data) continue;
        const changes: FeatureChange[] = [];
        for (const f of data.features) {
          if (!f.geometry || f.id === undefined) continue;
          const c = computed(f.geometry);
          const p = f.properties ?? {};
          if (p[PLAN_COMPUTED_FIELDS.communeCode] === c.communeCode && p[PLAN_COMPUTED_FIELDS.communeName] === c.communeName) continue;
          changes.push({ id: f.id, before: f, after: { ...f, properties: { ...p, [PLAN_COMPUTED_FIELDS.communeCode]: c.communeCode, [PLAN_COMPUTED_FIELDS.communeName]: c.communeName } } });
        }
        if (changes.length > 0) commit(spec.id, changes, { undoable: false });
      }
    },
  };
}

/** Text in both languages, for a layer's title or labels kept in its spec. */
function bilingual(key: StringKey, params: (lang: Lang) => Params = () => ({})): { vi: string; en: string } {
  return { vi: t('vi', key, params('vi')), en: t('en', key, params('en')) };
}

/** The popup lists the template's fields, then the computed ones. */
function popupFields(fields: readonly PlanField[]) {
  return [
    ...fields.map((f) => ({ field: f.name, label: f.label })),
    { field: PLAN_COMPUTED_FIELDS.areaHa, label: bilingual('planEdit.field.area') },
    { field: PLAN_COMPUTED_FIELDS.communeName, label: bilingual('planEdit.field.commune') },
  ];
}

function withoutComputed(p: GeoJsonProperties): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(p ?? {}) };
  for (const name of Object.values(PLAN_COMPUTED_FIELDS)) delete out[name];
  return out;
}

/** Rings closed (first vertex repeated last), as GeoJSON requires; drawing tools and scripts may omit it. */
export function closeRings(g: Geometry | null | undefined): Geometry | null {
  if (!g) return null;
  const close = (ring: number[][]) => {
    const [a, b] = [ring[0], ring[ring.length - 1]];
    return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [...ring, [...a]] : ring;
  };
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(close) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(close)) };
  return g;
}

export function problemMessage(p: GeometryProblem): Message {
  switch (p.problem) {
    case 'wrong-type':
      return { key: `planEdit.wrongType.${p.expected}`, params: { got: p.got } };
    case 'too-few-vertices':
      return { key: 'planEdit.tooFewVertices', params: { min: p.min, got: p.got } };
    case 'not-finite':
      return { key: 'planEdit.notFinite' };
    case 'self-intersection':
      return { key: 'planEdit.selfIntersection', params: { lon: p.at[0].toFixed(6), lat: p.at[1].toFixed(6) } };
  }
}
