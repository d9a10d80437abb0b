import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { foldText } from '../i18n/fold_text';
import { normalizeGsoCode } from './reaggregate';

// Joins a table without coordinates (one row per commune: NTM criteria, poverty rate, …) to a
// set of commune boundaries, by GSO code or by name. Used by the CSV import ("join to commune
// boundaries") and by indicator maps. Pure: no store, no DOM.
//
// Matching rules (../shared/facts/muong-te.md §2: "key on codes, match names without
// diacritics and case"):
// - codes: Excel drops leading zeros, so 3433, "3433" and "03433" are the same code
//   (normalizeGsoCode);
// - names: diacritics, case and punctuation are ignored (foldText), as are spaces; a unit-type
//   prefix ("Xã", "Thị trấn", "TT.", "Phường", "X.") is dropped, but when the row gives one it
//   must agree with the unit's type (Thị trấn Mường Tè ≠ Xã Mường Tè); the district's known
//   variant spellings are folded together (Kan/Can Hồ, Bum/Bun; Sử/Sủ already fold the same).

/** A cell of a parsed table (ImportTable rows). */
export type Cell = string | number | null | undefined;

export interface JoinTable {
  columns: string[];
  rows: Record<string, Cell>[];
  /** Spreadsheet row number of each row (header = 1); default: index + 2. */
  rowNumbers?: number[];
}

/** Which fields of the boundary features hold the code, the name and the unit type. */
export interface BoundaryFields {
  codeField: string;
  nameField: string;
  typeField?: string;
}

export interface JoinUnit {
  /** 5-digit GSO code */
  code: string;
  name: string | null;
  /** folded unit type ("xa", "thi tran", "phuong") when known */
  type: string | null;
  /** indexes of the boundary features of this unit (a unit may be split over several) */
  features: number[];
}

export interface BoundaryIndex {
  units: JoinUnit[];
  byCode: Map<string, JoinUnit>;
  byName: Map<string, JoinUnit[]>;
}

export type JoinBy = 'code' | 'name';

export interface JoinMatch {
  /** 0-based index into `table.rows` */
  row: number;
  rowNumber: number;
  unit: JoinUnit;
}

export type UnmatchedReason = 'empty' | 'noMatch' | 'ambiguous';

export interface UnmatchedRow {
  /** spreadsheet row number (header = 1) */
  rowNumber: number;
  /** the key value as written in the table */
  value: string;
  reason: UnmatchedReason;
}

export interface DuplicateKey {
  code: string;
  name: string | null;
  /** every row that matched this unit; the first one is the one joined */
  rowNumbers: number[];
}

export interface JoinResult {
  /** the key column used, or null when the table has no column that matches anything */
  column: string | null;
  by: JoinBy;
  /** one per unit: the first row that matched it */
  matched: JoinMatch[];
  unmatched: UnmatchedRow[];
  /** boundary units no row matched */
  unitsWithoutRow: JoinUnit[];
  /** units matched by more than one row */
  duplicates: DuplicateKey[];
}

/** Folded unit-type prefixes and the type they stand for. */
const TYPE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['thi tran', 'thi tran'],
  ['tt', 'thi tran'],
  ['xa', 'xa'],
  ['x', 'xa'],
  ['phuong', 'phuong'],
  ['p', 'phuong'],
];

/**
 * Known variant spellings in the district, as folded words → the spelling used for matching.
 * "Kan Hồ" is also written "Can Hồ", "Bum Tở / Bum Nưa" also "Bun …" (facts §2). "Pa Vệ Sử"
 * and "Pa Vệ Sủ" fold the same already.
 */
export const VARIANT_WORDS: Readonly<Record<string, string>> = { can: 'kan', bun: 'bum' };

/** A folded unit type: "Thị trấn" → "thi tran", "TT" → "thi tran", "Xã" → "xa". */
function foldType(raw: Cell): string | null {
  if (raw === null || raw === undefined) return null;
  const f = foldText(String(raw));
  return TYPE_PREFIXES.find(([p]) => p === f)?.[1] ?? (f === '' ? null : f);
}

