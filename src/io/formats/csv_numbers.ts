// Numbers as spreadsheets write them. Vietnamese Excel (vi-VN locale) saves CSV with `;`
// between fields, a decimal comma and dot thousands: "2.475.637,63". English locales
// write "2,475,637.63" or plain "2475637.63". A column's style is decided from the values
// that are unambiguous ("22,379" or "2.475.637" vs "22.3791"); values like "480.341"
// (dot + exactly three digits) follow the column's, else the file's, style.

export type DecimalStyle = 'dot' | 'comma';

const SPACES = /[\s\u00a0\u202f']/g;
const COMMA_STYLE = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const DOT_STYLE = /^[-+]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function clean(raw: string): string {
  return raw.trim().replace(SPACES, '');
}

/** Evidence one value gives: 'comma', 'dot', or undefined (ambiguous / not a number). */
export function numberEvidence(raw: string): DecimalStyle | undefined {
  const s = clean(raw);
  if (/^[-+]?\d+,\d+$/.test(s)) return /,\d{3}$/.test(s) ? undefined : 'comma'; // "1,234" is ambiguous
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(s)) return 'comma';
  if (/^[-+]?\d+\.\d+$/.test(s)) return /\.\d{3}$/.test(s) ? undefined : 'dot'; // "480.341" is ambiguous
  if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^[-+]?\d{1,3}(,\d{3}){2,}$/.test(s)) return 'dot';
  if (/[eE]/.test(s) && DOT_STYLE.test(s)) return 'dot';
  return undefined;
}

/** Style of one column from its values, or undefined when no value decides it. */
export function columnStyle(values: readonly string[]): DecimalStyle | undefined {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    const e = numberEvidence(v);
    if (e === 'comma') comma++;
    else if (e === 'dot') dot++;
  }
  if (comma > dot) return 'comma';
  if (dot > 0) return 'dot';
  return undefined;
}

/** Parse one number in the given style; null if it is not a number in that style. */
export function parseLocaleNumber(raw: string, style: DecimalStyle): number | null {
  const s = clean(raw);
  if (s === '') return null;
  let n: number;
  if (style === 'comma') {
    if (!COMMA_STYLE.test(s)) {
      // A dot-decimal value in a comma file ("22.5") is still unambiguous.
      if (!/^[-+]?\d+\.\d+$/.test(s) || /\.\d{3}$/.test(s)) return null;
      n = Number(s);
    } else n = Number(s.replace(/\./g, '').replace(',', '.'));
  } else {
    if (!DOT_STYLE.test(s)) return null;
    n = Number(s.replace(/,/g, ''));
  }
  return Number.isFinite(n) ? n : null;
}

// "03433" is a commune code, not 3433: leading zeros keep a column as text.
const LEADING_ZERO = /^[-+]?0\d/;

/** True when every non-empty value parses in `style` and none has a leading zero. */
export function isNumericColumn(values: readonly string[], style: DecimalStyle): boolean {
  let seen = false;
  for (const v of values) {
    const s = v.trim();
    if (s === '') continue;
    seen = true;
    if (LEADING_ZERO.test(s) || parseLocaleNumber(s, style) === null) return false;
  }
  return seen;
}
