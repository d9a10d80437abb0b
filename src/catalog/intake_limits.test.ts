import { describe, expect, it } from 'vitest';
import { idRecord, isColor, isSafeId, jsonTextTooDeep, withId } from './intake_limits';

describe('isSafeId', () => {
  it('accepts plain ids and refuses prototype names', () => {
    expect(['communes', 'lo-rung', 'user-abc-1', 'a.b_c', '2013'].every(isSafeId)).toBe(true);
    expect(['__proto__', 'constructor', 'prototype', '', '_x', 'a/b', 'a b', 'x'.repeat(65), 42].some(isSafeId)).toBe(false);
  });
});

describe('isColor', () => {
  it('refuses anything that could carry a second CSS declaration or a URL', () => {
    for (const c of ['red;background:url(x)', 'url(x)', 'rgb(1,2,3) url(x)', 'hsl(1,2%,3%);', 'image-set(x)', 'red !important']) expect(isColor(c), c).toBe(false);
  });
});

describe('jsonTextTooDeep', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonTextTooDeep('[[[1]]]', 3)).toBe(false);
    expect(jsonTextTooDeep('[[[[1]]]]', 3)).toBe(true);
    expect(jsonTextTooDeep('["[[[[[[\\"[["]', 2)).toBe(false);
    expect(jsonTextTooDeep('['.repeat(1_000_000))).toBe(true);
  });
});

describe('idRecord / withId', () => {
  it('hold __proto__ as a plain key without touching any prototype', () => {
    const rec = withId(idRecord<number>(), '__proto__', 1);
    expect(Object.getPrototypeOf(rec)).toBe(null);
    expect(Object.keys(rec)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
