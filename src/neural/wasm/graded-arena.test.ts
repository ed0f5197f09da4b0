import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Network } from '../network';
import type { NetworkSpec, NeuronSpec, SynapseSpec } from '../types';
import { gradedArena } from './graded-arena';
import { setWasmKernels } from './lif-arena';

afterEach(() => setWasmKernels('auto'));

/**
 * A random all-graded network with continuous chemical synapses and gap
 * junctions (the fused graded step's case), odd and even sizes; the
 * rectifier's strength varies per neuron, and some junctions are strong enough
 * at the larger dt to be relaxed exactly (docs/neural.md, stiff gap junctions).
 */
const gradedNetwork = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 97, maxLength: 97 }),
    dt: fc.constantFrom(0.1, 0.5, 1),
    density: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
    external: fc.boolean(),
  })
  .map(({ n, seed, dt, density, external }) => {
    let k = 0;
    const r = () => seed[k++ % seed.length];
    const neurons: NeuronSpec[] = Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      model: 'graded',
      params: {
        tauMs: 2 + 30 * r(),
        capacitance: 0.5 + 2 * r(),
        gKNs: r() < 0.2 ? 0 : 2 * r(),
        vHalfMv: -50 + 20 * r(),
        slopeMv: 2 + 8 * r(),
        tonicPa: 10 * r() - 3,
        releaseMax: 0.5 + r(),
      },
      init: { v: -80 + 70 * r() },
      transmitter: r() < 0.3 ? 'GABA' : 'acetylcholine',
    }));
    const synapses: SynapseSpec[] = [];
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        if (r() < density) synapses.push({ kind: 'chemical', from: `n${a}`, to: `n${b}`, weight: 20 * r() });
        // Junctions in runs of the same first neuron (the wasm loop sums those in a register), and a few onto the cell itself.
        if (a <= b && r() < (a === b ? 0.1 : density / 2))
          synapses.push({ kind: 'electrical', from: `n${a}`, to: `n${b}`, weight: r() < 0.3 ? 5 * r() : 0.2 * r() });
      }
    const drive = neurons.map(() => 60 * r() - 20);
    const g = neurons.map(() => (r() < 0.5 ? 0 : 2 * r()));
    return { spec: { neurons, synapses } as NetworkSpec, drive, g, dt, external };
  });

type Case = { spec: NetworkSpec; drive: number[]; g: number[]; dt: number; external: boolean };

/** Every step's V, output, current and conductance; the input varied each step; a parameter edit, a cut and an ablation (which leaves the fused path) on the way. */
function record(c: Case, steps: number): number[] {
  const net = Network.fromSpec(c.spec, { inputConductance: c.external });
  const out: number[] = [];
  const chemical = c.spec.synapses.find((s) => s.kind === 'chemical');
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < net.size; i++) {
      net.input[i] = c.drive[i] * Math.sin(0.37 * s + i);
      net.inputConductance[i] = c.g[i];
    }
    if (s === 10) net.setParam(net.ids[0], 'gKNs', 0.7);
    if (s === 15 && chemical) net.cutSynapse(chemical.from, chemical.to, 'chemical');
    if (s === 25) net.ablate(net.ids[net.size - 1]);
    net.step(c.dt);
    for (let i = 0; i < net.size; i++) out.push(net.v[i], net.output[i], net.current[i], net.conductance[i]);
  }
  return out;
}

const fusedNow = (c: Case) => Network.fromSpec(c.spec, { inputConductance: c.external }).schedule.some((e) => e.name === 'graded.fused');

describe('the graded network sub-step in WebAssembly (graded-step.wat)', () => {
  it('is available here (Node has WebAssembly SIMD), and an all-graded network runs it', () => {
    expect(gradedArena(3, 0)).toBe(null); // auto: the smallest networks stay in JS
    setWasmKernels('always');
    expect(gradedArena(3, 0)).not.toBe(null);
    const spec: NetworkSpec = {
      neurons: ['a', 'b'].map((id) => ({ id, model: 'graded', params: {}, init: {} })),
      synapses: [
        { kind: 'chemical', from: 'a', to: 'b', weight: 1 },
        { kind: 'electrical', from: 'a', to: 'b', weight: 0.1 },
      ],
    };
    expect(Network.fromSpec(spec).schedule.map((e) => e.name)).toEqual(['graded.fused']);
    setWasmKernels('off');
    expect(Network.fromSpec(spec).schedule.map((e) => e.name)).toContain('graded.step');
  });

  it('property: gives the same numbers as the JS kernels, bit for bit (V, output, current, conductance; across an edit, a cut and an ablation)', () => {
    let moved = 0;
    fc.assert(
      fc.property(gradedNetwork, (c) => {
        setWasmKernels('always');
        expect(fusedNow(c)).toBe(true);
        const wasm = record(c, 40);
        setWasmKernels('off');
        expect(fusedNow(c)).toBe(false);
        const js = record(c, 40);
        expect(wasm).toEqual(js);
        // Not a silent circuit: V moved from its start in the JS run.
        if (js.some((x, k) => k % 4 === 0 && x !== c.spec.neurons[(k / 4) % c.spec.neurons.length].init!.v)) moved++;
      }),
      { numRuns: 60, seed: 16 },
    );
    expect(moved).toBeGreaterThan(50);
  });

  it('a delayed or a conductance synapse keeps the general schedule; a plateau current runs it step by step', () => {
    setWasmKernels('always');
    const base = { neurons: ['a', 'b'].map((id): NeuronSpec => ({ id, model: 'graded', params: {}, init: {} })), synapses: [] as SynapseSpec[] };
    const plateau: NetworkSpec = {
      ...base,
      neurons: [
        { id: 'a', model: 'graded', params: { plateauNs: 2 }, init: {} },
        { id: 'b', model: 'graded', params: {}, init: {} },
      ],
    };
    const delayed: NetworkSpec = { ...base, synapses: [{ kind: 'chemical', from: 'a', to: 'b', weight: 1, delayMs: 2 }] };
    const cond: NetworkSpec = { ...base, synapses: [{ kind: 'chemical', from: 'a', to: 'b', weight: 1, model: 'conductance' }] };
    for (const spec of [delayed, cond]) expect(Network.fromSpec(spec).schedule.map((e) => e.name)).not.toContain('graded.fused');
    // The plateau is a per-step choice: the fused step runs the general schedule for it, with the same numbers.
    const run = (mode: 'always' | 'off') => {
      setWasmKernels(mode);
      const net = Network.fromSpec(plateau);
      net.input[0] = 30;
      const v: number[] = [];
      for (let s = 0; s < 50; s++) {
        net.step(0.5);
        v.push(net.v[0], net.v[1]);
      }
      return v;
    };
    expect(run('always')).toEqual(run('off'));
  });
});
