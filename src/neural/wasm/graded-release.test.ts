import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { gradedReleaseKernel } from '../compile/graded-conductance';
import { LOGISTIC_TABLE } from '../fast-math';
import { gradedArena } from './graded-arena';
import { setWasmKernels } from './lif-arena';

afterEach(() => setWasmKernels('auto'));

describe("graded release in WebAssembly (graded-step.wat's release against gradedReleaseKernel)", () => {
  it("releases graded conductance synapses in one wasm call with gradedReleaseKernel's numbers, bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1e9 }), (n, seed) => {
        setWasmKernels('always');
        const arena = gradedArena(n, 1 << 16)!;
        let x = seed;
        const r = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
        const sites = 1 + Math.floor(r() * 2 * n);
        const m = Math.floor(r() * 4 * n);
        const classes = 1 + Math.floor(r() * 3);
        const fill = <T extends Int32Array | Float64Array>(a: T, f: () => number): T => {
          for (let k = 0; k < a.length; k++) a[k] = f();
          return a;
        };
        const t = {
          sites,
          sitePre: fill(arena.i32(sites), () => Math.floor(r() * n)),
          siteHalf: fill(arena.f64(sites), () => -60 + 40 * r()),
          siteInvSlope: fill(arena.f64(sites), () => 1 / (1 + 10 * r())),
          keep: fill(arena.f64(sites), () => (r() < 0.2 ? 0 : r())),
          s: fill(arena.f64(sites), r),
          m,
          site: fill(arena.i32(m), () => Math.floor(r() * sites)),
          slot: fill(arena.i32(m), () => Math.floor(r() * classes) * n + Math.floor(r() * n)),
          g: fill(arena.f64(m), () => 3 * r()),
          acc: arena.f64(classes * n),
          classes,
          classE: fill(arena.f64(classes), () => -80 + 90 * r()),
        };
        const { v, conductance, current } = arena.array;
        fill(v, () => -150 + 300 * r()); // beyond the table's ends too
        fill(conductance, r);
        fill(current, () => 10 * r() - 5);
        const copy = { s: Float64Array.from(t.s), acc: Float64Array.from(t.acc), G: Float64Array.from(conductance), I: Float64Array.from(current) };
        gradedReleaseKernel(
          sites,
          t.sitePre,
          t.siteHalf,
          t.siteInvSlope,
          t.keep,
          copy.s,
          v,
          LOGISTIC_TABLE,
          m,
          t.site,
          t.slot,
          t.g,
          copy.acc,
          classes,
          t.classE,
          n,
          copy.G,
          copy.I,
        )();
        arena.release(t)();
        expect([...t.s, ...t.acc, ...conductance, ...current]).toEqual([...copy.s, ...copy.acc, ...copy.G, ...copy.I]);
        expect(t.acc.every((a) => a === 0)).toBe(true);
      }),
      { numRuns: 100, seed: 9 },
    );
  });

  it("the release's look-up clamp at its ends (t below 0, exactly 0, between, exactly 4096, above, NaN), sites in pairs and an odd last one, with gradedReleaseKernel's numbers, bit for bit", () => {
    // t = ((v − half)·inv + 32)·64 with half −30 and inv 1/4 (exact): v −300, −158 (t = +0 exactly), −20.3, 98 (t = 4096 exactly), 200, NaN.
    const ends = [-300, -158, -20.3, 98, 200, Number.NaN, -30];
    for (const sites of [7, 8]) {
      setWasmKernels('always');
      const n = ends.length;
      const arena = gradedArena(n, 1 << 12)!;
      const fill = <T extends Int32Array | Float64Array>(a: T, f: (k: number) => number): T => {
        for (let k = 0; k < a.length; k++) a[k] = f(k);
        return a;
      };
      const t = {
        sites,
        sitePre: fill(arena.i32(sites), (k) => k % n),
        siteHalf: fill(arena.f64(sites), () => -30),
        siteInvSlope: fill(arena.f64(sites), () => 0.25),
        keep: fill(arena.f64(sites), (k) => (k % 3 === 0 ? 0 : 0.5)),
        s: fill(arena.f64(sites), (k) => k / 8),
        m: sites,
        site: fill(arena.i32(sites), (k) => k),
        slot: fill(arena.i32(sites), (k) => (k % 2) * n + (k % n)),
        g: fill(arena.f64(sites), () => 1),
        acc: arena.f64(2 * n),
        classes: 2,
        classE: fill(arena.f64(2), (c) => (c === 0 ? 0 : -75)),
      };
      const { v, conductance, current } = arena.array;
      const copy = { s: Float64Array.from(t.s), acc: Float64Array.from(t.acc), G: Float64Array.from(conductance), I: Float64Array.from(current) };
      const kernel = gradedReleaseKernel(
        sites,
        t.sitePre,
        t.siteHalf,
        t.siteInvSlope,
        t.keep,
        copy.s,
        v,
        LOGISTIC_TABLE,
        sites,
        t.site,
        t.slot,
        t.g,
        copy.acc,
        2,
        t.classE,
        n,
        copy.G,
        copy.I,
      );
      const release = arena.release(t);
      const bits = (...xs: Float64Array[]) => [...new Uint8Array(Float64Array.from(xs.flatMap((a) => [...a])).buffer)];
      for (let step = 0; step < 2 * n; step++) {
        for (let k = 0; k < n; k++) v[k] = ends[(step + k) % n];
        kernel();
        release();
        expect(bits(t.s, t.acc, conductance, current)).toEqual(bits(copy.s, copy.acc, copy.G, copy.I));
      }
    }
  });
});
