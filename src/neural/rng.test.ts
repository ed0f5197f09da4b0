import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from './rng';

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = new Rng(seed);
        const b = new Rng(seed);
        const c = new Rng(seed + 1);
        const xs = Array.from({ length: 20 }, () => a.next());
        const ys = Array.from({ length: 20 }, () => b.next());
        const zs = Array.from({ length: 20 }, () => c.next());
        expect(ys).toEqual(xs);
        expect(zs).not.toEqual(xs);
      }),
    );
  });

  it('stays in range', () => {
    const r = new Rng(7);
    let ok = true;
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      const u = r.uniform(-3, 5);
      const k = r.int(7);
      ok &&= x >= 0 && x < 1 && u >= -3 && u < 5 && Number.isInteger(k) && k >= 0 && k < 7;
    }
    expect(ok).toBe(true);
  });

  it('has roughly the right moments', () => {
    const r = new Rng(123);
    const n = 40_000;
    let s = 0;
    let s2 = 0;
    let u = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
      u += r.next();
    }
    expect(s / n).toBeCloseTo(0, 1);
    expect(s2 / n).toBeCloseTo(1, 1);
    expect(u / n).toBeCloseTo(0.5, 2);
  });

  it('refuses a bad seed and a bad range', () => {
    expect(() => new Rng(Number.NaN)).toThrow(/seed/);
    expect(() => new Rng(1).int(0)).toThrow(/n must be/);
  });
});
