import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Network } from '../network';
import type { NetworkSpec, NeuronSpec, SynapseSpec } from '../types';
import { LOGISTIC_TABLE } from '../fast-math';
import { gradedArena } from './graded-arena';
import { setWasmKernels } from './lif-arena';
import { createGradedPopulation, gradedModel, gradedPlateauKernel } from '../models/graded';
import { resolveNeuronParams } from '../params';

afterEach(() => setWasmKernels('auto'));

/** The graded parameters both arbitraries draw, in this order (a linear neuron has no rectifier and draws nothing for it). */
function gradedParams(r: () => number, linear = false) {
  return {
    tauMs: 2 + 30 * r(),
    capacitance: 0.5 + 2 * r(),
    gKNs: linear || r() < 0.2 ? 0 : 2 * r(),
    vHalfMv: -50 + 20 * r(),
    slopeMv: 2 + 8 * r(),
    tonicPa: 10 * r() - 3,
  };
}

/** Each neuron's external drive (pA), then its input conductance (nS; half of them none). */
function inputs(n: number, r: () => number): { drive: number[]; g: number[] } {
  const drive = Array.from({ length: n }, () => 60 * r() - 20);
  const g = Array.from({ length: n }, () => (r() < 0.5 ? 0 : 2 * r()));
  return { drive, g };
}

/**
 * A random all-graded network with continuous chemical synapses and gap
 * junctions (the fused graded step's case), odd and even sizes; the
 * rectifier's strength varies per neuron, and some junctions are strong enough
 * at the larger dt to be relaxed exactly (docs/neural.md, stiff gap junctions).
 */
/** gradedPlateauKernel on the JS copies of an arena's arrays: the reference its wasm pass must match bit for bit. */
function plateauKernelOn(n: number, js: Record<string, Float64Array>) {
  return gradedPlateauKernel(
    n,
    js.v!,
    js.output!,
    js.decay!,
    js.gLeak!,
    js.drive!,
    js.dtOverC!,
    js.gK!,
    js.kHalf!,
    js.invKSlope!,
    js.eK!,
    js.conductance!,
    LOGISTIC_TABLE,
    js.vHalf!,
    js.invSlope!,
    js.amp!,
    js.gP!,
    js.pHalf!,
    js.invPSlope!,
    js.eP!,
    js.hDecay!,
    js.h!,
  );
}

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
      params: { ...gradedParams(r), releaseMax: 0.5 + r() },
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
    return { spec: { neurons, synapses } as NetworkSpec, ...inputs(neurons.length, r), dt, external };
  });

type Case = { spec: NetworkSpec; drive: number[]; g: number[]; dt: number; external: boolean };

/**
 * A random all-graded network whose neurons may carry a plateau current (some
 * inactivating) and whose chemical synapses are mostly conductance-based: plain
 * ones with a few reversal potentials (more than the kernel's classes, so some
 * go through its list), depressing and delayed ones, current-based ones and gap
 * junctions beside them.
 */
