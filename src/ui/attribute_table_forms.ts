import type { Lang, Localized } from '../catalog/manifest_types';
import type { ColumnFilter } from '../analysis/table_query';
import { parseLocaleNumber } from '../analysis/table_query';
import { localize, t } from '../i18n/i18n';
import { h } from './dom';
import { fieldLabel, type TableField } from './attribute_table_cells';

// The small forms shown in the attribute table's form strip: rename the layer, filter or name
// a column, bulk-edit the selected rows. Each returns its element; the table decides where.

let formSeq = 0;
const uid = (name: string) => `attr-${name}-${++formSeq}`;

function labelled(text: string, input: HTMLElement): HTMLElement {
  input.id ||= uid('in');
  return h('span', { class: 'attr-form__item' }, h('label', { for: input.id, text }), input);
}

function buttons(lang: Lang, ok: string, onCancel: () => void): [HTMLButtonElement, HTMLButtonElement] {
  const save = h('button', { type: 'submit', text: ok });
  const cancel = h('button', { type: 'button', text: t(lang, 'table.cancel') });
  cancel.addEventListener('click', onCancel);
  return [save, cancel];
}

function form(ariaLabel: string, onSubmit: () => void, onCancel: () => void, ...children: HTMLElement[]): HTMLFormElement {
  const f = h('form', { class: 'attr-form', 'aria-label': ariaLabel }, ...children);
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit();
  });
  f.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    }
  });
  return f;
}

/** Vietnamese and English names; an empty English name takes the Vietnamese one. */
function namesForm(lang: Lang, heading: string, current: Localized, onSave: (name: Localized | null) => void, onCancel: () => void): HTMLFormElement {
  const vi = h('input', { type: 'text', class: 'attr-name-vi' });
  const en = h('input', { type: 'text', class: 'attr-name-en' });
  vi.value = localize(current, 'vi');
  en.value = localize(current, 'en');
  const save = () => {
    const v = vi.value.trim();
    const e = en.value.trim() || v;
    onSave(v === '' && e === '' ? null : { vi: v || e, en: e });
  };
  return form(heading, save, onCancel, h('strong', { text: heading }), labelled(t(lang, 'table.nameVi'), vi), labelled(t(lang, 'table.nameEn'), en), ...buttons(lang, t(lang, 'table.save'), onCancel));
}

export function renameForm(lang: Lang, title: Localized, onSave: (title: Localized) => void, onCancel: () => void): HTMLFormElement {
  return namesForm(lang, t(lang, 'table.rename'), title, (name) => name && onSave(name), onCancel);
}

export interface ColumnFormOptions {
  lang: Lang;
  field: TableField;
  filter: ColumnFilter | undefined;
  /** Imported layers: the field's display name can be set. */
  canName: boolean;
  onFilter(filter: ColumnFilter | null): void;
  onName(label: Localized | null): void;
  onCancel(): void;
}

/** Filter a column (equals / contains / numeric range) and give it a display name. */
export function columnForm(o: ColumnFormOptions): HTMLElement {
  const { lang, field } = o;
  const op = h('select', { class: 'attr-filter-op' });
  const ops: Array<[ColumnFilter['op'], string]> = [['eq', t(lang, 'table.filterEq')], ['contains', t(lang, 'table.filterContains')]];
  if (field.numeric) ops.push(['range', t(lang, 'table.filterRange')]);
  for (const [v, text] of ops) op.append(h('option', { value: v, text }));
  op.value = o.filter?.op ?? (field.numeric ? 'range' : 'contains');
  const value = h('input', { type: 'text', class: 'attr-filter-value' });
  const min = h('input', { type: 'text', inputmode: 'decimal', class: 'attr-filter-min' });
  const max = h('input', { type: 'text', inputmode: 'decimal', class: 'attr-filter-max' });
  if (o.filter && o.filter.op !== 'range') value.value = o.filter.value;
  if (o.filter?.op === 'range') {
    min.value = o.filter.min === null || o.filter.min === undefined ? '' : String(o.filter.min);
    max.value = o.filter.max === null || o.filter.max === undefined ? '' : String(o.filter.max);
  }
  const valueItem = labelled(t(lang, 'table.filterValue'), value);
  const rangeItems = [labelled(t(lang, 'table.filterMin'), min), labelled(t(lang, 'table.filterMax'), max)];
  const showOp = () => {
    const range = op.value === 'range';
    valueItem.hidden = range;
    for (const r of rangeItems) r.hidden = !range;
  };
  op.addEventListener('change', showOp);
  showOp();
  const clearBtn = h('button', { type: 'button', text: t(lang, 'table.filterClear') });
  clearBtn.addEventListener('click', () => o.onFilter(null));
  const apply = () => {
    if (op.value === 'range') o.onFilter({ field: field.name, op: 'range', min: parseLocaleNumber(min.value), max: parseLocaleNumber(max.value) });
    else if (value.value.trim() === '' && op.value === 'contains') o.onFilter(null);
    else o.onFilter({ field: field.name, op: op.value as 'eq' | 'contains', value: value.value });
  };
  const label = fieldLabel(field, lang);
  const filterForm = form(
    `${t(lang, 'table.filter')}: ${label}`,
    apply,
    o.onCancel,
    h('strong', { text: `${t(lang, 'table.filter')}: ${label}` }),
    labelled(t(lang, 'table.filter'), op),
    valueItem,
    ...rangeItems,
    h('button', { type: 'submit', text: t(lang, 'table.filterApply') }),
    clearBtn,
  );
  const box = h('div', { class: 'attr-forms' }, filterForm);
  if (o.canName) box.append(namesForm(lang, `${t(lang, 'table.displayName')}: ${field.name}`, field.popup?.label ?? field.name, o.onName, o.onCancel));
  queueMicrotask(() => (op.value === 'range' ? min : value).focus());
  return box;
}

export interface BulkFormOptions {
  lang: Lang;
  fields: readonly TableField[];
  selected: number;
  /** Returns an error text when the value does not fit the field. */
  onApply(field: string, text: string): string | null;
  onCancel(): void;
}

export function bulkForm(o: BulkFormOptions): HTMLFormElement {
  const { lang } = o;
  const field = h('select', { class: 'attr-bulk-field' });
  for (const f of o.fields) field.append(h('option', { value: f.name, text: fieldLabel(f, lang) }));
  const value = h('input', { type: 'text', class: 'attr-bulk-value' });
  const error = h('span', { class: 'attr-form__error', role: 'alert' });
  const apply = h('button', { type: 'submit', text: t(lang, 'table.bulkApply', { count: o.selected }) });
  apply.disabled = o.selected === 0;
  const f = form(
    t(lang, 'table.bulk'),
    () => {
      error.textContent = o.onApply(field.value, value.value) ?? '';
      value.setAttribute('aria-invalid', error.textContent ? 'true' : 'false');
    },
    o.onCancel,
    h('strong', { text: t(lang, 'table.bulk') }),
    labelled(t(lang, 'table.bulkField'), field),
    labelled(t(lang, 'table.bulkValue'), value),
    apply,
    buttons(lang, '', o.onCancel)[1],
    error,
  );
  queueMicrotask(() => field.focus());
  return f;
}
