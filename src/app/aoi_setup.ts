import type { Feature } from 'geojson';
import type { AppStore } from '../state/store';
import { allLayers } from '../state/store';
import type { MapView } from '../map/map_view';
import { createAoiDrawer, type AoiDrawer } from '../map/aoi_draw';
import {
  analyseAoi,
  aoiLayerQueries,
  breakdownToCsv,
  communeAoi,
  toAoiGeometry,
  type AoiBreakdown,
  type AoiCompute,
  type AreaOfInterest,
} from '../analysis/aoi';
import type { Importer } from '../app/import_layers';
import type { ImportInput } from '../io/formats/types';
import { baseName } from '../io/formats/types';
import { checkFileSize } from '../io/formats/limits';
import { localize, t, type Message } from '../i18n/i18n';
import { CancelledError } from '../workers/stats_client';
import { classPresentation, fieldLabel, mountAoiPanel, type AoiPanel } from '../ui/aoi_panel';
import { shallowTuple } from '../ui/layer_panel';
import { downloadBytes } from '../ui/download';
import { releaseTiles } from '../workers/tile_requests';

// Start-up wiring of the area of interest: the drawing tool, uploads through the import
// worker, communes of the active boundary set, and the breakdown computed in the statistics
// worker (one job per layer, with the AOI as a one-feature boundary set). The analysis runs
// by itself whenever the AOI or the data change; `analyse()` returns the job on screen, so
// the automation API and the panel always agree.

export interface AoiDeps {
  store: AppStore;
  mapView: MapView;
  importer: Importer;
  compute: AoiCompute;
  panel: HTMLElement;
  /** brings the AOI tab to the front */
  showTab(): void;
}

export interface AoiController {
  drawer: AoiDrawer;
  /** Sets the AOI from GeoJSON (polygons unioned); false when it holds no polygon. */
  setGeoJson(input: unknown, source?: AreaOfInterest['source'], name?: string): boolean;
  /** Sets the AOI to a commune of the active boundary set; false when the code is unknown. */
  setCommune(code: string): boolean;
  /** Reads a file through the importer and uses its polygons, unioned. */
  upload(input: File | ImportInput): Promise<boolean>;
  clear(): void;
  /** The breakdown of the current AOI (the job on screen, or a new one); null without an AOI. */
  analyse(): Promise<AoiBreakdown | null>;
}

interface Job {
  aoi: AreaOfInterest;
  data: unknown[];
  controller: AbortController;
  promise: Promise<AoiBreakdown>;
  state: 'running' | 'done' | 'failed';
}

