import { describe, expect, it } from 'vitest';
import { contains, overlaps, sheetLayout, wrapText } from './layout';
import { paperMm } from './paper';

describe('sheet layout', () => {
  for (const paper of ['A4', 'A3'] as const) {
    for (const orientation of ['landscape', 'portrait'] as const) {
      it(`${paper} ${orientation}: boxes inside the neat line and apart`, () => {
        const L = sheetLayout(paperMm(paper, orientation));
        const boxes = [L.title, L.map, L.legend, L.notes, L.footer];
        for (const b of boxes) expect(contains(L.border, b)).toBe(true);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
        // the map is the main thing on the sheet
        expect(L.map.w * L.map.h).toBeGreaterThan(0.45 * L.sheet.widthMm * L.sheet.heightMm);
      });
    }
  }

  it('scales A3 as an enlarged A4', () => {
    expect(sheetLayout(paperMm('A4', 'landscape')).scale).toBe(1);
    expect(sheetLayout(paperMm('A3', 'landscape')).scale).toBeCloseTo(Math.SQRT2, 2);
  });

  it('puts the legend beside the map in landscape and below it in portrait', () => {
    const land = sheetLayout(paperMm('A4', 'landscape'));
    expect(land.legend.x).toBeGreaterThan(land.map.x + land.map.w);
    const port = sheetLayout(paperMm('A4', 'portrait'));
    expect(port.legend.y).toBeGreaterThan(port.map.y + port.map.h);
  });
});

describe('wrapText', () => {
  it('wraps on words by measured width', () => {
    const width = (s: string) => s.length;
    expect(wrapText('Rừng phòng hộ đầu nguồn', 10, width)).toEqual(['Rừng phòng', 'hộ đầu', 'nguồn']);
    expect(wrapText('một\nhai', 50, width)).toEqual(['một', 'hai']);
  });
});
