import type { Lang } from '../catalog/manifest_types';
import type { BasemapId, LayerUi } from './store';
import { MAX_LAYER_FILTERS, MAX_TEXT_LENGTH, idRecord, isSafeId } from '../catalog/intake_limits';
import { MAX_VIEW_LAYERS, MAX_ZOOM } from './view_validate';

// The shareable view lives in the URL hash: camera, basemap, boundary set, visible layers
// with opacity and filters, selected commune and language. Layers are listed only when the
// view differs from the pack's defaults, so a link stays short enough to paste into a chat.
// A hash is anyone's link, so decoding keeps only what is well-formed: safe layer ids, a
// finite camera in range, capped counts; the rest is dropped, never thrown.

export interface ViewState {
  camera?: { zoom: number; lat: number; lng: number };
  basemap?: BasemapId;
  boundarySet?: string;
  /** Visible layers (all others hidden) with opacity and filters; absent = pack defaults. */
  layers?: Record<string, LayerUi>;
  selected?: string;
  lang?: Lang;
}

const BASEMAPS: readonly BasemapId[] = ['offline', 'osm', 'satellite', 'topo'];
// encodeURIComponent leaves * ~ ! ' ( ) alone; * and ~ are our separators, so escape them too
const enc = (s: string) => encodeURIComponent(s).replace(/[*~!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function encodeLayers(layers: Record<string, LayerUi>): string {
  return Object.entries(layers)
    .filter(([, ui]) => ui.visible)
    .map(([id, ui]) => {
      const filters = Object.entries(ui.filters).map(([f, v]) => `~${enc(f)}=${enc(v)}`).join('');
      return `${enc(id)}*${Math.round(ui.opacity * 100)}${filters}`;
    })
    .join(',');
}

function decodeLayers(text: string): Record<string, LayerUi> {
  const out = idRecord<LayerUi>();
  if (text === '') return out;
  for (const entry of text.split(',', MAX_VIEW_LAYERS)) {
    const [head = '', ...filterParts] = entry.split('~');
    const [rawId = '', rawOpacity = '100'] = head.split('*');
    const id = safeDecode(rawId);
    const opacity = Number(rawOpacity);
    if (!isSafeId(id) || !Number.isFinite(opacity)) continue;
    const filters = idRecord<string>();
    for (const part of filterParts.slice(0, MAX_LAYER_FILTERS)) {
      const i = part.indexOf('=');
      if (i > 0 && part.length <= MAX_TEXT_LENGTH) filters[safeDecode(part.slice(0, i))] = safeDecode(part.slice(i + 1));
    }
    out[id] = { visible: true, opacity: Math.min(1, Math.max(0, opacity / 100)), filters };
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function encodeViewHash(view: ViewState): string {
  const parts: string[] = [];
  if (view.camera) {
    const { zoom, lat, lng } = view.camera;
    parts.push(`map=${zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`);
  }
  if (view.basemap && view.basemap !== 'offline') parts.push(`base=${view.basemap}`);
  if (view.boundarySet) parts.push(`bs=${enc(view.boundarySet)}`);
  if (view.layers) parts.push(`lyr=${encodeLayers(view.layers)}`);
  if (view.selected) parts.push(`sel=${enc(view.selected)}`);
  if (view.lang) parts.push(`lang=${view.lang}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

export function decodeViewHash(hash: string): ViewState {
  const view: ViewState = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const key = part.slice(0, i);
    const value = part.slice(i + 1);
    if (key === 'map') {
      const [zoom, lat, lng] = value.split('/').map(Number);
      if ([zoom, lat, lng].every((n) => Number.isFinite(n)) && zoom! >= 0 && zoom! <= MAX_ZOOM && Math.abs(lat!) <= 90 && Math.abs(lng!) <= 180) {
        view.camera = { zoom: zoom!, lat: lat!, lng: lng! };
      }
    } else if (key === 'base' && (BASEMAPS as readonly string[]).includes(value)) view.basemap = value as BasemapId;
    else if (key === 'bs' && isSafeId(safeDecode(value))) view.boundarySet = safeDecode(value);
    else if (key === 'lyr') view.layers = decodeLayers(value);
    else if (key === 'sel' && value.length <= 200) view.selected = safeDecode(value);
    else if (key === 'lang' && (value === 'vi' || value === 'en')) view.lang = value;
  }
  return view;
}

/** True when the layer state is exactly the pack's defaults, so the URL can leave it out. */
export function sameLayerUi(a: Record<string, LayerUi>, b: Record<string, LayerUi>): boolean {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const id of ids) {
    const x = a[id];
    const y = b[id];
    if (!x || !y) return false;
    if (x.visible !== y.visible) return false;
    if (!x.visible) continue;
    if (Math.round(x.opacity * 100) !== Math.round(y.opacity * 100)) return false;
    if (JSON.stringify(Object.entries(x.filters).sort()) !== JSON.stringify(Object.entries(y.filters).sort())) return false;
  }
  return true;
}
