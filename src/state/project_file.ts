import type { FeatureCollection } from 'geojson';
import type { LayerSpec } from '../catalog/manifest_types';
import type { Message } from '../i18n/i18n';
import { USER_GROUP, type AppState } from './store';
import { newSlideId, type Slide } from './slides';
import { Checker, checkLayerSpec, isObj, problemMessage, type ManifestProblem } from '../catalog/validate_manifest';
import { MAX_JSON_DEPTH, MAX_PROJECT_FEATURES_PER_LAYER, MAX_PROJECT_LAYERS, MAX_SLIDES, MAX_TEXT_LENGTH, jsonTextTooDeep } from '../catalog/intake_limits';
import { checkView } from './view_validate';
import type { ViewState } from './view_url';
import type { AreaOfInterest } from '../analysis/aoi';
import { tableToFeatures } from '../io/point_table';

// The project file: the whole session in one JSON file — the pack it was made on, the view,
// the user's imported layers with their data and styles, and the slides. It is versioned;
// older versions are migrated step by step, and anything damaged or foreign is refused with
// a message before the session on screen is touched.

export const PROJECT_FORMAT = 'mtmap-project';
export const PROJECT_VERSION = 1;

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  savedAt: string;
  appVersion: string;
  packUrl: string | null;
  view: ViewState;
  userLayers: { spec: LayerSpec; data: FeatureCollection }[];
  slides: Slide[];
  /** The area of interest (drawn, uploaded or a commune); optional, so version 1 files without it still open. */
  aoi?: AreaOfInterest;
}

export type ProjectResult =
  | { ok: true; project: ProjectFile }
  /** `nested` fills the reason's placeholders; `problems` is the bounded list behind it. */
  | { ok: false; reason: Message; nested?: Record<string, Message>; problems?: ManifestProblem[]; total?: number };

export function buildProject(state: AppState, view: ViewState, appVersion: string, now = new Date()): ProjectFile {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: now.toISOString(),
    appVersion,
    packUrl: state.pack.url,
    view,
    userLayers: state.userLayers
      // a large CSV layer held as typed columns is saved as GeoJSON points like any other
      .map((spec) => {
        const entry = state.layerData[spec.id];
        return { spec, data: entry?.data ?? (entry?.points ? tableToFeatures(entry.points) : undefined) };
      })
      .filter((l): l is { spec: LayerSpec; data: FeatureCollection } => !!l.data),
    slides: state.slides,
    ...(state.aoi ? { aoi: state.aoi } : {}),
  };
}

type Migration = (older: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n file into version n+1. Version 1 is the first. */
const MIGRATIONS: Record<number, Migration> = {};

function isAoi(v: unknown): v is AreaOfInterest {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  const g = a.geometry as { type?: unknown; coordinates?: unknown } | null;
  return (
    ['drawn', 'uploaded', 'commune'].includes(String(a.source)) &&
    typeof a.name === 'string' && a.name.length <= MAX_TEXT_LENGTH &&
    (a.code === undefined || (typeof a.code === 'string' && a.code.length <= MAX_TEXT_LENGTH)) &&
    typeof g === 'object' && g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates)
  );
}

const clip = (v: unknown, max = MAX_TEXT_LENGTH): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** A feature collection of at most MAX_PROJECT_FEATURES_PER_LAYER features, each a Feature. */
function checkData(c: Checker, v: unknown, path: string): FeatureCollection | undefined {
  if (!isObj(v) || v.type !== 'FeatureCollection') {
    c.add(path, 'type', 'FeatureCollection', v);
    return undefined;
  }
  const features = c.array(v, 'features', path, true, MAX_PROJECT_FEATURES_PER_LAYER);
  if (!features) return undefined;
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const g = isObj(f) ? f.geometry : undefined;
    if (!isObj(f) || f.type !== 'Feature' || (g !== null && !(isObj(g) && typeof g.type === 'string'))) {
      c.add(`${path}.features[${i}]`, 'type', 'Feature', f);
      return undefined;
    }
  }
  return v as unknown as FeatureCollection;
}

function checkPackUrl(c: Checker, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const ok = typeof v === 'string' && v.length <= 2048 && URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol);
  if (!ok) c.add('packUrl', 'type', 'an http: or https: URL', v);
  return ok ? v : null;
}

