import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Network } from '../network';
import type { NetworkSpec, NeuronSpec, SynapseSpec } from '../types';
import { AUTO_MIN_NEURONS, lifArena, setWasmKernels } from './lif-arena';

afterEach(() => setWasmKernels('auto'));

/** A random all-LIF network with spike-driven synapses only (the fused path's case), odd and even sizes, refractory or not. */
const lifNetwork = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 97, maxLength: 97 }),
    dt: fc.constantFrom(0.1, 0.25, 1),
    density: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
  })
  .map(({ n, seed, dt, density }) => {
    let k = 0;
    const r = () => seed[k++ % seed.length];
    const neurons: NeuronSpec[] = Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      model: 'lif',
      params: { tauMs: 5 + 30 * r(), refractoryMs: r() < 0.2 ? 0 : 3 * r(), resistance: 1 + 9 * r(), thresholdMv: -55 + 10 * r() },
      init: { v: -70 + 25 * r() },
      transmitter: r() < 0.25 ? 'GABA' : 'acetylcholine',
    }));
    const synapses: SynapseSpec[] = [];
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (r() < density) synapses.push({ kind: 'chemical', from: `n${a}`, to: `n${b}`, weight: 3 * r() });
    const drive = neurons.map(() => 1 + 2.5 * r());
    return { spec: { neurons, synapses } as NetworkSpec, drive, dt };
  });

const build = (spec: NetworkSpec) => Network.fromSpec(spec, { tauExcMs: 3, tauInhMs: 7 });

/** Every step's V, spike flags, output, current and fired list; input changed mid-run, an optional ablation (which leaves the fused path). */
function record(net: Network, drive: number[], dt: number, steps: number, ablateAt: number): number[] {
  drive.forEach((x, i) => (net.input[i] = x));
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    if (s === ablateAt) net.ablate(net.ids[0]);
    if (s === steps >> 1) net.input[net.size - 1] += 0.7;
    net.step(dt);
    for (let i = 0; i < net.size; i++) out.push(net.v[i], net.spiked[i], net.output[i], net.current[i]);
    out.push(net.firedCount, ...net.fired.subarray(0, net.firedCount));
  }
  return out;
}

/** Whether this network's arrays live in one LIF arena (V and the input in one wasm memory): its fused step then runs in WebAssembly. */
const inArena = (net: Network): boolean => net.input.buffer === net.v.buffer && net.current.buffer === net.v.buffer;

/** A CUBA-like ring of AUTO_MIN_NEURONS + 15 LIF neurons (rest above threshold; a block of 16 and a tail in the wasm pass), every fifth synapse inhibitory. */
function ringSpec(): NetworkSpec {
  const n = AUTO_MIN_NEURONS + 15;
  const neurons: NeuronSpec[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    model: 'lif',
    params: { tauMs: 20, restMv: -49, thresholdMv: -50, resetMv: -60, refractoryMs: 5, resistance: 1 },
    init: { v: -60 + (i % 10) },
  }));
  const synapses: SynapseSpec[] = neurons.map((_, i) => ({
    kind: 'chemical',
    from: `n${i}`,
    to: `n${(i * 7 + 3) % n}`,
    weight: i % 5 === 0 ? 0.9 : 0.6,
    ...(i % 5 === 0 ? { sign: 'inhibitory' as const } : {}),
  }));
  return { neurons, synapses };
}

