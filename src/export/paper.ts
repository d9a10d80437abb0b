// Pure: paper sizes, pixel sizes at a resolution, and export file names. Everything on a
// sheet is laid out in millimetres; pixels only appear when a PNG or a map image is made.

export type PaperId = 'A4' | 'A3';
export type Orientation = 'landscape' | 'portrait';
export type ExportFormat = 'png' | 'pdf';

/** ISO 216 sizes in mm, portrait (short side first). */
export const PAPER_MM: Readonly<Record<PaperId, readonly [number, number]>> = {
  A4: [210, 297],
  A3: [297, 420],
};

export const MM_PER_INCH = 25.4;
export const PT_PER_MM = 72 / MM_PER_INCH;
/** CSS pixels per inch: MapLibre sizes symbols in CSS pixels, so this maps them to paper. */
export const CSS_DPI = 96;
/** Largest side we will render, in device pixels (A3 at 300 dpi is 4961). */
export const MAX_EXPORT_PX = 8192;

export interface SheetSize {
  widthMm: number;
  heightMm: number;
}

export function paperMm(paper: PaperId, orientation: Orientation): SheetSize {
  const [short, long] = PAPER_MM[paper];
  return orientation === 'landscape' ? { widthMm: long, heightMm: short } : { widthMm: short, heightMm: long };
}

/** Millimetres → whole pixels at `dpi`, rounded the way print drivers do (A4 at 150 dpi → 1754). */
export function mmToPx(mm: number, dpi: number): number {
  return Math.round((mm / MM_PER_INCH) * dpi);
}

export function pxToMm(px: number, dpi: number): number {
  return (px / dpi) * MM_PER_INCH;
}

export function paperPixels(paper: PaperId, orientation: Orientation, dpi: number): { width: number; height: number } {
  const { widthMm, heightMm } = paperMm(paper, orientation);
  return { width: mmToPx(widthMm, dpi), height: mmToPx(heightMm, dpi) };
}

export interface ExportRequest {
  format: ExportFormat;
  paper?: PaperId;
  orientation?: Orientation;
  dpi?: number;
  /** PNG only: an exact pixel size instead of a paper size. */
  width?: number;
  height?: number;
  title?: string;
  draft?: boolean;
}

/** A request with defaults filled in and the sheet size decided. */
export interface ResolvedRequest {
  format: ExportFormat;
  paper: PaperId;
  orientation: Orientation;
  dpi: number;
  sheet: SheetSize;
  /** Output pixel size (PNG) or the pixel size of the page at `dpi` (PDF). */
  width: number;
  height: number;
  draft: boolean;
  /** True when the sheet is a paper size (PNG with width/height is not). */
  onPaper: boolean;
}

export class ExportRequestError extends Error {
  constructor(readonly reason: 'size' | 'dpi' | 'paper') {
    super(`exportMap: invalid ${reason}`);
  }
}

export function resolveRequest(req: ExportRequest): ResolvedRequest {
  const paper = req.paper ?? 'A4';
  const orientation = req.orientation ?? 'landscape';
  if (paper !== 'A4' && paper !== 'A3') throw new ExportRequestError('paper');
  if (orientation !== 'landscape' && orientation !== 'portrait') throw new ExportRequestError('paper');
  const dpi = req.dpi ?? 150;
  if (!Number.isFinite(dpi) || dpi < 72 || dpi > 600) throw new ExportRequestError('dpi');
  const custom = req.format === 'png' && req.width !== undefined && req.height !== undefined;
  if (custom) {
    const w = Math.round(req.width!);
    const h = Math.round(req.height!);
    if (!(w >= 300 && h >= 200 && w <= MAX_EXPORT_PX && h <= MAX_EXPORT_PX)) throw new ExportRequestError('size');
    // the sheet is as large as those pixels are at `dpi`, so text keeps its printed size
    return { format: 'png', paper, orientation: w >= h ? 'landscape' : 'portrait', dpi, sheet: { widthMm: pxToMm(w, dpi), heightMm: pxToMm(h, dpi) }, width: w, height: h, draft: req.draft === true, onPaper: false };
  }
  const sheet = paperMm(paper, orientation);
  const { width, height } = paperPixels(paper, orientation, dpi);
  if (width > MAX_EXPORT_PX || height > MAX_EXPORT_PX) throw new ExportRequestError('size');
  return { format: req.format, paper, orientation, dpi, sheet, width, height, draft: req.draft === true, onPaper: true };
}

/** ASCII slug of a Vietnamese title: "Bản đồ Mường Tè" → "ban-do-muong-te". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'ban-do';
}

function isoDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** e.g. "ban-do-muong-te_A3-landscape_2025-07-01.pdf" or "…_1754x1240_….png". */
export function exportFilename(title: string, r: Pick<ResolvedRequest, 'format' | 'paper' | 'orientation' | 'width' | 'height' | 'onPaper' | 'draft'>, date: Date): string {
  const size = r.onPaper ? `${r.paper}-${r.orientation}` : `${r.width}x${r.height}`;
  const draft = r.draft ? '_draft' : '';
  return `${slugify(title)}_${size}${draft}_${isoDate(date)}.${r.format}`;
}
