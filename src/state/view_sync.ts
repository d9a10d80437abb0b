import type { AppStore } from './store';
import { layerUiForManifest } from './store';
import { decodeViewHash, encodeViewHash, sameLayerUi, type ViewState } from './view_url';

// Keeps the URL hash and the view in step: the hash is applied once when a pack arrives,
// then rewritten (replaceState, debounced) whenever the view changes, so the address bar
// is always a link to what is on screen.

export interface CameraAccess {
  get(): { zoom: number; lat: number; lng: number };
  /** Applies a camera, or queues it for when the pack's initial framing happens. */
  set(camera: { zoom: number; lat: number; lng: number }): void;
  onMoveEnd(listener: () => void): () => void;
}

export function applyView(store: AppStore, view: ViewState, camera: CameraAccess): void {
  const s = store.getState();
  if (view.lang) s.setLang(view.lang);
  if (view.basemap) s.setBasemap(view.basemap);
  if (view.boundarySet) s.setBoundarySet(view.boundarySet);
  // a view without layers means "the pack's defaults", so a slide restores them exactly
  const manifest = store.getState().pack.manifest;
  const layers = view.layers ?? (manifest ? layerUiForManifest(manifest, store.getState().boundarySet) : {});
  for (const layer of manifest?.layers ?? []) {
    const ui = layers[layer.id];
    const visible = ui !== undefined && ui.visible;
    s.setLayerVisible(layer.id, visible);
    if (!ui || !visible) continue;
    s.setLayerOpacity(layer.id, ui.opacity);
    for (const field of Object.keys(store.getState().layerUi[layer.id]?.filters ?? {})) s.setLayerFilter(layer.id, field, null);
    for (const [field, value] of Object.entries(ui.filters)) s.setLayerFilter(layer.id, field, value);
  }
  s.selectCommune(view.selected ?? null);
  if (view.camera) camera.set(view.camera);
}

export function currentView(store: AppStore, camera: CameraAccess): ViewState {
  const s = store.getState();
  const manifest = s.pack.manifest;
  const defaults = manifest ? layerUiForManifest(manifest, s.boundarySet) : {};
  return {
    camera: camera.get(),
    basemap: s.basemap,
    boundarySet: s.boundarySet !== (manifest?.defaultBoundarySet ?? manifest?.boundarySets?.[0]?.id ?? null) ? (s.boundarySet ?? undefined) : undefined,
    layers: sameLayerUi(s.layerUi, defaults) ? undefined : s.layerUi,
    selected: s.selectedCommune ?? undefined,
    lang: s.lang,
  };
}

export function syncViewWithUrl(store: AppStore, camera: CameraAccess, win: Window = window): () => void {
  let applied = false;
  let timer = 0;
  const write = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      if (!store.getState().pack.manifest) return;
      const url = new URL(win.location.href);
      url.hash = encodeViewHash(currentView(store, camera));
      if (url.href !== win.location.href) win.history.replaceState(win.history.state, '', url.href);
    }, 250);
  };
  const unsubs = [
    store.subscribe(
      (s) => s.pack.manifest,
      (manifest) => {
        if (!manifest) return;
        if (!applied) {
          applied = true;
          applyView(store, decodeViewHash(win.location.hash), camera);
        }
        write();
      },
    ),
    store.subscribe((s) => [s.lang, s.basemap, s.boundarySet, s.layerUi, s.selectedCommune], write),
    camera.onMoveEnd(write),
  ];
  return () => {
    win.clearTimeout(timer);
    for (const u of unsubs) u();
  };
}
