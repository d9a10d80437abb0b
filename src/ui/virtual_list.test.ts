// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h } from './dom';
import { MAX_SPACER_PX, VirtualList } from './virtual_list';

function createList(count: number, viewport = 100) {
  const list = new VirtualList({
    rowHeight: 20,
    overscan: 2,
    viewportHeight: () => viewport,
    createRow: () => h('div', { class: 'row' }),
    renderRow: (el, i) => (el.textContent = `row ${i}`),
  });
  document.body.append(list.element);
  list.setCount(count);
  return list;
}

const shown = (list: VirtualList) => [...list.element.querySelectorAll<HTMLElement>('.row')].filter((r) => !r.hidden).map((r) => r.textContent);

describe('VirtualList', () => {
  it('renders only the rows in view and the overscan', () => {
    const list = createList(100_000);
    expect(shown(list)).toEqual(['row 0', 'row 1', 'row 2', 'row 3', 'row 4', 'row 5', 'row 6']);
    expect((list.element.querySelector('.vlist__body') as HTMLElement).style.height).toBe(`${100_000 * 20}px`);
  });

  it('shows the rows at the scroll position', () => {
    const list = createList(100_000);
    list.element.scrollTop = 20 * 5000;
    list.refresh();
    expect(shown(list)).toEqual(['row 4998', 'row 4999', 'row 5000', 'row 5001', 'row 5002', 'row 5003', 'row 5004', 'row 5005', 'row 5006']);
    expect(list.visibleRange()).toEqual([5000, 5005]);
  });

  it('scrolls a row into view and reaches the last row', () => {
    const list = createList(1000);
    list.scrollToIndex(999);
    expect(list.visibleRange()[1]).toBe(1000);
    expect(shown(list).at(-1)).toBe('row 999');
    expect(list.rowElement(999)?.textContent).toBe('row 999');
  });

  it('maps a capped spacer onto a million rows', () => {
    const list = createList(1_000_000);
    const body = list.element.querySelector('.vlist__body') as HTMLElement;
    expect(body.style.height).toBe(`${MAX_SPACER_PX}px`);
    list.element.scrollTop = MAX_SPACER_PX - 100;
    list.refresh();
    expect(list.visibleRange()).toEqual([999_995, 1_000_000]);
    expect(shown(list).at(-1)).toBe('row 999999');
  });

  it('shows fewer rows when the list shrinks', () => {
    const list = createList(100);
    list.setCount(2);
    expect(shown(list)).toEqual(['row 0', 'row 1']);
  });
});
