// Reading zip archives (zipped shapefiles, KMZ) with fflate, loaded on demand.

export type ZipEntries = Record<string, Uint8Array>;

/**
 * Unzip the entries whose name passes `keep` (others are listed in `names` but not
 * inflated, to save memory). macOS resource forks (__MACOSX/, ._x) and folders are dropped.
 */
export async function unzipEntries(
  bytes: Uint8Array,
  keep: (name: string) => boolean = () => true,
): Promise<{ entries: ZipEntries; names: string[] }> {
  const { unzipSync } = await import('fflate');
  const names: string[] = [];
  const entries = unzipSync(bytes, {
    filter: (f) => {
      if (f.name.endsWith('/') || f.name.includes('__MACOSX/') || /(^|\/)\._/.test(f.name)) return false;
      names.push(f.name);
      return keep(f.name);
    },
  });
  return { entries, names };
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
