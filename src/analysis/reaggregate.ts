import { COMMUNE_MAPPING_2025, type CommuneMapping2025Row } from './commune_mapping_2025';
import type { BoundaryTotal, ClassTotal, Measures, StatsResult, StatsRow } from './overlay_stats';

// Re-aggregates per-commune figures on the 2013–2025 communes onto the communes since
// 1 July 2025, summing hectares, counts and sums through the official old → new mapping.

/** A GSO commune code as a 5-digit string: 3433 and '3433' become '03433'. */
export function normalizeGsoCode(code: string | number): string {
  const s = String(code).trim();
  return /^\d{1,5}$/.test(s) ? s.padStart(5, '0') : s;
}

export interface OldCommuneRow extends Partial<Measures> {
  boundaryCode: string | number;
  /** class of the row (e.g. forest category); rows are kept apart by class */
  class?: string | null;
  /** area of the old commune, ha (used when the new communes' areas are not given) */
  boundaryHa?: number;
}

export interface NewCommuneRow extends Measures {
  boundaryCode: string;
  boundaryName: string;
  class: string | null;
  /** the new commune's area: from `newAreasHa` when given, else the sum of its old communes present */
  boundaryHa: number;
  pctOfBoundary: number;
  /** old codes that contributed */
  sourceCodes: string[];
  /** old codes of this new commune with no input row (e.g. Hua Bum of former Nậm Nhùn) */
  missingCodes: string[];
}

export interface ReaggregateResult {
  rows: NewCommuneRow[];
  /** input codes that are not in the mapping */
  unmapped: string[];
}

export interface ReaggregateOptions {
  mapping?: readonly Pick<CommuneMapping2025Row, 'oldCode' | 'newCode' | 'newCommune'>[];
  /** new code → area in ha, e.g. from `computeStats` over the 2025 boundaries */
  newAreasHa?: Record<string, number>;
}

export function reaggregateTo2025(rows: readonly OldCommuneRow[], opts: ReaggregateOptions = {}): ReaggregateResult {
  const mapping = opts.mapping ?? COMMUNE_MAPPING_2025;
  const byOld = new Map(mapping.map((m) => [normalizeGsoCode(m.oldCode), m]));
  const unmapped = new Set<string>();
  const present = new Set<string>();
  const out = new Map<string, NewCommuneRow>();
  for (const row of rows) {
    const oldCode = normalizeGsoCode(row.boundaryCode);
    const m = byOld.get(oldCode);
    if (!m) {
      unmapped.add(oldCode);
      continue;
    }
    present.add(oldCode);
    const cls = row.class ?? null;
    const key = `${m.newCode}\u0000${cls ?? '\u0001'}`;
    let acc = out.get(key);
    if (!acc) {
      acc = {
        boundaryCode: m.newCode, boundaryName: m.newCommune, class: cls, ha: 0, count: 0, sums: {}, valueCounts: {},
        boundaryHa: 0, pctOfBoundary: 0, sourceCodes: [], missingCodes: [],
      };
      out.set(key, acc);
    }
    acc.ha += row.ha ?? 0;
    acc.count += row.count ?? 0;
    for (const [k, v] of Object.entries(row.sums ?? {})) acc.sums[k] = (acc.sums[k] ?? 0) + v;
    for (const [k, v] of Object.entries(row.valueCounts ?? {})) acc.valueCounts[k] = (acc.valueCounts[k] ?? 0) + v;
    if (!acc.sourceCodes.includes(oldCode)) acc.sourceCodes.push(oldCode);
  }
  // an old commune's area counts for every class of the new one, even where it has no row of that class
  const oldAreas = new Map<string, number>();
  for (const row of rows) if (row.boundaryHa !== undefined) oldAreas.set(normalizeGsoCode(row.boundaryCode), row.boundaryHa);
  const result: NewCommuneRow[] = [];
  for (const acc of out.values()) {
    const olds = mapping.filter((m) => m.newCode === acc.boundaryCode).map((m) => normalizeGsoCode(m.oldCode));
    acc.missingCodes = olds.filter((c) => !present.has(c));
    acc.sourceCodes.sort();
    acc.boundaryHa = opts.newAreasHa?.[acc.boundaryCode] ?? olds.reduce((s, c) => s + (oldAreas.get(c) ?? 0), 0);
    acc.pctOfBoundary = acc.boundaryHa > 0 ? (acc.ha / acc.boundaryHa) * 100 : 0;
    result.push(acc);
  }
  result.sort((a, b) => a.boundaryCode.localeCompare(b.boundaryCode) || (a.class ?? '').localeCompare(b.class ?? '', 'vi'));
  return { rows: result, unmapped: [...unmapped].sort() };
}

/** One row of an old → new table: old unit `oldCode` became part of new unit `newCode`. */
export interface UnitMapping {
  oldCode: string | number;
  newCode: string | number;
}

/** A unit of the new boundary set, in the order the result should list them. */
export interface TargetUnit {
  code: string;
  name: string | null;
  /** its area, measured on its own boundary */
  ha: number;
}

export interface ReaggregatedStats extends StatsResult {
  /** new code → its old codes the statistics did not cover (Hua Bum took part of Nậm Nhùn) */
  uncovered: Record<string, string[]>;
  /** old codes of the result with no new unit among the targets */
  unmapped: string[];
}

