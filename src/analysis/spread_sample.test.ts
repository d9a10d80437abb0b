import { describe, expect, it } from 'vitest';
import { spreadSample } from './spread_sample';

describe('spreadSample', () => {
  it('keeps a short list as it is', () => {
    const items = [1, 2, 3];
    expect(spreadSample(items, 3)).toBe(items);
  });

  it('takes max items spread from the first to near the last', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const s = spreadSample(items, 10);
    expect(s).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const odd = spreadSample(Array.from({ length: 7 }, (_, i) => i), 3);
    expect(odd).toEqual([0, 2, 4]);
  });
});
