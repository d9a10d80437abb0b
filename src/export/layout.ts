import type { SheetSize } from './paper';

// Pure: where everything goes on the sheet, in mm from the top-left corner. Landscape sheets
// put the legend and notes in a side column (as district planning maps do); portrait sheets
// put them under the map. Sizes scale with the sheet, so A3 is an enlarged A4.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SheetLayout {
  sheet: SheetSize;
  /** 1 on A4, √2 on A3: multiply every font size and line width by it. */
  scale: number;
  /** The neat line around the content. */
  border: Box;
  title: Box;
  map: Box;
  legend: Box;
  notes: Box;
  footer: Box;
}

export function sheetLayout(sheet: SheetSize): SheetLayout {
  const { widthMm: W, heightMm: H } = sheet;
  const s = Math.min(W, H) / 210;
  const margin = 8 * s;
  const pad = 3 * s;
  const gap = 4 * s;
  const border: Box = { x: margin, y: margin, w: W - 2 * margin, h: H - 2 * margin };
  const inner: Box = { x: border.x + pad, y: border.y + pad, w: border.w - 2 * pad, h: border.h - 2 * pad };
  const title: Box = { x: inner.x, y: inner.y, w: inner.w, h: 17 * s };
  const footer: Box = { x: inner.x, y: inner.y + inner.h - 5 * s, w: inner.w, h: 5 * s };
  const bodyY = title.y + title.h + gap;
  const body: Box = { x: inner.x, y: bodyY, w: inner.w, h: footer.y - gap / 2 - bodyY };
  if (W >= H) {
    const sideW = Math.min(Math.max(0.25 * body.w, 58 * s), 82 * s);
    const map: Box = { x: body.x, y: body.y, w: body.w - sideW - gap, h: body.h };
    const sideX = map.x + map.w + gap;
    const legendH = body.h * 0.64;
    return {
      sheet,
      scale: s,
      border,
      title,
      map,
      legend: { x: sideX, y: body.y, w: sideW, h: legendH },
      notes: { x: sideX, y: body.y + legendH + gap / 2, w: sideW, h: body.h - legendH - gap / 2 },
      footer,
    };
  }
  const mapH = body.h * 0.66;
  const map: Box = { x: body.x, y: body.y, w: body.w, h: mapH };
  const lowerY = map.y + map.h + gap;
  const lowerH = body.y + body.h - lowerY;
  const legendW = body.w * 0.58;
  return {
    sheet,
    scale: s,
    border,
    title,
    map,
    legend: { x: body.x, y: lowerY, w: legendW, h: lowerH },
    notes: { x: body.x + legendW + gap, y: lowerY, w: body.w - legendW - gap, h: lowerH },
    footer,
  };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function contains(outer: Box, inner: Box): boolean {
  const e = 1e-9;
  return inner.x >= outer.x - e && inner.y >= outer.y - e && inner.x + inner.w <= outer.x + outer.w + e && inner.y + inner.h <= outer.y + outer.h + e;
}

/** Greedy word wrap with a width function (canvas and PDF measure text differently). */
export function wrapText(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && width(candidate) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}