function checkSlides(c: Checker, doc: Record<string, unknown>): Slide[] {
  if (doc.slides === undefined || doc.slides === null) return [];
  const slides: Slide[] = [];
  const seen = new Set<string>();
  (c.array(doc, 'slides', '', true, MAX_SLIDES) ?? []).forEach((s, i) => {
    const p = `slides[${i}]`;
    if (!isObj(s)) return c.add(p, 'type', 'object', s);
    let id = s.id === undefined || s.id === '' ? newSlideId() : c.id(s, 'id', p);
    if (id !== undefined && seen.has(id)) id = newSlideId();
    const title = isObj(s.title) ? s.title : {};
    const notes = isObj(s.notes) ? s.notes : {};
    const view = checkView(c, s.view, `${p}.view`);
    if (id === undefined) return;
    seen.add(id);
    slides.push({ id, title: { vi: clip(title.vi), en: clip(title.en) }, notes: { vi: clip(notes.vi), en: clip(notes.en) }, view });
  });
  return slides;
}

function checkUserLayers(c: Checker, doc: Record<string, unknown>): ProjectFile['userLayers'] {
  const out: ProjectFile['userLayers'] = [];
  const ids = new Set<string>();
  const groups = new Set([USER_GROUP.id]);
  // the cap is checked before any layer is looked at
  (c.array(doc, 'userLayers', '', true, MAX_PROJECT_LAYERS) ?? []).forEach((l, i) => {
    const p = `userLayers[${i}]`;
    if (!isObj(l)) return c.add(p, 'type', 'object', l);
    // the same validator as a manifest's layers: one set of rules for a layer, wherever it comes from
    const spec = checkLayerSpec(c, l.spec, `${p}.spec`, groups);
    const data = checkData(c, l.data, `${p}.data`);
    if (!spec || !data) return;
    if (ids.has(spec.id)) return c.add(`${p}.spec.id`, 'duplicate', undefined, spec.id);
    ids.add(spec.id);
    out.push({ spec, data });
  });
  return out;
}

/**
 * Parses and checks a whole project file before anything is applied. Every value in an
 * accepted project is typed and within the caps of catalog/intake_limits.ts; a refused one
 * names the file and the first problem's path (e.g. `userLayers[0].spec.style.categories`).
 */
export function parseProject(text: string, fileName: string): ProjectResult {
  if (jsonTextTooDeep(text)) return { ok: false, reason: { key: 'project.error.tooDeep', params: { file: fileName, max: MAX_JSON_DEPTH } } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: { key: 'project.error.json', params: { file: fileName, detail: (e as Error).message.slice(0, 200) } } };
  }
  if (!isObj(json) || json.format !== PROJECT_FORMAT) {
    return { ok: false, reason: { key: 'project.error.foreign', params: { file: fileName } } };
  }
  let doc = json;
  let version = Number(doc.version);
  if (!Number.isInteger(version) || version < 1) return { ok: false, reason: { key: 'project.error.damaged', params: { file: fileName, detail: 'version' } } };
  if (version > PROJECT_VERSION) {
    return { ok: false, reason: { key: 'project.error.newer', params: { file: fileName, version, supported: PROJECT_VERSION } } };
  }
  while (version < PROJECT_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return { ok: false, reason: { key: 'project.error.damaged', params: { file: fileName, detail: `no migration from ${version}` } } };
    doc = migrate(doc);
    version++;
  }
  const c = new Checker();
  const packUrl = checkPackUrl(c, doc.packUrl);
  const view = checkView(c, doc.view, 'view');
  const userLayers = checkUserLayers(c, doc);
  const slides = checkSlides(c, doc);
  const aoi = doc.aoi === undefined || doc.aoi === null ? undefined : isAoi(doc.aoi) ? doc.aoi : c.add('aoi', 'type', 'area of interest', doc.aoi);
  if (c.total > 0) {
    return {
      ok: false,
      reason: { key: 'project.error.invalid', params: { file: fileName } },
      nested: { problem: problemMessage(c.problems[0]!) },
      problems: c.problems,
      total: c.total,
    };
  }
  return {
    ok: true,
    project: {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      savedAt: clip(doc.savedAt, 100),
      appVersion: clip(doc.appVersion, 100),
      packUrl,
      view,
      userLayers,
      slides,
      ...(aoi ? { aoi } : {}),
    },
  };
}

export function projectFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `muong-te-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.mtmap.json`;
}