/**
 * A whole statistics result computed on the old units, re-expressed on the new units: rows,
 * unit totals, class totals and the grand total, with shares of the new units' own areas.
 * Counts of polygon features are summed, so a feature reaching two merged communes counts twice.
 */
export function reaggregateStats(result: StatsResult, mapping: readonly UnitMapping[], targets: readonly TargetUnit[]): ReaggregatedStats {
  const normalized = mapping.map((m) => ({ oldCode: normalizeGsoCode(m.oldCode), newCode: normalizeGsoCode(m.newCode), newCommune: '' }));
  const targetIndex = new Map(targets.map((t, i) => [normalizeGsoCode(t.code), i]));
  const byOld = new Map(normalized.map((m) => [m.oldCode, m.newCode]));
  const { rows: merged, unmapped } = reaggregateTo2025(
    result.rows.map((r) => ({ boundaryCode: r.boundaryCode, class: r.class, ha: r.ha, count: r.count, sums: r.sums, valueCounts: r.valueCounts })),
    { mapping: normalized, newAreasHa: Object.fromEntries(targets.map((t) => [normalizeGsoCode(t.code), t.ha])) },
  );
  const lost = new Set(unmapped);
  for (const b of result.boundaries) {
    const target = byOld.get(normalizeGsoCode(b.boundaryCode));
    if (target === undefined || !targetIndex.has(target)) lost.add(normalizeGsoCode(b.boundaryCode));
  }

  const fields = Object.keys(result.total.sums);
  const zero = (): Measures => ({ ha: 0, count: 0, sums: Object.fromEntries(fields.map((f) => [f, 0])), valueCounts: Object.fromEntries(fields.map((f) => [f, 0])) });
  const add = (into: Measures, m: Measures) => {
    into.ha += m.ha;
    into.count += m.count;
    for (const [k, v] of Object.entries(m.sums)) into.sums[k] = (into.sums[k] ?? 0) + v;
    for (const [k, v] of Object.entries(m.valueCounts)) into.valueCounts[k] = (into.valueCounts[k] ?? 0) + v;
  };
  const classOrder = new Map(result.classes.map((c, i) => [c.class, i]));
  const rows: StatsRow[] = merged
    .filter((r) => targetIndex.has(r.boundaryCode))
    .sort((a, b) => targetIndex.get(a.boundaryCode)! - targetIndex.get(b.boundaryCode)! || (classOrder.get(a.class) ?? 0) - (classOrder.get(b.class) ?? 0))
    .map((r) => ({
      boundaryCode: r.boundaryCode,
      boundaryName: targets[targetIndex.get(r.boundaryCode)!]!.name,
      boundaryHa: r.boundaryHa,
      class: r.class,
      ha: r.ha,
      count: r.count,
      sums: r.sums,
      valueCounts: r.valueCounts,
      pctOfBoundary: r.pctOfBoundary,
    }));

  const oldCodes = new Set(result.boundaries.map((b) => normalizeGsoCode(b.boundaryCode)));
  const uncovered: Record<string, string[]> = {};
  const boundaries: BoundaryTotal[] = targets.map((t) => {
    const code = normalizeGsoCode(t.code);
    const missing = normalized.filter((m) => m.newCode === code && !oldCodes.has(m.oldCode)).map((m) => m.oldCode);
    if (missing.length > 0 || !normalized.some((m) => m.newCode === code)) uncovered[code] = missing;
    const sum = zero();
    for (const r of rows) if (r.boundaryCode === code) add(sum, r);
    return { boundaryCode: code, boundaryName: t.name, boundaryHa: t.ha, ...sum, pctOfBoundary: t.ha > 0 ? (sum.ha / t.ha) * 100 : 0 };
  });
  const total = zero();
  for (const b of boundaries) add(total, b);
  const totalHa = targets.reduce((s, t) => s + t.ha, 0);
  const classes: ClassTotal[] = result.classes.map((c) => {
    const m = zero();
    for (const r of rows) if (r.class === c.class) add(m, r);
    return { class: c.class, ...m, pctOfTotal: totalHa > 0 ? (m.ha / totalHa) * 100 : 0 };
  });
  return {
    geometry: result.geometry,
    rows,
    boundaries,
    classes,
    total: { ...total, boundaryHa: totalHa, pctOfTotal: totalHa > 0 ? (total.ha / totalHa) * 100 : 0 },
    outsideCount: result.outsideCount,
    skipped: result.skipped,
    warnings: result.warnings,
    uncovered,
    unmapped: [...lost].sort(),
  };
}

/** The rows of a pack's old → new table (CSV text), codes with their leading zeros restored. */
export function parseUnitMapping(rows: readonly Record<string, unknown>[], fromField: string, toField: string): UnitMapping[] {
  return rows
    .map((r) => ({ oldCode: String(r[fromField] ?? '').trim(), newCode: String(r[toField] ?? '').trim() }))
    .filter((m) => m.oldCode !== '' && m.newCode !== '')
    .map((m) => ({ oldCode: normalizeGsoCode(m.oldCode), newCode: normalizeGsoCode(m.newCode) }));
}
