import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { muscleAt, WormOutline } from './worm-geometry';

/** A straight worm along +x, head at x = 0, centres 1 apart. */
function straight(n: number): Float64Array {
  const p = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) p[2 * i] = i;
  return p;
}

describe('WormOutline', () => {
  test('a straight worm: tips half a segment past the end centres, round nose, pointed tail, full width mid-body', () => {
    const o = new WormOutline(40);
    expect(o.compute(straight(11), 0.5)).toBe(true);
    const last = o.count - 1;
    expect(o.cx[0]).toBeCloseTo(-0.5, 5);
    expect(o.cx[last]).toBeCloseTo(10.5, 5);
    expect(o.length).toBeCloseTo(11, 5);
    expect(o.r[0]).toBe(0);
    expect(o.r[last]).toBeCloseTo(0, 5);
    const mid = o.s.findIndex((s) => s > 0.45);
    expect(o.r[mid]).toBeCloseTo(0.5, 5);
    for (let k = 0; k < o.count; k++) {
      expect(o.cy[k]).toBeCloseTo(0, 9);
      // Heading is −x, so the left normal points to −y.
      expect(o.ny[k]).toBeCloseTo(-1, 9);
      expect(o.leftY(k)).toBeCloseTo(-o.r[k], 9);
      expect(o.rightY(k)).toBeCloseTo(o.r[k], 9);
    }
  });

  test('the nose cap is a quarter circle', () => {
    const o = new WormOutline(40);
    o.compute(straight(11), 0.5);
    const capR = 0.62 * 0.5;
    for (let k = 0; k < 7; k++) {
      const d = o.cx[k] + 0.5; // distance from the nose tip
      expect((d - capR) ** 2 + o.r[k] ** 2).toBeCloseTo(capR ** 2, 5);
    }
  });

  test('positions increase from nose to tail and widths stay within the half-width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 4, maxLength: 120 }).filter((a) => a.length % 2 === 0),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (pose, hw) => {
          const o = new WormOutline(24);
          expect(o.compute(pose, hw)).toBe(true);
          for (let k = 0; k < o.count; k++) {
            expect(Number.isFinite(o.cx[k]) && Number.isFinite(o.cy[k])).toBe(true);
            expect(o.r[k]).toBeGreaterThanOrEqual(0);
            expect(o.r[k]).toBeLessThanOrEqual(hw + 1e-6);
            if (k > 0) expect(o.s[k]).toBeGreaterThanOrEqual(o.s[k - 1]);
            const nlen = Math.hypot(o.nx[k], o.ny[k]);
            // Degenerate poses (all centres equal) have no direction at all.
            expect(nlen === 0 || Math.abs(nlen - 1) < 1e-5).toBe(true);
          }
        },
      ),
    );
  });

  test('follows a bent body: every centre-line sample lies near the polyline of centres', () => {
    const n = 20;
    const pose = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      pose[2 * i] = i * 0.05;
      pose[2 * i + 1] = 0.08 * Math.sin(i * 0.6);
    }
    const o = new WormOutline(60);
    o.compute(pose, 0.03);
    for (let k = 0; k < o.count; k++) {
      let best = Infinity;
      for (let i = 0; i < n; i++) best = Math.min(best, Math.hypot(o.cx[k] - pose[2 * i], o.cy[k] - pose[2 * i + 1]));
      expect(best).toBeLessThan(0.05);
    }
  });

  test('refuses poses with NaN or fewer than two centres', () => {
    const o = new WormOutline(8);
    expect(o.compute([0, 0], 1)).toBe(false);
    expect(o.compute([0, 0, NaN, 1], 1)).toBe(false);
  });
});

describe('muscleAt', () => {
  const segments = 4;
  const m = new Float64Array([0, 1, 0, 0, /* right */ 0.2, 0.2, 0.2, 0.8]);
  test('reads the segment at its centre and interpolates between centres', () => {
    expect(muscleAt(m, segments, 0, 0.375)).toBeCloseTo(1);
    expect(muscleAt(m, segments, 0, 0.25)).toBeCloseTo(0.5);
    expect(muscleAt(m, segments, 1, 1)).toBeCloseTo(0.8);
    expect(muscleAt(m, segments, 1, 0)).toBeCloseTo(0.2);
  });
  test('clamps to 0..1', () => {
    expect(muscleAt(new Float64Array([2, -1]), 1, 0, 0.5)).toBe(1);
    expect(muscleAt(new Float64Array([2, -1]), 1, 1, 0.5)).toBe(0);
  });
});
