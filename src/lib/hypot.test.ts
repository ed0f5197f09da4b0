import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypot } from './hypot';

describe('hypot', () => {
  it('gives Math.hypot’s bits for any two doubles (V8: the worm’s trajectories stay as they were)', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (x, y) => {
        expect(Object.is(hypot(x, y), Math.hypot(x, y))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives Math.hypot’s bits at the scales of the body (mm, close magnitudes) and at the edges', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), (x, k) => {
        expect(Object.is(hypot(x, x * k), Math.hypot(x, x * k))).toBe(true);
        expect(Object.is(hypot(x * k, -x), Math.hypot(x * k, -x))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    const edges = [0, -0, 1, -1, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, Infinity, -Infinity, Number.NaN, 3, 4, 1e-200, 1e200];
    for (const x of edges) for (const y of edges) expect(Object.is(hypot(x, y), Math.hypot(x, y)), `hypot(${x}, ${y})`).toBe(true);
  });
});
