import type * as maplibregl from 'maplibre-gl';
import { localize, t } from '../i18n/i18n';
import type { AppStore } from '../state/store';
import { allLayers } from '../state/store';
import { CanvasPainter, loadCanvasFonts } from './canvas_painter';
import { sheetLayout } from './layout';
import { exportFilename, MM_PER_INCH, resolveRequest, type ExportRequest } from './paper';
import { renderMap, type DeckLayerInput } from './render_map';
import { drawSheet } from './sheet';
import { sheetContent } from './sheet_content';

// Export of the current map as a print sheet (PNG or PDF). Orchestrates: decide sizes →
// render the map off screen → compose the sheet → encode. jsPDF is imported only here, on
// demand, so it stays out of the first bundle.

export type { ExportRequest } from './paper';

export interface ExportResult {
  filename: string;
  mime: string;
  bytes: Uint8Array;
  width?: number;
  height?: number;
}

export type ExportStage = { stage: 'render'; width: number; height: number } | { stage: 'compose' } | { stage: 'encode'; format: 'PNG' | 'PDF' };

export interface ExportDeps {
  map: maplibregl.Map;
  /** The style to draw (the map's as it is when still); the map's current style without it. */
  styleAtRest?: () => maplibregl.StyleSpecification;
  store: AppStore;
  /** Layers drawn by deck.gl (their points are drawn into the export separately). */
  deckLayerIds(): string[];
  onProgress?: (stage: ExportStage) => void;
  now?: () => Date;
}

/** PDFs carry the map image at no less than this, whatever the dpi asked for. */
const PDF_MIN_MAP_DPI = 150;

function deckInputs(deps: ExportDeps): DeckLayerInput[] {
  const s = deps.store.getState();
  const ids = new Set(deps.deckLayerIds());
  const byId = new Map(allLayers(s).map((l) => [l.id, l]));
  return [...s.order]
    .reverse()
    .filter((id) => ids.has(id))
    .flatMap((id) => {
      const spec = byId.get(id);
      const entry = s.layerData[id];
      const ui = s.layerUi[id];
      // a large CSV layer is held as typed columns (data null), small ones as features
      const source = entry?.points ? { points: entry.points } : entry?.data ? { data: entry.data } : null;
      return spec && source && ui ? [{ spec, ui, ...source }] : [];
    });
}

export function defaultTitle(store: AppStore): string {
  const s = store.getState();
  return s.pack.manifest ? localize(s.pack.manifest.title, s.lang) : t(s.lang, 'app.title');
}

export async function exportMap(req: ExportRequest, deps: ExportDeps): Promise<ExportResult> {
  const r = resolveRequest({ ...req, dpi: req.dpi ?? (req.format === 'pdf' ? 200 : 150) });
  const state = deps.store.getState();
  const date = deps.now?.() ?? new Date();
  const title = (req.title ?? '').trim() || defaultTitle(deps.store);
  const layout = sheetLayout(r.sheet);
  const content = sheetContent(state, title, date, __APP_VERSION__);
  const mapDpi = r.format === 'pdf' ? Math.max(PDF_MIN_MAP_DPI, r.dpi) : r.dpi;
  const mapW = Math.round((layout.map.w / MM_PER_INCH) * mapDpi);
  const mapH = Math.round((layout.map.h / MM_PER_INCH) * mapDpi);
  deps.onProgress?.({ stage: 'render', width: r.width, height: r.height });
  const rendered = await renderMap(deps.map, mapW, mapH, deckInputs(deps), deps.styleAtRest?.());
  const frame = {
    image: rendered.canvas,
    // the image spans layout.map.w mm and rendered.cssWidth CSS pixels
    metresPerMm: (rendered.metresPerCssPx * rendered.cssWidth) / layout.map.w,
    bearing: rendered.bearing,
  };
  const sheetOpts = { draft: r.draft, paper: r.onPaper ? r.paper : null };
  const filename = exportFilename(title, r, date);
  deps.onProgress?.({ stage: 'compose' });

  if (r.format === 'png') {
    await loadCanvasFonts(`${title} ${content.legend.map((l) => l.heading ?? '').join(' ')} ${t(state.lang, 'sheet.draft')}`);
    const canvas = document.createElement('canvas');
    canvas.width = r.width;
    canvas.height = r.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    drawSheet(new CanvasPainter(ctx, r.dpi), layout, content, frame, sheetOpts);
    deps.onProgress?.({ stage: 'encode', format: 'PNG' });
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    return { filename, mime: 'image/png', bytes: new Uint8Array(await blob.arrayBuffer()), width: r.width, height: r.height };
  }

  const [{ jsPDF }, { PdfPainter, embedFonts }] = await Promise.all([import('jspdf'), import('./pdf_painter')]);
  const doc = new jsPDF({ orientation: r.orientation, unit: 'mm', format: r.paper.toLowerCase(), compress: true });
  await embedFonts(doc);
  doc.setProperties({ title, subject: t(state.lang, 'app.subtitle'), creator: `${t(state.lang, 'app.title')} ${__APP_VERSION__}` });
  drawSheet(new PdfPainter(doc), layout, content, frame, sheetOpts);
  deps.onProgress?.({ stage: 'encode', format: 'PDF' });
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  return { filename, mime: 'application/pdf', bytes, width: r.width, height: r.height };
}
