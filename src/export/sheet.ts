import type { Lang } from '../catalog/manifest_types';
import { formatNumber, t } from '../i18n/i18n';
import type { Box, SheetLayout } from './layout';
import { wrapText } from './layout';
import type { Painter } from './painter';
import { PT_TO_MM } from './painter';
import { scaleBar } from './scale_bar';
import type { LegendSection, SheetContent } from './sheet_content';

// Draws a whole map sheet through a Painter: title block, map, north arrow, scale bar,
// legend, sources and notes, footer and the optional draft stamp. The same code draws the
// PNG and the PDF, so the two cannot drift apart.

const INK = '#1d2a26';
const MUTED = '#55635e';
const ACCENT = '#0b6e4f';
const FRAME = '#9aa5a1';

export interface MapFrame {
  image: HTMLCanvasElement;
  /** Ground metres per printed millimetre at the map's centre latitude. */
  metresPerMm: number;
  bearing: number;
}

export interface SheetOptions {
  draft: boolean;
  /** "A4" / "A3" when the sheet is a paper size; null for a free pixel size. */
  paper: string | null;
}

export function drawSheet(p: Painter, L: SheetLayout, c: SheetContent, map: MapFrame, opts: SheetOptions): void {
  const { widthMm: W, heightMm: H } = L.sheet;
  p.rect({ x: 0, y: 0, w: W, h: H }, { fill: '#ffffff' });
  p.rect(L.border, { stroke: INK, lineWidth: 0.5 * L.scale });
  drawTitle(p, L, c);
  p.image(map.image, L.map);
  if (opts.draft) drawWatermark(p, L.map, t(c.lang, 'sheet.draft'));
  p.rect(L.map, { stroke: INK, lineWidth: 0.35 * L.scale });
  drawNorthArrow(p, L, c.lang, map.bearing);
  drawScaleBar(p, L, c.lang, map.metresPerMm, opts.paper);
  drawLegend(p, L.legend, L.scale, c);
  drawNotes(p, L.notes, L.scale, c);
  const footSize = fitSize(p, c.footer, L.footer.w, 6.2 * L.scale, false);
  p.text(c.footer, L.footer.x, L.footer.y + L.footer.h - 1.2 * L.scale, { sizePt: footSize, color: MUTED });
}

/** The largest size ≤ `size` at which `text` fits in `width` (never below 55 %). */
function fitSize(p: Painter, text: string, width: number, size: number, bold: boolean): number {
  const w = p.textWidth(text, size, bold);
  return w <= width ? size : Math.max(size * 0.55, (size * width) / w);
}

function drawTitle(p: Painter, L: SheetLayout, c: SheetContent): void {
  const s = L.scale;
  const b = L.title;
  const appTitle = t(c.lang, 'app.title');
  const rightW = Math.max(p.textWidth(c.dateText, 8.5 * s), p.textWidth(appTitle, 8 * s));
  p.rect({ x: b.x, y: b.y, w: 1.6 * s, h: b.h - 1 * s }, { fill: ACCENT });
  const titleX = b.x + 4.5 * s;
  const room = b.w - rightW - 10 * s;
  const size = fitSize(p, c.title, room, 17 * s, true);
  p.text(c.title, titleX, b.y + 7.5 * s, { sizePt: size, bold: true, color: INK });
  p.text(c.subtitle, titleX, b.y + 13.6 * s, { sizePt: 9.5 * s, color: MUTED });
  p.text(c.dateText, b.x + b.w, b.y + 6 * s, { sizePt: 8.5 * s, color: INK, align: 'right' });
  p.text(appTitle, b.x + b.w, b.y + 11 * s, { sizePt: 8 * s, color: MUTED, align: 'right' });
  p.line([[b.x, b.y + b.h + 1.5 * s], [b.x + b.w, b.y + b.h + 1.5 * s]], { stroke: ACCENT, lineWidth: 0.5 * s });
}

function drawWatermark(p: Painter, m: Box, text: string): void {
  const angle = (Math.atan2(m.h, m.w) * 180) / Math.PI;
  const target = 0.7 * Math.hypot(m.w, m.h);
  const size = (100 * target) / p.textWidth(text, 100, true);
  p.rotatedText(text, m.x + m.w / 2, m.y + m.h / 2, angle, { sizePt: size, bold: true, color: '#c62828' }, 0.22);
}

