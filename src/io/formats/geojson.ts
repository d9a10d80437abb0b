// GeoJSON: FeatureCollection, single Feature, bare geometry, and the pre-RFC 7946 `crs`
// member (e.g. "EPSG:9205", "urn:ogc:def:crs:EPSG::3405"), which is honoured and reprojected.

import type { Feature, Geometry } from 'geojson';
import { WGS84_ID, resolveCrs } from '../crs';
import { decodeText } from './text';
import type { FormatEntry, ImportMessage, ImportResult } from './types';
import { baseName, fail } from './types';
import { crsForUndeclared, emptyLayerError, finishLayer, samplePositions } from './validate';
import { MAX_FEATURES, MAX_JSON_DEPTH, nestedDeeperThan } from './limits';

const GEOMETRY_TYPES = new Set([
  'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection',
]);

/** "EPSG:9205", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:OGC:1.3:CRS84" → CRS id, or undefined. */
export function crsFromName(name: string): string | undefined {
  const n = name.trim();
  if (/crs84$/i.test(n) || /^wgs\s*84$/i.test(n)) return WGS84_ID;
  const m = /^(?:urn:ogc:def:crs:)?epsg:(?:[\d.]*:)?:?(\d+)$/i.exec(n) ?? /opengis\.net\/def\/crs\/EPSG\/[^/]+\/(\d+)$/i.exec(n);
  if (!m) return undefined;
  const id = `EPSG:${m[1]}`;
  return resolveCrs(id)?.id;
}

function legacyCrsName(json: Record<string, unknown>): string | undefined {
  const crs = json.crs as { type?: unknown; properties?: Record<string, unknown> } | null | undefined;
  if (!crs || typeof crs !== 'object') return undefined;
  const p = crs.properties ?? {};
  if (typeof p.name === 'string') return p.name;
  if (crs.type === 'EPSG' && (typeof p.code === 'number' || typeof p.code === 'string')) return `EPSG:${p.code}`;
  return undefined;
}

/** Position in `text` of a JSON.parse failure, from V8/SpiderMonkey/JSC messages. */
function errorPosition(message: string, text: string): number {
  const m = /position (\d+)/i.exec(message) ?? /column (\d+)/i.exec(message);
  return m ? Number(m[1]) : text.length;
}

function isTruncated(message: string, text: string): boolean {
  if (/unexpected end|unterminated|end of (json )?input|eof/i.test(message)) return true;
  // Balance check: more openers than closers outside strings means the text stops early.
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth > 0 || inString;
}

export function parseJsonText(file: string, text: string): { ok: true; value: unknown } | { ok: false; error: ImportMessage } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (isTruncated(message, text)) {
      return fail('import.error.truncatedJson', { file, position: errorPosition(message, text) });
    }
    return fail('import.error.invalidJson', { file, detail: message.slice(0, 200) });
  }
}

