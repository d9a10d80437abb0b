import type { GeometryKind, Lang, LayerSpec } from '../catalog/manifest_types';
import { localize, t } from '../i18n/i18n';
import type { AppState } from '../state/store';
import { allLayers } from '../state/store';
import { legendItems, outlineColor, darken } from '../style/layer_style';

// Pure: what goes on the sheet besides the map — legend of the visible layers (the same
// legendItems the side panel shows, so they cannot disagree), sources, notes and dates —
// all in the UI language.

export interface SwatchItem {
  label: string;
  /** Fill as drawn on white paper (layer opacity already blended in). */
  fill: string;
  stroke: string;
}

export interface LegendSection {
  /** Heading; null for a single-colour layer, whose one row already names it. */
  heading: string | null;
  geometry: GeometryKind;
  items: SwatchItem[];
}

export interface SheetContent {
  lang: Lang;
  title: string;
  subtitle: string;
  dateText: string;
  legend: LegendSection[];
  /** Paragraphs for the notes box: illustrative warning first, then notice and sources. */
  illustrativeNote: string | null;
  notes: string[];
  footer: string;
}

/** `color` at `alpha` over white, as '#rrggbb': how a translucent fill looks on paper. */
export function overWhite(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  const a = Math.min(1, Math.max(0, alpha));
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * a + 255 * (1 - a)).toString(16).padStart(2, '0');
  return `#${ch(16)}${ch(8)}${ch(0)}`;
}

export function formatSheetDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** Visible layers with data, top of the map first (the order the legend reads in). */
export function visibleLayers(state: AppState): LayerSpec[] {
  const byId = new Map(allLayers(state).map((l) => [l.id, l]));
  return state.order
    .map((id) => byId.get(id))
    .filter((l): l is LayerSpec => !!l && state.layerUi[l.id]?.visible === true && state.layerData[l.id]?.status === 'ready');
}

function legendSection(layer: LayerSpec, state: AppState): LegendSection {
  const lang = state.lang;
  const ui = state.layerUi[layer.id];
  const opacity = ui?.opacity ?? 1;
  const mark = layer.illustrative ? ' *' : '';
  const outline = outlineColor(layer.style);
  const stroke = typeof outline === 'string' ? outline : '#37474f';
  const items = legendItems(layer, lang).map((it): SwatchItem => {
    if (layer.geometry === 'polygon') return { label: it.label, fill: overWhite(it.color, opacity * (layer.style.fillOpacity ?? 1)), stroke };
    if (layer.geometry === 'line') return { label: it.label, fill: overWhite(it.color, opacity), stroke: overWhite(it.color, opacity) };
    return { label: it.label, fill: overWhite(it.color, opacity), stroke: darken(it.color) };
  });
  if (layer.style.type === 'single') {
    const only = items[0];
    return { heading: null, geometry: layer.geometry, items: only ? [{ ...only, label: only.label + mark }] : [] };
  }
  return { heading: localize(layer.legendTitle ?? layer.title, lang) + mark, geometry: layer.geometry, items };
}

export function sheetContent(state: AppState, title: string, date: Date, version: string): SheetContent {
  const lang = state.lang;
  const layers = visibleLayers(state);
  const manifest = state.pack.manifest;
  const illustrative = layers.some((l) => l.illustrative === true);
  // one line per distinct source text, naming the layers that share it
  const bySource = new Map<string, string[]>();
  for (const l of layers) {
    const p = l.provenance;
    const date = p.date ? ` (${t(lang, 'sheet.asOf', { date: p.date })})` : '';
    const license = p.license ? ` ${t(lang, 'sheet.license', { license: p.license })}` : '';
    const key = `${localize(p.source, lang)}${date}${license}`.trim();
    const names = bySource.get(key) ?? [];
    names.push(localize(l.title, lang) + (l.illustrative ? ' *' : ''));
    bySource.set(key, names);
  }
  const sources = [...bySource].map(([source, names]) => `${names.join('; ')}: ${source}`);
  const notice = manifest?.notice ? localize(manifest.notice, lang) : null;
  return {
    lang,
    title,
    subtitle: t(lang, 'app.subtitle'),
    dateText: t(lang, 'sheet.date', { date: formatSheetDate(date, lang) }),
    legend: layers.map((l) => legendSection(l, state)),
    illustrativeNote: illustrative ? t(lang, 'sheet.illustrative') : null,
    notes: [...(notice ? [notice] : []), ...sources.map((s) => `• ${s}`)],
    footer: t(lang, 'sheet.footer', { app: t(lang, 'app.title'), version }),
  };
}