function drawNorthArrow(p: Painter, L: SheetLayout, lang: Lang, bearing: number): void {
  const s = L.scale;
  const w = 11 * s;
  const h = 17 * s;
  const box: Box = { x: L.map.x + L.map.w - w - 4 * s, y: L.map.y + 4 * s, w, h };
  p.rect(box, { fill: '#ffffff', stroke: FRAME, lineWidth: 0.25 * s, opacity: 0.9 });
  p.text(t(lang, 'sheet.north'), box.x + w / 2, box.y + 5.6 * s, { sizePt: 11 * s, bold: true, color: INK, align: 'center' });
  const cx = box.x + w / 2;
  const cy = box.y + 11.4 * s;
  // the map may be rotated: the arrow turns against the bearing so it keeps pointing north
  const a = (-bearing * Math.PI) / 180;
  const rot = (x: number, y: number): [number, number] => [cx + x * Math.cos(a) - y * Math.sin(a), cy + x * Math.sin(a) + y * Math.cos(a)];
  const tip = rot(0, -4.6 * s);
  const notch = rot(0, 1.6 * s);
  p.polygon([tip, rot(-3 * s, 4.2 * s), notch], { fill: INK, stroke: INK, lineWidth: 0.2 * s });
  p.polygon([tip, rot(3 * s, 4.2 * s), notch], { fill: '#ffffff', stroke: INK, lineWidth: 0.2 * s });
}

function distance(metres: number, lang: Lang): string {
  return metres >= 1000 ? `${formatNumber(metres / 1000, lang)} km` : `${formatNumber(metres, lang)} m`;
}

function drawScaleBar(p: Painter, L: SheetLayout, lang: Lang, metresPerMm: number, paper: string | null): void {
  const s = L.scale;
  const bar = scaleBar(metresPerMm, Math.min(45 * s, L.map.w * 0.3));
  if (bar.metres <= 0) return;
  const size = 6.8 * s;
  const ratio = paper ? t(lang, 'sheet.scale', { ratio: bar.ratio, paper }) : t(lang, 'sheet.scaleApprox', { ratio: bar.ratio });
  const endLabel = distance(bar.metres, lang);
  const pad = 2.5 * s;
  const w = Math.max(bar.lengthMm + p.textWidth(endLabel, size) / 2 + 1 * s, p.textWidth(ratio, size)) + 2 * pad;
  const h = 13 * s;
  const box: Box = { x: L.map.x + 4 * s, y: L.map.y + L.map.h - h - 4 * s, w, h };
  p.rect(box, { fill: '#ffffff', stroke: FRAME, lineWidth: 0.25 * s, opacity: 0.9 });
  const x0 = box.x + pad;
  const barY = box.y + 5.6 * s;
  const barH = 1.5 * s;
  const parts = 4;
  for (let i = 0; i < parts; i++) {
    const segW = bar.lengthMm / parts;
    p.rect({ x: x0 + i * segW, y: barY, w: segW, h: barH }, { fill: i % 2 === 0 ? INK : '#ffffff', stroke: INK, lineWidth: 0.2 * s });
  }
  const labelY = barY - 1 * s;
  p.text('0', x0, labelY, { sizePt: size, color: INK, align: 'center' });
  p.text(distance(bar.metres / 2, lang), x0 + bar.lengthMm / 2, labelY, { sizePt: size, color: INK, align: 'center' });
  p.text(endLabel, x0 + bar.lengthMm, labelY, { sizePt: size, color: INK, align: 'center' });
  p.text(ratio, x0, box.y + h - 2 * s, { sizePt: size, color: MUTED });
}

function panel(p: Painter, box: Box, s: number, heading: string): Box {
  p.rect(box, { stroke: FRAME, lineWidth: 0.25 * s });
  const pad = 3 * s;
  p.text(heading, box.x + pad, box.y + pad + 3 * s, { sizePt: 9 * s, bold: true, color: ACCENT });
  return { x: box.x + pad, y: box.y + pad + 5.5 * s, w: box.w - 2 * pad, h: box.h - 2 * pad - 5.5 * s };
}

type Op = () => void;

