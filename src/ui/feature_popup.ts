import type { Lang, LayerSpec, Localized, PopupField } from '../catalog/manifest_types';
import { formatNumber, localize, t } from '../i18n/i18n';
import { longValue, shortText } from './long_value';

// Popup content is built with textContent only: attribute values come from data files
// and imported data, and must never be interpreted as HTML or followed as links. Long values
// are cut short with a copy button (long_value.ts): a 50 MB cell froze the page.

/** Longer text is no number; spares Number() a scan of a megabyte cell. */
const MAX_NUMBER_TEXT = 64;

/** Value labels for a field: its own `values`, else the categories of the layer's style. */
export function valueLabels(layer: LayerSpec, field: string): Record<string, Localized> | undefined {
  const declared = layer.popup?.fields.find((f) => f.field === field)?.values;
  if (declared) return declared;
  if (layer.style.type === 'categories' && layer.style.field === field) {
    return Object.fromEntries(layer.style.categories.map((c) => [String(c.value), c.label]));
  }
  return undefined;
}

export function formatFieldValue(value: unknown, field: PopupField, lang: Lang, labels?: Record<string, Localized>): string {
  if (value === null || value === undefined || value === '') return t(lang, 'popup.empty');
  const label = labels?.[String(value)];
  if (label !== undefined) return localize(label, lang);
  const unit = field.unit ? ` ${localize(field.unit, lang)}` : '';
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.length > MAX_NUMBER_TEXT ? NaN : Number(value);
  const numeric = typeof value === 'number' || (typeof value === 'string' && value.length <= MAX_NUMBER_TEXT && value.trim() !== '' && Number.isFinite(n));
  switch (field.format) {
    case 'number':
      return numeric ? formatNumber(n, lang, field.digits ?? 1) + unit : String(value);
    case 'integer':
      return numeric ? formatNumber(Math.round(n), lang, 0) + unit : String(value);
    case 'percent':
      return numeric ? `${formatNumber(n, lang, field.digits ?? 1)} %` : String(value);
    case 'year':
    case 'text':
    default:
      return (typeof value === 'object' ? JSON.stringify(value) : String(value)) + unit;
  }
}

/** The fields to show: the manifest's list, or every attribute when it declares none. */
export function popupFields(layer: LayerSpec, properties: Record<string, unknown>): PopupField[] {
  if (layer.popup && layer.popup.fields.length > 0) return layer.popup.fields;
  return Object.keys(properties).map((k) => ({ field: k, label: k }));
}

export function buildPopupContent(layer: LayerSpec, properties: Record<string, unknown>, lang: Lang): HTMLElement {
  const root = document.createElement('div');
  root.className = 'feature-popup';
  const heading = document.createElement('h3');
  const titleField = layer.popup?.titleField;
  const titleValue = titleField ? properties[titleField] : undefined;
  heading.textContent = shortText(titleValue !== undefined && titleValue !== null ? String(titleValue) : localize(layer.title, lang));
  root.append(heading);
  const sub = document.createElement('p');
  sub.className = 'feature-popup__layer';
  sub.textContent = t(lang, 'popup.layer', { title: localize(layer.title, lang) });
  root.append(sub);
  const table = document.createElement('table');
  for (const field of popupFields(layer, properties)) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    // imported layers label rows with their attribute names, which are data too
    th.textContent = shortText(localize(field.label, lang));
    const td = document.createElement('td');
    td.append(longValue(formatFieldValue(properties[field.field], field, lang, valueLabels(layer, field.field)), lang));
    tr.append(th, td);
    table.append(tr);
  }
  root.append(table);
  if (layer.illustrative) {
    const note = document.createElement('p');
    note.className = 'feature-popup__note';
    note.textContent = t(lang, 'layers.illustrativeTitle');
    root.append(note);
  }
  return root;
}