const plateauNetwork = fc
  .record({
    n: fc.integer({ min: 1, max: 30 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 101, maxLength: 101 }),
    dt: fc.constantFrom(0.25, 0.5, 1),
    density: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
    external: fc.boolean(),
    conductance: fc.double({ min: 0, max: 1, noNaN: true }),
    // A quarter of the networks linear (no rectifier, no plateau), as the current-based `worm`: with conductance coming in, the arena's update still runs.
    linear: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
  })
  .map(({ n, seed, dt, density, external, conductance, linear }) => {
    let k = 0;
    const r = () => seed[k++ % seed.length];
    const neurons: NeuronSpec[] = Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      model: 'graded',
      params: {
        ...gradedParams(r, linear),
        plateauNs: !linear && r() < 0.4 ? 3 * r() : 0,
        plateauHalfMv: -50 + 20 * r(),
        plateauInactMs: r() < 0.5 ? 0 : 20 + 200 * r(),
      },
      init: { v: -80 + 70 * r() },
      transmitter: r() < 0.3 ? 'GABA' : 'acetylcholine',
    }));
    const synapses: SynapseSpec[] = [];
    const reversals = [0, -75, -70, -80, 10, -20, -60, -65, -10, 5];
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        if (r() < density) {
          const cond = r() < conductance;
          const q = r();
          synapses.push({
            kind: 'chemical',
            from: `n${a}`,
            to: `n${b}`,
            weight: (cond ? 2 : 20) * r(),
            ...(cond
              ? {
                  model: 'conductance' as const,
                  reversalMv: reversals[Math.floor(r() * reversals.length)],
                  tauMs: r() < 0.2 ? 0 : 1 + 10 * r(),
                  releaseHalfMv: r() < 0.5 ? -45 : -60 + 30 * r(),
                }
              : {}),
            ...(q < 0.15 ? { depression: { use: 0.05 * r(), recoveryMs: 50 + 500 * r() } } : q < 0.25 ? { delayMs: 2 * dt } : {}),
          });
        }
        if (a < b && r() < density / 3) synapses.push({ kind: 'electrical', from: `n${a}`, to: `n${b}`, weight: 0.2 * r() });
      }
    return { spec: { neurons, synapses } as NetworkSpec, ...inputs(neurons.length, r), dt, external, linear };
  });

/** Every step's V, output, current and conductance, with plateau and rectifier edits, a cut and an ablation on the way; and whether a plateau neuron sat above its release midpoint at some step. */
function recordPlateau(c: Case & { linear: boolean }, steps: number): { trace: number[]; plateauUp: boolean } {
  const net = Network.fromSpec(c.spec, { inputConductance: c.external });
  const trace: number[] = [];
  const chemical = c.spec.synapses.find((s) => s.kind === 'chemical');
  const withPlateau = c.spec.neurons.flatMap((x, i) => ((x.params?.plateauNs as number) > 0 ? [i] : []));
  let plateauUp = false;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < net.size; i++) {
      // Pulses long enough to flip a bistable cell, then rest.
      net.input[i] = s % 20 < 6 ? c.drive[i] : 0;
      net.inputConductance[i] = c.g[i];
    }
    // A linear network stays linear until step 34.
    if (s === 12 && !c.linear) net.setParam(net.ids[0], 'plateauNs', 2.5);
    if (s === 20 && !c.linear) net.setParam(net.ids[0], 'gKNs', 0.7);
    if (s === 28) for (const i of withPlateau) net.setParam(net.ids[i], 'plateauNs', 0);
    if (s === 34) net.setParam(net.ids[net.size - 1], 'plateauNs', 1.5);
    if (s === 40 && chemical) net.cutSynapse(chemical.from, chemical.to, 'chemical');
    if (s === 50) net.ablate(net.ids[net.size - 1]);
    net.step(c.dt);
    for (let i = 0; i < net.size; i++) trace.push(net.v[i], net.output[i], net.current[i], net.conductance[i]);
    if (s < 28 && withPlateau.some((i) => net.v[i] > ((c.spec.neurons[i].params?.vHalfMv as number) ?? -45))) plateauUp = true;
  }
  return { trace, plateauUp };
}

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

/**
 * Every step's V, output, current and conductance of a network in which no
 * neuron has the rectifier (every gK ±0: the arena's update skips its look-up),
 * until one is switched on at step 15 and off again at step 30 (-0), with a cut
 * and an ablation on the way.
 */