export function setupAoi(deps: AoiDeps): AoiController {
  const { store, mapView } = deps;
  let job: Job | null = null;
  let drawLoading = false;
  let waiting: { aoi: AreaOfInterest; promise: Promise<AoiBreakdown | null> } | null = null;

  const set = (aoi: AreaOfInterest | null) => store.getState().setAoi(aoi);

  const drawer = createAoiDrawer(mapView.map, {
    onFinish: (geometry) => {
      const g = toAoiGeometry(geometry);
      if (g) set({ source: 'drawn', name: '', geometry: g });
    },
    onState: (s) => panel.setDrawState({ ...s, loading: drawLoading }),
    onSuspendMapClicks: (on) => mapView.suspendClicks(on),
  });

  const zoomToAoi = () => {
    const aoi = store.getState().aoi;
    if (aoi) mapView.fitToFeature({ type: 'Feature', geometry: aoi.geometry, properties: {} } satisfies Feature);
  };

  const setGeoJson = (input: unknown, source: AreaOfInterest['source'] = 'drawn', name = ''): boolean => {
    const geometry = toAoiGeometry(input);
    if (!geometry) return false;
    set({ source, name, geometry });
    return true;
  };

  const setCommune = (code: string): boolean => {
    const s = store.getState();
    const bset = s.pack.manifest?.boundarySets?.find((b) => b.id === s.boundarySet);
    const data = bset ? s.layerData[bset.layer]?.data : null;
    if (!bset || !data) return false;
    const aoi = communeAoi(data, bset.codeField, bset.nameField, code);
    if (!aoi) return false;
    set(aoi);
    return true;
  };

  const upload = async (file: File | ImportInput): Promise<boolean> => {
    const s = store.getState();
    const fail = (msg: Message) => {
      store.getState().pushMessage('error', msg);
      return false;
    };
    if (file instanceof File) {
      const tooLarge = checkFileSize(file.name, file.size);
      if (tooLarge) return fail(tooLarge as Message);
    }
    panel.setUploading(file.name);
    try {
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : file.bytes.slice();
      const result = await deps.importer.import({ name: file.name, type: file.type ?? '', bytes }, {}, () => {});
      if (!result.ok) return fail(result.error as Message);
      // an area file with more than 5,000 polygons was also tiled for the map; it is not drawn as a layer
      for (const url of result.layers.flatMap((l) => Object.values(l.tiles ?? {}))) releaseTiles(url);
      const ok = setGeoJson({ type: 'FeatureCollection', features: result.layers.flatMap((l) => l.data.features) }, 'uploaded', file.name);
      if (!ok) return fail({ key: 'aoi.noPolygons', params: { file: file.name } });
      for (const w of result.layers.flatMap((l) => l.warnings)) s.pushMessage('warning', w as Message);
      zoomToAoi();
      return true;
    } finally {
      panel.setUploading(null);
    }
  };

  const clearAoi = () => {
    drawer.cancel();
    job?.controller.abort();
    job = null;
    set(null);
  };

  /** Runs (or joins) the analysis of the current AOI over the current data. */
  const analyse = (): Promise<AoiBreakdown | null> => {
    const s = store.getState();
    const aoi = s.aoi;
    if (!aoi) return Promise.resolve(null);
    const { queries, pending } = aoiLayerQueries(s, aoi.geometry);
    if (pending.length > 0 || s.pack.status === 'loading') {
      panel.setStatus({ kind: 'waiting' });
      if (waiting?.aoi === aoi) return waiting.promise;
      // analyse again once the data have arrived (or give up when the AOI changes)
      const promise = new Promise<AoiBreakdown | null>((resolve, reject) => {
        const unsub = store.subscribe(
          (st) => [st.aoi, st.layerData, st.pack.status] as const,
          () => {
            const now = store.getState();
            if (now.aoi !== aoi) {
              unsub();
              waiting = null;
              return resolve(null);
            }
            if (aoiLayerQueries(now, aoi.geometry).pending.length === 0 && now.pack.status !== 'loading') {
              unsub();
              waiting = null;
              analyse().then(resolve, reject);
            }
          },
          { equalityFn: shallowTuple },
        );
      });
      waiting = { aoi, promise };
      return promise;
    }
    const data = queries.map((q) => q.source);
    if (job && job.state !== 'failed' && job.aoi === aoi && shallowTuple(job.data, data)) return job.promise;
    job?.controller.abort();
    const controller = new AbortController();
    panel.setStatus({ kind: 'computing', fraction: 0 });
    const mine: Job = { aoi, data, controller, promise: Promise.resolve(null as unknown as AoiBreakdown), state: 'running' };
    job = mine;
    const promise = analyseAoi(aoi, queries, deps.compute, {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (job === mine) panel.setStatus({ kind: 'computing', fraction });
      },
    });
    mine.promise = promise;
    promise.then(
      (breakdown) => {
        mine.state = 'done';
        if (job === mine) panel.setStatus({ kind: 'done', breakdown });
      },
      (e: unknown) => {
        mine.state = 'failed';
        if (job !== mine) return;
        const cancelled = e instanceof CancelledError || (e instanceof DOMException && e.name === 'AbortError');
        panel.setStatus(cancelled ? { kind: 'cancelled' } : { kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
      },
    );
    return promise;
  };

  const exportCsv = () => {
    void analyse().then((b) => {
      if (!b) return;
      const s = store.getState();
      const l = s.lang;
      const layers = new Map(allLayers(s).map((x) => [x.id, x]));
      const csv = breakdownToCsv(b, {
        layer: t(l, 'aoi.csv.layer'),
        class: t(l, 'aoi.col.class'),
        ha: t(l, 'aoi.csv.ha'),
        pct: t(l, 'aoi.csv.pct'),
        count: t(l, 'aoi.col.features'),
        area: t(l, 'aoi.csv.area'),
        total: t(l, 'aoi.total'),
        layerTitle: (id) => {
          const x = layers.get(id);
          return x ? localize(x.title, l) : id;
        },
        classLabel: (id, value) => {
          const x = layers.get(id);
          const r = b.layers.find((y) => y.layerId === id);
          return x ? classPresentation(x, r?.groupBy ?? null, value, 0, l).label : String(value ?? '');
        },
        fieldLabel: (id, field) => {
          const x = layers.get(id);
          return x ? fieldLabel(x, field, l) : field;
        },
      });
      const name = b.source === 'drawn' ? 'vung-ve' : baseName(b.name).replace(/[^\p{L}\p{N}_-]+/gu, '-');
      downloadBytes(csv, `phan-tich-vung-${name}.csv`, 'text/csv;charset=utf-8');
    });
  };

  const startDrawing = () => {
    deps.showTab();
    drawLoading = true;
    panel.setDrawState({ ...drawer.state(), loading: true });
    drawer
      .start()
      .catch((e: unknown) => {
        store.getState().pushMessage('error', { key: 'aoi.drawFailed', params: { reason: e instanceof Error ? e.message : String(e) } });
      })
      .finally(() => {
        drawLoading = false;
        panel.setDrawState({ ...drawer.state(), loading: false });
      });
  };

  const panel: AoiPanel = mountAoiPanel(deps.panel, store, {
    startDrawing,
    finishDrawing: () => drawer.finish(),
    undoVertex: () => drawer.undo(),
    cancelDrawing: () => drawer.cancel(),
    upload: (file) => void upload(file),
    pickCommune: (code) => {
      if (setCommune(code)) zoomToAoi();
    },
    zoomToAoi,
    clearAoi,
    cancelAnalysis: () => job?.controller.abort(),
    recompute: () => void analyse().catch(() => {}),
    exportCsv,
  });

  // analyse whenever the AOI or the data change
  store.subscribe(
    (s) => [s.aoi, s.layerData, s.userLayers, s.pack.manifest] as const,
    () => {
      if (!store.getState().aoi) {
        job?.controller.abort();
        job = null;
        panel.setStatus({ kind: 'idle' });
        return;
      }
      void analyse().catch(() => {});
    },
    { equalityFn: shallowTuple },
  );
  // an AOI restored before start-up (none today) or set while the panel mounts
  if (store.getState().aoi) void analyse().catch(() => {});

  return { drawer, setGeoJson, setCommune, upload, clear: clearAoi, analyse };
}
