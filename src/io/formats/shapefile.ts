// Zipped Shapefile: one layer per .shp anywhere in the zip (sub-folders included), with
// its .dbf, .prj and .cpg matched by path and base name, case-insensitively. The .prj is
// identified by parameters (prj.ts) and reprojected here, not by shpjs/proj4, so VN-2000
// always gets the official shift. Attribute text: the .cpg's encoding, else UTF-8 if the
// .dbf is valid UTF-8, else Windows-1258; always NFC.

import type { Feature } from 'geojson';
import { identifyPrj } from '../prj';
import { parseFieldNameSidecar, restoreFieldNames } from './field_names';
import { decodeText, isUtf8, normalizeEncodingLabel } from './text';
import type { FormatEntry, ImportMessage, ImportOptions, ImportResult, ImportedLayer, ProgressFn } from './types';
import { baseName, fail, throwIfAborted } from './types';
import { crsForUndeclared, emptyLayerError, finishLayer, samplePositions } from './validate';
import { entryList, firstEntryName, isZip, unzipEntries, type ZipEntries } from './zip';

interface ShpGroup {
  /** Path without extension, as in the zip. */
  base: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
  /** `<base>.fieldnames.csv`, written by our exporter: short dBase name → full name. */
  names?: Uint8Array;
}

export function groupShapefiles(entries: ZipEntries): ShpGroup[] {
  const byBase = new Map<string, Partial<ShpGroup> & { base: string }>();
  for (const [path, data] of Object.entries(entries)) {
    const m = /^(.*)\.(shp|dbf|prj|cpg|fieldnames\.csv)$/i.exec(path);
    if (!m) continue;
    const base = m[1] ?? '';
    const raw = (m[2] ?? '').toLowerCase();
    const ext = raw === 'fieldnames.csv' ? 'names' : (raw as 'shp' | 'dbf' | 'prj' | 'cpg');
    const key = base.toLowerCase();
    const g = byBase.get(key) ?? { base };
    g[ext] = data;
    if (ext === 'shp') g.base = base;
    byBase.set(key, g);
  }
  return [...byBase.values()].filter((g): g is ShpGroup => g.shp !== undefined).sort((a, b) => a.base.localeCompare(b.base));
}

/** Field records region of a .dbf (after the header), for encoding detection. */
function dbfRecords(dbf: Uint8Array): Uint8Array {
  const headerLen = (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8);
  return dbf.subarray(Math.min(headerLen, dbf.length));
}

function cleanValue(v: unknown): string | number | boolean | null {
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  return v === undefined || v === null ? null : String(v);
}

