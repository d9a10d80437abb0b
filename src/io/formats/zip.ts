// Reading zip archives (zipped shapefiles, KMZ) with a bound on what they inflate to.
// The central directory is read here so that every entry's declared size is checked
// before anything is inflated; each entry is then inflated as a stream (fflate's Inflate,
// loaded on demand) counting the real output, because declared sizes can lie. fflate's
// unzipSync allocates every declared size up front: a 3.9 MB zip declaring two 2 GB
// entries took 60 s and 5 GB before failing with a misleading message.

import type { ImportMessage } from './types';
import { MAX_UNZIPPED_BYTES } from './limits';

export type ZipEntries = Record<string, Uint8Array>;

export type UnzipResult = { ok: true; entries: ZipEntries; names: string[] } | { ok: false; error: ImportMessage };

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MB = 1024 * 1024;
/** Compressed bytes pushed per step: deflate inflates at most ~1032×, so one step adds ≤ ~8 MB. */
const CHUNK = 8 * 1024;

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;
}

/** Entries listed in the central directory (end-of-central-directory record found from the end). */
export function readCentralDirectory(bytes: Uint8Array): CentralEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const entries: CentralEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipFormatError('damaged central directory');
    const flags = u16(bytes, at + 8);
    const nameLen = u16(bytes, at + 28);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLen);
    entries.push({
      // bit 11: UTF-8 names; otherwise the legacy code page, read as Latin-1 like fflate
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(rawName),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      // 0xFFFFFFFF means "see the ZIP64 field": at least 4 GiB, over any cap here
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLen + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function isJunk(name: string): boolean {
  return name.endsWith('/') || name.includes('__MACOSX/') || /(^|\/)\._/.test(name);
}

function tooLarge(file: string, entry: string, maxBytes: number): { ok: false; error: ImportMessage } {
  return { ok: false, error: { key: 'import.error.zipTooLarge', params: { file, entry, limit: Math.round(maxBytes / MB) } } };
}

/**
 * Unzip the entries whose name passes `keep` (others are listed in `names` but not
 * inflated, to save memory). macOS resource forks (__MACOSX/, ._x) and folders are dropped.
 * Refused (as a value) when the kept entries declare, or really inflate to, more than
 * `maxBytes` together. Throws ZipFormatError (or fflate's error) on a damaged archive.
 */
export async function unzipEntries(
  file: string,
  bytes: Uint8Array,
  keep: (name: string) => boolean = () => true,
  maxBytes = MAX_UNZIPPED_BYTES,
): Promise<UnzipResult> {
  const all = readCentralDirectory(bytes).filter((e) => !isJunk(e.name));
  const names = all.map((e) => e.name);
  const wanted = all.filter((e) => keep(e.name));
  let declared = 0;
  for (const e of wanted) {
    declared += e.size;
    if (declared > maxBytes) return tooLarge(file, e.name, maxBytes);
  }
  const { Inflate } = await import('fflate');
  const entries: ZipEntries = {};
  let total = 0;
  for (const e of wanted) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipFormatError(`damaged entry ${e.name}`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      total += data.length;
      if (total > maxBytes) return tooLarge(file, e.name, maxBytes);
      entries[e.name] = data.slice();
      continue;
    }
    if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method} is not supported`);
    const parts: Uint8Array[] = [];
    let size = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (total > maxBytes) over = true;
      else parts.push(chunk);
    });
    for (let i = 0; i < data.length && !over; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    if (over) return tooLarge(file, e.name, maxBytes);
    const out = new Uint8Array(size);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    entries[e.name] = out;
  }
  return { ok: true, entries, names };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** Name of the first entry, read from the first local file header (for sniffing). */
export function firstEntryName(bytes: Uint8Array): string | undefined {
  if (!isZip(bytes) || bytes.length < 30) return undefined;
  const len = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  if (30 + len > bytes.length) return undefined;
  return new TextDecoder().decode(bytes.subarray(30, 30 + len));
}

export function entryList(names: readonly string[], max = 10): string {
  if (names.length === 0) return '—';
  const head = names.slice(0, max).join(', ');
  return names.length > max ? `${head}, … (+${names.length - max})` : head;
}
