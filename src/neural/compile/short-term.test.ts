/**
 * shortTermKernel takes each power rF ** g, rS ** g once for a run of members
 * with the same base and exponent (session 18): the same numbers bit for bit
 * as taking it for every member, which `reference` below does (the kernel as
 * it was before).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortTermKernel } from './short-term';

type Args = Parameters<typeof shortTermKernel>;

/** The kernel before the powers were shared: every member takes its own. */
function reference(
  ...[m, pre, eff, spikingPre, useFast, useSlow, slowThreshold, facilitation, xF, xS, f, rF, rS, rFac, spiked, output, teach, cond, rel]: Args
) {
  return (dt: number) => {
    for (let k = 0; k < m; k++) {
      let a = xF[k],
        b = xS[k],
        c = f[k] * rFac[k];
      const passed = a > slowThreshold[k] ? a - slowThreshold[k] : 0;
      if (spikingPre[k] === 1) {
        if (spiked[pre[k]] !== 0) {
          b -= useSlow[k] * passed * b;
          a -= useFast[k] * a;
          c += facilitation[k];
        }
      } else {
        const o = cond[k] === 1 ? rel[k] : output[pre[k]];
        b = b / (1 + dt * useSlow[k] * passed * o);
        a = a / (1 + dt * useFast[k] * o);
        c += dt * facilitation[k] * o;
      }
      const boost = 1 + teach[pre[k]];
      if (boost === 1) {
        a = 1 - (1 - a) * rF[k];
        b = 1 - (1 - b) * rS[k];
      } else {
        const g = Math.max(boost, 0);
        a = 1 - (1 - a) * rF[k] ** g;
        b = 1 - (1 - b) * rS[k] ** g;
      }
      xF[k] = a;
      xS[k] = b;
      f[k] = c;
      eff[k] = a * b * (1 + c);
    }
  };
}

describe('short-term synapses: the recovery powers while a cell is taught', () => {
  it('property: shared powers give the numbers of one power per member, bit for bit (bases and teaching repeated, changed, negative, zero)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 1e9 }), (m, n, seed) => {
        let x = seed;
        const r = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
        const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
        // A few recovery factors shared by many members (as the worm's repeat), and sometimes a member's own.
        const bases = [Math.exp(-1 / 2000), Math.exp(-1 / 60000), Math.exp(-1 / 5), 0.5];
        const col = (f: () => number) => Float64Array.from({ length: m }, f);
        const pre = Int32Array.from({ length: m }, () => Math.floor(r() * n));
        // Members in runs by presynaptic cell (as a table is built) or shuffled.
        if (r() < 0.5) pre.sort();
        const spikingPre = Uint8Array.from({ length: m }, () => (r() < 0.2 ? 1 : 0));
        const cond = Uint8Array.from({ length: m }, () => (r() < 0.2 ? 1 : 0));
        const tables = {
          useFast: col(() => r()),
          useSlow: col(() => r()),
          slowThreshold: col(() => r()),
          facilitation: col(() => r() * 0.1),
          rF: col(() => (r() < 0.8 ? pick(bases) : r())),
          rS: col(() => (r() < 0.8 ? pick(bases) : r())),
          rFac: col(() => pick(bases)),
          rel: col(() => r()),
        };
        const spiked = new Uint8Array(n);
        const output = new Float64Array(n);
        const teach = new Float64Array(n);
        const state = () => ({ eff: new Float64Array(m), xF: new Float64Array(m).fill(1), xS: new Float64Array(m).fill(1), f: new Float64Array(m) });
        const make = (k: typeof shortTermKernel, s: ReturnType<typeof state>) =>
          k(
            m,
            pre,
            s.eff,
            spikingPre,
            tables.useFast,
            tables.useSlow,
            tables.slowThreshold,
            tables.facilitation,
            s.xF,
            s.xS,
            s.f,
            tables.rF,
            tables.rS,
            tables.rFac,
            spiked,
            output,
            teach,
            cond,
            tables.rel,
          );
        const a = state();
        const b = state();
        const shared = make(shortTermKernel, a);
        const own = make(reference, b);
        const teachings = [0, 0.25, -0.5, -1, -3, 2];
        const differ: string[] = [];
        for (let step = 0; step < 40; step++) {
          for (let i = 0; i < n; i++) {
            spiked[i] = r() < 0.3 ? 1 : 0;
            output[i] = r();
            // Cells taught alike (one modulator), each its own, or not at all; changed every few steps.
            if (step % 3 === 0) teach[i] = r() < 0.5 ? pick(teachings) : r() < 0.5 ? teach[0] : 2 * r() - 1;
          }
          const dt = 0.5 + r();
          shared(dt);
          own(dt);
          for (const key of ['eff', 'xF', 'xS', 'f'] as const)
            for (let k = 0; k < m; k++) if (!Object.is(a[key][k], b[key][k])) differ.push(`${key}[${k}] at step ${step}`);
        }
        expect(differ).toEqual([]);
      }),
      { numRuns: 200, seed: 18 },
    );
  });
});
