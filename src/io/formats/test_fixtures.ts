// Builders for test fixtures (bytes of shapefiles, Windows-1258 text, zips). Used by the
// *.test.ts files only; nothing in the app imports this module.

import { zipSync } from 'fflate';

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
let cp1258: Map<string, number> | undefined;

/**
 * Encode text as Windows-1258 the way Vietnamese Windows does: base letters (â, ơ, đ…)
 * precomposed, tones as separate combining marks. Node has a 1258 decoder but no encoder.
 */
export function encodeWindows1258(text: string): Uint8Array {
  if (!cp1258) {
    cp1258 = new Map();
    const dec = new TextDecoder('windows-1258');
    for (let b = 0; b < 256; b++) {
      const ch = dec.decode(new Uint8Array([b]));
      if (!cp1258.has(ch)) cp1258.set(ch, b);
    }
  }
  const map = cp1258;
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = map.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONES.has(p));
    const base = parts.filter((p) => !TONES.has(p)).join('').normalize('NFC');
    for (const c of [...base, ...tones]) {
      const b = map.get(c);
      if (b === undefined) throw new Error(`not encodable in windows-1258: ${c}`);
      out.push(b);
    }
  }
  return new Uint8Array(out);
}

export type ShpShape =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | null;

/** A .shp (Point or Polygon) as bytes; rings are written as given (outer ring clockwise). */
export function createShp(shapes: ShpShape[], shapeType: 1 | 5): Uint8Array {
  const bodies = shapes.map((s) => {
    if (!s) {
      const b = new DataView(new ArrayBuffer(4));
      b.setInt32(0, 0, true);
      return b;
    }
    if (s.type === 'Point') {
      const b = new DataView(new ArrayBuffer(20));
      b.setInt32(0, 1, true);
      b.setFloat64(4, s.coordinates[0], true);
      b.setFloat64(12, s.coordinates[1], true);
      return b;
    }
    const pts = s.coordinates.flat();
    const b = new DataView(new ArrayBuffer(44 + 4 * s.coordinates.length + 16 * pts.length));
    b.setInt32(0, 5, true);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.setFloat64(4 + 8 * i, v, true));
    b.setInt32(36, s.coordinates.length, true);
    b.setInt32(40, pts.length, true);
    let start = 0;
    s.coordinates.forEach((ring, i) => {
      b.setInt32(44 + 4 * i, start, true);
      start += ring.length;
    });
    const o = 44 + 4 * s.coordinates.length;
    pts.forEach((p, i) => {
      b.setFloat64(o + 16 * i, p[0], true);
      b.setFloat64(o + 16 * i + 8, p[1], true);
    });
    return b;
  });
  const total = 100 + bodies.reduce((n, b) => n + 8 + b.byteLength, 0);
  const out = new DataView(new ArrayBuffer(total));
  out.setInt32(0, 9994, false);
  out.setInt32(24, total / 2, false);
  out.setInt32(28, 1000, true);
  out.setInt32(32, shapeType, true);
  let off = 100;
  bodies.forEach((b, i) => {
    out.setInt32(off, i + 1, false);
    out.setInt32(off + 4, b.byteLength / 2, false);
    new Uint8Array(out.buffer).set(new Uint8Array(b.buffer), off + 8);
    off += 8 + b.byteLength;
  });
  return new Uint8Array(out.buffer);
}

export interface DbfField {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** A dBase III .dbf; text is encoded with `encode` (UTF-8 by default). */
export function createDbf(
  fields: DbfField[],
  rows: (string | number | null)[][],
  encode: (s: string) => Uint8Array = (s) => new TextEncoder().encode(s),
): Uint8Array {
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLen + recLen * rows.length + 1);
  const dv = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([124, 1, 1], 1);
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    bytes.set(encode(f.name).subarray(0, 10), o);
    bytes[o + 11] = f.type.charCodeAt(0);
    bytes[o + 16] = f.length;
    bytes[o + 17] = f.decimals ?? 0;
  });
  bytes[headerLen - 1] = 0x0d;
  rows.forEach((row, r) => {
    let o = headerLen + r * recLen;
    bytes[o++] = 0x20;
    fields.forEach((f, i) => {
      const v = row[i];
      const cell = new Uint8Array(f.length).fill(0x20);
      if (v !== null && v !== undefined) {
        const enc = f.type === 'N' ? new TextEncoder().encode(String(v)) : encode(String(v));
        if (f.type === 'N') cell.set(enc.subarray(0, f.length), Math.max(0, f.length - enc.length));
        else cell.set(enc.subarray(0, f.length));
      }
      bytes.set(cell, o);
      o += f.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** ESRI .prj of VN-2000 / TM-3 as ArcGIS writes it (free-form name, no TOWGS84). */
export function vn2000Tm3Prj(lon0: number): string {
  return (
    `PROJCS["VN_2000_KT${lon0}_3deg",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],` +
    `PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],` +
    `PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${lon0}],` +
    `PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}

export function createZip(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = typeof v === 'string' ? new TextEncoder().encode(v) : v;
  return zipSync(entries);
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
