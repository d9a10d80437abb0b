import type { Feature, FeatureCollection } from 'geojson';
import { valueAt } from '../io/point_table';
import type { FeatureEdit } from './feature_edits';
import type { LayerData } from './store';

// Undo and redo of every edit of layer data: features added, changed and deleted on plan
// layers (drawing, vertex edits, split, merge), and attribute edits from the form or the
// attribute table, single or bulk. Each entry holds only what it changed, both ways, so a
// hundred steps on a 50,000-polygon layer cost a hundred small patches, not a hundred copies.

/** The most steps kept; the issue asks for at least 100. */
export const MAX_UNDO_STEPS = 200;

/** One feature before and after a change; null before = added, null after = deleted. */
export interface FeatureChange {
  id: string | number;
  before: Feature | null;
  after: Feature | null;
  /** Where a deleted feature stood, so undoing the delete puts it back in its place. */
  index?: number;
}

export type HistoryEntry =
  | { kind: 'features'; layerId: string; changes: FeatureChange[] }
  | { kind: 'attributes'; layerId: string; edits: FeatureEdit[]; previous: FeatureEdit[] };

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

/** A new entry: it becomes the last undoable step and clears what could be redone. */
export function pushEntry(h: History, entry: HistoryEntry): History {
  const past = h.past.length >= MAX_UNDO_STEPS ? h.past.slice(h.past.length - MAX_UNDO_STEPS + 1) : h.past.slice();
  past.push(entry);
  return { past, future: [] };
}

export function invertEntry(e: HistoryEntry): HistoryEntry {
  if (e.kind === 'attributes') return { ...e, edits: e.previous, previous: e.edits };
  return { ...e, changes: e.changes.map((c) => ({ ...c, before: c.after, after: c.before })).reverse() };
}

/** Drops the steps of a layer that no longer exists (removed, or replaced by a project). */
export function forgetLayer(h: History, layerId: string): History {
  const keep = (e: HistoryEntry) => e.layerId !== layerId;
  return { past: h.past.filter(keep), future: h.future.filter(keep) };
}

/** The values the edits overwrite, so the edit can be undone. */
export function previousValues(entry: LayerData, edits: readonly FeatureEdit[]): FeatureEdit[] {
  return edits.map((e) => {
    let value: FeatureEdit['value'] = null;
    if (entry.points) value = e.index >= 0 && e.index < entry.points.length ? valueAt(entry.points, e.field, e.index) : null;
    else {
      const props = entry.data?.features[e.index]?.properties;
      if (!props || !Object.prototype.hasOwnProperty.call(props, e.field)) return { index: e.index, field: e.field, value: null, remove: true };
      const v = props[e.field];
      value = v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v);
    }
    return { index: e.index, field: e.field, value };
  });
}

/**
 * The collection with the changes applied: a changed feature keeps its place, a deleted one
 * is removed, and an added one goes back where it stood (`index`) or else last. Null when a
 * change names a feature that is not there, or adds one that is: the history and the data
 * disagree, which must not be papered over.
 */
export function applyFeatureChanges(fc: FeatureCollection, changes: readonly FeatureChange[]): FeatureCollection | null {
  let features = fc.features.slice();
  const indexOf = new Map<string | number, number>();
  features.forEach((f, i) => {
    if (f.id !== undefined) indexOf.set(f.id, i);
  });
  const removed = new Set<number>();
  const added: Array<{ feature: Feature; index: number | undefined }> = [];
  for (const c of changes) {
    const at = indexOf.get(c.id);
    if (c.before === null) {
      if ((at !== undefined && !removed.has(at)) || !c.after) return null;
      added.push({ feature: c.after, index: c.index });
      continue;
    }
    if (at === undefined || removed.has(at)) return null;
    if (c.after === null) removed.add(at);
    else features[at] = c.after;
  }
  if (removed.size > 0) features = features.filter((_, i) => !removed.has(i));
  // in ascending order, each feature lands at the index it had before the deletes
  for (const a of added.filter((x) => x.index !== undefined).sort((x, y) => x.index! - y.index!)) features.splice(Math.min(a.index!, features.length), 0, a.feature);
  for (const a of added) if (a.index === undefined) features.push(a.feature);
  return { ...fc, features };
}

/** A feature id not used in the collection: "f1", "f2", ... after the highest one in use. */
export function nextFeatureId(fc: FeatureCollection | null, taken: ReadonlySet<string | number> = new Set()): string {
  let max = 0;
  for (const f of fc?.features ?? []) {
    const m = typeof f.id === 'string' ? /^f(\d+)$/.exec(f.id) : null;
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (taken.has(`f${n}`)) n++;
  return `f${n}`;
}
