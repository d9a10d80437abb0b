// The converter registry: one entry per format (id, label, extensions, MIME types, sniff,
// parse). Adding a format = one module + one line in FORMATS; ids derive from the list.
// Entry modules are light; heavy parsers (shpjs, fflate, togeojson, xmldom, flatgeobuf,
// papaparse, betterknown, turf) are loaded with import() inside `parse`.

import { csvFormat } from './csv';
import { flatgeobufFormat } from './flatgeobuf';
import { keepGeometry } from './geometry_filter';
import { geojsonFormat } from './geojson';
import { kmlFormat, kmzFormat } from './kml';
import { shapefileFormat } from './shapefile';
import { sniffText } from './text';
import type { FormatEntry, ImportInput, ImportMessage, ImportOptions, ImportResult, ProgressFn } from './types';
import { ImportCancelled, extensionOf, fail } from './types';
import { MAX_IMPORT_BYTES, checkFileSize } from './validate';
import { MAX_FEATURES } from './limits';

export const FORMATS = [geojsonFormat, csvFormat, shapefileFormat, kmlFormat, kmzFormat, flatgeobufFormat] as const;

export type FormatId = (typeof FORMATS)[number]['id'];
export const FORMAT_IDS: readonly FormatId[] = FORMATS.map((f) => f.id);

/** For `<input type="file" accept=…>`. */
export const ACCEPT = [...new Set(FORMATS.flatMap((f) => [...f.extensions, ...f.mimeTypes]))].join(',');

export function formatById(id: string): FormatEntry<FormatId> | undefined {
  return FORMATS.find((f) => f.id === id);
}

const SURE = 0.7;
const PLAUSIBLE = 0.5;

export type Detection =
  | { ok: true; format: FormatEntry<FormatId> }
  | { ok: false; error: ImportMessage };

/**
 * Decide the format from name, MIME type and content. The extension (then the MIME type)
 * states a claim; the content confirms it. A claim the content contradicts — a .geojson
 * that is CSV, a .csv that is JSON — is an error naming both formats.
 */
export function detectFormat(input: ImportInput): Detection {
  const file = input.name;
  const head = input.bytes.subarray(0, 4096);
  const sniffInput = { bytes: head, text: sniffText(head), name: file };
  const scores = FORMATS.map((f) => ({ f: f as FormatEntry<FormatId>, s: f.sniff(sniffInput) }));
  const best = scores.reduce((a, b) => (b.s > a.s ? b : a));
  const ext = extensionOf(file);
  const mime = (input.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  const claimed = scores.filter((x) => x.f.extensions.includes(ext));
  const byMime = scores.filter((x) => mime !== '' && x.f.mimeTypes.includes(mime));
  const claims = claimed.length > 0 ? claimed : byMime;

  if (claims.length > 0) {
    const top = claims.reduce((a, b) => (b.s > a.s ? b : a));
    if (top.s >= PLAUSIBLE) return { ok: true, format: top.f };
    // A claimed format whose sniffer rules it out (0: a binary .geojson, text in a .fgb) with
    // nothing else plausible is no supported format at all, not a damaged file of the claim.
    const contradicted = top.s === 0 && best.s >= PLAUSIBLE;
    if ((best.s >= SURE || contradicted) && !claims.some((c) => c.f.id === best.f.id)) {
      return fail('import.error.wrongContent', {
        file,
        claimed: claimed.length > 0 ? ext : mime,
        actual: best.f.label,
        suggestedExt: (best.f.extensions[0] ?? '').replace(/^\./, ''),
      });
    }
    if (top.s === 0) return notSupported(file);
    // Content is unclear (e.g. truncated or damaged): let the claimed parser explain.
    return { ok: true, format: top.f };
  }
  if (best.s >= PLAUSIBLE) return { ok: true, format: best.f };
  return notSupported(file);
}

/** "x is not a GeoJSON, CSV/TSV, … or FlatGeobuf file", the list read from the registry. */
export function notSupported(file: string): { ok: false; error: ImportMessage } {
  const labels = FORMATS.map((f) => f.label);
  return fail('import.error.notSupported', { file, formats: labels.slice(0, -1).join(', '), last: labels[labels.length - 1] ?? '' });
}

/**
 * Import one file: size limit, empty file, format detection, then the format's parser.
 * Never throws; cancellation (options.signal) and unexpected errors come back as values.
 */
export async function importFile(input: ImportInput, options: ImportOptions = {}, onProgress: ProgressFn = () => {}): Promise<ImportResult> {
  const file = input.name;
  const tooBig = checkFileSize(file, input.bytes.length, options.maxBytes ?? MAX_IMPORT_BYTES);
  if (tooBig) return { ok: false, error: tooBig };
  if (input.bytes.length === 0 || (input.bytes.length < 4096 && sniffText(input.bytes).trim() === '')) {
    return fail('import.error.empty', { file });
  }
  let format: FormatEntry<FormatId> | undefined;
  if (options.format !== undefined) {
    format = formatById(options.format);
    if (!format) return fail('import.error.unknownFormat', { file, formats: FORMATS.map((f) => f.label).join(', ') });
    // a forced format (a pack manifest's) the content rules out: say what the file is instead
    const head = input.bytes.subarray(0, 4096);
    if (format.sniff({ bytes: head, text: sniffText(head), name: file }) === 0) {
      const d = detectFormat({ ...input, name: '' });
      return d.ok
        ? fail('import.error.wrongContent', { file, claimed: format.label, actual: d.format.label, suggestedExt: (d.format.extensions[0] ?? '').replace(/^\./, '') })
        : notSupported(file);
    }
  } else {
    const d = detectFormat(input);
    if (!d.ok) return d;
    format = d.format;
  }
  try {
    if (options.signal?.aborted) return fail('import.error.cancelled', { file });
    onProgress({ fraction: 0, stage: 'read' });
    const result = await format.parse(input, options, onProgress);
    // every format: a layer past the feature limit (CSV rows are limited while parsing)
    const maxFeatures = options.maxFeatures ?? MAX_FEATURES;
    const huge = result.ok ? result.layers.find((l) => !l.points && l.data.features.length > maxFeatures) : undefined;
    if (huge) return fail('import.error.tooManyFeatures', { file, count: huge.data.features.length, limit: maxFeatures });
    return options.geometry ? keepGeometry(result, options.geometry, file) : result;
  } catch (e) {
    if (e instanceof ImportCancelled) return fail('import.error.cancelled', { file });
    return fail('import.error.internal', { file, detail: e instanceof Error ? e.message : String(e) });
  }
}
