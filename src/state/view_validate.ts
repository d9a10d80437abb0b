import { Checker, isObj, joinPath, type Obj } from '../catalog/validate_manifest';
import { MAX_LAYER_FILTERS, MAX_MANIFEST_LAYERS, MAX_PROJECT_LAYERS, MAX_TEXT_LENGTH, idRecord, isSafeId } from '../catalog/intake_limits';
import type { BasemapId, LayerUi } from './store';
import type { ViewState } from './view_url';

// A saved view (a project's view or a slide's) checked field by field into a fresh, typed
// value: a finite camera within range, known basemap and language, safe layer ids, bounded
// filters. Layer and filter maps are null-prototype objects, so no key reaches a prototype.

export const BASEMAPS: readonly BasemapId[] = ['offline', 'osm', 'satellite', 'topo'];
/** A view names at most the pack's layers and the project's own. */
export const MAX_VIEW_LAYERS = MAX_MANIFEST_LAYERS + MAX_PROJECT_LAYERS;
export const MAX_ZOOM = 24;

export function checkView(c: Checker, input: unknown, path: string): ViewState {
  const view: ViewState = {};
  if (input === undefined || input === null) return view;
  if (!isObj(input)) {
    c.add(path, 'type', 'object', input);
    return view;
  }
  const cam = c.object(input, 'camera', path, false);
  if (cam) {
    const p = joinPath(path, 'camera');
    const before = c.total;
    const zoom = c.number(cam, 'zoom', p, 0, MAX_ZOOM, true);
    const lat = c.number(cam, 'lat', p, -90, 90, true);
    const lng = c.number(cam, 'lng', p, -180, 180, true);
    if (c.total === before && zoom !== undefined && lat !== undefined && lng !== undefined) view.camera = { zoom, lat, lng };
  }
  const basemap = c.oneOf(input, 'basemap', path, BASEMAPS, false);
  if (basemap) view.basemap = basemap;
  const boundarySet = c.id(input, 'boundarySet', path, false);
  if (boundarySet) view.boundarySet = boundarySet;
  const selected = c.string(input, 'selected', path, false);
  if (selected) view.selected = selected;
  const lang = c.oneOf(input, 'lang', path, ['vi', 'en'] as const, false);
  if (lang) view.lang = lang;
  const layers = c.object(input, 'layers', path, false);
  if (layers) {
    const checked = checkLayerUis(c, layers, joinPath(path, 'layers'));
    if (checked) view.layers = checked;
  }
  return view;
}

function checkLayerUis(c: Checker, layers: Obj, path: string): Record<string, LayerUi> | undefined {
  const ids = Object.keys(layers);
  if (ids.length > MAX_VIEW_LAYERS) {
    c.add(path, 'too-many', String(MAX_VIEW_LAYERS), `${ids.length} layers`);
    return undefined;
  }
  const out = idRecord<LayerUi>();
  for (const id of ids) {
    const p = `${path}.${isSafeId(id) ? id : '?'}`;
    if (!isSafeId(id)) {
      c.add(path, 'id', 'letters, digits, _ . - (max 64), not __proto__', id);
      continue;
    }
    const ui = layers[id];
    if (!isObj(ui)) {
      c.add(p, 'type', 'object', ui);
      continue;
    }
    if (typeof ui.visible !== 'boolean') c.add(`${p}.visible`, 'type', 'boolean', ui.visible);
    const opacity = c.number(ui, 'opacity', p, 0, 1, true);
    const filters = idRecord<string>();
    const raw = c.object(ui, 'filters', p, false);
    const fields = raw ? Object.keys(raw) : [];
    if (fields.length > MAX_LAYER_FILTERS) c.add(`${p}.filters`, 'too-many', String(MAX_LAYER_FILTERS), `${fields.length} fields`);
    else if (raw) {
      for (const field of fields) {
        const v = raw[field];
        if (field.length > MAX_TEXT_LENGTH || typeof v !== 'string' || v.length > MAX_TEXT_LENGTH) c.add(`${p}.filters`, 'type', 'field → text', v);
        else filters[field] = v;
      }
    }
    out[id] = { visible: ui.visible === true, opacity: opacity ?? 1, filters };
  }
  return out;
}
