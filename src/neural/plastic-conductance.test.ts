/**
 * Plastic synapses that are conductances (compile/plastic.ts): the learned
 * weight, or the short-term pools' efficacy, scales g, and the current is
 * g·s·(E_rev − V) as for a fixed conductance synapse. A depressing synapse's
 * conductance falls with use and recovers with its τ; V never passes the
 * reversal however large the weight grows; with learning frozen a plastic
 * conductance synapse is the fixed one (property, random networks).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setKernelCompilation } from './kernel';
import { Network } from './network';
import type { ChemicalSynapseSpec, NetworkSpec, NeuronSpec, PlasticSpec } from './types';
import { cond as condSpec } from './test-helpers/synapses';

const graded = (id: string, params: Record<string, number> = {}, init: Record<string, number> = {}): NeuronSpec => ({
  id,
  model: 'graded',
  params: { gKNs: 0, ...params },
  init,
});
const lif = (id: string): NeuronSpec => ({ id, model: 'lif', params: {}, init: {} });
/** A presynaptic cell whose V follows its rest within a step (τ 0.1 ms). */
const driver = (v: number) => graded('pre', { tauMs: 0.1, restMv: v }, { v });
/** Release at once (τ 0) with a steep curve around −45 mV, so a step of V_pre switches the synapse fully on or off. */
const cond = (from: string, to: string, weight: number, extra: Partial<ChemicalSynapseSpec> = {}): ChemicalSynapseSpec =>
  condSpec(from, to, weight, { releaseHalfMv: -45, releaseSlopeMv: 1, tauMs: 0, ...extra });

describe('a short-term depressing conductance synapse', () => {
  const rule: PlasticSpec = { rule: 'short-term', params: { useFast: 0.01, recoveryFastMs: 200, useSlow: 0 } };
  /** Drives the synapse (V_pre 0 mV, s ≈ 1) for `drive` ms, rests it (V_pre −90 mV, s ≈ 0) for `rest` ms, then probes for 2 ms (release follows the last step's V); conductance per step. */
  const run = (drive: number, rest: number): number[] => {
    const net = Network.fromSpec({ neurons: [driver(0), graded('post')], synapses: [cond('pre', 'post', 2, { plastic: rule })] });
    const g: number[] = [];
    const at = (v: number, ms: number) => {
      net.setParam('pre', 'restMv', v);
      for (let t = 0; t < ms; t++) {
        net.step(1);
        g.push(net.conductance[1]);
      }
    };
    at(0, drive);
    at(-90, rest);
    at(0, 2);
    return g;
  };

  it('opens g·x·s, where x falls with release as x/(1 + dt·u·s) per ms: the conductance falls with use', () => {
    const g = run(100, 0);
    const s = g[0] / 2; // the first step runs at full efficacy
    expect(s).toBeGreaterThan(0.999);
    let x = 1;
    for (let t = 0; t < 100; t++) {
      expect(g[t]).toBeCloseTo(2 * x * s, 12);
      x = 1 - (1 - x / (1 + 0.01 * s)) * Math.exp(-1 / 200);
    }
    expect(g[99] / g[0]).toBeLessThan(0.5);
  });

  it('recovers toward full efficacy with its τ (200 ms) once release stops', () => {
    const probe = (rest: number) => {
      const g = run(100, rest);
      return g[g.length - 1] / g[0];
    };
    const early = probe(50);
    const late = probe(450);
    expect(early).toBeLessThan(0.7);
    expect((1 - late) / (1 - early)).toBeCloseTo(Math.exp(-400 / 200), 6);
  });

  it('a current-based synapse of the same rule still uses its pools by the presynaptic output, as before', () => {
    const { model: _m, releaseHalfMv: _h, releaseSlopeMv: _k, tauMs: _t, ...current } = cond('pre', 'post', 2, { plastic: rule });
    const net = Network.fromSpec({ neurons: [driver(0), graded('post')], synapses: [current] });
    net.step(1);
    expect(net.conductance[1]).toBe(0);
    expect(net.current[1]).toBeGreaterThan(0);
  });
});

describe('a spike-driven plastic conductance', () => {
  it('opens w·efficacy on each presynaptic spike and closes with its τ: a depressing one opens less on the second spike', () => {
    const net = Network.fromSpec({
      neurons: [lif('pre'), lif('post')],
      synapses: [cond('pre', 'post', 0.5, { tauMs: 5, plastic: { rule: 'short-term', params: { useFast: 0.4, useSlow: 0 } } })],
    });
    const g: number[] = [];
    for (let t = 0; t < 30; t++) {
      net.input[0] = t === 5 || t === 15 ? 1000 : 0;
      net.step(1);
      g.push(net.conductance[1]);
    }
    // The spike at step 5 opens at step 6's currents; it then closes by e^(−1/5) per step.
    expect(g[6]).toBeCloseTo(0.5, 12);
    expect(g[10] / g[6]).toBeCloseTo(Math.exp(-4 / 5), 12);
    const second = g[16] - g[15] * Math.exp(-1 / 5);
    expect(second / g[6]).toBeCloseTo(1 - 0.4 * Math.exp(-10 / 3000), 9);
  });
});

