// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildBarChart, highlightBar, niceTicks, type Bar } from './bar_chart';

function createBars(): Bar[] {
  return [
    { key: '01', label: 'Ka Lăng', segments: [{ key: 'a', value: 30, color: '#111111', label: 'A' }, { key: 'b', value: 10, color: '#222222', label: 'B' }] },
    { key: '02', label: 'Tá Bạ', segments: [{ key: 'a', value: 0, color: '#111111', label: 'A' }, { key: 'b', value: 80, color: '#222222', label: 'B' }] },
  ];
}

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(80)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(527.3)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(0)).toEqual([0]);
  });
});

describe('buildBarChart', () => {
  it('draws one rectangle per non-empty segment, widths proportional to values, stacked', () => {
    const chart = buildBarChart({ bars: createBars(), title: 'ha', format: String, width: 400, labelWidth: 100 });
    const rects = [...chart.querySelectorAll('rect.bar-chart__segment')];
    expect(rects).toHaveLength(3);
    const w = rects.map((r) => Number(r.getAttribute('width')));
    expect(w[0]! / w[1]!).toBeCloseTo(3, 6);
    expect(w[2]! / w[0]!).toBeCloseTo(80 / 30, 6);
    expect(Number(rects[1]!.getAttribute('x'))).toBeCloseTo(Number(rects[0]!.getAttribute('x')) + w[0]!, 6);
    expect(rects[0]!.getAttribute('fill')).toBe('#111111');
    expect(chart.getAttribute('aria-label')).toBe('ha');
  });

  it('labels totals with the formatter, reports clicks and highlights the selection', () => {
    const clicked: string[] = [];
    const chart = buildBarChart({ bars: createBars(), title: 'ha', format: (v) => `${v} ha`, selectedKey: '02', onSelect: (k) => clicked.push(k) });
    expect([...chart.querySelectorAll('.bar-chart__total')].map((t) => t.textContent)).toEqual(['40 ha', '80 ha']);
    expect(chart.querySelector('.is-selected')?.getAttribute('data-key')).toBe('02');
    chart.querySelector<SVGGElement>('[data-key="01"]')!.dispatchEvent(new Event('click'));
    expect(clicked).toEqual(['01']);
    highlightBar(chart, '01');
    expect([...chart.querySelectorAll('.is-selected')].map((g) => g.getAttribute('data-key'))).toEqual(['01']);
  });
});
