import type { TableSpec } from '../catalog/manifest_types';

// The pack's non-spatial tables (planting plan, old → new commune table) are fetched on first
// use, once per pack, and parsed with papaparse, which stays out of the first bundle.

const cache = new Map<string, Promise<Record<string, string>[]>>();

/** Rows of a pack table as header → cell text; a failed fetch is not cached, so it can be retried. */
export function fetchPackTable(packUrl: string, table: Pick<TableSpec, 'file'>): Promise<Record<string, string>[]> {
  const url = new URL(table.file, new URL(packUrl, document.baseURI)).href;
  let rows = cache.get(url);
  if (!rows) {
    rows = Promise.all([fetch(url), import('papaparse')]).then(async ([res, papa]) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${url}`);
      const text = (await res.text()).replace(/^\ufeff/, '');
      return papa.default.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', dynamicTyping: false }).data;
    });
    rows.catch(() => cache.delete(url));
    cache.set(url, rows);
  }
  return rows;
}
