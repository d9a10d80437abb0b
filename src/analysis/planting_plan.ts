import Papa from 'papaparse';
import type { PlanRow } from './dashboard_rows';
import { normalizeGsoCode } from './reaggregate';

// The pack's planting plan table (columns year, commune_code, plan_ha; other columns are
// ignored) parsed into plan rows. Rows without a year or a number of hectares are skipped.

export interface ParsedPlan {
  rows: PlanRow[];
  /** 1-based data-row numbers left out */
  skipped: number[];
}

export function parsePlanCsv(text: string): ParsedPlan {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  return planFromRows(parsed.data);
}

/** The same, from rows already parsed (header → cell text), as `fetchPackTable` gives them. */
export function planFromRows(table: readonly Record<string, string>[]): ParsedPlan {
  const rows: PlanRow[] = [];
  const skipped: number[] = [];
  table.forEach((r, i) => {
    const year = (r.year ?? '').trim();
    const raw = (r.plan_ha ?? '').trim().replace(',', '.');
    const planHa = raw === '' ? NaN : Number(raw);
    if (!/^\d{4}$/.test(year) || !Number.isFinite(planHa)) return skipped.push(i + 1);
    rows.push({ year, communeCode: normalizeGsoCode(r.commune_code ?? ''), planHa });
  });
  return { rows, skipped };
}
