/**
 * The bounds update with its extremes in locals against matter-js's own, bit
 * for bit: random vertex sets (with ±0, NaN and repeated values) and
 * velocities (none, ±0, either sign).
 */
import fc from 'fast-check';
import type Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { matterUpdateBounds, updateBounds } from './bounds';

const fresh = (): Matter.Bounds => ({ min: { x: 0.5, y: 0.5 }, max: { x: 0.5, y: 0.5 } });
const fields = (b: Matter.Bounds) => [b.min.x, b.min.y, b.max.x, b.max.y];

describe('Bounds.update with local extremes', () => {
  it('property: the same four numbers as matter-js', () => {
    const coord = fc.oneof(fc.double({ min: -1e4, max: 1e4 }), fc.constantFrom(0, -0, Number.NaN, 1, -1));
    const vertex = fc.record({ x: coord, y: coord });
    const velocity = fc.option(fc.record({ x: coord, y: coord }), { nil: undefined });
    let spread = 0;
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 0, maxLength: 26 }), velocity, (vertices, v) => {
        const ours = fresh();
        const theirs = fresh();
        updateBounds(ours, vertices, v);
        matterUpdateBounds(theirs, vertices, v);
        const a = fields(ours);
        const b = fields(theirs);
        expect(a.every((x, k) => Object.is(x, b[k]))).toBe(true);
        if (Number.isFinite(a[0]) && a[2] > a[0]) spread++;
      }),
      { numRuns: 500 },
    );
    // Not only empty or degenerate sets: most runs had a real extent.
    expect(spread).toBeGreaterThan(200);
  });
});
