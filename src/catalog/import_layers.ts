import type { Feature, FeatureCollection } from 'geojson';
import type { GeometryKind, LayerSpec } from './manifest_types';
import type { AppStore } from '../state/store';
import { USER_GROUP } from '../state/store';
import type { Message } from '../i18n/i18n';
import { renderMessage } from '../i18n/i18n';
import type { ImportedLayer, ImportInput, ImportOptions, ImportProgress, ImportResult } from '../io/formats/types';
import { checkFileSize } from '../io/formats/limits';
import { singleStyle } from '../style/auto_style';
import { geometryMatches } from '../io/parse_layer_file';

// Turns the user's files into "My data" layers: read bytes, parse and reproject in the import
// worker, split mixed geometries into one layer per kind, add them to the store, and report
// every problem as a message in the UI language. Nothing already loaded is touched on failure.

export interface Importer {
  import(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult>;
}

export interface ImportOutcome {
  /** Ids of the layers added. */
  layers: string[];
  /** The error messages shown, in the current UI language. */
  errors: string[];
}

export interface ImportCallbacks {
  onProgress?(file: string, p: ImportProgress): void;
  signal?: AbortSignal;
}

let userLayerCounter = 0;

const KINDS: readonly GeometryKind[] = ['polygon', 'line', 'point'];

/** One collection per geometry kind present, so a mixed KML becomes up to three layers. */
export function splitByGeometry(data: FeatureCollection): { kind: GeometryKind; data: FeatureCollection }[] {
  return KINDS.map((kind) => ({
    kind,
    data: { type: 'FeatureCollection' as const, features: data.features.filter((f: Feature) => geometryMatches(f.geometry, kind)) },
  })).filter((g) => g.data.features.length > 0);
}

export function userLayerSpec(layer: ImportedLayer, kind: GeometryKind, fileName: string, split: boolean, index: number): LayerSpec {
  const suffix = split ? { vi: ` (${kindLabel(kind, 'vi')})`, en: ` (${kindLabel(kind, 'en')})` } : { vi: '', en: '' };
  return {
    // time-based so ids never collide with layers restored from a project file
    id: `user-${Date.now().toString(36)}-${++userLayerCounter}`,
    title: { vi: layer.name + suffix.vi, en: layer.name + suffix.en },
    group: USER_GROUP.id,
    file: fileName,
    format: 'geojson',
    geometry: kind,
    style: singleStyle(index, kind),
    provenance: {
      source: {
        vi: `Tệp ${fileName}, nhập bởi người dùng (hệ tọa độ gốc: ${layer.sourceCrs})`,
        en: `File ${fileName}, imported by the user (original coordinate system: ${layer.sourceCrs})`,
      },
    },
    illustrative: false,
  };
}

function kindLabel(kind: GeometryKind, lang: 'vi' | 'en'): string {
  const labels = { vi: { polygon: 'vùng', line: 'đường', point: 'điểm' }, en: { polygon: 'polygons', line: 'lines', point: 'points' } };
  return labels[lang][kind];
}

function listNumbers(numbers: number[]): string {
  return numbers.slice(0, 15).join(', ') + (numbers.length > 15 ? ', …' : '');
}

function addLayers(store: AppStore, result: Extract<ImportResult, { ok: true }>, fileName: string): string[] {
  const ids: string[] = [];
  const s = store.getState();
  for (const layer of result.layers) {
    const groups = splitByGeometry(layer.data);
    for (const g of groups) {
      const spec = userLayerSpec(layer, g.kind, fileName, groups.length > 1, s.userLayers.length + ids.length);
      const selfIntersecting = g.kind === 'polygon' ? layer.selfIntersecting.map((i) => layer.data.features[i]).filter((f): f is Feature => !!f) : [];
      s.addUserLayer(spec, { status: 'ready', data: g.data, featureCount: g.data.features.length, skipped: layer.skipped.map((k) => k.row ?? k.feature ?? 0), error: null });
      ids.push(spec.id);
      s.pushMessage('info', { key: 'import.ui.added', params: { title: layer.name, count: g.data.features.length, file: fileName } });
      if (selfIntersecting.length > 0) {
        const numbers = selfIntersecting.map((f) => g.data.features.indexOf(f) + 1);
        s.pushMessage(
          'warning',
          { key: 'import.ui.selfIntersecting', params: { file: fileName, count: numbers.length, list: listNumbers(numbers) } },
          undefined,
          { label: { key: 'import.ui.repair' }, run: () => void repairLayer(store, spec.id, new Set(selfIntersecting)) },
        );
      }
    }
    for (const w of layer.warnings) s.pushMessage('warning', w as Message);
    // the parser's warnings already summarise skipped rows (count and which)
  }
  return ids;
}

async function repairLayer(store: AppStore, layerId: string, broken: Set<Feature>): Promise<void> {
  const { repairPolygon } = await import('../io/formats/validate');
  const data = store.getState().layerData[layerId]?.data;
  if (!data) return;
  let count = 0;
  const features = await Promise.all(
    data.features.map(async (f) => {
      if (!broken.has(f) || (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon')) return f;
      const fixed = await repairPolygon(f.geometry);
      if (!fixed) return f;
      count++;
      return { ...f, geometry: fixed };
    }),
  );
  store.getState().setUserLayerFeatures(layerId, { type: 'FeatureCollection', features });
  const title = store.getState().userLayers.find((l) => l.id === layerId)?.title;
  const name = typeof title === 'string' ? title : (title?.[store.getState().lang] ?? layerId);
  store.getState().pushMessage('info', { key: 'import.ui.repaired', params: { count, title: name } });
}

export async function importInputs(store: AppStore, importer: Importer, inputs: ImportInput[], cb: ImportCallbacks = {}): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { layers: [], errors: [] };
  for (const input of inputs) {
    if (cb.signal?.aborted) break;
    const result = await importer.import(input, { signal: cb.signal }, (p) => cb.onProgress?.(input.name, p));
    if (!result.ok) {
      store.getState().pushMessage('error', result.error as Message);
      outcome.errors.push(renderMessage(store.getState().lang, result.error as Message));
      continue;
    }
    outcome.layers.push(...addLayers(store, result, input.name));
  }
  return outcome;
}

/** Reads browser File objects, refusing files over the size limit before reading them. */
export async function importFiles(store: AppStore, importer: Importer, files: File[], cb: ImportCallbacks = {}): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { layers: [], errors: [] };
  for (const file of files) {
    const tooLarge = checkFileSize(file.name, file.size);
    if (tooLarge) {
      const msg = tooLarge as Message;
      store.getState().pushMessage('error', msg);
      outcome.errors.push(renderMessage(store.getState().lang, msg));
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await importInputs(store, importer, [{ name: file.name, type: file.type, bytes }], cb);
    outcome.layers.push(...r.layers);
    outcome.errors.push(...r.errors);
  }
  return outcome;
}

export async function importUrl(store: AppStore, importer: Importer, url: string, cb: ImportCallbacks = {}): Promise<ImportOutcome> {
  const absolute = new URL(url, window.location.href);
  const name = decodeURIComponent(absolute.pathname.split('/').pop() || absolute.hostname);
  let response: Response | null = null;
  let reason: Message | null = null;
  try {
    response = await fetch(absolute.href, { signal: cb.signal });
    if (!response.ok) reason = { key: 'reason.http', params: { status: String(response.status) } };
  } catch {
    reason = { key: 'reason.network' };
  }
  if (reason || !response) {
    const msg: Message = { key: 'import.ui.fetchFailed', params: { url: absolute.href } };
    store.getState().pushMessage('error', msg, { reason: reason ?? { key: 'reason.network' } });
    return { layers: [], errors: [renderMessage(store.getState().lang, msg, { reason: reason ?? { key: 'reason.network' } })] };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return importInputs(store, importer, [{ name, type: response.headers.get('content-type') ?? '', bytes }], cb);
}
