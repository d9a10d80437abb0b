import type { LayerSpec, PackManifest } from './manifest_types';
import type { Message } from '../i18n/i18n';
import { MANIFEST_SCHEMA_VERSION } from './manifest_types';
import { PACK_FORMAT_IDS } from '../io/formats/pack_formats';
import {
  MAX_LAYER_FILTERS,
  MAX_MANIFEST_BOUNDARY_SETS,
  MAX_MANIFEST_GROUPS,
  MAX_MANIFEST_LAYERS,
  MAX_MANIFEST_TABLES,
  MAX_POPUP_FIELDS,
  MAX_PROBLEMS,
  MAX_STYLE_CLASSES,
  MAX_TEXT_LENGTH,
  MAX_VALUE_LABELS,
  isColor,
  isSafeId,
} from './intake_limits';

// Validation returns every problem at once, each with a JSON path, so a pack author can fix
// a manifest in one pass. Messages are codes plus parameters; src/i18n turns them into text.

export type ManifestProblemCode =
  | 'not-object'
  | 'required'
  | 'type'
  | 'enum'
  | 'duplicate'
  | 'unknown-ref'
  | 'color'
  | 'range'
  | 'schema-version'
  | 'id'
  | 'too-many'
  | 'too-long';

export interface ManifestProblem {
  path: string;
  code: ManifestProblemCode;
  /** What was expected, for the message: a type name, a list of values, a range. */
  expected?: string;
  got?: string;
}

export type ManifestResult =
  | { ok: true; manifest: PackManifest }
  /** `problems` holds at most MAX_PROBLEMS; `total` counts them all. */
  | { ok: false; problems: ManifestProblem[]; total: number };

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A problem as a message for the UI (src/i18n turns it into text). */
export function problemMessage(p: ManifestProblem): Message {
  return { key: `problem.${p.code}`, params: { path: p.path, expected: p.expected ?? '', got: p.got ?? '' } };
}

/** `path.key`, or `key` at the root of a document whose paths have no `$`. */
export const joinPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'string' ? JSON.stringify(v).slice(0, 40) : typeof v;

/** Collects problems for one document; keeps the first MAX_PROBLEMS and counts the rest. */
export class Checker {
  readonly problems: ManifestProblem[] = [];
  total = 0;

  add(path: string, code: ManifestProblemCode, expected?: string, got?: unknown): void {
    this.total++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, code, expected, got: got === undefined ? undefined : describe(got) });
  }

  /** A required-or-optional safe identifier (see isSafeId). */
  id(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = this.string(o, key, path, required);
    if (v === undefined) return undefined;
    if (!isSafeId(v)) {
      this.add(joinPath(path, key), 'id', 'letters, digits, _ . - (max 64), not __proto__', v);
      return undefined;
    }
    return v;
  }

  object(o: Obj, key: string, path: string, required = true): Obj | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', 'object');
      return undefined;
    }
    if (!isObj(v)) {
      this.add(joinPath(path, key), 'type', 'object', v);
      return undefined;
    }
    return v;
  }

  string(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', 'string');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(joinPath(path, key), 'type', 'non-empty string', v);
      return undefined;
    }
    if (v.length > MAX_TEXT_LENGTH) {
      this.add(joinPath(path, key), 'too-long', `${MAX_TEXT_LENGTH} characters`, v);
      return undefined;
    }
    return v;
  }

  number(o: Obj, key: string, path: string, min: number, max: number, required = false): number | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', 'number');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(joinPath(path, key), 'type', 'number', v);
      return undefined;
    }
    if (v < min || v > max) this.add(joinPath(path, key), 'range', `${min}..${max}`, v);
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[], required = true): T | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', values.join(' | '));
      return undefined;
    }
    if (typeof v !== 'string' || !values.includes(v as T)) {
      this.add(joinPath(path, key), 'enum', values.join(' | '), v);
      return undefined;
    }
    return v as T;
  }

  localized(o: Obj, key: string, path: string, required = true): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', 'text or {vi, en}');
      return;
    }
    const ok = (x: unknown) => typeof x === 'string' && x.length <= MAX_TEXT_LENGTH;
    if (typeof v === 'string' && v.trim() !== '' && ok(v)) return;
    if (isObj(v) && ok(v.vi) && ok(v.en)) return;
    this.add(joinPath(path, key), 'type', `text or {vi, en} of at most ${MAX_TEXT_LENGTH} characters`, v);
  }

  color(o: Obj, key: string, path: string, required = true): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', 'colour');
      return;
    }
    if (!isColor(v)) this.add(joinPath(path, key), 'color', '#rrggbb, rgb(), hsl() or a colour name', v);
  }

  /** An array of at most `max` items; a longer one is one problem and is not looked into. */
  array(o: Obj, key: string, path: string, required = true, max = MAX_STYLE_CLASSES): unknown[] | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(joinPath(path, key), 'required', 'array');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(joinPath(path, key), 'type', 'array', v);
      return undefined;
    }
    if (v.length > max) {
      this.add(joinPath(path, key), 'too-many', String(max), `${v.length} items`);
      return undefined;
    }
    return v;
  }
}

