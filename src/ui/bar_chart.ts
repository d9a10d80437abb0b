// A horizontal stacked bar chart in plain SVG (no chart library): one bar per commune, one
// segment per class. Built with createElementNS and textContent only.

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface BarSegment {
  key: string;
  value: number;
  color: string;
  label: string;
}

export interface Bar {
  key: string;
  label: string;
  segments: BarSegment[];
}

export interface BarChartOptions {
  bars: Bar[];
  /** accessible name of the chart */
  title: string;
  /** formats values for the total labels, ticks and tooltips */
  format(value: number): string;
  /** drawing width in SVG units (the chart scales to its box); default 420 */
  width?: number;
  /** default 16 */
  barHeight?: number;
  /** space for commune names; default 108 */
  labelWidth?: number;
  /** key of the bar drawn as selected; default none */
  selectedKey?: string | null;
  /** called with a bar's key when it is clicked; default none */
  onSelect?: (key: string) => void;
}

/** Round tick values from 0 to at least `max` (1, 2, 2.5 or 5 × 10ⁿ steps). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function buildBarChart(opts: BarChartOptions): SVGSVGElement {
  const width = opts.width ?? 420;
  const barH = opts.barHeight ?? 16;
  const labelW = opts.labelWidth ?? 108;
  const gap = 6;
  const top = 4;
  const axisH = 18;
  const totalW = 52;
  const plotW = width - labelW - totalW;
  const totals = opts.bars.map((b) => b.segments.reduce((s, x) => s + Math.max(0, x.value), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const max = ticks[ticks.length - 1]! || 1;
  const height = top + opts.bars.length * (barH + gap) + axisH;
  const x = (v: number) => labelW + (v / max) * plotW;

  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bar-chart', role: 'img', 'aria-label': opts.title, preserveAspectRatio: 'xMinYMin meet' });
  const grid = svg('g', { class: 'bar-chart__grid' });
  const axisY = top + opts.bars.length * (barH + gap);
  for (const t of ticks) {
    grid.append(svg('line', { x1: x(t), x2: x(t), y1: top, y2: axisY, class: 'bar-chart__gridline' }));
    grid.append(svg('text', { x: x(t), y: axisY + 12, 'text-anchor': 'middle', class: 'bar-chart__tick' }, opts.format(t)));
  }
  root.append(grid);

  opts.bars.forEach((bar, i) => {
    const y = top + i * (barH + gap);
    const g = svg('g', { class: 'bar-chart__bar', 'data-key': bar.key });
    if (bar.key === opts.selectedKey) g.classList.add('is-selected');
    g.append(svg('rect', { x: 0, y: y - gap / 2, width, height: barH + gap, class: 'bar-chart__hit' }));
    g.append(svg('text', { x: labelW - 6, y: y + barH / 2, 'dominant-baseline': 'central', 'text-anchor': 'end', class: 'bar-chart__label' }, bar.label));
    let acc = 0;
    for (const s of bar.segments) {
      if (!(s.value > 0)) continue;
      const rect = svg('rect', { x: x(acc), y, width: Math.max(0, x(acc + s.value) - x(acc)), height: barH, fill: s.color, 'data-class': s.key, class: 'bar-chart__segment' });
      rect.append(svg('title', {}, `${bar.label} · ${s.label}: ${opts.format(s.value)}`));
      g.append(rect);
      acc += s.value;
    }
    g.append(svg('text', { x: x(acc) + 4, y: y + barH / 2, 'dominant-baseline': 'central', class: 'bar-chart__total' }, opts.format(totals[i]!)));
    if (opts.onSelect) {
      const onSelect = opts.onSelect;
      g.addEventListener('click', () => onSelect(bar.key));
    }
    root.append(g);
  });
  return root;
}

/** Marks the bar with `key` as selected (and only it). */
export function highlightBar(chart: SVGSVGElement, key: string | null): void {
  for (const g of chart.querySelectorAll<SVGGElement>('.bar-chart__bar')) g.classList.toggle('is-selected', g.dataset.key === key);
}
