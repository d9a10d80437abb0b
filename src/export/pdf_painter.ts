// loaded only through export_map's dynamic import(), so jsPDF stays out of the first bundle
import { GState, type jsPDF } from 'jspdf';
import type { Box } from './layout';
import type { FontSpec, Painter, ShapeStyle } from './painter';
import { PT_TO_MM } from './painter';
// The TTFs ship with the app (Vite copies them as assets), so PDFs with Vietnamese text
// work offline; they are fetched only when a PDF is made.
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';

// Painter for PDF output. jsPDF's built-in fonts are WinAnsi only (no "ệ", "ử"...), so the
// sheet embeds Noto Sans as an Identity-H font: text stays real, searchable text with its
// diacritics, not outlines or an image.

export const PDF_FONT = 'NotoSans';

function binaryString(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) out += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return out;
}

let fontCache: Promise<[string, string]> | null = null;

async function fetchFonts(): Promise<[string, string]> {
  fontCache ??= Promise.all(
    [regularUrl, boldUrl].map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`font ${url}: HTTP ${res.status}`);
      return binaryString(await res.arrayBuffer());
    }),
  ).then(([a, b]) => [a!, b!] as [string, string]);
  // a failed fetch must not poison later attempts
  fontCache.catch(() => (fontCache = null));
  return fontCache;
}

export async function embedFonts(doc: jsPDF): Promise<void> {
  const [regular, bold] = await fetchFonts();
  doc.addFileToVFS('NotoSans-Regular.ttf', regular);
  // no weight argument: jsPDF folds style and weight into one key, and 'bold' + 700 becomes
  // 'boldbold', which setFont(…, 'bold') never finds (it silently falls back to Times)
  doc.addFont('NotoSans-Regular.ttf', PDF_FONT, 'normal', undefined, 'Identity-H');
  doc.addFileToVFS('NotoSans-Bold.ttf', bold);
  doc.addFont('NotoSans-Bold.ttf', PDF_FONT, 'bold', undefined, 'Identity-H');
  doc.setFont(PDF_FONT, 'normal');
}

export class PdfPainter implements Painter {
  constructor(private readonly doc: jsPDF) {
    doc.setLineJoin('round');
  }

  private withOpacity(opacity: number | undefined, draw: () => void): void {
    if (opacity === undefined || opacity >= 1) return draw();
    const doc = this.doc;
    doc.setGState(new GState({ opacity, 'stroke-opacity': opacity }));
    draw();
    doc.setGState(new GState({ opacity: 1, 'stroke-opacity': 1 }));
  }

  /** Sets colours and returns jsPDF's paint operator: F (fill), S (stroke) or FD (both). */
  private op(style: ShapeStyle): string | null {
    const doc = this.doc;
    if (style.fill) doc.setFillColor(style.fill);
    if (style.stroke) {
      doc.setDrawColor(style.stroke);
      doc.setLineWidth(style.lineWidth ?? 0.2);
    }
    if (style.fill && style.stroke) return 'FD';
    if (style.fill) return 'F';
    return style.stroke ? 'S' : null;
  }

  rect(b: Box, style: ShapeStyle): void {
    this.withOpacity(style.opacity, () => {
      const op = this.op(style);
      if (op) this.doc.rect(b.x, b.y, b.w, b.h, op);
    });
  }

  private path(points: Array<[number, number]>, style: ShapeStyle, closed: boolean): void {
    const first = points[0];
    if (!first) return;
    const deltas = points.slice(1).map(([x, y], i) => [x - points[i]![0], y - points[i]![1]]);
    this.withOpacity(style.opacity, () => {
      const op = this.op(style);
      if (op) this.doc.lines(deltas, first[0], first[1], [1, 1], op, closed);
    });
  }

  polygon(points: Array<[number, number]>, style: ShapeStyle): void {
    this.path(points, style, true);
  }

  line(points: Array<[number, number]>, style: ShapeStyle): void {
    this.path(points, { ...style, fill: undefined }, false);
  }

  circle(cx: number, cy: number, r: number, style: ShapeStyle): void {
    this.withOpacity(style.opacity, () => {
      const op = this.op(style);
      if (op) this.doc.circle(cx, cy, r, op);
    });
  }

  private setFont(sizePt: number, bold?: boolean): void {
    this.doc.setFont(PDF_FONT, bold ? 'bold' : 'normal');
    this.doc.setFontSize(sizePt);
  }

  text(text: string, x: number, y: number, f: FontSpec): void {
    this.setFont(f.sizePt, f.bold);
    this.doc.setTextColor(f.color ?? '#1d2a26');
    this.doc.text(text.normalize('NFC'), x, y, { align: f.align ?? 'left', baseline: 'alphabetic' });
  }

  textWidth(text: string, sizePt: number, bold?: boolean): number {
    this.setFont(sizePt, bold);
    return this.doc.getTextWidth(text.normalize('NFC'));
  }

  rotatedText(text: string, cx: number, cy: number, angleDeg: number, f: FontSpec, opacity: number): void {
    // jsPDF rotates about the start of the baseline; move that point so the text is centred
    const w = this.textWidth(text, f.sizePt, f.bold);
    const a = (angleDeg * Math.PI) / 180;
    const drop = 0.35 * f.sizePt * PT_TO_MM;
    const x = cx - (w / 2) * Math.cos(a) + drop * Math.sin(a);
    const y = cy + (w / 2) * Math.sin(a) + drop * Math.cos(a);
    this.withOpacity(opacity, () => {
      this.doc.setTextColor(f.color ?? '#000000');
      this.doc.text(text.normalize('NFC'), x, y, { angle: angleDeg, baseline: 'alphabetic' });
    });
  }

  image(canvas: HTMLCanvasElement, b: Box): void {
    // JPEG: the browser encodes it natively and the PDF embeds it as is (DCTDecode); a PNG
    // would be re-compressed by jsPDF in JavaScript, which takes minutes at A3 / 300 dpi.
    const dataUrl = canvas.toDataURL('image/jpeg', 0.92);
    this.doc.addImage(dataUrl, 'JPEG', b.x, b.y, b.w, b.h, undefined, 'NONE');
  }
}
