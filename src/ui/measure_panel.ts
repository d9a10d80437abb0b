import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/i18n';
import { t, type StringKey } from '../i18n/i18n';
import type { MeasureMode, Measurement, Segment } from '../analysis/measure';
import { formatLonLat, formatNumber } from '../io/coord_format';
import { clear, h } from './dom';
import { formatArea, formatBearing, formatLength } from './measure_format';
import './measure.css';

// The measure tool's button (a map control beside Export) and its panel, floating over the
// map's top-left corner; on a phone it takes at most 45 % of the map's height and scrolls.
// The panel only shows what it is given (`show`); app/measure_setup.ts computes it.

export interface MeasureView {
  lang: Lang;
  active: boolean;
  mode: MeasureMode;
  finished: boolean;
  canFinish: boolean;
  /** what is measured so far (null until the grid projection has loaded) */
  measurement: Measurement | null;
  /** last vertex → pointer, while drawing */
  live: Segment | null;
}

export interface MeasureActions {
  toggle(): void;
  setMode(mode: MeasureMode): void;
  finish(): void;
  undo(): void;
  clear(): void;
  close(): void;
  /** the vertices as CSV, or null when there are none */
  csv(): string | null;
}

const MODES: readonly MeasureMode[] = ['distance', 'area'];

export class MeasureControl implements IControl {
  private readonly root = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group measure-ctrl' });
  private readonly button = h('button', { type: 'button', id: 'measure-open', class: 'measure-ctrl__button', 'aria-controls': 'measure-panel', 'aria-pressed': 'false' });
  readonly panel = h('section', { id: 'measure-panel', class: 'measure-panel', 'aria-labelledby': 'measure-heading', hidden: true });
  private readonly heading = h('h2', { id: 'measure-heading' });
  private readonly closeButton = h('button', { type: 'button', id: 'measure-close', class: 'measure-panel__close', text: '×' });
  private readonly modeGroup = h('div', { class: 'measure-modes', role: 'group' });
  private readonly modeButtons = new Map<MeasureMode, HTMLButtonElement>();
  private readonly hint = h('p', { class: 'measure-hint' });
  private readonly summary = h('dl', { class: 'measure-summary', 'aria-live': 'polite' });
  private readonly actions = {
    finish: h('button', { type: 'button', id: 'measure-finish', class: 'button' }),
    undo: h('button', { type: 'button', id: 'measure-undo', class: 'button' }),
    clear: h('button', { type: 'button', id: 'measure-clear', class: 'button' }),
    copy: h('button', { type: 'button', id: 'measure-copy', class: 'button' }),
  };
  private readonly copyStatus = h('p', { class: 'measure-copy-status', role: 'status' });
  private readonly lists = h('div', { class: 'measure-lists' });
  private view: MeasureView | null = null;
  private listsKey = '';

  constructor(private readonly act: MeasureActions) {
    this.root.append(this.button);
    this.button.addEventListener('click', () => act.toggle());
    this.closeButton.addEventListener('click', () => act.close());
    for (const mode of MODES) {
      const b = h('button', { type: 'button', id: `measure-mode-${mode}`, class: 'measure-mode' });
      b.addEventListener('click', () => act.setMode(mode));
      this.modeButtons.set(mode, b);
      this.modeGroup.append(b);
    }
    this.actions.finish.addEventListener('click', () => act.finish());
    this.actions.undo.addEventListener('click', () => act.undo());
    this.actions.clear.addEventListener('click', () => act.clear());
    this.actions.copy.addEventListener('click', () => void this.copy());
    this.panel.append(
      h('div', { class: 'measure-panel__head' }, this.heading, this.closeButton),
      this.modeGroup,
      this.hint,
      this.summary,
      h('div', { class: 'measure-actions' }, this.actions.finish, this.actions.undo, this.actions.clear, this.actions.copy),
      this.copyStatus,
      this.lists,
    );
  }

  onAdd(map: MapLibreMap): HTMLElement {
    map.getContainer().append(this.panel);
    return this.root;
  }

  onRemove(): void {
    this.root.remove();
    this.panel.remove();
  }

