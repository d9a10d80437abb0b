import { foldPatterns } from '../i18n/fold_pattern';
import { viSortKeys } from './vi_sort_key';
export { VI_COLLATOR } from './vi_collation';

// Sort, search and filter of an attribute table, as an array of row indexes. Rows are never
// copied into objects: a source answers one cell at a time, and a column's sort keys are
// computed once per source and reused, so 100,000 rows (or a million points held as typed
// columns) can be queried without building a million objects. Text sorts by keys built for
// Vietnamese collation (vi_sort_key.ts); search tests values with patterns that ignore
// diacritics (i18n/fold_pattern.ts), so no value is folded ahead.

export type CellValue = string | number | null;

export interface TableColumn {
  name: string;
  /** Every non-empty value is a number. */
  numeric: boolean;
}

export interface TableSource {
  readonly length: number;
  readonly columns: readonly TableColumn[];
  value(row: number, column: string): CellValue;
  /** A dictionary-encoded column (few distinct values): lets sort and search work per value, not per row. */
  dictionary?(column: string): { values: readonly string[]; codes: Uint32Array } | undefined;
}

export type ColumnFilter =
  | { field: string; op: 'eq'; value: string }
  | { field: string; op: 'contains'; value: string }
  | { field: string; op: 'range'; min?: number | null; max?: number | null };

export interface TableQuery {
  sort?: { field: string; desc?: boolean } | null;
  /** Diacritics- and case-insensitive, across every column. */
  search?: string;
  filters?: readonly ColumnFilter[];
}


/**
 * A number typed by a Vietnamese or English user: "12,5" and "12.5" are 12.5; the last of
 * "." and "," is the decimal separator when both appear ("1.234,5", "1,234.5"); a group of
 * thousands repeated ("1.234.567", "1,234,567") is read as such. A single "1.234" is 1.234.
 * Spaces (also narrow no-break) are ignored. Null when the text is not a number.
 */
export function parseLocaleNumber(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    s = s.split(group).join('').replace(decimal, '.');
  } else if (/^[-+]?\d{1,3}([.,]\d{3}){2,}$/.test(s)) {
    s = s.replace(/[.,]/g, '');
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return null;
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Per-source caches of sort keys and folded text; a new source (after an edit) starts afresh. */
const caches = new WeakMap<TableSource, Map<string, Float64Array>>();

function keyCache(src: TableSource): Map<string, Float64Array> {
  let c = caches.get(src);
  if (!c) caches.set(src, (c = new Map()));
  return c;
}

/**
 * One number per row that sorts as the column does: the value of a numeric column, else the
 * rank of the text among the column's distinct values in Vietnamese order. Empty cells are NaN.
 */
export function sortKeys(src: TableSource, column: string): Float64Array {
  const cache = keyCache(src);
  const hit = cache.get(column);
  if (hit) return hit;
  const n = src.length;
  const keys = new Float64Array(n);
  const col = src.columns.find((c) => c.name === column);
  const dict = src.dictionary?.(column);
  if (col?.numeric) {
    for (let i = 0; i < n; i++) {
      const v = src.value(i, column);
      keys[i] = typeof v === 'number' ? v : v === null ? NaN : (parseLocaleNumber(v) ?? NaN);
    }
  } else if (dict) {
    const rank = rankText(dict.values);
    for (let i = 0; i < n; i++) keys[i] = rank[dict.codes[i]!]!;
  } else {
    const codes = new Uint32Array(n);
    const distinct = new Map<string, number>();
    const values: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = src.value(i, column);
      const s = v === null ? '' : String(v);
      let c = distinct.get(s);
      if (c === undefined) {
        c = values.length;
        distinct.set(s, c);
        values.push(s);
      }
      codes[i] = c;
    }
    const rank = rankText(values);
    for (let i = 0; i < n; i++) keys[i] = rank[codes[i]!]!;
  }
  cache.set(column, keys);
  return keys;
}

/** Ranks of distinct texts in Vietnamese order ('' and whitespace are NaN: empty). */
function rankText(values: readonly string[]): Float64Array {
  const keys = viSortKeys(values);
  const order = values.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const rank = new Float64Array(values.length);
  order.forEach((code, r) => (rank[code] = values[code]!.trim() === '' ? NaN : r));
  return rank;
}

/** Whether each row's value of a column matches every pattern (a dictionary column tests each distinct value once). */
function matcher(src: TableSource, column: string, patterns: readonly RegExp[]): (row: number) => boolean {
  const dict = src.dictionary?.(column);
  if (dict) {
    const hits = dict.values.map((v) => patterns.every((p) => p.test(v)));
    return (row) => hits[dict.codes[row]!]!;
  }
  return (row) => {
    const v = src.value(row, column);
    if (v === null) return false;
    const s = typeof v === 'number' ? String(v) : v;
    return patterns.every((p) => p.test(s));
  };
}

function rowFilter(src: TableSource, f: ColumnFilter): ((row: number) => boolean) | null {
  if (!src.columns.some((c) => c.name === f.field)) return null;
  if (f.op === 'range') {
    const keys = sortKeys(src, f.field);
    const numeric = src.columns.find((c) => c.name === f.field)?.numeric;
    if (!numeric) return null;
    const min = f.min ?? -Infinity;
    const max = f.max ?? Infinity;
    return (row) => keys[row]! >= min && keys[row]! <= max;
  }
  if (f.op === 'contains') {
    const patterns = foldPatterns(f.value);
    return patterns.length === 0 ? null : matcher(src, f.field, patterns);
  }
  const wanted = f.value.trim();
  const asNumber = parseLocaleNumber(wanted);
  return (row) => {
    const v = src.value(row, f.field);
    if (v === null) return wanted === '';
    if (typeof v === 'number') return asNumber !== null && v === asNumber;
    return v.trim() === wanted;
  };
}

/** Row indexes that pass the filters and the search, in the order asked for. */
export function queryRows(src: TableSource, q: TableQuery = {}): Uint32Array {
  const tests: Array<(row: number) => boolean> = [];
  for (const f of q.filters ?? []) {
    const test = rowFilter(src, f);
    if (test) tests.push(test);
  }
  const patterns = foldPatterns(q.search ?? '');
  if (patterns.length > 0) {
    // every word is found in some column of the row
    const perWord = patterns.map((p) => src.columns.map((c) => matcher(src, c.name, [p])));
    tests.push((row) => perWord.every((cols) => cols.some((m) => m(row))));
  }
  let rows = new Uint32Array(src.length);
  let m = 0;
  outer: for (let i = 0; i < src.length; i++) {
    for (const test of tests) if (!test(i)) continue outer;
    rows[m++] = i;
  }
  rows = m === rows.length ? rows : rows.slice(0, m);
  const sort = q.sort;
  if (sort && src.columns.some((c) => c.name === sort.field)) {
    const keys = sortKeys(src, sort.field);
    const dir = sort.desc ? -1 : 1;
    // empty cells last in both directions; ties keep the file's order
    // a plain array sorts faster than a typed one with a comparator
    const sorted = Array.from(rows).sort((a, b) => {
      const ka = keys[a]!, kb = keys[b]!;
      const ea = Number.isNaN(ka), eb = Number.isNaN(kb);
      if (ea || eb) return ea === eb ? a - b : ea ? 1 : -1;
      return ka === kb ? a - b : (ka < kb ? -1 : 1) * dir;
    });
    rows.set(sorted);
  }
  return rows;
}
