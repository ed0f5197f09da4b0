/**
 * The short-term rule's two gates (compile/short-term.ts): the slow pool's
 * threshold on what the fast pool passes on (Staddon & Higa 1996's units
 * pass on only what exceeds their memory), and a plasticity receptor on the
 * presynaptic neuron that speeds the pools' recovery (dishabituation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network } from './network';
import type { NetworkSpec, PlasticSpec } from './types';

/** A graded cell held at half release (vHalf = rest) onto a passive one, through one short-term synapse. */
function pair(params: Record<string, number>, receptorGain?: number): Network {
  const plastic: PlasticSpec = { rule: 'short-term', params };
  const spec: NetworkSpec = {
    neurons: [
      { id: 'pre', model: 'graded', params: { gKNs: 0, vHalfMv: -65 }, init: {} },
      { id: 'post', model: 'graded', params: { gKNs: 0 }, init: {} },
    ],
    synapses: [{ kind: 'chemical', from: 'pre', to: 'post', weight: 1, plastic }],
    ...(receptorGain !== undefined && {
      modulators: [{ name: 'm', from: ['post'], release: 0, clearanceMs: 100 }],
      receptors: [{ neuron: 'pre', modulator: 'm', effect: 'plasticity' as const, gain: receptorGain }],
    }),
  };
  return Network.fromSpec(spec);
}

/** Efficacy after `steps` ms: the current onto post over the pre cell's output (steady: this step's equals the last). */
function efficacyAfter(net: Network, steps: number): number {
  for (let t = 0; t < steps; t++) net.step(1);
  return net.current[1] / net.output[0];
}

/** Silence the pre cell (half release far above its V): from then on only recovery moves the pools. */
function silence(net: Network): void {
  net.setParam('pre', 'vHalfMv', 60);
  net.setParam('pre', 'slopeMv', 0.1);
}

describe('short-term pools: the slow stage’s threshold', () => {
  const USE = { useFast: 0.01, recoveryFastMs: 1000, useSlow: 0.002, recoverySlowMs: 1e5 };

  it('follows xS/(1 + dt·uS·max(0, xF − θ)·o) per ms: the slow pool wears only while the fast pool is above θ', () => {
    const n = pair({ ...USE, slowThreshold: 0.6 });
    let xF = 1,
      xS = 1;
    for (let t = 0; t < 400; t++) {
      n.step(1);
      expect(n.current[1]).toBeCloseTo(xF * xS * 0.5, 12);
      xS = 1 - (1 - xS / (1 + 0.002 * Math.max(0, xF - 0.6) * 0.5)) * Math.exp(-1 / 1e5);
      xF = 1 - (1 - xF / (1 + 0.01 * 0.5)) * Math.exp(-1 / 1000);
    }
    // The fast pool settles near 1/(1 + τF·uF·o) = 1/6 < θ: from then on the slow pool only recovers.
    expect(xF).toBeLessThan(0.6);
  });

  it('θ = 0 is the cascade as before, bit for bit, and a higher θ never leaves the slow pool more worn (property)', () => {
    /** The current after `steps` ms of use and 10 s of near-silence (the fast pool refilled, τF 1 s): the slow pool's loss. */
    const lasting = (params: Record<string, number>, steps: number) => {
      const n = pair(params);
      efficacyAfter(n, steps);
      silence(n);
      return efficacyAfter(n, 10_000);
    };
    expect(lasting({ ...USE, slowThreshold: 0 }, 300)).toBe(lasting(USE, 300));
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 20, max: 600 }),
        (t1, t2, steps) => {
          const [lo, hi] = t1 < t2 ? [t1, t2] : [t2, t1];
          return lasting({ ...USE, slowThreshold: hi }, steps) >= lasting({ ...USE, slowThreshold: lo }, steps);
        },
      ),
      { numRuns: 25 },
    );
    // And it matters: θ above the whole range of xF leaves the slow pool untouched.
    expect(lasting({ ...USE, slowThreshold: 0.99 }, 600)).toBeGreaterThan(lasting(USE, 600) * 1.05);
  });
});

describe('short-term pools: a plasticity receptor on the presynaptic cell refills them', () => {
  const USE = { useFast: 0.01, recoveryFastMs: 5000, useSlow: 0.002, recoverySlowMs: 1e5 };
  /** Wear the pools for 300 ms at output 0.5, silence the cell, then 200 ms at the given bath: efficacy worn and then. */
  const wornThenBathed = (receptorGain: number | undefined, bath: number) => {
    const n = pair(USE, receptorGain);
    const worn = efficacyAfter(n, 300);
    silence(n);
    if (receptorGain !== undefined) n.setBath('m', bath);
    return { worn, later: efficacyAfter(n, 200) };
  };

  it('recovery runs 1 + gain·C times as fast: with gain·C = 50 the fast pool refills within 200 ms; without the receptor or the modulator it does not', () => {
    const none = wornThenBathed(undefined, 0);
    const unbathed = wornThenBathed(50, 0);
    const bathed = wornThenBathed(50, 1);
    expect(unbathed.later).toBe(none.later); // the receptor alone changes nothing
    expect(bathed.worn).toBe(none.worn);
    expect(none.worn).toBeLessThan(0.5);
    // Unbathed, 200 ms is 0.04 τF: the loss shrinks by ~4 %. Bathed, 51 × 200 ms ≈ 2 τF of the fast pool: ~87 %.
    expect((1 - none.later) / (1 - none.worn)).toBeGreaterThan(0.9);
    expect((1 - bathed.later) / (1 - bathed.worn)).toBeLessThan(0.3);
  });

  it('a gain·C below −1 stops recovery rather than reversing it (the factor is at least 0)', () => {
    const n = pair(USE, -10);
    efficacyAfter(n, 300);
    silence(n);
    n.setBath('m', 1);
    const a = efficacyAfter(n, 5);
    const b = efficacyAfter(n, 500);
    expect(Math.abs(b - a)).toBeLessThan(1e-6); // the silenced cell's residual release (output ~1e-7) is all that moves it
    // Without the modulator the same 500 ms recover ~10 % of the fast pool's loss.
    const free = pair(USE, -10);
    efficacyAfter(free, 300);
    silence(free);
    const c = efficacyAfter(free, 5);
    expect(efficacyAfter(free, 500) - c).toBeGreaterThan(0.01);
  });
});