function recordNoRectifier(c: Case, steps: number): number[] {
  const net = Network.fromSpec(c.spec, { inputConductance: c.external });
  const out: number[] = [];
  const chemical = c.spec.synapses.find((s) => s.kind === 'chemical');
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < net.size; i++) {
      net.input[i] = s % 20 < 6 ? c.drive[i] : 0;
      net.inputConductance[i] = c.g[i];
    }
    if (s === 15) net.setParam(net.ids[0], 'gKNs', 0.7);
    if (s === 30) net.setParam(net.ids[0], 'gKNs', -0);
    if (s === 40 && chemical) net.cutSynapse(chemical.from, chemical.to, 'chemical');
    if (s === 50) net.ablate(net.ids[net.size - 1]);
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

  it('property: with plateau currents and graded conductance synapses (depressing, delayed, many reversal potentials), the same numbers as the JS kernels, bit for bit (across plateau and rectifier edits, a cut and an ablation)', () => {
    let moved = 0;
    let plateauHeld = 0;
    fc.assert(
      fc.property(plateauNetwork, (c) => {
        setWasmKernels('always');
        // The plateau current runs in the arena: a network with nothing but plain continuous synapses and gap junctions takes the fused step.
        if (c.spec.synapses.every((s) => s.kind === 'electrical' || (s.model === undefined && !s.depression && !s.delayMs))) expect(fusedNow(c)).toBe(true);
        const a = recordPlateau(c, 60);
        setWasmKernels('off');
        const js = recordPlateau(c, 60);
        expect(a.trace).toEqual(js.trace);
        // Not a silent circuit: V moved in the JS run, and some plateau held a neuron above its release midpoint.
        if (js.trace.some((x, k) => k % 4 === 0 && x !== c.spec.neurons[(k / 4) % c.spec.neurons.length].init!.v)) moved++;
        if (js.plateauUp) plateauHeld++;
      }),
      { numRuns: 60, seed: 14 },
    );
    expect(moved).toBeGreaterThan(50);
    expect(plateauHeld).toBeGreaterThan(10);
  });

  /** The spec with every rectifier off (gK +0 or −0, both signs of zero). */
  const withoutRectifier = (spec: NetworkSpec): NetworkSpec => ({
    ...spec,
    neurons: spec.neurons.map((x, i): NeuronSpec => ({ ...x, params: { ...x.params, gKNs: i % 3 === 1 ? -0 : 0 } })),
  });
  /** Records the case on the wasm and the JS kernels, expects the same numbers, and says whether any V left its start. */
  const movedOnBoth = (c: Case): boolean => {
    setWasmKernels('always');
    const wasm = recordNoRectifier(c, 60);
    setWasmKernels('off');
    const js = recordNoRectifier(c, 60);
    expect(wasm).toEqual(js);
    return js.some((x, k) => k % 4 === 0 && x !== c.spec.neurons[(k / 4) % c.spec.neurons.length].init!.v);
  };

  it('property: where no neuron has the rectifier (every gK +0 or -0) the update skips its look-up, with the same numbers as the JS kernels, bit for bit (plateaus, conductance synapses; the rectifier switched on and off again)', () => {
    let moved = 0;
    let plateaus = 0;
    const noRectifier = plateauNetwork.map((c) => ({
      ...c,
      spec: withoutRectifier(c.spec),
    }));
    fc.assert(
      fc.property(noRectifier, (c) => {
        if (movedOnBoth(c)) moved++;
        if (c.spec.neurons.some((x) => (x.params?.plateauNs as number) > 0)) plateaus++;
      }),
      { numRuns: 60, seed: 21 },
    );
    expect(moved).toBeGreaterThan(50);
    expect(plateaus).toBeGreaterThan(20);
  });

  it("property: a linear network (no rectifier, no plateau, no conductance: the shipped `worm`'s cells) runs the linear update in wasm, with the same numbers as the JS kernel, bit for bit (the rectifier switched on and off again, a cut, an ablation)", () => {
    let moved = 0;
    const linear = gradedNetwork.map((c) => ({
      ...c,
      external: false,
      spec: withoutRectifier(c.spec),
    }));
    fc.assert(
      fc.property(linear, (c) => {
        if (movedOnBoth(c)) moved++;
      }),
      { numRuns: 60, seed: 23 },
    );
    expect(moved).toBeGreaterThan(50);
  });

  it("a linear population in an arena steps through the arena's linear update (odd and even sizes), with the JS kernel's numbers", () => {
    for (const n of [1, 2, 7, 69]) {
      setWasmKernels('always');
      let x = n;
      const r = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
      const cells = Array.from({ length: n }, () =>
        resolveNeuronParams(gradedModel, { model: 'graded', params: { ...gradedParams(r, true), releaseMax: 0.5 + r() }, init: { v: -80 + 70 * r() } }, 'x'),
      );
      const arena = gradedArena(n, 0)!;
      let calls = 0;
      const run = arena.linear;
      arena.linear = () => {
        calls++;
        run();
      };
      const wasm = createGradedPopulation(cells, arena);
      const js = createGradedPopulation(cells, null);
      const current = new Float64Array(n);
      for (let s = 0; s < 50; s++) {
        for (let k = 0; k < n; k++) current[k] = arena.array.current[k] = 40 * Math.sin(0.3 * s + k) - 10;
        wasm.step(0.5, arena.array.current);
        js.step(0.5, current);
        expect(new Uint8Array(Float64Array.from([...wasm.v, ...wasm.output]).buffer)).toEqual(
          new Uint8Array(Float64Array.from([...js.v, ...js.output]).buffer),
        );
      }
      expect(calls).toBe(50);
    }
  });

  it("property: the plateau update skips the look-up only for pairs of cells without a plateau at h = 1 that never inactivate, with gradedPlateauKernel's numbers, bit for bit (gP ±0, h drifting, gates that start inactivating later)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 1e9 }), fc.boolean(), (n, seed, rectifier) => {
        setWasmKernels('always');
        const arena = gradedArena(n, 0)!;
        let x = seed;
        const r = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
        const a = arena.array;
        const fill = (f: () => number, ...arrays: Float64Array[]) => {
          for (let k = 0; k < n; k++) {
            const y = f();
            for (const arr of arrays) arr[k] = y;
          }
        };
        const js = Object.fromEntries(Object.entries(a).map(([name, arr]) => [name, Float64Array.from(arr)])) as Record<keyof typeof a, Float64Array>;
        // Cells without a plateau (+0 or -0) beside cells with one; most never inactivate (hDecay 1), some do; h at 1 or below.
        const cell = Array.from({ length: n }, () => r());
        fill(() => -90 + 100 * r(), a.v, js.v);
        fill(() => 0.05 + 0.5 * r(), a.decay, js.decay);
        fill(() => 0.1 + r(), a.gLeak, js.gLeak);
        fill(() => 20 * r() - 10, a.drive, js.drive);
        fill(() => 0.1 + r(), a.dtOverC, js.dtOverC);
        fill(() => (rectifier ? 2 * r() : r() < 0.5 ? -0 : 0), a.gK, js.gK);
        fill(() => -30 + 20 * r(), a.kHalf, js.kHalf);
        fill(() => 1 / (2 + 10 * r()), a.invKSlope, js.invKSlope);
        fill(() => -80, a.eK, js.eK);
        fill(() => (r() < 0.5 ? 0 : 2 * r()), a.conductance, js.conductance);
        fill(() => -50 + 20 * r(), a.vHalf, js.vHalf);
        fill(() => 1 / (2 + 8 * r()), a.invSlope, js.invSlope);
        fill(() => 0.5 + r(), a.amp, js.amp);
        fill(() => 3 * r(), a.gP, js.gP);
        for (let k = 0; k < n; k++) if (cell[k] < 0.6) a.gP[k] = js.gP[k] = cell[k] < 0.3 ? 0 : -0;
        fill(() => -60 + 30 * r(), a.pHalf, js.pHalf);
        fill(() => 1 / (1 + 6 * r()), a.invPSlope, js.invPSlope);
        fill(() => 50, a.eP, js.eP);
        fill(() => (r() < 0.7 ? 1 : 0.5 + 0.5 * r()), a.hDecay, js.hDecay);
        fill(() => (r() < 0.7 ? 1 : r()), a.h, js.h);
        const kernel = plateauKernelOn(n, js);
        const bits = (...xs: Float64Array[]) => new Uint8Array(Float64Array.from(xs.flatMap((arr) => [...arr.subarray(0, n)])).buffer);
        for (let s = 0; s < 30; s++) {
          fill(() => 80 * r() - 30, a.current, js.current);
          if (s === 10) {
            // Gates that start inactivating, and plateaus switched on, in cells that sat at h = 1 without one.
            for (let k = 0; k < n; k++) if (cell[k] < 0.3) a.hDecay[k] = js.hDecay[k] = 0.9;
          }
          if (s === 20) for (let k = 0; k < n; k++) if (cell[k] < 0.6) a.gP[k] = js.gP[k] = 1.5;
          arena.neurons(a.conductance, true, rectifier);
          kernel(js.current);
          expect(bits(a.v, a.output, a.h)).toEqual(bits(js.v, js.output, js.h));
        }
      }),
      { numRuns: 100, seed: 17 },
    );
  });

  it("the look-ups' clamp at its ends (t below 0, exactly 0, between, exactly 4096, above), rectifier and plateau, with gradedPlateauKernel's numbers, bit for bit", () => {
    // t = ((v − half)·inv + 32)·64 with half −30 and inv 1/4 (exact): v −300, −158 (t = +0 exactly), −20.3, 98 (t = 4096 exactly), 200.
    const ends = [-300, -158, -20.3, 98, 200, -30];
    const n = 7;
    setWasmKernels('always');
    const arena = gradedArena(n, 0)!;
    const a = arena.array;
    const set = (name: keyof typeof a, f: (k: number) => number) => {
      for (let k = 0; k < n; k++) a[name][k] = f(k);
    };
    set('decay', () => 0.5);
    set('gLeak', () => 0.4);
    set('drive', () => 3);
    set('dtOverC', () => 0.3);
    set('gK', (k) => 0.5 + k / 8);
    set('kHalf', () => -30);
    set('invKSlope', () => 0.25);
    set('eK', () => -80);
    set('vHalf', () => -40);
    set('invSlope', () => 0.2);
    set('amp', () => 1);
    set('gP', (k) => (k % 3 === 0 ? 0 : 1 + k / 4));
    set('pHalf', () => -30);
    set('invPSlope', () => 0.25);
    set('eP', () => 50);
    set('hDecay', (k) => (k % 2 === 0 ? 1 : 0.8));
    set('h', () => 1);
    const js = Object.fromEntries(Object.entries(a).map(([name, arr]) => [name, Float64Array.from(arr)])) as Record<keyof typeof a, Float64Array>;
    const kernel = plateauKernelOn(n, js);
    const bits = (...xs: Float64Array[]) => new Uint8Array(Float64Array.from(xs.flatMap((arr) => [...arr])).buffer);
    for (let s = 0; s < 2 * ends.length; s++) {
      for (let k = 0; k < n; k++) a.v[k] = js.v[k] = ends[(s + k) % ends.length];
      arena.neurons(a.conductance, true, true);
      kernel(js.current);
      expect(bits(a.v, a.output, a.h)).toEqual(bits(js.v, js.output, js.h));
    }
  });

  it('a graded population knows whether any neuron has the rectifier (gK ≠ 0), through parameter edits', () => {
    setWasmKernels('always');
    const cells = [0, -0, 0].map((gKNs) => resolveNeuronParams(gradedModel, { model: 'graded', params: { gKNs } }, 'x'));
    const pop = createGradedPopulation(cells, gradedArena(3, 0));
    expect(pop.arena).not.toBe(null);
    expect(pop.rectifier).toBe(false);
    pop.setParam?.(1, 'gKNs', 0.5);
    expect(pop.rectifier).toBe(true);
    pop.setParam?.(1, 'gKNs', -0);
    expect(pop.rectifier).toBe(false);
  });

  it('a delayed or a conductance synapse keeps the general schedule; a plateau current takes the fused step', () => {
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
    expect(Network.fromSpec(plateau).schedule.map((e) => e.name)).toEqual(['graded.fused']);
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
