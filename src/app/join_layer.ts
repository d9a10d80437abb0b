import type { BoundarySetSpec, LayerSpec, Localized } from '../catalog/manifest_types';
import type { AppState, AppStore } from '../state/store';
import { USER_GROUP } from '../state/store';
import { localize, type Message } from '../i18n/i18n';
import type { ImportTable } from '../io/formats/types';
import { baseName } from '../io/formats/types';
import { JOINED_NAME_FIELD, detectKeyColumn, indexBoundaries, indicatorColumns, joinedFeatures, joinTable, type BoundaryIndex, type JoinBy, type UnmatchedRow } from '../analysis/table_join';
import { graduatedStyle, singleStyle } from '../style/auto_style';

// A CSV without coordinates joined to a boundary set (analysis/table_join.ts) becomes a
// "My data" polygon layer: the communes' polygons carrying the table's attributes, coloured by
// the first indicator column (quantile, 5 classes), added through the same store path as any
// import. Rows that matched nothing are reported in the UI language.

/** What the user (or a script) chose: both default (detected column, active boundary set). */
export interface JoinChoice {
  column?: string;
  boundarySet?: string;
}

export interface JoinSummary {
  /** id of the layer added */
  layer: string;
  file: string;
  boundarySet: string;
  column: string;
  by: JoinBy;
  rows: number;
  matched: number;
  /** rows that matched no commune (spreadsheet row numbers, header = 1) */
  unmatched: UnmatchedRow[];
  /** codes of the communes no row matched */
  unitsWithoutRow: string[];
  /** communes matched by several rows (the first row is used) */
  duplicates: { code: string; rowNumbers: number[] }[];
}

/** What the options dialog needs to offer a join. */
export interface JoinOffer {
  sets: { id: string; title: Localized }[];
  /** preselected set: the active one */
  boundarySet: string;
  /** best key column of a set, or null when no column matches */
  detect(boundarySet: string): { column: string; by: JoinBy; matched: number } | null;
  /** rows a column matches in a set */
  preview(column: string, boundarySet: string): { matched: number; total: number; by: JoinBy };
}

interface ReadySet {
  spec: BoundarySetSpec;
  index: BoundaryIndex;
  data: NonNullable<AppState['layerData'][string]['data']>;
}

function readySet(state: AppState, id: string | undefined): ReadySet | null {
  const sets = state.pack.manifest?.boundarySets ?? [];
  const spec = sets.find((b) => b.id === (id ?? state.boundarySet)) ?? (id === undefined ? sets[0] : undefined);
  const data = spec ? state.layerData[spec.layer]?.data : null;
  if (!spec || !data) return null;
  return { spec, data, index: indexBoundaries(data, spec) };
}

/** A join offer for a parsed table, or null when the pack has no loaded boundary set. */
export function joinOffer(store: AppStore, table: ImportTable): JoinOffer | null {
  const state = store.getState();
  const sets = (state.pack.manifest?.boundarySets ?? []).filter((b) => state.layerData[b.layer]?.data);
  if (sets.length === 0) return null;
  const cache = new Map<string, ReadySet | null>();
  const get = (id: string) => {
    if (!cache.has(id)) cache.set(id, readySet(store.getState(), id));
    return cache.get(id)!;
  };
  return {
    sets: sets.map((b) => ({ id: b.id, title: b.title })),
    boundarySet: sets.some((b) => b.id === state.boundarySet) ? state.boundarySet! : sets[0]!.id,
    detect: (id) => {
      const s = get(id);
      return s ? detectKeyColumn(table, s.index) : null;
    },
    preview: (column, id) => {
      const s = get(id);
      if (!s) return { matched: 0, total: table.rows.length, by: 'code' };
      const r = joinTable(table, s.index, { column });
      return { matched: r.matched.length + r.duplicates.reduce((n, d) => n + d.rowNumbers.length - 1, 0), total: table.rows.length, by: r.by };
    },
  };
}

let joinCounter = 0;
/** Value lists in messages: the first 15, then "…". */
const LIST_MAX = 15;

function listOf(items: string[]): string {
  return items.slice(0, LIST_MAX).join(', ') + (items.length > LIST_MAX ? ', …' : '');
}

export type JoinOutcome = { ok: true; summary: JoinSummary } | { ok: false; error: Message };

