import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';
import { ACCEPT_EXTENSIONS } from '../io/formats/accept';
import type { ImportOutcome } from '../app/import_layers';
import { h } from './dom';

// "Add your own data": a file picker, a URL field and drag-and-drop anywhere on the map, with
// progress and cancel while the worker parses. The controls sit at the top of the layer panel.

export interface ImportPanelDeps {
  store: AppStore;
  dropTarget: HTMLElement;
  importFiles(files: File[], onProgress: (file: string, fraction: number) => void, signal: AbortSignal): Promise<ImportOutcome>;
  importUrl(url: string, onProgress: (file: string, fraction: number) => void, signal: AbortSignal): Promise<ImportOutcome>;
  /** The user is about to import (opens the picker, drags files into the page, focuses the URL field). */
  onIntent?(): void;
}

export interface ImportPanel {
  element: HTMLElement;
  unmount(): void;
}

export function mountImportPanel(deps: ImportPanelDeps): ImportPanel {
  const { store } = deps;
  const input = h('input', { type: 'file', id: 'import-file', multiple: true, accept: ACCEPT_EXTENSIONS, class: 'visually-hidden' });
  const pick = h('button', { type: 'button', class: 'button', id: 'import-pick' });
  const formats = h('p', { class: 'import-formats' });
  const url = h('input', { type: 'url', id: 'import-url', inputmode: 'url', placeholder: 'https://…' });
  const urlLabel = h('label', { for: 'import-url', class: 'visually-hidden' });
  const urlButton = h('button', { type: 'button', class: 'button', id: 'import-url-load' });
  const progressText = h('span', { class: 'import-progress__text' });
  const progress = h('progress', { max: 1, value: 0 });
  const cancel = h('button', { type: 'button', class: 'button', id: 'import-cancel' });
  const progressBox = h('div', { class: 'import-progress', role: 'status', hidden: true }, progressText, progress, cancel);
  const heading = h('h3', { class: 'import-heading' });
  const element = h('section', { class: 'import-panel', 'aria-labelledby': 'import-heading' }, heading, h('div', { class: 'import-row' }, pick, input), formats, h('div', { class: 'import-row' }, urlLabel, url, urlButton), progressBox);
  heading.id = 'import-heading';
  const overlay = h('div', { class: 'drop-overlay', hidden: true, 'aria-hidden': 'true' });
  deps.dropTarget.append(overlay);

  let controller: AbortController | null = null;
  const run = async (job: (onProgress: (file: string, fraction: number) => void, signal: AbortSignal) => Promise<ImportOutcome>) => {
    controller?.abort();
    const c = new AbortController();
    controller = c;
    progressBox.hidden = false;
    progress.value = 0;
    try {
      await job((file, fraction) => {
        progressText.textContent = t(store.getState().lang, 'import.ui.progress', { file });
        progress.value = fraction;
      }, c.signal);
    } finally {
      if (controller === c) {
        controller = null;
        progressBox.hidden = true;
      }
    }
  };

  const intent = () => deps.onIntent?.();
  pick.addEventListener('click', () => {
    intent();
    input.click();
  });
  url.addEventListener('focus', intent);
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) void run((p, s) => deps.importFiles(files, p, s));
  });
  const loadUrl = () => {
    const value = url.value.trim();
    if (value !== '') void run((p, s) => deps.importUrl(value, p, s));
  };
  urlButton.addEventListener('click', loadUrl);
  url.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') loadUrl();
  });
  cancel.addEventListener('click', () => controller?.abort());

  // dragenter/leave fire for every child; count them so the overlay doesn't flicker
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const onEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  };
  const onOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) void run((p, s) => deps.importFiles(files, p, s));
  };
  // files entering the window, before they reach the map: the earliest sign of a drop
  const onWindowEnter = (e: DragEvent) => {
    if (hasFiles(e)) intent();
  };
  window.addEventListener('dragenter', onWindowEnter);
  const target = deps.dropTarget;
  target.addEventListener('dragenter', onEnter);
  target.addEventListener('dragover', onOver);
  target.addEventListener('dragleave', onLeave);
  target.addEventListener('drop', onDrop);

  const applyLang = () => {
    const lang = store.getState().lang;
    heading.textContent = t(lang, 'import.ui.heading');
    pick.textContent = t(lang, 'import.ui.pick');
    pick.setAttribute('aria-label', t(lang, 'import.ui.pickLabel'));
    input.setAttribute('aria-label', t(lang, 'import.ui.pickLabel'));
    formats.textContent = t(lang, 'import.ui.formats');
    urlLabel.textContent = t(lang, 'import.ui.url');
    url.setAttribute('aria-label', t(lang, 'import.ui.url'));
    urlButton.textContent = t(lang, 'import.ui.urlLoad');
    cancel.textContent = t(lang, 'import.ui.cancel');
    overlay.textContent = t(lang, 'import.ui.drop');
  };
  applyLang();
  const unsub = store.subscribe((s) => s.lang, applyLang);
  return {
    element,
    unmount() {
      unsub();
      window.removeEventListener('dragenter', onWindowEnter);
      target.removeEventListener('dragenter', onEnter);
      target.removeEventListener('dragover', onOver);
      target.removeEventListener('dragleave', onLeave);
      target.removeEventListener('drop', onDrop);
      overlay.remove();
    },
  };
}