function checkStyle(c: Checker, style: Obj, path: string): void {
  const type = c.oneOf(style, 'type', path, ['single', 'categories', 'graduated'] as const);
  c.color(style, 'outlineColor', path, false);
  c.number(style, 'width', path, 0, 50);
  c.number(style, 'radius', path, 0, 100);
  c.number(style, 'fillOpacity', path, 0, 1);
  if (type === 'single') {
    c.color(style, 'color', path);
    c.localized(style, 'label', path, false);
  } else if (type === 'categories') {
    c.string(style, 'field', path);
    c.color(style, 'otherColor', path, false);
    c.localized(style, 'otherLabel', path, false);
    const cats = c.array(style, 'categories', path) ?? [];
    if (cats.length === 0 && Array.isArray(style.categories)) c.add(`${path}.categories`, 'required', 'at least one category');
    cats.forEach((cat, i) => {
      const p = `${path}.categories[${i}]`;
      if (!isObj(cat)) return c.add(p, 'type', 'object', cat);
      if (typeof cat.value !== 'string' && typeof cat.value !== 'number') c.add(`${p}.value`, 'type', 'string or number', cat.value);
      c.color(cat, 'color', p);
      c.localized(cat, 'label', p);
    });
  } else if (type === 'graduated') {
    c.string(style, 'field', path);
    c.localized(style, 'unit', path, false);
    c.oneOf(style, 'method', path, ['quantile', 'equal-interval', 'natural-breaks'] as const, false);
    c.oneOf(style, 'ramp', path, ['ylgnbu', 'blues', 'greens', 'viridis', 'cividis'] as const, false);
    if (style.noData !== undefined && typeof style.noData !== 'boolean') c.add(`${path}.noData`, 'type', 'boolean', style.noData);
    const classes = c.array(style, 'classes', path) ?? [];
    classes.forEach((cl, i) => {
      const p = `${path}.classes[${i}]`;
      if (!isObj(cl)) return c.add(p, 'type', 'object', cl);
      c.color(cl, 'color', p);
      c.number(cl, 'min', p, -Infinity, Infinity);
      c.number(cl, 'max', p, -Infinity, Infinity);
      c.localized(cl, 'label', p, false);
    });
  }
}

