// CSV / TSV with point coordinates (lon/lat, X/Y in metres) or a WKT column.
// Delimiter and encoding are detected; Vietnamese Excel's `;` + decimal comma is handled
// (csv_numbers.ts); Vietnamese column names are matched without diacritics.

import type { Feature, Geometry } from 'geojson';
import { WGS84_ID, resolveCrs } from '../crs';
import { columnStyle, isNumericColumn, parseLocaleNumber, type DecimalStyle } from './csv_numbers';
import { decodeText } from './text';
import type { CsvOptions, FormatEntry, ImportMessage, ImportOptions, ImportResult, ImportTable, ProgressFn, SkippedItem } from './types';
import { baseName, fail, throwIfAborted } from './types';
import { LAT_NAMES, LON_NAMES, findColumn, isLargeCsv, parseLargePointCsv } from './csv_large';
import { crsForUndeclared, emptyLayerError, finishLayer, inVietnam, isDegrees } from './validate';
import { MAX_CSV_ROWS } from './limits';
import { countLines } from '../point_table';

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** Count `ch` outside double quotes in a line. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let q = false;
  for (const c of line) {
    if (c === '"') q = !q;
    else if (!q && c === ch) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines into the same number (≥ 1) of fields. `;` is
 * tried first: when it is consistent, commas are decimal commas (Vietnamese Excel).
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent + (d === ';' || d === '\t' ? 0.01 : 0); // tie → ; or tab
    if (consistent >= 0.9 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

// Folded column names (see foldName) recognised as projected coordinates and WKT.
const X_NAMES = ['x', 'toadox', 'xcoord', 'coordx', 'xm', 'xvn2000', 'toadoxm', 'easting'];
const Y_NAMES = ['y', 'toadoy', 'ycoord', 'coordy', 'ym', 'yvn2000', 'toadoym', 'northing'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'thegeom', 'shape', 'wktgeom', 'hinhhoc'];
const WKT_VALUE = /^\s*(SRID=\d+;\s*)?(MULTI)?(POINT|LINESTRING|POLYGON)\s*Z?M?\s*\(|^\s*GEOMETRYCOLLECTION\s*\(/i;

interface Table {
  columns: string[];
  rows: string[][];
  /** Spreadsheet row number of each data row (header = 1). */
  rowNumbers: number[];
}

async function readTable(text: string, delimiter: string): Promise<Table | undefined> {
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const all = parsed.data;
  const header = all[0];
  if (!header || header.every((h) => h.trim() === '')) return undefined;
  const seen = new Map<string, number>();
  const columns = header.map((h, i) => {
    const base = h.trim() === '' ? `column_${i + 1}` : h.trim();
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return k === 0 ? base : `${base}_${k + 1}`;
  });
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const r = all[i] ?? [];
    if (r.every((c) => c.trim() === '')) continue;
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  return { columns, rows, rowNumbers };
}

function fileStyle(columnsValues: readonly (readonly string[])[], delimiter: string): DecimalStyle {
  const styles = columnsValues.map(columnStyle);
  if (styles.includes('comma') && !styles.includes('dot')) return 'comma';
  if (styles.includes('dot')) return 'dot';
  return delimiter === ';' ? 'comma' : 'dot';
}

function typedRows(t: Table, styles: readonly DecimalStyle[]): Record<string, string | number | null>[] {
  const numeric = t.columns.map((_, c) => isNumericColumn(t.rows.map((r) => r[c] ?? ''), styles[c] ?? 'dot'));
  return t.rows.map((r) => {
    const o: Record<string, string | number | null> = {};
    t.columns.forEach((col, c) => {
      const raw = (r[c] ?? '').trim();
      o[col] = raw === '' ? null : numeric[c] ? parseLocaleNumber(raw, styles[c] ?? 'dot') : raw;
    });
    return o;
  });
}

type Source =
  | { kind: 'pair'; a: string; b: string; named: 'lonlat' | 'xy' }
  | { kind: 'wkt'; column: string };

function chooseSource(t: Table, o: CsvOptions): Source | { missing: string } | undefined {
  const has = (c: string | undefined): c is string => c !== undefined && t.columns.includes(c);
  for (const c of [o.wkt, o.lon, o.lat, o.x, o.y]) if (c !== undefined && !t.columns.includes(c)) return { missing: c };
  if (has(o.wkt)) return { kind: 'wkt', column: o.wkt };
  if (has(o.lon) && has(o.lat)) return { kind: 'pair', a: o.lon, b: o.lat, named: 'lonlat' };
  if (has(o.x) && has(o.y)) return { kind: 'pair', a: o.x, b: o.y, named: 'xy' };
  const lon = findColumn(t.columns, LON_NAMES);
  const lat = findColumn(t.columns, LAT_NAMES);
  if (lon && lat) return { kind: 'pair', a: lon, b: lat, named: 'lonlat' };
  const x = findColumn(t.columns, X_NAMES);
  const y = findColumn(t.columns, Y_NAMES);
  if (x && y) return { kind: 'pair', a: x, b: y, named: 'xy' };
  const wkt = findColumn(t.columns, WKT_NAMES);
  if (wkt) return { kind: 'wkt', column: wkt };
  const c = t.columns.findIndex((_, i) => t.rows.slice(0, 20).some((r) => WKT_VALUE.test(r[i] ?? '')));
  const col = t.columns[c];
  return col !== undefined ? { kind: 'wkt', column: col } : undefined;
}

function median(v: number[]): number {
  const s = [...v].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function parseCsv(
  file: string,
  text: string,
  options: ImportOptions = {},
  onProgress?: ProgressFn,
): Promise<ImportResult> {
  if (text.trim() === '') return fail('import.error.empty', { file });
  const o = options.csv ?? {};
  const delimiter = o.delimiter ?? (/\.(tsv|tab)$/i.test(file) ? '\t' : detectDelimiter(text));
  const t = await readTable(text, delimiter);
  if (!t) return fail('import.error.csvNoHeader', { file });
  throwIfAborted(options.signal);
  onProgress?.({ fraction: 0.3, stage: 'parse' });

  const values = t.columns.map((_, c) => t.rows.map((r) => r[c] ?? ''));
  const fStyle = fileStyle(values, delimiter);
  const styles = values.map((v) => columnStyle(v) ?? fStyle);
  const props = typedRows(t, styles);
  const table: ImportTable = { columns: t.columns, rows: props, rowNumbers: t.rowNumbers };

  const src = chooseSource(t, o);
  if (src === undefined) {
    return { ok: false, error: { key: 'import.error.csvNoCoordinates', params: { file, columns: t.columns.join(', ') } }, table };
  }
  if ('missing' in src) {
    return fail('import.error.csvColumnMissing', { file, column: src.missing, columns: t.columns.join(', ') });
  }

  const warnings: ImportMessage[] = [];
  const skipped: SkippedItem[] = [];
  const features: Feature[] = [];
  const rowOf: number[] = [];
  let sourceCrs = options.crs && resolveCrs(options.crs) ? options.crs : WGS84_ID;

  if (src.kind === 'wkt') {
    const { wktToGeoJSON } = await import('betterknown');
    const c = t.columns.indexOf(src.column);
    let srid: string | undefined;
    t.rows.forEach((r, i) => {
      const raw = (r[c] ?? '').trim();
      const row = t.rowNumbers[i] ?? i + 2;
      if (raw === '') {
        skipped.push({ row, reason: { key: 'import.skip.missingCoords', params: { columns: src.column } } });
        return;
      }
      const m = /^SRID=(\d+);\s*/i.exec(raw);
      if (m) srid ??= `EPSG:${m[1]}`;
      let g: Geometry | null = null;
      try {
        g = wktToGeoJSON(m ? raw.slice(m[0].length) : raw) as Geometry;
      } catch {
        g = null;
      }
      if (!g) {
        skipped.push({ row, reason: { key: 'import.skip.badWkt', params: { value: raw.slice(0, 40) } } });
        return;
      }
      features.push({ type: 'Feature', geometry: g, properties: props[i] ?? {} });
      rowOf.push(row);
    });
    if (!options.crs) {
      const fromSrid = srid !== undefined ? resolveCrs(srid)?.id : undefined;
      if (fromSrid) sourceCrs = fromSrid;
      else {
        const pts = features.slice(0, 200).map((f) => {
          const p = firstXY(f.geometry);
          return [p[0], p[1]] as [number, number];
        });
        const u = crsForUndeclared(file, pts, undefined);
        if ('error' in u) return { ok: false, error: u.error };
        sourceCrs = u.crs;
        if (u.warning) warnings.push(u.warning);
      }
    }
  } else {
    const ca = t.columns.indexOf(src.a);
    const cb = t.columns.indexOf(src.b);
    const pairs: ([number, number] | null)[] = [];
    t.rows.forEach((r, i) => {
      const ra = (r[ca] ?? '').trim();
      const rb = (r[cb] ?? '').trim();
      const row = t.rowNumbers[i] ?? i + 2;
      if (ra === '' || rb === '') {
        skipped.push({ row, reason: { key: 'import.skip.missingCoords', params: { columns: `${src.a}, ${src.b}` } } });
        pairs.push(null);
        return;
      }
      const a = parseLocaleNumber(ra, styles[ca] ?? fStyle);
      const b = parseLocaleNumber(rb, styles[cb] ?? fStyle);
      if (a === null || b === null) {
        skipped.push({ row, reason: { key: 'import.skip.invalidCoords', params: { x: ra.slice(0, 30), y: rb.slice(0, 30) } } });
        pairs.push(null);
        return;
      }
      pairs.push([a, b]);
    });
    const valid = pairs.filter((p): p is [number, number] => p !== null);
    // Degrees in either order (a swapped lat/lon pair is still degrees).
    const degrees = valid.filter(([a, b]) => isDegrees(a, b) || isDegrees(b, a)).length * 2 >= valid.length;
    let swap = false;
    if (degrees && !options.crs) {
      // Columns the wrong way round (e.g. "lat" holding 102.8): decide by what lands in Vietnam.
      const straight = valid.filter(([a, b]) => inVietnam(a, b)).length;
      const swapped = valid.filter(([a, b]) => inVietnam(b, a)).length;
      if (swapped > straight && swapped >= 0.8 * valid.length) {
        swap = true;
        warnings.push({ key: 'import.warn.csvSwappedColumns', params: { file, lon: src.a, lat: src.b } });
      }
    } else if (!degrees && src.named === 'xy') {
      // Vietnamese survey tables: X = northing, Y = easting. Northing > easting everywhere
      // in Vietnam north of ~9°N on TM-3/UTM grids, so the larger column is the northing.
      const xIsNorthing = o.xIsNorthing ?? median(valid.map((p) => p[0])) > median(valid.map((p) => p[1]));
      if (xIsNorthing) {
        swap = true;
        warnings.push({ key: 'import.warn.csvXNorthing', params: { file, x: src.a, y: src.b } });
      }
    } else if (!degrees && o.xIsNorthing) swap = true;
    const xy = pairs.map((p) => (p && swap ? ([p[1], p[0]] as [number, number]) : p));
    if (!degrees || options.crs) {
      const sample = xy.filter((p): p is [number, number] => p !== null).slice(0, 200);
      const u = crsForUndeclared(file, sample, options.crs);
      if ('error' in u) return { ok: false, error: u.error };
      sourceCrs = u.crs;
      if (u.warning) warnings.push(u.warning);
    }
    xy.forEach((p, i) => {
      if (!p) return;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [p[0], p[1]] }, properties: props[i] ?? {} });
      rowOf.push(t.rowNumbers[i] ?? i + 2);
    });
  }
  if (t.rows.length === 0) return fail('import.error.noFeatures', { file });

  const layer = await finishLayer({
    file,
    name: baseName(file),
    features,
    sourceCrs,
    warnings,
    skipped,
    numberOf: (i) => ({ row: rowOf[i] ?? i + 2 }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  layer.skipped.sort((p, q) => (p.row ?? 0) - (q.row ?? 0));
  const empty = emptyLayerError(file, layer);
  return empty ? { ok: false, error: empty } : { ok: true, layers: [layer] };
}

function firstXY(g: Geometry | null): [number, number] {
  let c: unknown = g && 'coordinates' in g ? g.coordinates : undefined;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? [Number(c[0]), Number(c[1])] : [NaN, NaN];
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export const csvFormat = {
  id: 'csv',
  label: 'CSV/TSV',
  extensions: ['.csv', '.tsv', '.tab', '.txt'],
  mimeTypes: ['text/csv', 'text/tab-separated-values', 'application/vnd.ms-excel', 'text/plain'],
  sniff({ bytes, text }) {
    if (looksBinary(bytes)) return 0;
    const t = text.trimStart();
    if (t === '' || t.startsWith('{') || t.startsWith('[') || t.startsWith('<')) return 0;
    const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 10);
    const d = detectDelimiter(t);
    const first = countOutsideQuotes(lines[0] ?? '', d);
    return first > 0 && lines.length >= 2 && lines.every((l, i) => i === lines.length - 1 || countOutsideQuotes(l, d) === first) ? 0.7 : 0.2;
  },
  async parse(input, options, onProgress) {
    // counted before parsing: newlines bound the rows (quoted newlines only make it safer)
    const maxRows = options.maxCsvRows ?? MAX_CSV_ROWS;
    const lines = countLines(input.bytes, maxRows + 2);
    if (lines > maxRows + 1) return fail('import.error.tooManyRows', { file: input.name, limit: maxRows });
    // a large lon/lat file goes to typed columns (deck.gl binary attributes), never to features
    if (isLargeCsv(input.bytes)) {
      const utf8 = !options.encoding || /^utf-?8$/i.test(options.encoding.trim());
      const large = utf8 ? parseLargePointCsv(input.name, input.bytes, options, onProgress) : null;
      if (large) return large;
    }
    const decoded = decodeText(input.bytes, options.encoding);
    const result = await parseCsv(input.name, decoded.text, options, onProgress);
    const extra: ImportMessage[] = [];
    if (decoded.unknownLabel !== undefined) {
      extra.push({ key: 'import.warn.encodingUnknown', params: { file: input.name, encoding: decoded.unknownLabel } });
    }
    if (decoded.guessed) extra.push({ key: 'import.warn.encodingGuessed', params: { file: input.name, encoding: decoded.encoding } });
    if (result.ok) for (const l of result.layers) l.warnings.unshift(...extra);
    return result;
  },
} as const satisfies FormatEntry<'csv'>;