/**
 * Joins `table` to a boundary set and adds the result as a "My data" layer, with messages:
 * an info line, a warning listing the rows that matched nothing, one for duplicate keys.
 * Nothing is added when no row matches; the error says which file and what to do.
 */
export function joinIntoLayer(store: AppStore, fileName: string, table: ImportTable, choice: JoinChoice = {}): JoinOutcome {
  const state = store.getState();
  const set = readySet(state, choice.boundarySet);
  if (!set) return { ok: false, error: { key: 'import.join.noBoundaries', params: { file: fileName } } };
  const lang = state.lang;
  const setTitle = localize(set.spec.title, lang);
  if (choice.column !== undefined && !table.columns.includes(choice.column)) {
    return { ok: false, error: { key: 'import.error.csvColumnMissing', params: { file: fileName, column: choice.column, columns: table.columns.join(', ') } } };
  }
  const result = joinTable(table, set.index, choice.column !== undefined ? { column: choice.column } : {});
  if (result.column === null || result.matched.length === 0) {
    return { ok: false, error: { key: 'import.join.noMatch', params: { file: fileName, set: setTitle, column: result.column ?? choice.column ?? table.columns.join(', ') } } };
  }
  const column = result.column;
  const data = joinedFeatures(table, set.data, result);
  const fields = indicatorColumns(table, set.index, column);
  const s = store.getState();
  const index = s.userLayers.length;
  const name = baseName(fileName);
  const spec: LayerSpec = {
    id: `user-${Date.now().toString(36)}-j${++joinCounter}`,
    title: name,
    group: USER_GROUP.id,
    file: fileName,
    format: 'geojson',
    geometry: 'polygon',
    // the commune's name heads the popup; every attribute is listed (as text)
    popup: { titleField: JOINED_NAME_FIELD, fields: [] },
    style: fields[0] !== undefined ? { ...graduatedStyle(fields[0], data.features), fillOpacity: 0.85, width: 1 } : singleStyle(index, 'polygon'),
    provenance: {
      source: {
        vi: `Tệp ${fileName}, nối với ranh giới “${localize(set.spec.title, 'vi')}” theo cột “${column}” (nhập bởi người dùng)`,
        en: `File ${fileName}, joined to the boundaries “${localize(set.spec.title, 'en')}” by column “${column}” (imported by the user)`,
      },
    },
    illustrative: false,
  };
  s.addUserLayer(spec, { status: 'ready', data, featureCount: data.features.length, skipped: result.unmatched.map((u) => u.rowNumber), error: null });
  const params = { file: fileName, set: setTitle, column };
  s.pushMessage('info', { key: 'import.join.added', params: { ...params, matched: result.matched.length, total: table.rows.length } });
  if (result.unmatched.length > 0) {
    const list = listOf(result.unmatched.map((u) => `${u.rowNumber} “${u.value}”`));
    s.pushMessage('warning', { key: 'import.join.unmatched', params: { ...params, count: result.unmatched.length, list } });
    if (result.unmatched.some((u) => u.reason === 'ambiguous')) s.pushMessage('warning', { key: 'import.join.ambiguous', params: { file: fileName } });
  }
  if (result.duplicates.length > 0) {
    const list = listOf(result.duplicates.map((d) => `${d.name ?? d.code}: ${d.rowNumbers.join(', ')}`));
    s.pushMessage('warning', { key: 'import.join.duplicates', params: { file: fileName, count: result.duplicates.length, list } });
  }
  if (result.unitsWithoutRow.length > 0) {
    const list = listOf(result.unitsWithoutRow.map((u) => u.name ?? u.code));
    s.pushMessage('info', { key: 'import.join.unitsWithoutRow', params: { ...params, count: result.unitsWithoutRow.length, list } });
  }
  return {
    ok: true,
    summary: {
      layer: spec.id,
      file: fileName,
      boundarySet: set.spec.id,
      column,
      by: result.by,
      rows: table.rows.length,
      matched: result.matched.length,
      unmatched: result.unmatched,
      unitsWithoutRow: result.unitsWithoutRow.map((u) => u.code),
      duplicates: result.duplicates.map(({ code, rowNumbers }) => ({ code, rowNumbers })),
    },
  };
}