export async function parseGeojson(
  file: string,
  text: string,
  options: { crs?: string; maxFeatures?: number; signal?: AbortSignal; onProgress?: import('./types').ProgressFn } = {},
): Promise<ImportResult> {
  if (text.trim() === '') return fail('import.error.empty', { file });
  const parsed = parseJsonText(file, text);
  if (!parsed.ok) return parsed;
  const json = parsed.value as Record<string, unknown> | null;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('import.error.notGeojson', { file, type: Array.isArray(json) ? 'array' : typeof json });
  }
  const type = json.type;
  let features: (Feature | null)[];
  const maxFeatures = options.maxFeatures ?? MAX_FEATURES;
  if (type === 'FeatureCollection' && Array.isArray(json.features) && json.features.length > maxFeatures) {
    return fail('import.error.tooManyFeatures', { file, count: json.features.length, limit: maxFeatures });
  }
  if (type === 'FeatureCollection' && Array.isArray(json.features)) {
    features = (json.features as unknown[]).map((f) => asFeature(f));
  } else if (type === 'Feature') {
    features = [asFeature(json)];
  } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    features = [{ type: 'Feature', geometry: json as unknown as Geometry, properties: {} }];
  } else {
    return fail('import.error.notGeojson', { file, type: String(type) });
  }
  if (features.length === 0) return fail('import.error.noFeatures', { file });
  const deep = features.findIndex((f) => f !== null && (nestedDeeperThan(f.properties, MAX_JSON_DEPTH) || collectionsDeeperThan(f.geometry, MAX_JSON_DEPTH)));
  if (deep >= 0) return fail('import.error.tooDeep', { file, feature: deep + 1, limit: MAX_JSON_DEPTH });

  const warnings: ImportMessage[] = [];
  let sourceCrs: string;
  const declared = legacyCrsName(json);
  const sample = samplePositions(features.filter((f): f is Feature => f !== null));
  const declaredId = declared !== undefined ? crsFromName(declared) : undefined;
  if (declared !== undefined && declaredId) {
    sourceCrs = declaredId;
    if (declaredId !== WGS84_ID) warnings.push({ key: 'import.warn.legacyCrs', params: { file, crs: declared } });
  } else {
    const undeclared = crsForUndeclared(file, sample, options.crs);
    if ('error' in undeclared) {
      // A named but unknown CRS explains the failure better than "no CRS".
      return declared !== undefined ? fail('import.error.crsUnknown', { file, crs: declared }) : { ok: false, error: undeclared.error };
    }
    sourceCrs = undeclared.crs;
    if (declared !== undefined && sourceCrs === WGS84_ID) {
      warnings.push({ key: 'import.warn.crsIgnored', params: { file, crs: declared } });
    } else if (undeclared.warning) warnings.push(undeclared.warning);
  }

  const name = baseName(file);
  const layer = await finishLayer({
    file, name, features, sourceCrs, warnings,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const empty = emptyLayerError(file, layer);
  return empty ? { ok: false, error: empty } : { ok: true, layers: [layer] };
}

/** GeometryCollections nested deeper than `max` (other geometries are checked by shape). */
function collectionsDeeperThan(g: Geometry | null, max: number): boolean {
  let depth = 0;
  let level: unknown[] = g ? [g] : [];
  while (level.length > 0) {
    if (++depth > max) return true;
    level = level.flatMap((x) => {
      const c = x as { type?: unknown; geometries?: unknown };
      return c && c.type === 'GeometryCollection' && Array.isArray(c.geometries) ? (c.geometries as unknown[]) : [];
    });
  }
  return false;
}

function asFeature(f: unknown): Feature | null {
  if (typeof f !== 'object' || f === null) return null;
  const o = f as Partial<Feature>;
  if (o.type !== 'Feature' || !o.geometry) return null;
  let props = o.properties && typeof o.properties === 'object' && !Array.isArray(o.properties) ? o.properties : {};
  // JSON.parse makes "__proto__" an own key; code that copies keys by assignment would then
  // set a prototype. Rebuilt with fromEntries (defines, never assigns) without it.
  if (Object.hasOwn(props, '__proto__')) props = Object.fromEntries(Object.entries(props).filter(([k]) => k !== '__proto__'));
  // only a string or number id: anything else could carry any nesting along
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? { id: o.id } : {};
  return { type: 'Feature', geometry: o.geometry, properties: props, ...id };
}

export const geojsonFormat = {
  id: 'geojson',
  label: 'GeoJSON',
  extensions: ['.geojson', '.json'],
  mimeTypes: ['application/geo+json', 'application/json', 'application/vnd.geo+json'],
  sniff({ text }) {
    const t = text.trimStart();
    if (!t.startsWith('{') && !t.startsWith('[')) return 0;
    return /"type"\s*:/.test(t) ? 0.9 : 0.6;
  },
  async parse(input, options, onProgress) {
    const { text } = decodeText(input.bytes, options.encoding);
    return parseGeojson(input.name, text, {
      ...(options.crs ? { crs: options.crs } : {}),
      ...(options.maxFeatures !== undefined ? { maxFeatures: options.maxFeatures } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress,
    });
  },
} as const satisfies FormatEntry<'geojson'>;
