import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { freshKernel, setKernelCompilation } from './kernel';
import { scatterKernel } from './compile/continuous';
import { deliverKernel, eventCurrentKernel } from './compile/exponential';
import { plasticCurrentKernel, plasticPropagateKernel } from './compile/plastic';
import { shortTermKernel } from './compile/short-term';
import { gapKernel } from './compile/gap-junctions';
import { gradedKernel } from './models/graded';
import { lifKernel } from './models/lif';
import { Network, type NetworkOptions } from './network';
import type { NetworkSpec, NeuronSpec, SynapseSpec } from './types';

/** A random all-LIF network with spike-driven synapses only (the fused path's case). */
const lifNetwork = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
    dt: fc.constantFrom(0.1, 0.25, 1),
  })
  .map(({ n, seed, dt }) => {
    let k = 0;
    const r = () => seed[k++ % seed.length];
    const neurons: NeuronSpec[] = Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      model: 'lif',
      params: { tauMs: 5 + 30 * r(), refractoryMs: 3 * r(), resistance: 1 + 9 * r() },
      init: { v: -70 + 25 * r() },
      transmitter: r() < 0.25 ? 'GABA' : 'acetylcholine',
    }));
    const synapses: SynapseSpec[] = [];
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        if (r() < 0.4) synapses.push({ kind: 'chemical', from: `n${a}`, to: `n${b}`, weight: 3 * r(), ...(r() < 0.1 ? { sign: 'inhibitory' as const } : {}) });
    const drive = neurons.map(() => 1 + 2.5 * r());
    return { spec: { neurons, synapses } as NetworkSpec, drive, dt };
  });

function record(net: Network, drive: number[], dt: number, steps: number, ablateAt = -1): number[] {
  drive.forEach((x, i) => (net.input[i] = x));
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    if (s === ablateAt) net.ablate(net.ids[0]);
    net.step(dt);
    for (let i = 0; i < net.size; i++) out.push(net.v[i], net.spiked[i], net.output[i], net.current[i]);
    const fired = Array.from(net.fired.subarray(0, net.firedCount));
    expect(fired).toEqual(net.ids.flatMap((_, i) => (net.spiked[i] ? [i] : [])));
  }
  return out;
}

const build = (spec: NetworkSpec, options: NetworkOptions = {}) => Network.fromSpec(spec, { tauExcMs: 3, tauInhMs: 7, ...options });

afterEach(() => setKernelCompilation(true));

describe('fused all-LIF event path', () => {
  it('property: gives the same numbers as the general step, bit for bit (also across an ablation, which leaves it)', () => {
    fc.assert(
      fc.property(lifNetwork, fc.integer({ min: -1, max: 150 }), ({ spec, drive, dt }, ablateAt) => {
        const general = record(build(spec, { fastPaths: false }), drive, dt, 150, ablateAt);
        const fused = record(build(spec), drive, dt, 150, ablateAt);
        expect(fused).toEqual(general);
      }),
      { numRuns: 60 },
    );
  });

  it('property: computes output only when it is read, to the same bits (read once after many steps, across the trace scale folding in)', () => {
    fc.assert(
      fc.property(lifNetwork, fc.integer({ min: 1, max: 3000 }), ({ spec, drive, dt }, steps) => {
        const nets = [build(spec, { fastPaths: false }), build(spec)];
        for (const net of nets) {
          drive.forEach((x, i) => (net.input[i] = x));
          // dt × 20 so a few thousand steps cross the trace scale's folding (every 2,303 steps at 5 ms).
          for (let s = 0; s < steps; s++) net.step(dt * 20);
        }
        expect(Array.from(nets[1].output)).toEqual(Array.from(nets[0].output));
        expect(Array.from(nets[1].v)).toEqual(Array.from(nets[0].v));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps setParam, reset and cutSynapse working', () => {
    const spec: NetworkSpec = {
      neurons: ['a', 'b'].map((id) => ({ id, model: 'lif', params: {}, init: {} })),
      synapses: [{ kind: 'chemical', from: 'a', to: 'b', weight: 30 }],
    };
    const run = (net: Network) => record(net, [2.5, 0], 0.5, 400);
    const fused = build(spec),
      general = build(spec, { fastPaths: false });
    expect(run(fused)).toEqual(run(general));
    for (const net of [fused, general]) {
      net.reset();
      net.setParam('b', 'thresholdMv', -45);
      net.cutSynapse('a', 'b');
    }
    const a = run(fused);
    expect(a).toEqual(run(general));
    expect(a.filter((_, k) => k % 8 === 5).some((x) => x === 1)).toBe(false); // b no longer fires
  });
});

describe('kernel compilation', () => {
  it('recompiles every engine kernel here (nothing injected into their source)', () => {
    for (const factory of [
      scatterKernel,
      eventCurrentKernel,
      gapKernel,
      deliverKernel,
      gradedKernel,
      lifKernel,
      plasticCurrentKernel,
      plasticPropagateKernel,
      shortTermKernel,
    ]) {
      expect(freshKernel(factory as (...args: never[]) => unknown), factory.name).not.toBe(factory);
    }
  });

  it('property: compiled and plain kernels give the same numbers (graded, gap junctions, LIF)', () => {
    const mixed = lifNetwork.map(({ spec, drive, dt }) => {
      const neurons = spec.neurons.map((x, i): NeuronSpec => (i % 2 ? { id: x.id, model: 'graded', params: { tauMs: 8 }, init: { v: -60 } } : x));
      const gaps: SynapseSpec[] = neurons.slice(1).map((x, i) => ({ kind: 'electrical', from: neurons[i].id, to: x.id, weight: 0.02 }));
      return { spec: { neurons, synapses: [...spec.synapses, ...gaps] }, drive, dt };
    });
    fc.assert(
      fc.property(fc.oneof(lifNetwork, mixed), ({ spec, drive, dt }) => {
        setKernelCompilation(false);
        const plain = record(build(spec), drive, dt, 60);
        setKernelCompilation(true);
        expect(record(build(spec), drive, dt, 60)).toEqual(plain);
      }),
      { numRuns: 40 },
    );
  });
});
