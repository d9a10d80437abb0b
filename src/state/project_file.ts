import type { FeatureCollection } from 'geojson';
import type { LayerSpec } from '../catalog/manifest_types';
import type { Message } from '../i18n/i18n';
import type { AppState } from './store';
import { sanitizeSlides, type Slide } from './slides';
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

export type ProjectResult = { ok: true; project: ProjectFile } | { ok: false; reason: Message };

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

function isFeatureCollection(v: unknown): v is FeatureCollection {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((v as { features?: unknown }).features);
}

function isAoi(v: unknown): v is AreaOfInterest {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  const g = a.geometry as { type?: unknown; coordinates?: unknown } | null;
  return (
    ['drawn', 'uploaded', 'commune'].includes(String(a.source)) &&
    typeof a.name === 'string' &&
    (a.code === undefined || typeof a.code === 'string') &&
    typeof g === 'object' && g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates)
  );
}

function isLayerSpec(v: unknown): v is LayerSpec {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.id === 'string' && typeof s.group === 'string' && ['polygon', 'line', 'point'].includes(String(s.geometry)) && typeof s.style === 'object' && s.style !== null;
}

export function parseProject(text: string, fileName: string): ProjectResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: { key: 'project.error.json', params: { file: fileName, detail: (e as Error).message } } };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== PROJECT_FORMAT) {
    return { ok: false, reason: { key: 'project.error.foreign', params: { file: fileName } } };
  }
  let doc = json as Record<string, unknown>;
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
  const layers = Array.isArray(doc.userLayers) ? doc.userLayers : null;
  if (!layers || !layers.every((l) => typeof l === 'object' && l !== null && isLayerSpec((l as Record<string, unknown>).spec) && isFeatureCollection((l as Record<string, unknown>).data))) {
    return { ok: false, reason: { key: 'project.error.damaged', params: { file: fileName, detail: 'userLayers' } } };
  }
  if (doc.aoi !== undefined && doc.aoi !== null && !isAoi(doc.aoi)) {
    return { ok: false, reason: { key: 'project.error.damaged', params: { file: fileName, detail: 'aoi' } } };
  }
  return {
    ok: true,
    project: {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : '',
      appVersion: typeof doc.appVersion === 'string' ? doc.appVersion : '',
      packUrl: typeof doc.packUrl === 'string' ? doc.packUrl : null,
      view: (typeof doc.view === 'object' && doc.view !== null ? doc.view : {}) as ViewState,
      userLayers: layers as ProjectFile['userLayers'],
      slides: sanitizeSlides(doc.slides),
      ...(isAoi(doc.aoi) ? { aoi: doc.aoi } : {}),
    },
  };
}

export function projectFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `muong-te-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.mtmap.json`;
}
