import type { Box } from './layout';
import type { FontSpec, Painter, ShapeStyle } from './painter';
import { PT_TO_MM } from './painter';

// Painter for PNG output: a 2D canvas scaled so that one unit is one millimetre at `dpi`.
// Text uses the app's bundled Noto Sans (loaded via @fontsource), which has Vietnamese glyphs.

export const CANVAS_FONT_FAMILY = '"Noto Sans", sans-serif';

export class CanvasPainter implements Painter {
  private readonly pxPerMm: number;

  constructor(private readonly ctx: CanvasRenderingContext2D, dpi: number) {
    this.pxPerMm = dpi / 25.4;
    ctx.setTransform(this.pxPerMm, 0, 0, this.pxPerMm, 0, 0);
    ctx.lineJoin = 'round';
  }

  private font(sizePt: number, bold?: boolean): string {
    return `${bold ? 700 : 400} ${sizePt * PT_TO_MM}px ${CANVAS_FONT_FAMILY}`;
  }

  private paint(path: () => void, style: ShapeStyle): void {
    const c = this.ctx;
    c.save();
    c.globalAlpha = style.opacity ?? 1;
    c.beginPath();
    path();
    if (style.fill) {
      c.fillStyle = style.fill;
      c.fill();
    }
    if (style.stroke) {
      c.strokeStyle = style.stroke;
      c.lineWidth = style.lineWidth ?? 0.2;
      c.stroke();
    }
    c.restore();
  }

  rect(b: Box, style: ShapeStyle): void {
    this.paint(() => this.ctx.rect(b.x, b.y, b.w, b.h), style);
  }

  polygon(points: Array<[number, number]>, style: ShapeStyle): void {
    this.paint(() => {
      points.forEach(([x, y], i) => (i === 0 ? this.ctx.moveTo(x, y) : this.ctx.lineTo(x, y)));
      this.ctx.closePath();
    }, style);
  }

  line(points: Array<[number, number]>, style: ShapeStyle): void {
    this.paint(() => points.forEach(([x, y], i) => (i === 0 ? this.ctx.moveTo(x, y) : this.ctx.lineTo(x, y))), { ...style, fill: undefined });
  }

  circle(cx: number, cy: number, r: number, style: ShapeStyle): void {
    this.paint(() => this.ctx.arc(cx, cy, r, 0, Math.PI * 2), style);
  }

  text(text: string, x: number, y: number, f: FontSpec): void {
    const c = this.ctx;
    c.save();
    c.font = this.font(f.sizePt, f.bold);
    c.fillStyle = f.color ?? '#1d2a26';
    c.textAlign = f.align ?? 'left';
    c.textBaseline = 'alphabetic';
    c.fillText(text, x, y);
    c.restore();
  }

  textWidth(text: string, sizePt: number, bold?: boolean): number {
    this.ctx.font = this.font(sizePt, bold);
    return this.ctx.measureText(text).width;
  }

  rotatedText(text: string, cx: number, cy: number, angleDeg: number, f: FontSpec, opacity: number): void {
    const c = this.ctx;
    c.save();
    c.translate(cx, cy);
    c.rotate((-angleDeg * Math.PI) / 180);
    c.globalAlpha = opacity;
    c.font = this.font(f.sizePt, f.bold);
    c.fillStyle = f.color ?? '#000';
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    c.fillText(text, 0, 0);
    c.restore();
  }

  image(canvas: HTMLCanvasElement, b: Box): void {
    this.ctx.save();
    this.ctx.imageSmoothingQuality = 'high';
    this.ctx.drawImage(canvas, b.x, b.y, b.w, b.h);
    this.ctx.restore();
  }
}

/** Waits for the sheet's fonts, including the Vietnamese subset, before text is measured. */
export async function loadCanvasFonts(sample: string): Promise<void> {
  if (!('fonts' in document)) return;
  await Promise.all([document.fonts.load(`400 16px ${CANVAS_FONT_FAMILY}`, sample), document.fonts.load(`700 16px ${CANVAS_FONT_FAMILY}`, sample)]);
}
