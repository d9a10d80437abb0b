import type { PackManifest } from './manifest_types';
import { MANIFEST_SCHEMA_VERSION } from './manifest_types';
import { PACK_FORMAT_IDS } from '../io/formats/pack_formats';

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
  | 'schema-version';

export interface ManifestProblem {
  path: string;
  code: ManifestProblemCode;
  /** What was expected, for the message: a type name, a list of values, a range. */
  expected?: string;
  got?: string;
}

export type ManifestResult =
  | { ok: true; manifest: PackManifest }
  | { ok: false; problems: ManifestProblem[] };

type Obj = Record<string, unknown>;

const COLOR_RE = /^(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\)|hsla?\([^)]*\)|transparent)$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'string' ? JSON.stringify(v).slice(0, 40) : typeof v;

class Checker {
  readonly problems: ManifestProblem[] = [];

  add(path: string, code: ManifestProblemCode, expected?: string, got?: unknown): void {
    this.problems.push({ path, code, expected, got: got === undefined ? undefined : describe(got) });
  }

  object(o: Obj, key: string, path: string, required = true): Obj | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', 'object');
      return undefined;
    }
    if (!isObj(v)) {
      this.add(`${path}.${key}`, 'type', 'object', v);
      return undefined;
    }
    return v;
  }

  string(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', 'string');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(`${path}.${key}`, 'type', 'non-empty string', v);
      return undefined;
    }
    return v;
  }

  number(o: Obj, key: string, path: string, min: number, max: number, required = false): number | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', 'number');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(`${path}.${key}`, 'type', 'number', v);
      return undefined;
    }
    if (v < min || v > max) this.add(`${path}.${key}`, 'range', `${min}..${max}`, v);
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[], required = true): T | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', values.join(' | '));
      return undefined;
    }
    if (typeof v !== 'string' || !values.includes(v as T)) {
      this.add(`${path}.${key}`, 'enum', values.join(' | '), v);
      return undefined;
    }
    return v as T;
  }

  localized(o: Obj, key: string, path: string, required = true): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', 'text or {vi, en}');
      return;
    }
    if (typeof v === 'string' && v.trim() !== '') return;
    if (isObj(v) && typeof v.vi === 'string' && typeof v.en === 'string') return;
    this.add(`${path}.${key}`, 'type', 'text or {vi, en}', v);
  }

  color(o: Obj, key: string, path: string, required = true): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', 'colour');
      return;
    }
    if (typeof v !== 'string' || !COLOR_RE.test(v.trim())) this.add(`${path}.${key}`, 'color', '#rrggbb', v);
  }

  array(o: Obj, key: string, path: string, required = true): unknown[] | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'required', 'array');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(`${path}.${key}`, 'type', 'array', v);
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

function checkLayer(c: Checker, layer: Obj, path: string, groupIds: Set<string>): void {
  c.string(layer, 'id', path);
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
    (c.array(popup, 'fields', `${path}.popup`) ?? []).forEach((f, i) => {
      const p = `${path}.popup.fields[${i}]`;
      if (!isObj(f)) return c.add(p, 'type', 'object', f);
      c.string(f, 'field', p);
      c.localized(f, 'label', p);
      c.oneOf(f, 'format', p, ['text', 'number', 'integer', 'percent', 'year'] as const, false);
      c.number(f, 'digits', p, 0, 10);
      c.localized(f, 'unit', p, false);
      const values = c.object(f, 'values', p, false);
      if (values) for (const key of Object.keys(values)) c.localized(values, key, `${p}.values`);
    });
  }
  const label = c.object(layer, 'label', path, false);
  if (label) {
    c.string(label, 'field', `${path}.label`);
    c.number(label, 'minzoom', `${path}.label`, 0, 24);
    c.number(label, 'size', `${path}.label`, 4, 64);
    c.color(label, 'color', `${path}.label`, false);
  }
  (c.array(layer, 'filters', path, false) ?? []).forEach((f, i) => {
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
    return { ok: false, problems: c.problems };
  }
  const m = input;
  if (m.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    c.add('$.schemaVersion', 'schema-version', String(MANIFEST_SCHEMA_VERSION), m.schemaVersion);
  }
  c.string(m, 'id', '$');
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
  (c.array(m, 'groups', '$') ?? []).forEach((g, i) => {
    const p = `$.groups[${i}]`;
    if (!isObj(g)) return c.add(p, 'type', 'object', g);
    const id = c.string(g, 'id', p);
    c.localized(g, 'title', p);
    if (id === undefined) return;
    if (groupIds.has(id)) c.add(`${p}.id`, 'duplicate', undefined, id);
    groupIds.add(id);
  });

  const layerIds = new Map<string, unknown>();
  const layers = c.array(m, 'layers', '$') ?? [];
  layers.forEach((l, i) => {
    const p = `$.layers[${i}]`;
    if (!isObj(l)) return c.add(p, 'type', 'object', l);
    checkLayer(c, l, p, groupIds);
    if (typeof l.id === 'string') {
      if (layerIds.has(l.id)) c.add(`${p}.id`, 'duplicate', undefined, l.id);
      layerIds.set(l.id, l.geometry);
    }
  });

  const setIds = new Set<string>();
  (c.array(m, 'boundarySets', '$', false) ?? []).forEach((b, i) => {
    const p = `$.boundarySets[${i}]`;
    if (!isObj(b)) return c.add(p, 'type', 'object', b);
    const id = c.string(b, 'id', p);
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
  (c.array(m, 'tables', '$', false) ?? []).forEach((t, i) => {
    const p = `$.tables[${i}]`;
    if (!isObj(t)) return c.add(p, 'type', 'object', t);
    c.string(t, 'id', p);
    c.localized(t, 'title', p);
    c.string(t, 'file', p);
  });
  const tableIds = new Set((Array.isArray(m.tables) ? m.tables : []).filter(isObj).map((t) => t.id));
  (Array.isArray(m.boundarySets) ? m.boundarySets : []).forEach((b, i) => {
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

  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  return { ok: true, manifest: m as unknown as PackManifest };
}