describe('the fused LIF step in WebAssembly (lif-fused.wat)', () => {
  it('is available here (Node has WebAssembly SIMD), so the property below compares two different paths', () => {
    expect(lifArena(3)).toBe(null); // auto: small populations stay in JS
    setWasmKernels('always');
    expect(lifArena(3)).not.toBe(null);
  });

  it('property: gives the same numbers as the JS kernel, bit for bit (V, spikes, output, current, fired list; across an ablation)', () => {
    fc.assert(
      fc.property(lifNetwork, fc.integer({ min: -1, max: 120 }), ({ spec, drive, dt }, ablateAt) => {
        setWasmKernels('off');
        const js = build(spec);
        expect(inArena(js)).toBe(false);
        const expected = record(js, drive, dt, 120, ablateAt);
        setWasmKernels('always');
        const wasm = build(spec);
        expect(inArena(wasm)).toBe(true);
        expect(record(wasm, drive, dt, 120, ablateAt)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('runs by itself for populations of AUTO_MIN_NEURONS and more, and keeps reset and setParam working', () => {
    const spec = ringSpec();
    const runs = (mode: 'auto' | 'off') => {
      setWasmKernels(mode);
      const net = build(spec);
      const first = record(net, [], 0.1, 400, -1);
      net.reset();
      net.setParam('n3', 'thresholdMv', -52);
      return { inArena: inArena(net), first, second: record(net, [], 0.1, 400, -1) };
    };
    const wasm = runs('auto');
    const js = runs('off');
    expect(wasm.inArena).toBe(true);
    expect(js.inArena).toBe(false);
    expect(wasm.first).toEqual(js.first);
    expect(wasm.second).toEqual(js.second);
    expect(wasm.first.filter((x, k) => k % 4 === 1 && x === 1).length).toBeGreaterThan(0); // it fires: not a silent network
  });

  it('reads rest, R and decay once for all neurons only while every neuron has the same: edits in and out of that, and a new dt', () => {
    const spec = ringSpec();
    const edits: Array<[number, string, string, number]> = [
      [150, 'n3', 'restMv', -47], // one neuron differs: per-neuron arrays
      [300, 'n3', 'restMv', -49], // all the same again
      [450, 'n9', 'resistance', 1.5],
      [600, 'n9', 'resistance', 1],
      [750, 'n12', 'tauMs', 12], // decay differs
      [900, 'n12', 'tauMs', 20],
      [1050, 'n0', 'restMv', -48], // all change, one by one: uniform again at a new value
    ];
    const runs = (mode: 'auto' | 'off') => {
      setWasmKernels(mode);
      const net = build(spec);
      const out: number[] = [];
      for (const [at, id, name, value] of edits) {
        out.push(...record(net, [], 0.1, 75, -1), ...record(net, [], 0.25, 75, -1)); // a new dt with no edit: new decays
        if (at === 1050) for (const x of net.ids) net.setParam(x, name, value);
        else net.setParam(id, name, value);
      }
      out.push(...record(net, [], 0.1, 150, -1));
      return { inArena: inArena(net), out };
    };
    const wasm = runs('auto');
    const js = runs('off');
    expect(wasm.inArena).toBe(true);
    expect(wasm.out).toEqual(js.out);
  });

  it('delivers spikes from tables in the arena, and weight edits reach them (cutSynapse, loadWeights)', () => {
    const spec = ringSpec();
    const n = spec.neurons.length;
    const tablesBytes = 13 * Math.ceil((n * 8) / 16) * 16 + (n + 1) * 4 + spec.synapses.length * 12;
    const weights = Float64Array.from(spec.synapses, (x, k) => x.weight * (0.5 + (k % 3) * 0.4));
    const runs = (mode: 'auto' | 'off') => {
      setWasmKernels(mode);
      const net = build(spec);
      const whole = record(net, [], 0.1, 300, -1);
      net.cutSynapse('n1', 'n10');
      const cut = record(net, [], 0.1, 300, -1);
      const reweighted = build(spec);
      reweighted.loadWeights(weights);
      return { tables: inArena(net) && net.v.buffer.byteLength >= tablesBytes, whole, cut, loaded: record(reweighted, [], 0.1, 600, -1) };
    };
    const wasm = runs('auto');
    const js = runs('off');
    expect(wasm.tables).toBe(true);
    expect(js.tables).toBe(false);
    expect(wasm.whole).toEqual(js.whole);
    expect(wasm.cut).toEqual(js.cut);
    expect(wasm.loaded).toEqual(js.loaded);
    expect(wasm.loaded).not.toEqual([...wasm.whole, ...wasm.cut]); // the new weights changed the run
  });
});
