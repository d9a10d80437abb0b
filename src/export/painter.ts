import type { Box } from './layout';

// The sheet is drawn once, through this interface, onto either a 2D canvas (PNG) or a jsPDF
// page (PDF), so both outputs carry the same elements in the same places. All coordinates
// are millimetres from the top-left corner; font sizes are points; text y is the baseline.

export interface FontSpec {
  sizePt: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

export interface ShapeStyle {
  fill?: string;
  stroke?: string;
  /** mm */
  lineWidth?: number;
  /** 0..1 for fill and stroke */
  opacity?: number;
}

export interface Painter {
  rect(box: Box, style: ShapeStyle): void;
  polygon(points: Array<[number, number]>, style: ShapeStyle): void;
  line(points: Array<[number, number]>, style: ShapeStyle): void;
  circle(cx: number, cy: number, r: number, style: ShapeStyle): void;
  text(text: string, x: number, y: number, font: FontSpec): void;
  /** Width in mm of `text` at `sizePt`. */
  textWidth(text: string, sizePt: number, bold?: boolean): number;
  /** Text rotated by `angleDeg` (counter-clockwise) about its centre point. */
  rotatedText(text: string, cx: number, cy: number, angleDeg: number, font: FontSpec, opacity: number): void;
  image(canvas: HTMLCanvasElement, box: Box): void;
}

export const PT_TO_MM = 25.4 / 72;