function checkLayer(c: Checker, layer: Obj, path: string, groupIds: ReadonlySet<string>): void {
  c.id(layer, 'id', path);
  c.localized(layer, 'title', path);
  const group = c.string(layer, 'group', path);
  if (group !== undefined && !groupIds.has(group)) c.add(`${path}.group`, 'unknown-ref', [...groupIds].join(', '), group);
  c.string(layer, 'file', path);
  const format = c.oneOf(layer, 'format', path, PACK_FORMAT_IDS);
  if (format === 'csv') {
    const coords = c.object(layer, 'coordinates', path);
    if (coords) {
      c.string(coords, 'lon', `${path}.coordinates`);
      c.string(coords, 'lat', `${path}.coordinates`);
    }
  }
  const geometry = c.oneOf(layer, 'geometry', path, ['polygon', 'line', 'point'] as const);
  if (format === 'csv' && geometry !== undefined && geometry !== 'point') c.add(`${path}.geometry`, 'enum', 'point (CSV layers are points)', geometry);
  if (layer.visible !== undefined && typeof layer.visible !== 'boolean') c.add(`${path}.visible`, 'type', 'boolean', layer.visible);
  if (layer.illustrative !== undefined && typeof layer.illustrative !== 'boolean') c.add(`${path}.illustrative`, 'type', 'boolean', layer.illustrative);
  if (layer.measured !== undefined && typeof layer.measured !== 'boolean') c.add(`${path}.measured`, 'type', 'boolean', layer.measured);
  c.number(layer, 'opacity', path, 0, 1);
  c.oneOf(layer, 'renderer', path, ['auto', 'maplibre', 'deck'] as const, false);
  c.localized(layer, 'legendTitle', path, false);
  c.localized(layer, 'description', path, false);
  const style = c.object(layer, 'style', path);
  if (style) checkStyle(c, style, `${path}.style`);
  const popup = c.object(layer, 'popup', path, false);
  if (popup) {
    c.string(popup, 'titleField', `${path}.popup`, false);
    (c.array(popup, 'fields', `${path}.popup`, true, MAX_POPUP_FIELDS) ?? []).forEach((f, i) => {
      const p = `${path}.popup.fields[${i}]`;
      if (!isObj(f)) return c.add(p, 'type', 'object', f);
      c.string(f, 'field', p);
      c.localized(f, 'label', p);
      c.oneOf(f, 'format', p, ['text', 'number', 'integer', 'percent', 'year'] as const, false);
      c.number(f, 'digits', p, 0, 10);
      c.localized(f, 'unit', p, false);
      const values = c.object(f, 'values', p, false);
      const keys = values ? Object.keys(values) : [];
      if (keys.length > MAX_VALUE_LABELS) c.add(`${p}.values`, 'too-many', String(MAX_VALUE_LABELS), `${keys.length} keys`);
      else if (values) for (const key of keys) c.localized(values, key, `${p}.values`);
    });
  }
  const label = c.object(layer, 'label', path, false);
  if (label) {
    c.string(label, 'field', `${path}.label`);
    c.number(label, 'minzoom', `${path}.label`, 0, 24);
    c.number(label, 'size', `${path}.label`, 4, 64);
    c.color(label, 'color', `${path}.label`, false);
  }
  (c.array(layer, 'filters', path, false, MAX_LAYER_FILTERS) ?? []).forEach((f, i) => {
    const p = `${path}.filters[${i}]`;
    if (!isObj(f)) return c.add(p, 'type', 'object', f);
    c.string(f, 'field', p);
    c.localized(f, 'label', p);
  });
  const prov = c.object(layer, 'provenance', path);
  if (prov) c.localized(prov, 'source', `${path}.provenance`);
}

