import type { StatsResult, StatsRow } from './overlay_stats';
import { csvTable, type CsvValue } from '../io/writers/csv_table';

// The dashboard's table as data: columns, one row per commune, a district total row, sorting,
// CSV text and the "planted against plan" headline. Pure, so tests check exact numbers.

export type ColumnKind = 'text' | 'ha' | 'count' | 'number' | 'pct';

export interface DashboardColumn {
  /** 'name', 'class:<value>', 'total', 'pct', 'count', 'sum:<field>', 'ratio' */
  id: string;
  kind: ColumnKind;
  /** class value for class columns */
  classValue?: string;
  /** summed field for sum columns */
  field?: string;
}

export interface DashboardRow {
  code: string;
  name: string;
  values: Record<string, number>;
}

export interface DashboardTable {
  geometry: 'polygon' | 'point';
  columns: DashboardColumn[];
  rows: DashboardRow[];
  total: DashboardRow;
}

export interface TableOptions {
  geometry: 'polygon' | 'point';
  /** summed point fields, in column order */
  numericFields?: readonly string[];
  /** "% disbursed" = part / whole × 100, both among numericFields */
  ratio?: { part: string; whole: string } | null;
}

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** Classes present in the result, in the engine's order (null when not grouped). */
export function classValues(result: Pick<StatsResult, 'classes'>): string[] {
  return result.classes.filter((c) => c.class !== null).map((c) => c.class!);
}

export function buildTable(result: Pick<StatsResult, 'rows' | 'boundaries' | 'classes' | 'total'>, opts: TableOptions): DashboardTable {
  const polygon = opts.geometry === 'polygon';
  const fields = opts.numericFields ?? [];
  const classes = classValues(result);
  const columns: DashboardColumn[] = [{ id: 'name', kind: 'text' }];
  for (const c of classes) columns.push({ id: `class:${c}`, kind: polygon ? 'ha' : 'count', classValue: c });
  if (polygon) columns.push({ id: 'total', kind: 'ha' }, { id: 'pct', kind: 'pct' });
  else {
    columns.push({ id: 'count', kind: 'count' });
    for (const f of fields) columns.push({ id: `sum:${f}`, kind: 'number', field: f });
    if (opts.ratio) columns.push({ id: 'ratio', kind: 'pct' });
  }

  const byUnit = new Map<string, StatsRow[]>();
  for (const r of result.rows) {
    const list = byUnit.get(r.boundaryCode);
    if (list) list.push(r);
    else byUnit.set(r.boundaryCode, [r]);
  }
  const fill = (values: Record<string, number>, m: { ha: number; count: number; sums: Record<string, number> }, boundaryHa: number) => {
    if (polygon) {
      values.total = m.ha;
      values.pct = pct(m.ha, boundaryHa);
    } else {
      values.count = m.count;
      for (const f of fields) values[`sum:${f}`] = m.sums[f] ?? 0;
      if (opts.ratio) values.ratio = pct(m.sums[opts.ratio.part] ?? 0, m.sums[opts.ratio.whole] ?? 0);
    }
  };
  const rows = result.boundaries.map((b) => {
    const values: Record<string, number> = {};
    for (const c of classes) values[`class:${c}`] = 0;
    for (const r of byUnit.get(b.boundaryCode) ?? []) {
      if (r.class !== null) values[`class:${r.class}`] = polygon ? r.ha : r.count;
    }
    fill(values, b, b.boundaryHa);
    return { code: b.boundaryCode, name: b.boundaryName ?? b.boundaryCode, values };
  });
  const totalValues: Record<string, number> = {};
  for (const c of result.classes) if (c.class !== null) totalValues[`class:${c.class}`] = polygon ? c.ha : c.count;
  fill(totalValues, result.total, result.total.boundaryHa);
  return { geometry: opts.geometry, columns, rows, total: { code: '', name: '', values: totalValues } };
}

export type SortDir = 'ascending' | 'descending';
export interface SortState {
  column: string;
  dir: SortDir;
}

/** Rows sorted by a column; names in Vietnamese order; ties keep commune-name order. */
export function sortRows(rows: readonly DashboardRow[], sort: SortState): DashboardRow[] {
  const byName = (a: DashboardRow, b: DashboardRow) => a.name.localeCompare(b.name, 'vi', { numeric: true });
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return sign * byName(a, b);
    const d = (a.values[sort.column] ?? 0) - (b.values[sort.column] ?? 0);
    return d !== 0 ? sign * d : byName(a, b);
  });
}

/** The next sort after clicking a header: a new column starts descending (names ascending). */
export function nextSort(current: SortState | null, column: string): SortState {
  if (current?.column === column) return { column, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  return { column, dir: column === 'name' ? 'ascending' : 'descending' };
}

/** A number for CSV, rounded to at most `digits` decimals (no -0); `null` (an empty cell) when not finite. */
export function csvNumber(v: number, digits = 2): number | null {
  if (!Number.isFinite(v)) return null;
  const r = Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
}

/**
 * CSV text of a table (io/writers/csv_table.ts: byte-order mark, CRLF, formula guard on every
 * text cell, header included — commune names and class labels come from imported files):
 * code and name, then one column per table column, then the district total.
 */
export function tableToCsv(table: DashboardTable, headers: { code: string; total: string; column(c: DashboardColumn): string }): string {
  const cols = table.columns.filter((c) => c.id !== 'name');
  const digits = (c: DashboardColumn) => (c.kind === 'count' ? 0 : 2);
  const name = table.columns.find((c) => c.id === 'name');
  const out: CsvValue[][] = [[headers.code, name ? headers.column(name) : '', ...cols.map((c) => headers.column(c))]];
  for (const r of table.rows) out.push([r.code, r.name, ...cols.map((c) => csvNumber(r.values[c.id] ?? 0, digits(c)))]);
  out.push(['', headers.total, ...cols.map((c) => csvNumber(table.total.values[c.id] ?? 0, digits(c)))]);
  return csvTable(out);
}

export interface PlanRow {
  year: string;
  communeCode: string;
  planHa: number;
}

export interface Headline {
  year: string;
  plantedHa: number;
  planHa: number;
  /** planted / plan × 100 */
  pct: number;
}

/**
 * Planted hectares of one year (engine rows grouped by year) against the plan. The year is
 * `year` when given, else the latest plan year that has planting.
 */
export function plantingHeadline(rows: readonly Pick<StatsRow, 'class' | 'ha'>[], plan: readonly PlanRow[], year?: string): Headline | null {
  const planted = new Map<string, number>();
  for (const r of rows) if (r.class !== null) planted.set(r.class, (planted.get(r.class) ?? 0) + r.ha);
  const planned = new Map<string, number>();
  for (const p of plan) planned.set(p.year, (planned.get(p.year) ?? 0) + p.planHa);
  const y = year ?? [...planned.keys()].filter((k) => planted.has(k)).sort((a, b) => Number(b) - Number(a) || b.localeCompare(a))[0];
  if (y === undefined) return null;
  const planHa = planned.get(y);
  if (planHa === undefined) return null;
  const plantedHa = planted.get(y) ?? 0;
  return { year: y, plantedHa, planHa, pct: pct(plantedHa, planHa) };
}
