// KML and KMZ via @tmcw/togeojson. Workers have no DOMParser, so XML is parsed with
// @xmldom/xmldom (which also reads the slightly invalid KML many tools write).

import type { Feature } from 'geojson';
import { WGS84_ID } from '../crs';
import { decodeText } from './text';
import type { FormatEntry, ImportOptions, ImportResult, ProgressFn } from './types';
import { baseName, fail, throwIfAborted } from './types';
import { emptyLayerError, finishLayer } from './validate';
import { entryList, firstEntryName, isZip, unzipEntries } from './zip';

export async function parseKml(file: string, text: string, options: ImportOptions = {}, onProgress?: ProgressFn): Promise<ImportResult> {
  if (text.trim() === '') return fail('import.error.empty', { file });
  const [{ DOMParser }, { kml }] = await Promise.all([import('@xmldom/xmldom'), import('@tmcw/togeojson')]);
  let fatal: string | undefined;
  let doc: ReturnType<InstanceType<typeof DOMParser>['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError') fatal ??= message;
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    return fail('import.error.kmlInvalid', { file, detail: (fatal ?? (e instanceof Error ? e.message : String(e))).slice(0, 200) });
  }
  if (fatal !== undefined) return fail('import.error.kmlInvalid', { file, detail: fatal.slice(0, 200) });
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') {
    return fail('import.error.kmlInvalid', { file, detail: `root element <${root?.nodeName ?? '?'}>` });
  }
  throwIfAborted(options.signal);
  onProgress?.({ fraction: 0.3, stage: 'parse' });
  const fc = kml(doc);
  const features: (Feature | null)[] = fc.features.map((f) => (f.geometry ? (f as Feature) : null));
  if (features.length === 0) return fail('import.error.noFeatures', { file });
  const layer = await finishLayer({
    file,
    name: baseName(file),
    features,
    sourceCrs: WGS84_ID,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const empty = emptyLayerError(file, layer);
  return empty ? { ok: false, error: empty } : { ok: true, layers: [layer] };
}

export async function parseKmz(file: string, bytes: Uint8Array, options: ImportOptions = {}, onProgress?: ProgressFn): Promise<ImportResult> {
  if (bytes.length === 0) return fail('import.error.empty', { file });
  let got: Awaited<ReturnType<typeof unzipEntries>>;
  try {
    got = await unzipEntries(file, bytes, (n) => /\.kml$/i.test(n), options.maxUnzippedBytes);
  } catch (e) {
    return fail('import.error.zipInvalid', { file, detail: e instanceof Error ? e.message : String(e) });
  }
  if (!got.ok) return got;
  const unzipped = got;
  // The root document is doc.kml by convention; otherwise the shallowest .kml.
  const kmls = Object.keys(unzipped.entries).sort((a, b) => a.split('/').length - b.split('/').length);
  const main = kmls.find((n) => n.toLowerCase() === 'doc.kml') ?? kmls[0];
  const data = main !== undefined ? unzipped.entries[main] : undefined;
  if (!data) return fail('import.error.kmzNoKml', { file, entries: entryList(unzipped.names) });
  const result = await parseKml(file, decodeText(data).text, options, onProgress);
  if (result.ok) for (const l of result.layers) l.name = baseName(file);
  return result;
}

export const kmlFormat = {
  id: 'kml',
  label: 'KML',
  extensions: ['.kml'],
  mimeTypes: ['application/vnd.google-earth.kml+xml'],
  sniff({ text }) {
    const t = text.trimStart();
    if (/<kml[\s>]/i.test(t.slice(0, 2000))) return 0.95;
    return t.startsWith('<') ? 0.2 : 0;
  },
  parse(input, options, onProgress) {
    return parseKml(input.name, decodeText(input.bytes, options.encoding).text, options, onProgress);
  },
} as const satisfies FormatEntry<'kml'>;

export const kmzFormat = {
  id: 'kmz',
  label: 'KMZ',
  extensions: ['.kmz'],
  mimeTypes: ['application/vnd.google-earth.kmz'],
  sniff({ bytes }) {
    if (!isZip(bytes)) return 0;
    return /\.kml$/i.test(firstEntryName(bytes) ?? '') ? 0.95 : 0.3;
  },
  parse(input, options, onProgress) {
    return parseKmz(input.name, input.bytes, options, onProgress);
  },
} as const satisfies FormatEntry<'kmz'>;
