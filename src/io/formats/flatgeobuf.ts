// FlatGeobuf via the `flatgeobuf` package (its GeoJSON deserializer). The header's CRS
// (EPSG code or WKT) is honoured; a file without one is treated like undeclared data.

import type { Feature } from 'geojson';
import { WGS84_ID, resolveCrs } from '../crs';
import { identifyPrj } from '../prj';
import type { FormatEntry, ImportMessage, ImportOptions, ImportResult, ProgressFn } from './types';
import { ImportCancelled, baseName, fail, throwIfAborted } from './types';
import { crsForUndeclared, emptyLayerError, finishLayer, samplePositions } from './validate';

const MAGIC = [0x66, 0x67, 0x62, 0x03];

export function isFlatGeobuf(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

interface FgbCrs {
  org: string | null;
  code: number;
  wkt: string | null;
  name: string | null;
}

export async function parseFlatGeobuf(file: string, bytes: Uint8Array, options: ImportOptions = {}, onProgress?: ProgressFn): Promise<ImportResult> {
  if (bytes.length === 0) return fail('import.error.empty', { file });
  if (!isFlatGeobuf(bytes)) return fail('import.error.fgbInvalid', { file, detail: 'missing “fgb” signature' });
  // flatgeobuf 4.5 never settles on a file cut inside its header: check the length first.
  const headerLen = bytes.length >= 12 ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true) : Infinity;
  if (12 + headerLen > bytes.length) return fail('import.error.fgbInvalid', { file, detail: 'truncated header' });
  const { deserialize } = await import('flatgeobuf/lib/mjs/geojson.js');
  let crs: FgbCrs | null = null;
  let count = 0;
  const features: (Feature | null)[] = [];
  try {
    for await (const f of deserialize(bytes, {
      headerMetaFn: (h) => {
        crs = h.crs as FgbCrs | null;
        count = h.featuresCount;
      },
    })) {
      features.push(f.geometry ? (f as unknown as Feature) : null);
      if (features.length % 5000 === 0) {
        throwIfAborted(options.signal);
        onProgress?.({ fraction: count ? (0.5 * features.length) / count : 0.25, stage: 'parse' });
      }
    }
  } catch (e) {
    if (e instanceof ImportCancelled) throw e;
    return fail('import.error.fgbInvalid', { file, detail: e instanceof Error ? e.message : String(e) });
  }
  if (features.length === 0) return fail('import.error.noFeatures', { file });

  const warnings: ImportMessage[] = [];
  let sourceCrs: string | undefined;
  const c = crs as FgbCrs | null;
  if (c && c.code > 0 && (c.org ?? 'EPSG').toUpperCase() === 'EPSG') sourceCrs = resolveCrs(`EPSG:${c.code}`)?.id;
  if (!sourceCrs && c?.wkt) {
    const prj = identifyPrj(c.wkt);
    if (prj.ok) sourceCrs = prj.crsId;
  }
  if (!sourceCrs) {
    const declared = c && (c.code > 0 || c.wkt) ? (c.code > 0 ? `${c.org ?? 'EPSG'}:${c.code}` : (c.name ?? 'WKT')) : undefined;
    const u = crsForUndeclared(file, samplePositions(features.filter((f): f is Feature => f !== null)), options.crs);
    if ('error' in u) return declared ? fail('import.error.crsUnknown', { file, crs: declared }) : { ok: false, error: u.error };
    sourceCrs = u.crs;
    if (declared && sourceCrs === WGS84_ID) warnings.push({ key: 'import.warn.crsIgnored', params: { file, crs: declared } });
    else if (u.warning) warnings.push(u.warning);
  }
  const layer = await finishLayer({
    file, name: baseName(file), features, sourceCrs, warnings,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const empty = emptyLayerError(file, layer);
  return empty ? { ok: false, error: empty } : { ok: true, layers: [layer] };
}

export const flatgeobufFormat = {
  id: 'flatgeobuf',
  label: 'FlatGeobuf',
  extensions: ['.fgb'],
  mimeTypes: ['application/flatgeobuf', 'application/x-flatgeobuf'],
  sniff({ bytes }) {
    return isFlatGeobuf(bytes) ? 1 : 0;
  },
  parse(input, options, onProgress) {
    return parseFlatGeobuf(input.name, input.bytes, options, onProgress);
  },
} as const satisfies FormatEntry<'flatgeobuf'>;
