// The `<layer>.fieldnames.csv` sidecar of a shapefile: dBase field names hold only 10
// bytes, so our exporter shortens long or Vietnamese attribute names ("Tên đơn vị" →
// "Ten_don_vi") and records `short,full` pairs here. Other GIS tools ignore the file; our
// importer reads it to give the attributes back their full names. Both sides use this
// module, so the format cannot drift. It is written by the app's one CSV writer, formula
// guard included (someone will open it in Excel); reading undoes the guard.

import { csvTable, unguardCell } from '../writers/csv_table';

const HEADER = 'short,full';

/** `short,full` lines (CRLF, UTF-8 text, no byte-order mark) for the pairs whose names differ. */
export function formatFieldNameSidecar(pairs: ReadonlyArray<readonly [short: string, full: string]>): string {
  return csvTable([HEADER.split(','), ...pairs], { bom: false });
}

/** Split one CSV line into fields (RFC 4180 quoting); the sidecar never spans lines. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * short → full name map from a sidecar's text. Lines that are malformed, name an empty or
 * prototype-polluting full name, or repeat a short name are ignored: the sidecar is data
 * from a file, so a bad one must cost at most the long names, never the import.
 */
export function parseFieldNameSidecar(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if ((lines[0] ?? '').trim().toLowerCase() !== HEADER) return map;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const [short, full, ...rest] = splitLine(line);
    if (short === undefined || full === undefined || rest.length > 0) continue;
    const s = unguardCell(short.trim());
    const f = unguardCell(full).normalize('NFC');
    if (s === '' || f.trim() === '' || f === '__proto__' || map.has(s)) continue;
    map.set(s, f);
  }
  return map;
}

/**
 * Rename record keys by the map. A full name that would collide with another field kept
 * under its own name is skipped, so no attribute is overwritten.
 */
export function restoreFieldNames<V>(record: Record<string, V>, map: ReadonlyMap<string, string>): Record<string, V> {
  if (map.size === 0) return record;
  const out: Record<string, V> = {};
  const taken = new Set(Object.keys(record).filter((k) => !map.has(k)));
  for (const [k, v] of Object.entries(record)) {
    const full = map.get(k);
    const name = full !== undefined && !taken.has(full) ? full : k;
    taken.add(name);
    // defineProperty: a field called "__proto__" must stay a field, not replace the prototype
    Object.defineProperty(out, name, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
