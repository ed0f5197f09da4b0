import fc from 'fast-check';
import { mean, median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { Rng } from '../neural/rng';
import { chemotaxisIndex, cliffsDelta, compareGroups, describeGroup, PERMUTATIONS, permutationP, present, statRng } from './stats';

const values = (min = 1, max = 30) => fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: min, maxLength: max });

describe('describeGroup', () => {
  it('gives n, missing, mean, median and SD of the values present', () => {
    const s = describeGroup([1, 2, null, 3, 10], 'mean', new Rng(1));
    expect(s).toMatchObject({ n: 4, missing: 1, mean: 4, median: 2.5 });
    expect(s.sd).toBeCloseTo(Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2 + (10 - 4) ** 2) / 3), 12);
  });

  it('has no CI or SD below two values, and nothing at all without values', () => {
    expect(describeGroup([5], 'mean', new Rng(1))).toMatchObject({ n: 1, mean: 5, sd: null, ci: null });
    expect(describeGroup([null, null], 'mean', new Rng(1))).toEqual({ n: 0, missing: 2, mean: null, median: null, sd: null, ci: null });
  });

  it('bootstrap CI lies within the data and is the same for the same seed; mean and median from simple-statistics', () => {
    fc.assert(
      fc.property(values(2), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (x, seed) => {
        const a = describeGroup(x, 'mean', new Rng(seed));
        const b = describeGroup(x, 'mean', new Rng(seed));
        expect(a).toEqual(b);
        const [lo, hi] = a.ci!;
        expect(lo).toBeLessThanOrEqual(hi);
        expect(lo).toBeGreaterThanOrEqual(Math.min(...x) - 1e-9);
        expect(hi).toBeLessThanOrEqual(Math.max(...x) + 1e-9);
        expect(a.mean).toBeCloseTo(mean(x), 9);
        expect(a.median).toBe(median(x));
      }),
      { numRuns: 60 },
    );
  });

  it('a wider spread gives a wider CI (same seed, values scaled)', () => {
    const x = [1, 4, 2, 8, 5, 7, 3, 6, 9, 0];
    const narrow = describeGroup(x, 'mean', new Rng(3)).ci!;
    const wide = describeGroup(
      x.map((v) => v * 10),
      'mean',
      new Rng(3),
    ).ci!;
    expect(wide[1] - wide[0]).toBeCloseTo(10 * (narrow[1] - narrow[0]), 9);
  });
});

describe("Cliff's delta", () => {
  it('is 1 when every a is above every b, −1 the other way, 0 for one group against itself', () => {
    expect(cliffsDelta([5, 6, 7], [1, 2])).toBe(1);
    expect(cliffsDelta([1, 2], [5, 6, 7])).toBe(-1);
    expect(cliffsDelta([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(cliffsDelta([1, 3], [2])).toBe(0);
  });

  it('is antisymmetric and within −1..1', () => {
    fc.assert(
      fc.property(values(), values(), (a, b) => {
        const d = cliffsDelta(a, b);
        expect(d).toBeGreaterThanOrEqual(-1);
        expect(d).toBeLessThanOrEqual(1);
        expect(d + cliffsDelta(b, a)).toBeCloseTo(0, 12);
      }),
    );
  });
});

describe('permutation test', () => {
  it('a group against itself, or groups with equal means, never look different (p = 1)', () => {
    fc.assert(
      fc.property(values(1, 15), fc.nat(), (a, seed) => {
        expect(permutationP(a, [...a], new Rng(seed))).toBe(1);
      }),
      { numRuns: 40 },
    );
  });

  it('a clear shift is significant; p is never below 1/k', () => {
    const a = [10, 11, 12, 10.5, 11.5, 12.5, 10.2, 11.8];
    const b = a.map((v) => v - 5);
    const p = permutationP(a, b, new Rng(9));
    expect(p).toBeLessThan(0.01);
    expect(p).toBeGreaterThanOrEqual(1 / PERMUTATIONS);
  });

  it('overlapping groups of noise are not significant', () => {
    const r = new Rng(4);
    const a = Array.from({ length: 20 }, () => r.normal());
    const b = Array.from({ length: 20 }, () => r.normal());
    expect(permutationP(a, b, new Rng(5))).toBeGreaterThan(0.05);
  });
});

describe('compareGroups', () => {
  it('difference and ratio of the statistic, with a CI around it', () => {
    const a = [10, 12, 11, 13, 9];
    const b = [5, 6, 4, 5, 5];
    const d = compareGroups(a, b, 'difference', 'mean', new Rng(1));
    expect(d.estimate).toBeCloseTo(6, 12);
    expect(d.ci![0]).toBeLessThan(6);
    expect(d.ci![1]).toBeGreaterThan(6);
    expect(d.cliffsDelta).toBe(1);
    const q = compareGroups(a, b, 'ratio', 'median', new Rng(1));
    expect(q.estimate).toBeCloseTo(11 / 5, 12);
  });

  it('missing values are left out; a group with none gives no estimate', () => {
    expect(compareGroups([1, null, 3], [2], 'difference', 'mean', new Rng(1)).estimate).toBe(0);
    expect(compareGroups([null], [2], 'difference', 'mean', new Rng(1))).toEqual({ estimate: null, ci: null, cliffsDelta: null, p: null });
    expect(present([1, null, Number.NaN, 2])).toEqual([1, 2]);
  });

  it('statRng: a different place draws a different stream; the same place the same', () => {
    expect(statRng(1, 0, 1).next()).toBe(statRng(1, 0, 1).next());
    expect(statRng(1, 0, 1).next()).not.toBe(statRng(1, 1, 0).next());
    expect(statRng(1, 0).next()).not.toBe(statRng(2, 0).next());
  });
});

describe('chemotaxis index', () => {
  it('(A − C) / (A + C) over the worms above and below 0; worms at 0 count in neither', () => {
    expect(chemotaxisIndex([2, 1.5, 0.1, -1, 0])).toBe(0.5);
    expect(chemotaxisIndex([-1, -2])).toBe(-1);
    expect(chemotaxisIndex([0, 0])).toBeNaN();
    const d = compareGroups([1, 2, 3, -1], [-1, -2, 1, -3], 'difference', 'chemotaxisIndex', new Rng(2));
    expect(d.estimate).toBeCloseTo(0.5 - -0.5, 12);
  });
});