  show(v: MeasureView): void {
    const langChanged = v.lang !== this.view?.lang;
    this.view = v;
    const tt = (k: StringKey, p?: Record<string, string | number>) => t(v.lang, k, p);
    if (langChanged) this.labels(v.lang);
    this.button.setAttribute('aria-pressed', String(v.active));
    this.panel.hidden = !v.active;
    if (!v.active) return;
    for (const [mode, b] of this.modeButtons) b.setAttribute('aria-pressed', String(mode === v.mode));
    this.hint.textContent = tt(v.finished ? 'measure.hintDone' : 'measure.hint');
    const m = v.measurement;
    const n = m?.vertices.length ?? 0;
    this.actions.finish.disabled = !v.canFinish;
    this.actions.undo.disabled = n === 0;
    this.actions.clear.disabled = n === 0;
    this.actions.copy.disabled = n === 0;

    clear(this.summary);
    const row = (id: string, label: string, value: string) => this.summary.append(h('dt', { text: label }), h('dd', { id, text: value }));
    if (v.mode === 'area') {
      row('measure-area', tt('measure.area'), m?.areaM2 !== undefined ? formatArea(m.areaM2, v.lang) : '—');
      row('measure-perimeter', tt('measure.perimeter'), m?.perimeterM !== undefined ? formatLength(m.perimeterM, v.lang) : '—');
    } else {
      row('measure-total', tt('measure.total'), m && n >= 2 ? formatLength(m.totalM, v.lang) : '—');
    }
    if (v.live && !v.finished) row('measure-live', tt('measure.live'), `${formatLength(v.live.m, v.lang)} · ${formatBearing(v.live.bearingDeg)}`);

    const key = JSON.stringify([v.lang, v.mode, m?.vertices, m?.segments.length]);
    if (key !== this.listsKey) {
      this.listsKey = key;
      this.renderLists(v);
    }
  }

  private labels(lang: Lang): void {
    const tt = (k: StringKey) => t(lang, k);
    this.button.textContent = `↔ ${tt('measure.button')}`;
    this.button.setAttribute('aria-label', tt('measure.buttonLabel'));
    this.button.title = tt('measure.buttonLabel');
    this.heading.textContent = tt('measure.heading');
    this.closeButton.setAttribute('aria-label', tt('measure.close'));
    this.closeButton.title = tt('measure.close');
    this.modeGroup.setAttribute('aria-label', tt('measure.modeLabel'));
    for (const [mode, b] of this.modeButtons) b.textContent = tt(`measure.mode.${mode}`);
    this.actions.finish.textContent = tt('measure.finish');
    this.actions.undo.textContent = tt('measure.undo');
    this.actions.undo.title = tt('measure.undoLabel');
    this.actions.clear.textContent = tt('measure.clear');
    this.actions.clear.title = tt('measure.clearLabel');
    this.actions.copy.textContent = tt('measure.copy');
    this.actions.copy.title = tt('measure.copyLabel');
    this.copyStatus.textContent = '';
  }

  private renderLists(v: MeasureView): void {
    clear(this.lists);
    const m = v.measurement;
    const tt = (k: StringKey, p?: Record<string, string | number>) => t(v.lang, k, p);
    if (!m || m.vertices.length === 0) {
      this.lists.append(h('p', { class: 'measure-empty', text: tt('measure.empty') }));
      return;
    }
    const table = (id: string, caption: string, heads: string[], rows: string[][]) =>
      h(
        'details',
        { open: true },
        h('summary', { text: caption }),
        h(
          'table',
          { id, class: 'measure-table' },
          h('thead', {}, h('tr', {}, ...heads.map((x) => h('th', { scope: 'col', text: x })))),
          h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row', text: c }) : h('td', { text: c })))))),
        ),
      );
    if (m.segments.length > 0) {
      const closing = v.mode === 'area' && m.vertices.length >= 3;
      const segRows = m.segments.map((s, i) => {
        const last = closing && i === m.segments.length - 1;
        const label = last ? tt('measure.closing', { from: String(i + 1) }) : `${i + 1}–${i + 2}`;
        return [label, formatLength(s.m, v.lang), formatBearing(s.bearingDeg)];
      });
      this.lists.append(table('measure-segments', tt('measure.segments'), [tt('measure.col.segment'), tt('measure.col.length'), tt('measure.col.bearing')], segRows));
    }
    const vRows = m.vertices.map((p, i) => [String(i + 1), formatNumber(p.x, 2, v.lang), formatNumber(p.y, 2, v.lang), formatLonLat(p.lon, p.lat, v.lang)]);
    this.lists.append(table('measure-vertices', tt('measure.vertices'), [tt('measure.col.vertex'), tt('measure.col.x'), tt('measure.col.y'), tt('measure.col.lonlat')], vRows));
  }

  private async copy(): Promise<void> {
    const text = this.act.csv();
    const lang = this.view?.lang ?? 'vi';
    if (!text) return;
    const count = this.view?.measurement?.vertices.length ?? 0;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus.textContent = t(lang, 'measure.copied', { count: String(count) });
    } catch {
      this.copyStatus.textContent = t(lang, 'measure.copyFailed');
    }
  }
}
