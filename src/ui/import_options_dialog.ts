import type { Lang } from '../catalog/manifest_types';
import type { AskImportOptions, ImportChoice, OptionsRequest } from '../app/import_layers';
import { localize, t } from '../i18n/i18n';
import { foldText } from '../i18n/fold_text';
import type { AppStore } from '../state/store';
import { LAI_CHAU_LON0, SUPPORTED_CRS, WGS84_ID, resolveCrs, tm3, type CrsDef } from '../io/crs_defs';
import { clear, h } from './dom';
import { MAX_MESSAGE_CHARS, shortText } from './long_value';

// "Choose coordinate columns": opened when an import fails because a CSV has no recognisable
// coordinate columns, or has metres without a coordinate system. The user picks the columns
// (longitude/X + latitude/Y, or one WKT column), the CRS and the X-is-northing convention;
// the caller re-runs the import of the same bytes with those options. A native <dialog>
// gives focus trapping, Esc to cancel and the modal backdrop.

/** Other provincial TM-3 meridians near Lai Châu and across the north, offered after 103°. */
const OTHER_TM3_MERIDIANS = [102, 103.5, 104, 104.5, 104.75, 105, 105.5, 105.75, 106, 106.5, 107, 107.75, 108];

export function importCrsChoices(): CrsDef[] {
  const list: CrsDef[] = [];
  for (const c of SUPPORTED_CRS) {
    list.push(c);
    if (c.id === tm3(LAI_CHAU_LON0).id) list.push(...OTHER_TM3_MERIDIANS.map((m) => tm3(m)));
  }
  return list;
}

/** Column names without diacritics, case, spaces or punctuation ("Kinh độ" → "kinhdo"). */
const norm = (s: string) => foldText(s).replace(/ /g, '');

const A_HINT = /^(x|lon|lng|long|longitude|kinhdo|toadox|easting|dong)/;
const B_HINT = /^(y|lat|latitude|vido|toadoy|northing|bac)/;
const WKT_HINT = /^(wkt|geom|geometry|hinhhoc|shape)/;

function roughNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return NaN;
  let s = v.trim().replace(/\s/g, '');
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) s = dot > comma ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
  else if (comma >= 0) s = s.replace(',', '.');
  return s === '' ? NaN : Number(s);
}

function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor(s.length / 2)] ?? NaN);
}

export interface ImportOptionsDialog {
  ask: AskImportOptions;
  element: HTMLDialogElement;
}

