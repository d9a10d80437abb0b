// dBase III .dbf writer for shapefile attributes, UTF-8 text (declared by the .cpg).
//
// Types are inferred per field so a re-import gives back the same JSON types: all numbers →
// N, all booleans → L, anything else → C. Numbers are written as their shortest exact
// decimal (no exponent, which dBase readers do not all accept), so 0.1 + 0.2 comes back as
// 0.30000000000000004; the declared decimal count is only a hint readers use to choose
// integer or real. Field names are cut to dBase's 10 bytes, ASCII, uniquely; the caller
// gets the short → full pairs to write the `fieldnames.csv` sidecar.

import type { GeoJsonProperties } from 'geojson';

export type DbfType = 'C' | 'N' | 'L';

export interface DbfFieldSpec {
  /** Attribute name in the data. */
  readonly name: string;
  /** Name in the .dbf: ≤ 10 ASCII bytes, unique case-insensitively. */
  readonly short: string;
  readonly type: DbfType;
  readonly length: number;
  readonly decimals: number;
}

const MAX_C = 254;
const MAX_FIELDS = 255;
const ENCODER = new TextEncoder();

/** Shortest exact decimal of a finite number without exponent: 1e-7 → "0.0000001". */
export function plainDecimal(v: number): string {
  const s = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', d = '', frac = '', expText = '0'] = m;
  const digits = d + frac;
  const exp = Number(expText);
  const point = 1 + exp; // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** ASCII name for a dBase header: "Tên xã" → "Ten_xa", "đất" → "dat". */
function asciiName(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') return 'FIELD';
  return /^[A-Za-z]/.test(s) ? s : `F${s}`;
}

/** Unique ≤ 10-character names, case-insensitively, keeping names that already fit. */
export function shortFieldNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = asciiName(name).slice(0, 10);
    let short = base;
    for (let n = 1; used.has(short.toUpperCase()); n++) {
      const suffix = `_${n}`;
      short = base.slice(0, 10 - suffix.length) + suffix;
    }
    used.add(short.toUpperCase());
    return short;
  });
}

function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v); // nested objects/arrays: keep them readable rather than lose them
}

/** Cut UTF-8 bytes to `max` without splitting a character. */
function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // step back off continuation bytes
  return bytes.subarray(0, end);
}

/** Field specs from the attributes of all features, in first-seen order. */
export function inferFields(props: readonly GeoJsonProperties[]): DbfFieldSpec[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const p of props) for (const k of Object.keys(p ?? {})) if (!seen.has(k)) (seen.add(k), names.push(k));
  if (names.length > MAX_FIELDS) throw new RangeError(`A .dbf holds at most ${MAX_FIELDS} fields; this layer has ${names.length}`);
  const shorts = shortFieldNames(names);
  return names.map((name, i) => {
    const values = props.map((p) => p?.[name]).filter((v) => v !== null && v !== undefined);
    const short = shorts[i] ?? name;
    if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return { name, short, type: 'L', length: 1, decimals: 0 };
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      let length = 1;
      let decimals = 0;
      for (const v of values as number[]) {
        const s = plainDecimal(v);
        length = Math.max(length, s.length);
        decimals = Math.max(decimals, s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
      }
      return { name, short, type: 'N', length: Math.min(length, MAX_C), decimals: Math.min(decimals, 15) };
    }
    let length = 1;
    for (const v of values) length = Math.max(length, ENCODER.encode(textOf(v) ?? '').length);
    return { name, short, type: 'C', length: Math.min(length, MAX_C), decimals: 0 };
  });
}

/** Values longer than 254 bytes are cut (dBase's limit); returns how many were. */
export interface DbfOutput {
  readonly bytes: Uint8Array;
  readonly truncated: number;
}

export function writeDbf(fields: readonly DbfFieldSpec[], props: readonly GeoJsonProperties[], date = new Date()): DbfOutput {
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((n, f) => n + f.length, 0);
  if (recLen > 0xffff) throw new RangeError(`A .dbf record holds at most 65535 bytes; this layer needs ${recLen}`);
  const bytes = new Uint8Array(headerLen + recLen * props.length + 1);
  const dv = new DataView(bytes.buffer);
  bytes[0] = 0x03; // dBase III without memo
  bytes[1] = date.getFullYear() - 1900;
  bytes[2] = date.getMonth() + 1;
  bytes[3] = date.getDate();
  dv.setUint32(4, props.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    bytes.set(ENCODER.encode(f.short).subarray(0, 10), o);
    bytes[o + 11] = f.type.charCodeAt(0);
    bytes[o + 16] = f.length;
    bytes[o + 17] = f.decimals;
  });
  bytes[headerLen - 1] = 0x0d;
  let truncated = 0;
  let o = headerLen;
  for (const p of props) {
    bytes.fill(0x20, o, o + recLen); // record flag " " (not deleted) and blank cells
    let c = o + 1;
    for (const f of fields) {
      const v = p?.[f.name];
      if (f.type === 'N') {
        if (typeof v === 'number' && Number.isFinite(v)) {
          const s = ENCODER.encode(plainDecimal(v)).subarray(0, f.length);
          bytes.set(s, c + f.length - s.length); // numbers are right-aligned
        }
      } else if (f.type === 'L') {
        bytes[c] = v === true ? 0x54 : v === false ? 0x46 : 0x3f; // T, F, ? (unknown)
      } else {
        const text = textOf(v);
        if (text !== null) {
          const enc = ENCODER.encode(text);
          const cut = cutUtf8(enc, f.length);
          if (cut.length < enc.length) truncated++;
          bytes.set(cut, c);
        }
      }
      c += f.length;
    }
    o += recLen;
  }
  bytes[bytes.length - 1] = 0x1a;
  return { bytes, truncated };
}