async function readLayer(
  file: string,
  g: ShpGroup,
  options: ImportOptions,
  onProgress: ProgressFn | undefined,
): Promise<{ layer: ImportedLayer } | { error: ImportMessage }> {
  const { parseShp, parseDbf } = await import('shpjs');
  const layerName = baseName(g.base);
  const base = { file, layer: layerName };
  const warnings: ImportMessage[] = [];

  let geoms: ReturnType<typeof parseShp>;
  try {
    geoms = parseShp(g.shp, false);
  } catch (e) {
    return { error: { key: 'import.error.shpInvalid', params: { ...base, detail: e instanceof Error ? e.message : String(e) } } };
  }

  let records: Record<string, unknown>[] = [];
  if (g.dbf) {
    const cpg = g.cpg ? decodeText(g.cpg).text.trim() : undefined;
    let enc = cpg !== undefined ? normalizeEncodingLabel(cpg) : undefined;
    if (cpg !== undefined && !enc) warnings.push({ key: 'import.warn.encodingUnknown', params: { file, encoding: cpg } });
    if (!enc) {
      enc = options.encoding ? normalizeEncodingLabel(options.encoding) : undefined;
      if (!enc) {
        enc = isUtf8(dbfRecords(g.dbf)) ? 'utf-8' : 'windows-1258';
        if (enc !== 'utf-8') warnings.push({ key: 'import.warn.encodingGuessed', params: { file, encoding: enc } });
      }
    }
    try {
      records = parseDbf(g.dbf, enc);
    } catch (e) {
      return { error: { key: 'import.error.shpInvalid', params: { ...base, detail: `.dbf: ${e instanceof Error ? e.message : String(e)}` } } };
    }
    if (g.names) {
      const map = parseFieldNameSidecar(decodeText(g.names).text);
      records = records.map((r) => restoreFieldNames(r, map));
    }
    if (records.length !== geoms.length) {
      warnings.push({ key: 'import.warn.dbfMismatch', params: { ...base, shp: geoms.length, dbf: records.length } });
    }
  } else warnings.push({ key: 'import.warn.dbfMissing', params: base });

  const features: (Feature | null)[] = geoms.map((geometry, i) => {
    const props: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(records[i] ?? {})) props[k.normalize('NFC')] = cleanValue(v);
    return geometry ? { type: 'Feature', geometry, properties: props } : null;
  });

  let sourceCrs: string;
  if (g.prj) {
    const prj = identifyPrj(decodeText(g.prj).text);
    if (!prj.ok) return { error: { key: 'import.error.prjUnknown', params: { ...base, detail: prj.details } } };
    sourceCrs = prj.crsId;
    if (prj.notes.includes('towgs84-missing-official-applied') || prj.notes.includes('towgs84-nonstandard-official-applied')) {
      warnings.push({ key: 'import.warn.prjShiftApplied', params: base });
    }
  } else {
    const u = crsForUndeclared(file, samplePositions(features.filter((f): f is Feature => f !== null)), options.crs);
    if ('error' in u) return { error: u.error };
    sourceCrs = u.crs;
    warnings.push(u.warning ?? { key: 'import.warn.prjMissing', params: { ...base, crs: sourceCrs } });
  }

  const layer = await finishLayer({
    file, name: layerName, features, sourceCrs, warnings,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return { layer };
}

export async function parseShapefileZip(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
  onProgress?: ProgressFn,
): Promise<ImportResult> {
  if (bytes.length === 0) return fail('import.error.empty', { file });
  let entries: ZipEntries;
  let names: string[];
  try {
    const unzipped = await unzipEntries(file, bytes, (n) => /\.(shp|dbf|prj|cpg|fieldnames\.csv)$/i.test(n), options.maxUnzippedBytes);
    if (!unzipped.ok) return unzipped;
    ({ entries, names } = unzipped);
  } catch (e) {
    return fail('import.error.zipInvalid', { file, detail: e instanceof Error ? e.message : String(e) });
  }
  const groups = groupShapefiles(entries);
  if (groups.length === 0) return fail('import.error.zipNoShp', { file, entries: entryList(names) });

  const layers: ImportedLayer[] = [];
  const extra: ImportMessage[] = [];
  let firstError: ImportMessage | undefined;
  for (let i = 0; i < groups.length; i++) {
    throwIfAborted(options.signal);
    const g = groups[i] as ShpGroup;
    const sub: ProgressFn = (p) => onProgress?.({ ...p, fraction: (i + p.fraction) / groups.length });
    const r = await readLayer(file, g, options, sub);
    if ('layer' in r) {
      const empty = emptyLayerError(file, r.layer);
      if (empty) firstError ??= empty;
      else layers.push(r.layer);
    } else if ('error' in r) {
      firstError ??= r.error;
      extra.push(r.error);
    }
  }
  if (layers.length === 0) return { ok: false, error: firstError ?? { key: 'import.error.noFeatures', params: { file } } };
  // A layer that failed while others loaded: its error is kept as a warning of the first layer.
  layers[0]?.warnings.push(...extra);
  return { ok: true, layers };
}

export const shapefileFormat = {
  id: 'shapefile',
  label: 'Shapefile (.zip)',
  extensions: ['.zip'],
  mimeTypes: ['application/zip', 'application/x-zip-compressed', 'application/x-shapefile'],
  sniff({ bytes }) {
    if (!isZip(bytes)) return 0;
    const first = firstEntryName(bytes) ?? '';
    if (/\.(shp|dbf|shx|prj|cpg)$/i.test(first)) return 0.95;
    if (/\.kml$/i.test(first)) return 0.1;
    return 0.5;
  },
  parse(input, options, onProgress) {
    return parseShapefileZip(input.name, input.bytes, options, onProgress);
  },
} as const satisfies FormatEntry<'shapefile'>;