export function validateManifest(input: unknown): ManifestResult {
  const c = new Checker();
  if (!isObj(input)) {
    c.add('$', 'not-object', 'object', input);
    return { ok: false, problems: c.problems, total: c.total };
  }
  const m = input;
  if (m.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    c.add('$.schemaVersion', 'schema-version', String(MANIFEST_SCHEMA_VERSION), m.schemaVersion);
  }
  c.id(m, 'id', '$');
  c.localized(m, 'title', '$');
  c.localized(m, 'notice', '$', false);
  c.localized(m, 'description', '$', false);
  const bounds = c.array(m, 'bounds', '$');
  if (bounds) {
    const [w, s, e, n] = bounds as number[];
    const valid =
      bounds.length === 4 &&
      bounds.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
      w! >= -180 && e! <= 180 && s! >= -90 && n! <= 90 && w! < e! && s! < n!;
    if (!valid) c.add('$.bounds', 'range', '[west, south, east, north] in degrees', bounds);
  }

  const groupIds = new Set<string>();
  (c.array(m, 'groups', '$', true, MAX_MANIFEST_GROUPS) ?? []).forEach((g, i) => {
    const p = `$.groups[${i}]`;
    if (!isObj(g)) return c.add(p, 'type', 'object', g);
    const id = c.id(g, 'id', p);
    c.localized(g, 'title', p);
    if (id === undefined) return;
    if (groupIds.has(id)) c.add(`${p}.id`, 'duplicate', undefined, id);
    groupIds.add(id);
  });

  const layerIds = new Map<string, unknown>();
  // the cap is checked before any per-layer work: a million layers is one problem, at once
  const layers = c.array(m, 'layers', '$', true, MAX_MANIFEST_LAYERS) ?? [];
  layers.forEach((l, i) => {
    const p = `$.layers[${i}]`;
    if (!isObj(l)) return c.add(p, 'type', 'object', l);
    checkLayer(c, l, p, groupIds);
    if (isSafeId(l.id)) {
      if (layerIds.has(l.id)) c.add(`${p}.id`, 'duplicate', undefined, l.id);
      layerIds.set(l.id, l.geometry);
    }
  });

  const setIds = new Set<string>();
  const boundarySets = c.array(m, 'boundarySets', '$', false, MAX_MANIFEST_BOUNDARY_SETS);
  (boundarySets ?? []).forEach((b, i) => {
    const p = `$.boundarySets[${i}]`;
    if (!isObj(b)) return c.add(p, 'type', 'object', b);
    const id = c.id(b, 'id', p);
    if (id !== undefined) {
      if (setIds.has(id)) c.add(`${p}.id`, 'duplicate', undefined, id);
      setIds.add(id);
    }
    c.localized(b, 'title', p);
    const layer = c.string(b, 'layer', p);
    if (layer !== undefined && !layerIds.has(layer)) c.add(`${p}.layer`, 'unknown-ref', 'a layer id', layer);
    else if (layer !== undefined && layerIds.get(layer) !== 'polygon') c.add(`${p}.layer`, 'enum', 'a polygon layer', layer);
    c.string(b, 'codeField', p);
    c.string(b, 'nameField', p);
    c.string(b, 'typeField', p, false);
  });
  if (m.defaultBoundarySet !== undefined && !setIds.has(String(m.defaultBoundarySet))) {
    c.add('$.defaultBoundarySet', 'unknown-ref', [...setIds].join(', '), m.defaultBoundarySet);
  }
  const tables = c.array(m, 'tables', '$', false, MAX_MANIFEST_TABLES);
  (tables ?? []).forEach((t, i) => {
    const p = `$.tables[${i}]`;
    if (!isObj(t)) return c.add(p, 'type', 'object', t);
    c.id(t, 'id', p);
    c.localized(t, 'title', p);
    c.string(t, 'file', p);
  });
  const tableIds = new Set((tables ?? []).filter(isObj).map((t) => t.id));
  (boundarySets ?? []).forEach((b, i) => {
    if (!isObj(b) || b.aggregates === undefined) return;
    const p = `$.boundarySets[${i}].aggregates`;
    if (!isObj(b.aggregates)) return c.add(p, 'type', 'object', b.aggregates);
    const from = c.string(b.aggregates, 'from', p);
    if (from !== undefined && (!setIds.has(from) || from === b.id)) c.add(`${p}.from`, 'unknown-ref', 'another boundary set id', from);
    const table = c.string(b.aggregates, 'table', p);
    if (table !== undefined && !tableIds.has(table)) c.add(`${p}.table`, 'unknown-ref', 'a table id', table);
    c.string(b.aggregates, 'fromField', p);
    c.string(b.aggregates, 'toField', p);
  });

  if (c.total > 0) return { ok: false, problems: c.problems, total: c.total };
  return { ok: true, manifest: m as unknown as PackManifest };
}

/**
 * One layer spec outside a manifest (a project file's imported layer), held to exactly the
 * manifest's rules; problems go into the caller's checker under `path`.
 */
export function checkLayerSpec(c: Checker, input: unknown, path: string, groupIds: ReadonlySet<string>): LayerSpec | undefined {
  if (!isObj(input)) {
    c.add(path, 'type', 'object', input);
    return undefined;
  }
  const before = c.total;
  checkLayer(c, input, path, groupIds);
  return c.total === before ? (input as unknown as LayerSpec) : undefined;
}
