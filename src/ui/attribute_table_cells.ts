import type { Lang, LayerSpec, PopupField } from '../catalog/manifest_types';
import type { CellValue } from '../analysis/table_query';
import { formatNumber, localize } from '../i18n/i18n';
import { formatFieldValue, valueLabels } from './feature_popup';

// What a cell of the attribute table shows: the popup's formatting where the layer declares
// a field (units, coded values), numbers and ISO dates in the UI language otherwise, and long
// values cut (a local cut: feature_popup.ts has no shared truncation helper on this branch).

export const MAX_CELL_CHARS = 300;

export interface TableField {
  name: string;
  numeric: boolean;
  /** The layer's popup entry for the field, when it has one. */
  popup?: PopupField;
}

/** The column heading: the popup label (a user-given display name or the manifest's), else the field's name. */
export function fieldLabel(field: TableField, lang: Lang): string {
  return field.popup ? localize(field.popup.label, lang) || field.name : field.name;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(text: string, lang: Lang): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const withTime = m[4] !== undefined;
  const d = new Date(withTime ? text : `${text}T00:00:00`);
  if (Number.isNaN(d.getTime())) return null;
  const key = `${lang}:${withTime}`;
  let fmt = dateFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', withTime ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' });
    dateFormats.set(key, fmt);
  }
  return fmt.format(d);
}

export function truncate(text: string, max = MAX_CELL_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The text of a cell (empty cells are ''). */
export function cellText(value: CellValue, field: TableField, layer: LayerSpec, lang: Lang): string {
  if (value === null) return '';
  if (field.popup && (field.popup.format || field.popup.values || field.popup.unit)) return truncate(formatFieldValue(value, field.popup, lang, valueLabels(layer, field.name)));
  const labels = valueLabels(layer, field.name);
  const label = labels?.[String(value)];
  if (label !== undefined) return truncate(localize(label, lang));
  if (typeof value === 'number') return formatNumber(value, lang, 6);
  return truncate(formatDate(value, lang) ?? value);
}

/** The text an editor starts with: the value as typed, numbers with the language's decimal mark and no grouping. */
export function editText(value: CellValue, lang: Lang): string {
  if (value === null) return '';
  if (typeof value === 'number') return lang === 'vi' ? String(value).replace('.', ',') : String(value);
  return value;
}