/** Splits a name into its unit type (when it starts with one) and its match key. */
export function nameKey(value: Cell): { type: string | null; key: string } {
  if (value === null || value === undefined) return { type: null, key: '' };
  let words = foldText(String(value)).split(' ').filter((w) => w !== '');
  let type: string | null = null;
  for (const [prefix, t] of TYPE_PREFIXES) {
    const p = prefix.split(' ');
    // only a prefix followed by a name: "Xã" alone, or a name that is just "X", is not stripped
    if (words.length > p.length && p.every((w, i) => words[i] === w)) {
      type = t;
      words = words.slice(p.length);
      break;
    }
  }
  return { type, key: words.map((w) => VARIANT_WORDS[w] ?? w).join('') };
}

/** A GSO code key, or null when the value is not a code (1–5 digits). */
export function codeKey(value: Cell): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 100000 ? normalizeGsoCode(value) : null;
  const s = value.trim();
  return /^\d{1,5}$/.test(s) ? normalizeGsoCode(s) : null;
}

export function indexBoundaries(fc: FeatureCollection, fields: BoundaryFields): BoundaryIndex {
  const byCode = new Map<string, JoinUnit>();
  fc.features.forEach((f, i) => {
    const p = f.properties ?? {};
    const code = codeKey(p[fields.codeField] as Cell) ?? (p[fields.codeField] == null ? null : String(p[fields.codeField]).trim());
    if (code === null || code === '') return;
    const unit = byCode.get(code);
    if (unit) {
      unit.features.push(i);
      return;
    }
    const rawName = p[fields.nameField];
    const name = rawName === null || rawName === undefined ? null : String(rawName);
    const type = (fields.typeField ? foldType(p[fields.typeField] as Cell) : null) ?? nameKey(name).type;
    byCode.set(code, { code, name, type, features: [i] });
  });
  const units = [...byCode.values()];
  const byName = new Map<string, JoinUnit[]>();
  for (const u of units) {
    const k = nameKey(u.name).key;
    if (k === '') continue;
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  return { units, byCode, byName };
}

type ValueMatch = { unit: JoinUnit } | { reason: UnmatchedReason };

export function matchValue(index: BoundaryIndex, value: Cell, by: JoinBy): ValueMatch {
  if (value === null || value === undefined || String(value).trim() === '') return { reason: 'empty' };
  if (by === 'code') {
    const k = codeKey(value);
    const unit = k === null ? undefined : index.byCode.get(k);
    return unit ? { unit } : { reason: 'noMatch' };
  }
  const { type, key } = nameKey(value);
  let candidates = index.byName.get(key) ?? [];
  // a stated type must agree with a known one: "Thị trấn Mường Tè" is not "Xã Mường Tè"
  if (type !== null) candidates = candidates.filter((u) => u.type === null || u.type === type);
  if (candidates.length === 1) return { unit: candidates[0]! };
  return { reason: candidates.length > 1 ? 'ambiguous' : 'noMatch' };
}

function countMatches(index: BoundaryIndex, table: JoinTable, column: string, by: JoinBy): number {
  let n = 0;
  for (const row of table.rows) if ('unit' in matchValue(index, row[column], by)) n++;
  return n;
}

export interface KeyColumnScore {
  column: string;
  by: JoinBy;
  matched: number;
}

/** Every column scored as a code key and as a name key, best first (most matches; codes win ties). */
export function scoreKeyColumns(table: JoinTable, index: BoundaryIndex): KeyColumnScore[] {
  const scores: (KeyColumnScore & { order: number })[] = [];
  table.columns.forEach((column, i) => {
    for (const by of ['code', 'name'] as const) scores.push({ column, by, matched: countMatches(index, table, column, by), order: (by === 'code' ? 0 : table.columns.length) + i });
  });
  return scores.sort((a, b) => b.matched - a.matched || a.order - b.order).map(({ column, by, matched }) => ({ column, by, matched }));
}

/** The key column with the most matches (codes preferred on a tie), or null when nothing matches. */
export function detectKeyColumn(table: JoinTable, index: BoundaryIndex): KeyColumnScore | null {
  const best = scoreKeyColumns(table, index)[0];
  return best && best.matched > 0 ? best : null;
}

export interface JoinOptions {
  /** key column; default: detected */
  column?: string;
  /** how to read it; default: whichever matches more rows (codes on a tie) */
  by?: JoinBy;
}

export function joinTable(table: JoinTable, index: BoundaryIndex, opts: JoinOptions = {}): JoinResult {
  let column: string | null = opts.column ?? null;
  let by: JoinBy = opts.by ?? 'code';
  if (column === null) {
    const best = detectKeyColumn(table, index);
    column = best?.column ?? null;
    by = best?.by ?? 'code';
  } else if (!opts.by) {
    by = countMatches(index, table, column, 'name') > countMatches(index, table, column, 'code') ? 'name' : 'code';
  }
  const matched: JoinMatch[] = [];
  const unmatched: UnmatchedRow[] = [];
  const rowsOfUnit = new Map<string, number[]>();
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers?.[i] ?? i + 2;
    const value = column === null ? null : row[column];
    const m = column === null ? ({ reason: 'noMatch' } as const) : matchValue(index, value, by);
    if ('reason' in m) {
      unmatched.push({ rowNumber, value: value === null || value === undefined ? '' : String(value), reason: m.reason });
      return;
    }
    const seen = rowsOfUnit.get(m.unit.code);
    if (seen) seen.push(rowNumber);
    else {
      rowsOfUnit.set(m.unit.code, [rowNumber]);
      matched.push({ row: i, rowNumber, unit: m.unit });
    }
  });
  const duplicates: DuplicateKey[] = [];
  for (const [code, rowNumbers] of rowsOfUnit) {
    if (rowNumbers.length > 1) duplicates.push({ code, name: index.byCode.get(code)?.name ?? null, rowNumbers });
  }
  return {
    column,
    by,
    matched,
    unmatched,
    unitsWithoutRow: index.units.filter((u) => !rowsOfUnit.has(u.code)),
    duplicates,
  };
}