export function createImportOptionsDialog(store: AppStore, parent: HTMLElement = document.body): ImportOptionsDialog {
  const dialog = h('dialog', { id: 'import-options-dialog', class: 'export-dialog import-options-dialog', 'aria-labelledby': 'import-options-heading', 'aria-describedby': 'import-options-intro' });
  parent.append(dialog);
  // several failing files ask one after another, never two dialogs at once
  let queue: Promise<unknown> = Promise.resolve();

  const show = (req: OptionsRequest): Promise<ImportChoice | null> =>
    new Promise((resolve) => {
      const lang: Lang = store.getState().lang;
      clear(dialog);
      const cols = req.columns ?? [];
      const prevCsv = req.previous.csv ?? {};
      const valuesOf = (col: string) => req.rows.map((r) => roughNumber(r[col]));

      const columnSelect = (id: string, withNone: boolean) => {
        const sel = h('select', { id });
        if (withNone) sel.append(h('option', { value: '', text: t(lang, 'import.dialog.none') }));
        // column names are the file's header cells: any length
        for (const c of cols) sel.append(h('option', { value: c, text: shortText(c) }));
        return sel;
      };
      const selA = columnSelect('import-options-a', true);
      const selB = columnSelect('import-options-b', true);
      const selWkt = columnSelect('import-options-wkt', true);
      const pick = (hint: RegExp, exclude: string[] = []) => cols.find((c) => !exclude.includes(c) && hint.test(norm(c))) ?? '';
      selA.value = prevCsv.x ?? prevCsv.lon ?? pick(A_HINT);
      selB.value = prevCsv.y ?? prevCsv.lat ?? pick(B_HINT, [selA.value]);
      selWkt.value = prevCsv.wkt ?? (selA.value === '' ? pick(WKT_HINT) : '');

      const crsSel = h('select', { id: 'import-options-crs' });
      for (const c of importCrsChoices()) crsSel.append(h('option', { value: c.id, text: c.label[lang] }));
      const metresGuess = () => [selA.value, selB.value].some((c) => c !== '' && Math.abs(median(valuesOf(c))) > 180);
      const tm3Id = tm3(LAI_CHAU_LON0).id;
      crsSel.value = req.previous.crs ?? (req.error.key === 'import.error.crsNeeded' || metresGuess() ? tm3Id : WGS84_ID);

      const north = h('input', { id: 'import-options-northing', type: 'checkbox' });
      let northTouched = req.previous.csv?.xIsNorthing !== undefined;
      const guessNorth = () => {
        if (northTouched) return;
        // only VN-2000 grids follow the survey convention; UTM/Web Mercator tables are easting first
        const def = resolveCrs(crsSel.value);
        const projected = def?.kind === 'projected' && def.datum === 'VN2000';
        const a = median(valuesOf(selA.value));
        const b = median(valuesOf(selB.value));
        // Vietnamese survey tables put the (larger) northing in X; without rows, assume the convention
        north.checked = projected && (Number.isFinite(a) && Number.isFinite(b) ? a > b : req.error.key === 'import.error.crsNeeded');
      };
      if (northTouched) north.checked = !!req.previous.csv?.xIsNorthing;
      guessNorth();
      north.addEventListener('change', () => (northTouched = true));
      for (const s of [selA, selB, crsSel]) s.addEventListener('change', guessNorth);

      // a CSV without coordinates can instead be joined to commune boundaries (app/join_layer.ts)
      const offer = req.join;
      const joinCol = columnSelect('import-options-join-column', false);
      const joinSet = h('select', { id: 'import-options-join-set' });
      const joinPreview = h('p', { id: 'import-options-join-preview', class: 'import-options-message', 'aria-live': 'polite' });
      for (const set of offer?.sets ?? []) joinSet.append(h('option', { value: set.id, text: localize(set.title, lang) }));
      if (offer) joinSet.value = offer.boundarySet;
      let joinColTouched = false;
      const detectColumn = () => {
        const d = offer?.detect(joinSet.value);
        if (d && !joinColTouched) joinCol.value = d.column;
      };
      const showPreview = () => {
        if (!offer || joinCol.value === '') return;
        const p = offer.preview(joinCol.value, joinSet.value);
        joinPreview.textContent = t(lang, p.by === 'code' ? 'import.dialog.joinPreviewCode' : 'import.dialog.joinPreviewName', { matched: p.matched, total: p.total });
      };
      joinCol.addEventListener('change', () => {
        joinColTouched = true;
        showPreview();
      });
      joinSet.addEventListener('change', () => {
        detectColumn();
        showPreview();
      });
      detectColumn();
      showPreview();
      const modeCoords = h('input', { type: 'radio', name: 'import-options-mode', id: 'import-options-mode-coords', value: 'coords' });
      const modeJoin = h('input', { type: 'radio', name: 'import-options-mode', id: 'import-options-mode-join', value: 'join' });
      // join first when a column matches communes and none looks like coordinates, or after a failed join
      const joinFirst = !!offer && (req.error.key.startsWith('import.join.') || (offer.detect(offer.boundarySet) !== null && (selA.value === '' || selB.value === '') && selWkt.value === ''));
      modeJoin.checked = joinFirst;
      modeCoords.checked = !joinFirst;
      const coordsBox = h('div', { id: 'import-options-coords', class: 'import-options-group' });
      const joinBox = h('div', { id: 'import-options-join', class: 'import-options-group' });
      const syncMode = () => {
        coordsBox.hidden = modeJoin.checked;
        joinBox.hidden = !modeJoin.checked;
      };
      modeCoords.addEventListener('change', syncMode);
      modeJoin.addEventListener('change', syncMode);

      const error = h('p', { class: 'export-error', id: 'import-options-error', role: 'alert' });
      const message = h('p', { class: 'import-options-message', id: 'import-options-message' });
      message.textContent = shortText(t(lang, req.error.key, req.error.params ?? {}), MAX_MESSAGE_CHARS);
      const go = h('button', { type: 'submit', id: 'import-options-import', class: 'button button--primary', text: t(lang, 'import.dialog.import') });
      const cancel = h('button', { type: 'button', id: 'import-options-cancel', class: 'button', text: t(lang, 'import.dialog.cancel') });
      const field = (id: string, key: Parameters<typeof t>[1], control: HTMLElement) => h('div', { class: 'export-field' }, h('label', { for: id, text: t(lang, key) }), control);
      const hasColumns = req.columns !== null;
      const form = h(
        'form',
        { method: 'dialog', class: 'export-form' },
        h('h2', { id: 'import-options-heading', text: t(lang, offer ? 'import.dialog.headingJoin' : 'import.dialog.heading') }),
        h('p', { id: 'import-options-intro', text: t(lang, offer ? 'import.dialog.introJoin' : hasColumns ? 'import.dialog.intro' : 'import.dialog.introCrs', { file: shortText(req.file) }) }),
        message,
        offer &&
          h(
            'fieldset',
            { class: 'import-options-mode' },
            h('legend', { text: t(lang, 'import.dialog.placeBy') }),
            h('div', { class: 'export-check' }, modeJoin, h('label', { for: modeJoin.id, text: t(lang, 'import.dialog.byJoin') })),
            h('div', { class: 'export-check' }, modeCoords, h('label', { for: modeCoords.id, text: t(lang, 'import.dialog.byCoordinates') })),
          ),
        offer && joinBox,
        coordsBox,
        error,
        h('div', { class: 'export-actions' }, cancel, go),
      );

      coordsBox.append(
        ...[
          hasColumns && field('import-options-a', 'import.dialog.columnA', selA),
          hasColumns && field('import-options-b', 'import.dialog.columnB', selB),
          hasColumns && field('import-options-wkt', 'import.dialog.columnWkt', selWkt),
          field('import-options-crs', 'import.dialog.crs', crsSel),
          hasColumns && h('div', { class: 'export-check' }, north, h('label', { for: 'import-options-northing', text: t(lang, 'import.dialog.xNorthing') })),
        ].filter((e): e is HTMLDivElement => e !== false),
      );
      joinBox.append(field('import-options-join-column', 'import.dialog.joinColumn', joinCol), field('import-options-join-set', 'import.dialog.joinSet', joinSet), joinPreview);
      syncMode();

      let result: ImportChoice | null = null;
      const finish = () => {
        dialog.removeEventListener('close', finish);
        resolve(result);
      };
      dialog.addEventListener('close', finish);
      cancel.addEventListener('click', () => dialog.close());
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const crs = crsSel.value;
        const { csv: _prevCsv, ...rest } = req.previous;
        if (offer && modeJoin.checked) {
          result = { ...req.previous, join: { column: joinCol.value, boundarySet: joinSet.value } };
          dialog.close();
          return;
        }
        if (!hasColumns) {
          result = { ...rest, crs };
          dialog.close();
          return;
        }
        const csv = { ...(prevCsv.delimiter !== undefined ? { delimiter: prevCsv.delimiter } : {}) };
        if (selWkt.value !== '' && (selA.value === '' || selB.value === '')) {
          result = { ...rest, crs, csv: { ...csv, wkt: selWkt.value } };
        } else if (selA.value !== '' && selB.value !== '' && selA.value !== selB.value) {
          const geographic = resolveCrs(crs)?.kind === 'geographic';
          result = { ...rest, crs, csv: geographic ? { ...csv, lon: selA.value, lat: selB.value } : { ...csv, x: selA.value, y: selB.value, xIsNorthing: north.checked } };
        } else {
          error.textContent = t(lang, 'import.dialog.needColumns');
          (selA.value === '' ? selA : selB).focus();
          return;
        }
        dialog.close();
      });
      dialog.append(form);
      dialog.showModal();
      (offer && modeJoin.checked ? joinCol : hasColumns ? selA : crsSel).focus();
    });

  const ask: AskImportOptions = (req) => {
    const next = queue.then(() => show(req));
    queue = next.catch(() => undefined);
    return next;
  };
  return { ask, element: dialog };
}
