import { h } from './dom';

// A scrolling list that keeps only the rows in view in the DOM: fixed row height, one tall
// spacer, and a pool of row elements re-filled as it scrolls. Past MAX_SPACER_PX (browsers
// cap an element's height at 16–33 million px) the scrollbar maps proportionally onto the
// rows, so a million rows still scroll from first to last.

export interface VirtualListOptions {
  /** Row height in px; every row has it. */
  rowHeight: number;
  /** A new, empty row element (reused for many rows). */
  createRow(): HTMLElement;
  /** Fills a row element for row `index` (0-based in the list). */
  renderRow(el: HTMLElement, index: number): void;
  /** Shown above the rows, sticky while scrolling (a table header). */
  header?: HTMLElement;
  /** Rows rendered above and below the view; default 4. */
  overscan?: number;
  /** Height of the visible rows area when there is no layout (tests); default the element's clientHeight minus the header. */
  viewportHeight?: () => number;
}

export const MAX_SPACER_PX = 8_000_000;

export class VirtualList {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly window: HTMLElement;
  private readonly pool: HTMLElement[] = [];
  private count = 0;
  private first = 0;
  private raf = 0;

  constructor(private readonly options: VirtualListOptions) {
    this.window = h('div', { class: 'vlist__window', role: 'rowgroup' });
    this.body = h('div', { class: 'vlist__body' }, this.window);
    this.element = h('div', { class: 'vlist' }, options.header ?? null, this.body);
    this.element.addEventListener('scroll', () => {
      if (this.raf) return;
      this.raf = requestAnimationFrame(() => {
        this.raf = 0;
        this.update();
      });
    });
  }

  get length(): number {
    return this.count;
  }

  /** The rows in the list; re-renders what is in view. */
  setCount(count: number): void {
    this.count = count;
    this.body.style.height = `${this.spacerHeight()}px`;
    this.update();
  }

  /** Re-renders the rows in view (data changed, same count). */
  refresh(): void {
    this.update();
  }

  /** The first and last (exclusive) rows in view. */
  visibleRange(): [number, number] {
    const rows = Math.ceil(this.viewport() / this.options.rowHeight);
    const first = Math.floor(this.virtualTop() / this.options.rowHeight);
    return [first, Math.min(this.count, first + rows)];
  }

  /** Scrolls so row `index` is in view (no move when it already is). */
  scrollToIndex(index: number): void {
    const [first, last] = this.visibleRange();
    if (index >= first && index < last - 1) return;
    const rh = this.options.rowHeight;
    const targetTop = index < first ? index * rh : (index + 1) * rh - this.viewport();
    this.element.scrollTop = Math.max(0, this.toScrollTop(targetTop));
    this.update();
  }

  /** The element showing row `index`, when it is rendered. */
  rowElement(index: number): HTMLElement | undefined {
    const k = index - this.first;
    const el = this.pool[k];
    return el && !el.hidden ? el : undefined;
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.element.remove();
  }

  private viewport(): number {
    if (this.options.viewportHeight) return this.options.viewportHeight();
    return Math.max(0, this.element.clientHeight - (this.options.header?.offsetHeight ?? 0));
  }

  private fullHeight(): number {
    return this.count * this.options.rowHeight;
  }

  private spacerHeight(): number {
    return Math.min(this.fullHeight(), MAX_SPACER_PX);
  }

  /** Scale from the spacer's scroll range onto the rows' (1 unless the spacer is capped). */
  private scale(): number {
    const view = this.viewport();
    const spacerRange = this.spacerHeight() - view;
    const fullRange = this.fullHeight() - view;
    return spacerRange > 0 && fullRange > spacerRange ? fullRange / spacerRange : 1;
  }

  private virtualTop(): number {
    return this.element.scrollTop * this.scale();
  }

  private toScrollTop(virtualTop: number): number {
    return virtualTop / this.scale();
  }

  private update(): void {
    const rh = this.options.rowHeight;
    const overscan = this.options.overscan ?? 4;
    const top = this.virtualTop();
    const first = Math.max(0, Math.floor(top / rh) - overscan);
    const last = Math.min(this.count, Math.ceil((top + this.viewport()) / rh) + overscan);
    const n = Math.max(0, last - first);
    while (this.pool.length < n) {
      const el = this.options.createRow();
      el.style.height = `${rh}px`;
      this.pool.push(el);
      this.window.append(el);
    }
    this.first = first;
    // the window sits where its first row belongs on screen: at the scroll position, less the
    // part of the first visible row scrolled out, less the overscan rows above
    const offset = this.element.scrollTop - (top - first * rh);
    this.window.style.transform = `translateY(${Math.max(0, offset)}px)`;
    for (let k = 0; k < this.pool.length; k++) {
      const el = this.pool[k]!;
      if (k < n) {
        el.hidden = false;
        this.options.renderRow(el, first + k);
      } else el.hidden = true;
    }
  }
}