/** Names of the attributes a joined feature gets from its boundary unit. */
export const JOINED_CODE_FIELD = 'boundary_code';
export const JOINED_NAME_FIELD = 'boundary_name';

function unitGeometry(fc: FeatureCollection, unit: JoinUnit): Geometry | null {
  const geoms = unit.features.map((i) => fc.features[i]?.geometry).filter((g): g is Polygon | MultiPolygon => g?.type === 'Polygon' || g?.type === 'MultiPolygon');
  if (geoms.length === 0) return null;
  if (geoms.length === 1) return structuredClone(geoms[0]!);
  return { type: 'MultiPolygon', coordinates: geoms.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)).map((p) => structuredClone(p)) };
}

/**
 * One feature per matched unit: the boundary polygon carrying the row's attributes plus the
 * unit's code and name (`boundary_code`, `boundary_name`; a table column of that name wins).
 */
export function joinedFeatures(table: JoinTable, boundaries: FeatureCollection, result: JoinResult): FeatureCollection {
  const features: Feature[] = [];
  for (const m of result.matched) {
    const geometry = unitGeometry(boundaries, m.unit);
    if (!geometry) continue;
    const row = table.rows[m.row] ?? {};
    const properties: Record<string, Cell> = {};
    for (const c of table.columns) properties[c] = row[c] ?? null;
    if (!(JOINED_CODE_FIELD in properties)) properties[JOINED_CODE_FIELD] = m.unit.code;
    if (!(JOINED_NAME_FIELD in properties)) properties[JOINED_NAME_FIELD] = m.unit.name;
    features.push({ type: 'Feature', geometry, properties });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Numeric columns that hold indicators: numbers in every non-empty cell, not the key column,
 * and not a column of commune codes.
 */
export function indicatorColumns(table: JoinTable, index: BoundaryIndex, keyColumn: string | null): string[] {
  return table.columns.filter((c) => {
    if (c === keyColumn) return false;
    const values = table.rows.map((r) => r[c]).filter((v) => v !== null && v !== undefined && v !== '');
    if (values.length === 0 || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) return false;
    return countMatches(index, table, c, 'code') * 2 < values.length;
  });
}
