import type { IControl } from 'maplibre-gl';
import type { Lang } from '../catalog/manifest_types';
import { t } from '../i18n/i18n';
import type { AppStore } from '../state/store';
import type { ExportRequest, ExportResult, ExportStage } from '../export/export_map';
import { ExportRequestError, paperPixels, type ExportFormat, type Orientation, type PaperId } from '../export/paper';
import { clear, h } from './dom';

// "Export map" button (a map control, so it sits with the map it exports) and its dialog.
// A native <dialog> gives focus trapping, Esc to close and the modal backdrop for free.

export interface ExportDialogDeps {
  store: AppStore;
  defaultTitle(): string;
  exportMap(req: ExportRequest, onProgress: (s: ExportStage) => void): Promise<ExportResult>;
}

const DPIS = [96, 150, 300] as const;

function reasonOf(lang: Lang, err: unknown): string {
  if (err instanceof ExportRequestError) return t(lang, `export.reason.${err.reason}`);
  if (err instanceof Error && err.name === 'MapRenderError') return t(lang, 'export.reason.render');
  if (err instanceof Error && err.message === 'busy') return t(lang, 'export.reason.busy');
  return t(lang, 'export.reason.other', { detail: err instanceof Error ? err.message : String(err) });
}

function download(result: ExportResult): void {
  const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: result.mime }));
  const a = h('a', { href: url, download: result.filename });
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started from the URL; give the browser a moment before freeing it
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export class ExportControl implements IControl {
  private readonly root = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group export-ctrl' });
  private readonly button = h('button', { type: 'button', id: 'export-open', class: 'export-ctrl__button', 'aria-haspopup': 'dialog' });
  private readonly dialog = h('dialog', { id: 'export-dialog', class: 'export-dialog', 'aria-labelledby': 'export-heading' });
  private readonly unsub: () => void;
  private choice: { format: ExportFormat; paper: PaperId; orientation: Orientation; dpi: number; title: string | null; draft: boolean } = {
    format: 'pdf',
    paper: 'A4',
    orientation: 'landscape',
    dpi: 150,
    title: null,
    draft: false,
  };
  private busy = false;

  constructor(private readonly deps: ExportDialogDeps) {
    this.root.append(this.button);
    this.button.addEventListener('click', () => this.open());
    document.body.append(this.dialog);
    this.unsub = deps.store.subscribe((s) => s.lang, () => this.renderLabels());
    this.renderLabels();
  }

  onAdd(): HTMLElement {
    return this.root;
  }

  onRemove(): void {
    this.unsub();
    this.root.remove();
    this.dialog.remove();
  }

  private get lang(): Lang {
    return this.deps.store.getState().lang;
  }

  private renderLabels(): void {
    this.button.textContent = `⤓ ${t(this.lang, 'export.button')}`;
    this.button.setAttribute('aria-label', t(this.lang, 'export.buttonLabel'));
    this.button.title = t(this.lang, 'export.buttonLabel');
    if (this.dialog.open && !this.busy) this.renderDialog();
  }

  open(): void {
    this.renderDialog();
    this.dialog.showModal();
  }

  private select<T extends string | number>(id: string, label: string, options: Array<[T, string]>, value: T, onChange: (v: string) => void): HTMLElement {
    const sel = h('select', { id });
    for (const [v, text] of options) sel.append(h('option', { value: String(v), text }));
    sel.value = String(value);
    sel.addEventListener('change', () => onChange(sel.value));
    return h('div', { class: 'export-field' }, h('label', { for: id, text: label }), sel);
  }

  private renderDialog(): void {
    const lang = this.lang;
    const c = this.choice;
    clear(this.dialog);
    const size = h('p', { class: 'export-size', id: 'export-size' });
    const updateSize = () => {
      const px = paperPixels(c.paper, c.orientation, c.dpi);
      size.textContent = t(lang, 'export.size', { width: px.width, height: px.height });
    };
    updateSize();
    const titleInput = h('input', { id: 'export-title', type: 'text', value: c.title ?? this.deps.defaultTitle(), maxlength: 160 });
    titleInput.addEventListener('input', () => (c.title = titleInput.value));
    const draft = h('input', { id: 'export-draft', type: 'checkbox' });
    draft.checked = c.draft;
    draft.addEventListener('change', () => (c.draft = draft.checked));
    const status = h('p', { class: 'export-status', id: 'export-status', role: 'status', 'aria-live': 'polite' });
    const error = h('p', { class: 'export-error', id: 'export-error', role: 'alert' });
    const go = h('button', { type: 'submit', id: 'export-download', class: 'button button--primary', text: t(lang, 'export.download') });
    const close = h('button', { type: 'button', id: 'export-close', class: 'button', text: t(lang, 'export.close') });
    close.addEventListener('click', () => this.dialog.close());
    const form = h(
      'form',
      { method: 'dialog', class: 'export-form' },
      h('h2', { id: 'export-heading', text: t(lang, 'export.heading') }),
      this.select('export-format', t(lang, 'export.format'), [['pdf', t(lang, 'export.formatPdf')], ['png', t(lang, 'export.formatPng')]], c.format, (v) => (c.format = v as ExportFormat)),
      this.select('export-paper', t(lang, 'export.paper'), [['A4', 'A4'], ['A3', 'A3']], c.paper, (v) => {
        c.paper = v as PaperId;
        updateSize();
      }),
      this.select('export-orientation', t(lang, 'export.orientation'), [['landscape', t(lang, 'export.landscape')], ['portrait', t(lang, 'export.portrait')]], c.orientation, (v) => {
        c.orientation = v as Orientation;
        updateSize();
      }),
      this.select('export-dpi', t(lang, 'export.dpi'), DPIS.map((d): [number, string] => [d, t(lang, 'export.dpiOption', { dpi: String(d) })]), c.dpi, (v) => {
        c.dpi = Number(v);
        updateSize();
      }),
      size,
      h('div', { class: 'export-field' }, h('label', { for: 'export-title', text: t(lang, 'export.titleField') }), titleInput),
      h('div', { class: 'export-check' }, draft, h('label', { for: 'export-draft', text: t(lang, 'export.draft') })),
      status,
      error,
      h('div', { class: 'export-actions' }, close, go),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(go, status, error);
    });
    this.dialog.append(form);
  }

  private async run(go: HTMLButtonElement, status: HTMLElement, error: HTMLElement): Promise<void> {
    if (this.busy) return;
    const lang = this.lang;
    const c = this.choice;
    this.busy = true;
    go.disabled = true;
    error.textContent = '';
    try {
      const result = await this.deps.exportMap({ format: c.format, paper: c.paper, orientation: c.orientation, dpi: c.dpi, title: c.title ?? this.deps.defaultTitle(), draft: c.draft }, (s) => {
        if (s.stage === 'render') status.textContent = t(lang, 'export.progress.render', { width: String(s.width), height: String(s.height) });
        else if (s.stage === 'compose') status.textContent = t(lang, 'export.progress.compose');
        else status.textContent = t(lang, 'export.progress.encode', { format: s.format });
      });
      download(result);
      status.textContent = t(lang, 'export.done', { file: result.filename, size: result.bytes.length / 1e6 });
    } catch (err) {
      status.textContent = '';
      error.textContent = t(lang, 'export.error', { reason: reasonOf(lang, err) });
    } finally {
      this.busy = false;
      go.disabled = false;
    }
  }
}