/** Lays the legend out in `cols` columns at size factor `f`; returns the drawing steps and how many items did not fit. */
function flowLegend(p: Painter, area: Box, s: number, sections: LegendSection[], cols: number, f: number): { ops: Op[]; left: number } {
  const itemPt = 7.4 * s * f;
  const headPt = 7.8 * s * f;
  const lineH = itemPt * PT_TO_MM * 1.22;
  const headLineH = headPt * PT_TO_MM * 1.22;
  const sw = 6 * s * f;
  const sh = 3.8 * s * f;
  const colGap = 3 * s;
  const colW = (area.w - (cols - 1) * colGap) / cols;
  const bottom = area.y + area.h;
  const ops: Op[] = [];
  let col = 0;
  let y = area.y;
  const total = sections.reduce((n, sec) => n + sec.items.length, 0);
  let placed = 0;
  const fits = (need: number): boolean => {
    if (y + need <= bottom) return true;
    if (col + 1 >= cols) return false;
    col++;
    y = area.y;
    return y + need <= bottom;
  };
  for (const sec of sections) {
    const itemLines = (label: string) => wrapText(label, colW - sw - 2 * s * f, (x) => p.textWidth(x, itemPt));
    const rowH = (lines: number) => Math.max(sh, lines * lineH) + 1.3 * s * f;
    const first = sec.items[0];
    const headLines = sec.heading ? wrapText(sec.heading, colW, (x) => p.textWidth(x, headPt, true)) : [];
    const headH = headLines.length * headLineH + (headLines.length ? 0.8 * s * f : 0);
    if (!fits(headH + (first ? rowH(itemLines(first.label).length) : 0))) return { ops, left: total - placed };
    const x = area.x + col * (colW + colGap);
    headLines.forEach((line, i) => {
      const by = y + (i + 0.8) * headLineH;
      ops.push(() => p.text(line, x, by, { sizePt: headPt, bold: true, color: INK }));
    });
    y += headH;
    for (const item of sec.items) {
      const lines = itemLines(item.label);
      const hgt = rowH(lines.length);
      if (!fits(hgt)) return { ops, left: total - placed };
      const ix = area.x + col * (colW + colGap);
      const top = y;
      const mid = top + sh / 2;
      ops.push(() => {
        if (sec.geometry === 'polygon') p.rect({ x: ix, y: top, w: sw, h: sh }, { fill: item.fill, stroke: item.stroke, lineWidth: 0.25 * s });
        else if (sec.geometry === 'line') p.line([[ix, mid], [ix + sw, mid]], { stroke: item.stroke, lineWidth: 0.8 * s });
        else p.circle(ix + sw / 2, mid, sh * 0.4, { fill: item.fill, stroke: item.stroke, lineWidth: 0.2 * s });
        lines.forEach((line, i) => p.text(line, ix + sw + 2 * s * f, mid + itemPt * PT_TO_MM * 0.35 + i * lineH, { sizePt: itemPt, color: INK }));
      });
      y += hgt;
      placed++;
    }
    y += 1.6 * s * f;
  }
  return { ops, left: 0 };
}

function drawLegend(p: Painter, box: Box, s: number, c: SheetContent): void {
  const area = panel(p, box, s, t(c.lang, 'sheet.legend'));
  const columnChoices = box.w > 110 * s ? [2, 3] : [1, 2];
  let last: { ops: Op[]; left: number } = { ops: [], left: 0 };
  search: for (let f = 1; f >= 0.6; f -= 0.08) {
    for (const cols of columnChoices) {
      last = flowLegend(p, area, s, c.legend, cols, f);
      if (last.left === 0) break search;
    }
  }
  for (const op of last.ops) op();
  if (last.left > 0) p.text(t(c.lang, 'sheet.more', { count: last.left }), area.x, area.y + area.h, { sizePt: 6.5 * s, color: MUTED });
}

function drawNotes(p: Painter, box: Box, s: number, c: SheetContent): void {
  const area = panel(p, box, s, t(c.lang, 'sheet.notes'));
  const paragraphs = [...(c.illustrativeNote ? [{ text: c.illustrativeNote, bold: true, color: '#8a5a00' }] : []), ...c.notes.map((text) => ({ text, bold: false, color: MUTED }))];
  let laid: Array<{ line: string; bold: boolean; color: string; y: number }> = [];
  let used = 6.8 * s;
  for (let size = 6.8 * s; size >= 4.6 * s; size -= 0.3 * s) {
    used = size;
    const lineH = size * PT_TO_MM * 1.25;
    laid = [];
    let y = area.y + lineH * 0.8;
    for (const para of paragraphs) {
      for (const line of wrapText(para.text, area.w, (x) => p.textWidth(x, size, para.bold))) {
        laid.push({ line, bold: para.bold, color: para.color, y });
        y += lineH;
      }
      y += lineH * 0.35;
    }
    if (y - lineH * 0.35 - lineH * 0.8 <= area.h) break;
  }
  const bottom = area.y + area.h;
  const shown = laid.filter((l) => l.y <= bottom);
  shown.forEach((l, i) => {
    const cut = i === shown.length - 1 && shown.length < laid.length;
    p.text(cut ? `${l.line} …` : l.line, area.x, l.y, { sizePt: used, bold: l.bold, color: l.color });
  });
}
