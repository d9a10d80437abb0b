import type { Feature, FeatureCollection } from 'geojson';
import type { GeometryKind, LayerSpec } from '../catalog/manifest_types';
import type { AppStore, UiMessage } from '../state/store';
import { USER_GROUP } from '../state/store';
import type { Message } from '../i18n/i18n';
import { renderMessage } from '../i18n/i18n';
import type { ImportedLayer, ImportInput, ImportMessage, ImportOptions, ImportProgress, ImportResult, ImportTable } from '../io/formats/types';
import { checkFileSize } from '../io/formats/limits';
import { singleStyle } from '../style/auto_style';
import { geometryMatches } from '../io/formats/geometry_filter';
import { decodeText } from '../io/formats/text';
import { joinIntoLayer, joinOffer, type JoinChoice, type JoinOffer, type JoinSummary } from './join_layer';

// Turns the user's files into "My data" layers: read bytes, parse and reproject in the import
// worker, split mixed geometries into one layer per kind, add them to the store, and report
// every problem as a message in the UI language. Nothing already loaded is touched on failure.

export interface Importer {
  /**
   * Imports one file. Its bytes may be transferred to a worker; they are back in `input.bytes`
   * once the promise settles, for a retry with other options.
   */
  import(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult>;
}

export interface ImportOutcome {
  /** Ids of the layers added. */
  layers: string[];
  /** The error messages shown, in the current UI language. */
  errors: string[];
  /** Tables without coordinates that were joined to commune boundaries (one per such file). */
  joins?: JoinSummary[];
}

/** A failed import the user can fix by choosing coordinate columns and/or a coordinate system. */
export interface OptionsRequest {
  file: string;
  /** The error already shown (it says what to do). */
  error: ImportMessage;
  /** The file's columns when it is a table (CSV), else null (only a CRS can be chosen). */
  columns: string[] | null;
  /** A few parsed rows, when the parser returned them (helps guess degrees vs metres). */
  rows: ImportTable['rows'];
  /** The options of the attempt that failed. */
  previous: ImportOptions;
  /** A CSV without coordinates: the boundary join the dialog can offer instead. */
  join?: JoinOffer;
}

/** Import options, or a join of the table to commune boundaries instead of coordinates. */
export type ImportChoice = ImportOptions & { join?: JoinChoice };

/** Asks the user for import options; null = cancelled. Injected so this module stays UI-free. */
export type AskImportOptions = (request: OptionsRequest) => Promise<ImportChoice | null>;

export interface ImportCallbacks {
  onProgress?(file: string, p: ImportProgress): void;
  signal?: AbortSignal;
  /** When set, a CSV without recognisable coordinates or with metres but no CRS asks for options and retries. */
  askOptions?: AskImportOptions;
  /** When set, a CSV without coordinates is joined to commune boundaries without asking. */
  join?: JoinChoice;
}

/** Errors the user can fix from the column / CRS dialog. */
const ASKABLE: ReadonlySet<string> = new Set(['import.error.csvNoCoordinates', 'import.error.crsNeeded', 'import.error.csvColumnMissing']);

const TABLE_EXT = /\.(csv|tsv|tab|txt)$/i;

/** Header and first rows of a delimited text file (for a crsNeeded CSV, whose table isn't returned). */
export function peekTable(name: string, bytes: Uint8Array, maxRows = 50): ImportTable | null {
  if (!TABLE_EXT.test(name)) return null;
  const lines = decodeText(bytes.subarray(0, 65536)).text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.trim();
  if (!header) return null;
  const delimiter = /\.(tsv|tab)$/i.test(name) ? '\t' : ([';', '\t', ',', '|'] as const).map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const cells = (line: string) => line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
  const columns = cells(header);
  const rows = lines.slice(1, maxRows + 1).map((l) => {
    const v = cells(l);
    return Object.fromEntries(columns.map((c, i) => [c, v[i] ?? null]));
  });
  return { columns, rows };
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

type MessageAction = NonNullable<UiMessage['action']>;

function addLayers(store: AppStore, result: Extract<ImportResult, { ok: true }>, fileName: string, warningAction?: (w: ImportMessage) => MessageAction | undefined): string[] {
  const ids: string[] = [];
  const s = store.getState();
  for (const layer of result.layers) {
    if (layer.points) {
      // a large point CSV: typed columns, drawn by deck.gl; no features are built
      const spec = userLayerSpec(layer, 'point', fileName, false, s.userLayers.length + ids.length);
      const count = layer.points.length;
      s.addUserLayer(spec, { status: 'ready', data: null, points: layer.points, featureCount: count, skipped: layer.skipped.map((k) => k.row ?? k.feature ?? 0), error: null });
      ids.push(spec.id);
      s.pushMessage('info', { key: 'import.ui.added', params: { title: layer.name, count, file: fileName } });
      for (const w of layer.warnings) s.pushMessage('warning', w as Message, undefined, warningAction?.(w));
      continue;
    }
    const groups = splitByGeometry(layer.data);
    for (const g of groups) {
      const spec = userLayerSpec(layer, g.kind, fileName, groups.length > 1, s.userLayers.length + ids.length);
      const selfIntersecting = g.kind === 'polygon' ? layer.selfIntersecting.map((i) => layer.data.features[i]).filter((f): f is Feature => !!f) : [];
      const tiles = layer.tiles?.[g.kind];
      s.addUserLayer(spec, { status: 'ready', data: g.data, featureCount: g.data.features.length, skipped: layer.skipped.map((k) => k.row ?? k.feature ?? 0), error: null, ...(tiles ? { tiles } : {}) });
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
    for (const w of layer.warnings) s.pushMessage('warning', w as Message, undefined, warningAction?.(w));
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
    const r = await importOne(store, importer, input, cb, {});
    outcome.layers.push(...r.layers);
    outcome.errors.push(...r.errors);
    if (r.joins) outcome.joins = [...(outcome.joins ?? []), ...r.joins];
  }
  return outcome;
}

async function importOne(store: AppStore, importer: Importer, input: ImportInput, cb: ImportCallbacks, initial: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { layers: [], errors: [] };
  const ask = cb.askOptions;
  let options = initial;
  for (;;) {
    // the worker hands the bytes back with its result (a copy here took 200 ms for 50 MB)
    const result = await importer.import(input, { ...options, ...(cb.signal ? { signal: cb.signal } : {}) }, (p) => cb.onProgress?.(input.name, p));
    if (result.ok) {
      const added: string[] = [];
      const tried = options;
      // "coordinates in metres, so TM-3 103° was assumed": offer to choose another system
      const action = ask
        ? (w: ImportMessage): MessageAction | undefined =>
            w.key === 'import.warn.assumedCrs'
              ? { label: { key: 'import.dialog.chooseCrs' }, run: () => void chooseAgain(store, importer, input, { ...cb, askOptions: ask }, w, { ...tried, crs: result.layers[0]?.sourceCrs ?? tried.crs }, added) }
              : undefined
        : undefined;
      added.push(...addLayers(store, result, input.name, action));
      outcome.layers.push(...added);
      return outcome;
    }
    const noCoords = result.error.key === 'import.error.csvNoCoordinates' && result.table ? result.table : null;
    if (noCoords && cb.join) return joinOutcome(store, input.name, noCoords, cb.join, outcome);
    const errorId = store.getState().pushMessage('error', result.error as Message);
    outcome.errors.push(renderMessage(store.getState().lang, result.error as Message));
    if (!ask || cb.signal?.aborted || !ASKABLE.has(result.error.key)) return outcome;
    const table = result.table ?? peekTable(input.name, input.bytes);
    const offer = noCoords ? joinOffer(store, noCoords) : null;
    let request: OptionsRequest = { file: input.name, error: result.error, columns: table?.columns ?? null, rows: table?.rows.slice(0, 50) ?? [], previous: options, ...(offer ? { join: offer } : {}) };
    let chosen: ImportChoice | null;
    for (;;) {
      chosen = await ask(request);
      if (!chosen || cb.signal?.aborted) return outcome;
      if (!chosen.join || !noCoords) break;
      // joined: the "no coordinates" error is answered, so it goes; a join that fails asks again
      const joined = joinOutcome(store, input.name, noCoords, chosen.join, { layers: [], errors: [] });
      if (joined.layers.length > 0) {
        store.getState().dismissMessage(errorId);
        return { layers: [...outcome.layers, ...joined.layers], errors: joined.errors, joins: joined.joins ?? [] };
      }
      outcome.errors.push(...joined.errors);
      const { join: tried, ...rest } = chosen;
      request = { ...request, error: joined.errorMessage!, previous: rest, ...(offer ? { join: { ...offer, boundarySet: tried.boundarySet ?? offer.boundarySet } } : {}) };
    }
    const { join: _join, ...next } = chosen;
    options = next;
  }
}

/** Joins a table without coordinates to commune boundaries (join_layer.ts) and reports it. */
function joinOutcome(store: AppStore, file: string, table: ImportTable, choice: JoinChoice, outcome: ImportOutcome): ImportOutcome & { errorMessage?: ImportMessage } {
  const r = joinIntoLayer(store, file, table, choice);
  if (r.ok) return { ...outcome, layers: [...outcome.layers, r.summary.layer], joins: [...(outcome.joins ?? []), r.summary] };
  store.getState().pushMessage('error', r.error);
  return { ...outcome, errors: [...outcome.errors, renderMessage(store.getState().lang, r.error)], errorMessage: r.error as ImportMessage };
}

/** Re-imports a file whose CRS was assumed, with the user's choice; the new layers replace the old. */
async function chooseAgain(store: AppStore, importer: Importer, input: ImportInput, cb: ImportCallbacks & { askOptions: AskImportOptions }, warning: ImportMessage, previous: ImportOptions, oldIds: readonly string[]): Promise<void> {
  const table = peekTable(input.name, input.bytes);
  const chosen = await cb.askOptions({ file: input.name, error: warning, columns: table?.columns ?? null, rows: table?.rows.slice(0, 50) ?? [], previous });
  if (!chosen) return;
  const r = await importOne(store, importer, input, { askOptions: cb.askOptions }, chosen);
  if (r.layers.length > 0) for (const id of oldIds) store.getState().removeUserLayer(id);
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
    // read by the import worker (ImportInput.file)
    const r = await importInputs(store, importer, [{ name: file.name, type: file.type, bytes: new Uint8Array(0), file }], cb);
    outcome.layers.push(...r.layers);
    outcome.errors.push(...r.errors);
    if (r.joins) outcome.joins = [...(outcome.joins ?? []), ...r.joins];
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
