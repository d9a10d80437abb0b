// Text decoding for imported files. Vietnamese data comes as UTF-8 (with or without BOM)
// or as Windows-1258, whose tones are separate combining marks ("ộ" = "ô" + U+0323), so
// every decoded string is normalised to NFC: otherwise "Mường Tè" from a 1258 file would
// not equal the same name typed on a keyboard.

export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used. */
  encoding: string;
  /** True when the encoding was guessed (not UTF-8, no BOM, nothing declared). */
  guessed: boolean;
  /** The declared label could not be used. */
  unknownLabel?: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Map labels seen in .cpg files and user settings to WHATWG names; undefined if unknown. */
export function normalizeEncodingLabel(label: string): string | undefined {
  const raw = label.trim().replace(/^ansi\s*/i, '');
  const candidates = [raw, /^\d+$/.test(raw) ? `windows-${raw}` : raw, raw.replace(/^cp/i, 'windows-')];
  if (/^utf-?8$/i.test(raw)) return 'utf-8';
  for (const c of candidates) {
    try {
      return new TextDecoder(c).encoding;
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when `bytes` is valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decode file bytes: a BOM wins, then a declared label, then UTF-8 if the bytes are valid
 * UTF-8, else Windows-1258 (the Vietnamese Windows code page). Result is NFC.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)).normalize('NFC'), encoding: 'utf-8', guessed: false };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(enc).decode(bytes.subarray(2)).normalize('NFC'), encoding: enc, guessed: false };
  }
  let unknownLabel: string | undefined;
  if (declared !== undefined && declared.trim() !== '') {
    const enc = normalizeEncodingLabel(declared);
    if (enc) return { text: new TextDecoder(enc).decode(bytes).normalize('NFC'), encoding: enc, guessed: false };
    unknownLabel = declared;
  }
  const base = unknownLabel !== undefined ? { unknownLabel } : {};
  if (isUtf8(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes).normalize('NFC'), encoding: 'utf-8', guessed: false, ...base };
  }
  return {
    text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'),
    encoding: 'windows-1258',
    guessed: true,
    ...base,
  };
}

/** Lenient decode of a file's head for sniffing (never throws, no NFC needed). */
export function sniffText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  return new TextDecoder('utf-8').decode(startsWith(head, UTF8_BOM) ? head.subarray(3) : head);
}

/** Fold a column name: no diacritics, đ → d, lower case, only [a-z0-9]. "Kinh độ" → "kinhdo". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