describe('the reversal bounds a plastic conductance however large its weight', () => {
  it('an excitatory BCM synapse whose weight grows toward 10⁶ nS holds V_post at or below 0 mV; an inhibitory one at or above −75 mV', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), (w) => {
        const rule: PlasticSpec = { rule: 'bcm', params: { rate: 100, theta0: 0, tauThetaMs: 1e7, wMax: 1e6 } };
        const net = Network.fromSpec({
          neurons: [driver(0), graded('exc', { vHalfMv: -70, slopeMv: 2 }), graded('inh', { vHalfMv: -70, slopeMv: 2 })],
          synapses: [cond('pre', 'exc', w, { reversalMv: 0, plastic: rule }), cond('pre', 'inh', w, { reversalMv: -75, sign: 'inhibitory', plastic: rule })],
        });
        let hi = -Infinity,
          lo = Infinity;
        for (let t = 0; t < 200; t++) {
          net.step(1);
          hi = Math.max(hi, net.v[1]);
          lo = Math.min(lo, net.v[2]);
        }
        const learned = net.plasticWeights().map((p) => p.weight);
        expect(Math.max(...learned)).toBeGreaterThan(w); // the weight grew
        expect(hi).toBeLessThanOrEqual(1e-9);
        expect(hi).toBeGreaterThan(-1); // pulled to the reversal, not short of it
        expect(lo).toBeGreaterThanOrEqual(-75 - 1e-9);
        expect(lo).toBeLessThan(-74);
      }),
      { numRuns: 30 },
    );
  });
});

describe('with learning frozen a plastic conductance synapse is the fixed one (property)', () => {
  afterEach(() => setKernelCompilation(true));
  /** Rules that change nothing while frozen (short-term with no use and no facilitation is always "frozen"). */
  const gradedRules: PlasticSpec[] = [
    { rule: 'bcm', params: { rate: 1, wMax: 100 } },
    { rule: 'three-factor', params: { wMax: 100 } },
    { rule: 'short-term', params: { useFast: 0, useSlow: 0 } },
  ];
  const spikingRules: PlasticSpec[] = [{ rule: 'stdp', params: { wMax: 100 } }, { rule: 'three-factor', params: { wMax: 100 } }, ...gradedRules.slice(2)];
  const network = (spiking: boolean) =>
    fc
      .record({
        n: fc.integer({ min: 2, max: 6 }),
        synapses: fc.array(
          fc.record({
            from: fc.nat(5),
            to: fc.nat(5),
            weight: fc.double({ min: 0, max: spiking ? 2 : 20, noNaN: true }),
            reversalMv: fc.constantFrom(0, -75, -20),
            half: fc.double({ min: -70, max: -30, noNaN: true }),
            tauMs: fc.constantFrom(0, 3, 10),
            rule: fc.nat((spiking ? spikingRules : gradedRules).length - 1),
          }),
          { minLength: 1, maxLength: 14 },
        ),
        inputs: fc.array(fc.double({ min: 0, max: spiking ? 4 : 30, noNaN: true }), { minLength: 6, maxLength: 6 }),
        dt: fc.constantFrom(0.1, 0.5, 1),
      })
      .map(({ n, synapses, inputs, dt }) => {
        const neurons = Array.from({ length: n }, (_, i) => (spiking ? lif(`n${i}`) : graded(`n${i}`, { tauMs: 20 })));
        const fixed: ChemicalSynapseSpec[] = synapses
          .filter((s) => s.from < n && s.to < n)
          .map((s) => cond(`n${s.from}`, `n${s.to}`, s.weight, { reversalMv: s.reversalMv, releaseHalfMv: s.half, releaseSlopeMv: 4, tauMs: s.tauMs }));
        const rules = synapses.filter((s) => s.from < n && s.to < n).map((s) => (spiking ? spikingRules : gradedRules)[s.rule]);
        const plastic = fixed.map((s, i) => ({ ...s, plastic: rules[i] }));
        return { a: { neurons, synapses: fixed } as NetworkSpec, b: { neurons, synapses: plastic } as NetworkSpec, inputs: inputs.slice(0, n), dt };
      });
  const trajectory = (spec: NetworkSpec, inputs: number[], dt: number, freeze: boolean) => {
    const net = Network.fromSpec(spec);
    if (freeze) net.setLearning(false);
    const v: number[] = [];
    const spikes: number[] = [];
    for (let s = 0; s < Math.ceil(100 / dt); s++) {
      inputs.forEach((x, i) => (net.input[i] = s % 60 < 30 ? x : 0));
      net.step(dt);
      v.push(...net.v);
      for (let i = 0; i < net.size; i++) if (net.spiked[i]) spikes.push(s * net.size + i);
    }
    return { v, spikes };
  };
  for (const spiking of [false, true]) {
    it(`${spiking ? 'LIF' : 'graded'} networks: the same V at every step (to rounding: the sums run in another order) and the same spikes`, () => {
      fc.assert(
        fc.property(network(spiking), ({ a, b, inputs, dt }) => {
          const fixed = trajectory(a, inputs, dt, false);
          const plastic = trajectory(b, inputs, dt, true);
          setKernelCompilation(false);
          expect(trajectory(b, inputs, dt, true)).toEqual(plastic); // the plain kernels give the compiled ones' numbers, bit for bit
          setKernelCompilation(true);
          expect(plastic.spikes).toEqual(fixed.spikes);
          for (let k = 0; k < fixed.v.length; k++) expect(Math.abs(plastic.v[k] - fixed.v[k])).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(fixed.v[k])));
        }),
        { numRuns: 15 },
      );
    });
  }
});
