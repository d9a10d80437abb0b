import { COMMUNE_MAPPING_2025, type CommuneMapping2025Row } from './commune_mapping_2025';
import type { Measures } from './overlay_stats';

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
  mapping?: readonly CommuneMapping2025Row[];
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
