import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decayFactor, fastLogistic } from './fast-math';

const logistic = (u: number) => 1 / (1 + Math.exp(-u));

describe('fastLogistic (the tabled logistic of the release curve and the K⁺ rectifier)', () => {
  it('is within 3e-6 of 1/(1 + e^(−u)), exactly 0.5 at 0, and held at 0 or 1 beyond ±32', () => {
    expect(fastLogistic(0)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (u) => {
        expect(Math.abs(fastLogistic(u) - logistic(u))).toBeLessThan(3e-6);
      }),
    );
    expect(fastLogistic(-1e9)).toBeLessThan(1e-13);
    expect(fastLogistic(1e9)).toBeGreaterThan(1 - 1e-13);
    expect(fastLogistic(Number.NaN)).toBe(fastLogistic(-1e9));
  });

  it('is monotone and within 0..1', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(fastLogistic(lo)).toBeLessThanOrEqual(fastLogistic(hi));
        expect(fastLogistic(lo)).toBeGreaterThanOrEqual(0);
        expect(fastLogistic(hi)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('decayFactor (e^(−x) for the conductance part of a step)', () => {
  it('is within 1e-7 of e^(−x) for x ≤ 0.1, 1.4e-3 for x ≤ 1, 0.012 everywhere', () => {
    for (const [limit, tolerance] of [
      [0.1, 1e-7],
      [0.25, 6e-6],
      [1, 1.4e-3],
      [1e4, 0.012],
    ] as const) {
      fc.assert(
        fc.property(fc.double({ min: 0, max: limit, noNaN: true }), (x) => {
          expect(Math.abs(decayFactor(x) - Math.exp(-x))).toBeLessThan(tolerance);
        }),
      );
    }
  });

  it('is in (0, 1] and decreasing, so a step stays between V and V∞ at any dt', () => {
    expect(decayFactor(0)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(decayFactor(hi)).toBeLessThanOrEqual(decayFactor(lo));
        expect(decayFactor(hi)).toBeGreaterThan(0);
        expect(decayFactor(lo)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
