// The one CSV writer of the app. Every CSV it writes — layer exports, the dashboard table,
// the area-of-interest breakdown, the shapefile's field-name sidecar — is a table of cells
// turned into text here, so the formula guard and the quoting cannot differ between them.
// Deliberately free of imports: the dashboard and area-of-interest exports sit in the first
// bundle, and the layer writer's CRS code (proj4) must not come along with them.
//
// Format: comma-separated, CRLF rows, RFC 4180 quoting; `csvTable` puts a UTF-8 byte-order
// mark first so that Excel reads Vietnamese as UTF-8.
//
// Formula injection (OWASP "CSV injection"): a text cell that starts with = + - @, tab or CR
// ("=HYPERLINK(…)", "@SUM(…)") would be run by Excel or LibreOffice, so it gets a leading
// apostrophe — header cells included, they come from attribute names in imported files.
// Numbers are written as numbers (-12.5 stays -12.5). Text that is nothing but a plain
// decimal number ("-12.5", "+84") is left alone too: a spreadsheet reads it as that number and
// runs nothing, while an apostrophe would turn it into text. The guard is the one lossy step;
// `unguardCell` undoes it for our own readers.

/** What a cell may hold. `null` / `undefined` and non-finite numbers are written empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** Cells that spreadsheets take for a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, which a spreadsheet reads as a number, not a formula. */
export const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface CsvOptions {
  /** Prefix formula-like text with an apostrophe (default true). Off only for machine-to-machine files. */
  readonly formulaGuard?: boolean;
  /** Start with a UTF-8 byte-order mark (default true). */
  readonly bom?: boolean;
}

/** Whether a cell's text would be taken for a formula. */
export function isFormulaLike(s: string): boolean {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
}

/** Formula-like text behind any number of apostrophes: what the guard prefixes, and what it leaves. */
function needsGuard(s: string): boolean {
  return isFormulaLike(s.replace(/^'+/, ''));
}

/**
 * Text with the OWASP guard applied: an apostrophe before formula-like text. Text that already
 * starts with apostrophes before a formula ("'=x") gets one more, so that `unguardCell` can
 * tell it from guarded text and every value reads back exactly.
 */
export function guardFormula(s: string): string {
  return needsGuard(s) ? `'${s}` : s;
}

/** The guard undone: what `guardFormula` was given, for text that went through it. */
export function unguardCell(s: string): string {
  return s.startsWith("'") && needsGuard(s.slice(1)) ? s.slice(1) : s;
}

/** The text of a cell, guarded, before quoting. */
export function cellText(v: unknown, formulaGuard = true): string {
  if (v === null || v === undefined) return '';
  // String(-0) is "0" already; only finite numbers are numbers in a spreadsheet
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return formulaGuard ? guardFormula(s) : s;
}

/**
 * RFC 4180: quote cells holding the delimiter, quotes or line breaks, and cells with edge
 * spaces (which spreadsheets would trim). `;` is quoted too: Excel in a Vietnamese locale
 * takes it for the list separator.
 */
export function quoteCell(s: string): string {
  return /[",;\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row, without its line break. */
export function csvRow(cells: readonly unknown[], formulaGuard = true): string {
  return cells.map((c) => quoteCell(cellText(c, formulaGuard))).join(',');
}

/** A whole table as CSV text: every row (the header is just the first) through the same guard. */
export function csvTable(rows: Iterable<readonly unknown[]>, options: CsvOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  const lines: string[] = [];
  for (const r of rows) lines.push(csvRow(r, guard));
  return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}
