import { describe, expect, it } from 'vitest';
import { RAMP_IDS, RAMPS, classBreaks, equalIntervalBreaks, naturalBreaks, quantileBreaks, rampColors } from './classify';

/** Total within-class sum of squared deviations of a classification given by its inner breaks. */
function totalSsd(values: number[], breaks: number[]): number {
  const edges = [-Infinity, ...breaks, Infinity];
  let total = 0;
  for (let c = 0; c + 1 < edges.length; c++) {
    const cls = values.filter((v) => v >= edges[c]! && v < edges[c + 1]!);
    const mean = cls.reduce((s, v) => s + v, 0) / cls.length;
    total += cls.reduce((s, v) => s + (v - mean) ** 2, 0);
  }
  return total;
}

/** Every way to cut the distinct sorted values into k non-empty contiguous classes (exhaustive). */
function bestByBruteForce(values: number[], k: number): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  let best = Infinity;
  const choose = (start: number, left: number, picked: number[]) => {
    if (left === 0) {
      best = Math.min(best, totalSsd(values, picked));
      return;
    }
    for (let i = start; i <= distinct.length - left; i++) choose(i + 1, left - 1, [...picked, distinct[i]!]);
  };
  choose(1, k - 1, []);
  return best;
}

describe('quantile breaks', () => {
  it('start each class at the value ranked j·n/k', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([3, 5, 7, 9]);
    expect(quantileBreaks([10, 20, 30], 3)).toEqual([20, 30]);
  });

  it('drop breaks that repeat or equal the minimum', () => {
    expect(quantileBreaks([1, 1, 1, 5], 4)).toEqual([5]);
    expect(quantileBreaks([2, 2, 2], 5)).toEqual([]);
  });
});

describe('equal-interval breaks', () => {
  it('split the range into equal steps', () => {
    expect(equalIntervalBreaks([0, 1, 10], 5)).toEqual([2, 4, 6, 8]);
    expect(equalIntervalBreaks([8, 9, 14], 3)).toEqual([10, 12]);
    expect(equalIntervalBreaks([3, 3], 4)).toEqual([]);
  });
});

describe('natural breaks (Jenks)', () => {
  it('finds the obvious clusters', () => {
    expect(naturalBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3)).toEqual([10, 20]);
  });

  it('matches the ckmeans example of simple-statistics (equal values never straddle a break)', () => {
    // simple-statistics docs: ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) → [[-1,-1,-1,-1], [2,2,2], [4,5,6]]
    expect(classBreaks([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 'natural-breaks', 3)).toEqual([2, 4]);
  });

  it('has the least within-class variance of every contiguous classification (exhaustive check)', () => {
    const samples = [
      [1, 2, 4, 5, 7, 9, 10, 20],
      [0.5, 0.7, 3.1, 3.3, 3.4, 8, 8.2, 15, 15.5, 30],
      [7, 9, 8, 12, 14, 15, 13, 16, 11, 18, 19, 17],
      [41.2, 52.7, 8.5, 30.1, 60.3, 22, 35.5, 12, 47.8, 18.4, 26.9],
    ];
    for (const values of samples) {
      const sorted = [...values].sort((a, b) => a - b);
      for (const k of [2, 3, 4, 5]) {
        const breaks = naturalBreaks(sorted, k);
        expect(breaks).toHaveLength(k - 1);
        expect(totalSsd(values, breaks)).toBeCloseTo(bestByBruteForce(values, k), 9);
      }
    }
  });

  it('gives fewer classes when there are fewer distinct values', () => {
    expect(naturalBreaks([1, 1, 2, 2], 5)).toEqual([2]);
    expect(naturalBreaks([4, 4], 3)).toEqual([]);
  });
});

describe('classBreaks', () => {
  it('ignores non-finite values and sorts for the caller', () => {
    expect(classBreaks([10, NaN, 1, 5, Infinity, 0], 'equal-interval', 2)).toEqual([5]);
    expect(classBreaks([9, 1, 5, 3, 7, 2, 4, 6, 8, 10], 'quantile', 5)).toEqual([3, 5, 7, 9]);
  });
});

describe('ramps', () => {
  it('have 3 to 7 valid colours for every class count, and pick end colours for 2 classes', () => {
    for (const id of RAMP_IDS) {
      for (let n = 3; n <= 7; n++) {
        const c = rampColors(id, n);
        expect(c).toHaveLength(n);
        for (const x of c) expect(x).toMatch(/^#[0-9a-f]{6}$/);
      }
      expect(rampColors(id, 2)).toEqual([RAMPS[id].colors[3]![0], RAMPS[id].colors[3]![2]]);
    }
  });
});
