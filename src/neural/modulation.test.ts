/**
 * Volume transmission: first-order release and clearance from the releasing
 * neurons, receptors whose sign is their own (excitatory or inhibitory by
 * receptor, as serotonin's in seed 004), input gain, the bath, ablation, and
 * clear errors.
 */
import { describe, expect, it } from 'vitest';
import { Network } from './network';
import type { ModulatorSpec, NetworkSpec, NeuronSpec, ReceptorSpec } from './types';

/** A linear graded cell whose release curve is centred on rest: output 0.5 from the first step, held there. */
const releaser = (id: string): NeuronSpec => ({ id, model: 'graded', params: { gKNs: 0, vHalfMv: -65 }, init: {} });
const cell = (id: string, tonicPa = 0): NeuronSpec => ({ id, model: 'graded', params: { gKNs: 0, tonicPa }, init: {} });

function net(modulators: ModulatorSpec[], receptors: ReceptorSpec[], extra: Partial<NetworkSpec> = {}): Network {
  return Network.fromSpec({
    neurons: [releaser('NSML'), releaser('NSMR'), cell('A'), cell('B'), cell('C', 1)],
    synapses: [],
    modulators,
    receptors,
    ...extra,
  });
}

const serotonin: ModulatorSpec = { name: 'serotonin', from: ['NSML', 'NSMR'], release: 2, clearanceMs: 100 };

describe('modulator concentration', () => {
  it('follows τ dC/dt = release·Σ output − C exactly: 1 − e^(−t/τ) of release·Σ output', () => {
    const n = net([serotonin], []);
    expect(n.modulatorLevel('serotonin')).toBe(0);
    for (let t = 1; t <= 300; t++) {
      n.step(1);
      expect(n.output[0]).toBe(0.5);
      expect(n.modulatorLevel('serotonin')).toBeCloseTo(2 * (0.5 + 0.5) * (1 - Math.exp(-t / 100)), 12);
    }
  });
  it('an ablated releaser releases nothing; a bath holds the level, and washing it out lets it clear', () => {
    const n = net([serotonin], []);
    n.ablate('NSML');
    n.ablate('NSMR');
    for (let t = 0; t < 50; t++) n.step(1);
    expect(n.modulatorLevel('serotonin')).toBe(0);
    n.setBath('serotonin', 3);
    n.step(1);
    expect(n.modulatorLevel('serotonin')).toBe(3);
    n.setBath('serotonin', null);
    for (let t = 0; t < 100; t++) n.step(1);
    expect(n.modulatorLevel('serotonin')).toBeCloseTo(3 * Math.exp(-1), 12);
  });
  it('reset empties the volume (a bath stays applied)', () => {
    const n = net([serotonin], []);
    for (let t = 0; t < 50; t++) n.step(1);
    n.reset();
    expect(n.modulatorLevel('serotonin')).toBe(0);
  });
});

describe('receptors', () => {
  const steadyV = (receptors: ReceptorSpec[], who = 'A', bath = 1) => {
    const n = net([{ ...serotonin, release: 0 }], receptors);
    n.setBath('serotonin', bath);
    for (let t = 0; t < 300; t++) n.step(1);
    return n.v[n.indexOf(who)];
  };
  it('excitability: the receptor decides the sign (SER-4-like excites, MOD-1-like inhibits), by gain·C·τ/C mV', () => {
    const rest = steadyV([]);
    expect(rest).toBeCloseTo(-65, 6);
    expect(steadyV([{ neuron: 'A', modulator: 'serotonin', effect: 'excitability', gain: 0.5, label: 'SER-4' }])).toBeCloseTo(-65 + 0.5 * 10, 6);
    expect(steadyV([{ neuron: 'A', modulator: 'serotonin', effect: 'excitability', gain: -0.5, label: 'MOD-1' }])).toBeCloseTo(-65 - 0.5 * 10, 6);
    expect(steadyV([{ neuron: 'A', modulator: 'serotonin', effect: 'excitability', gain: 0.5 }], 'A', 0)).toBeCloseTo(-65, 6);
  });
  it('gain: scales the neuron’s chemical input by (1 + gain·C) and leaves its external input alone', () => {
    const drive = (gain: number | null) => {
      const n = Network.fromSpec({
        neurons: [cell('P', 100), cell('Q')],
        synapses: [{ kind: 'chemical', from: 'P', to: 'Q', weight: 1 }],
        modulators: [{ name: 'dopamine', from: [], release: 0, clearanceMs: 10 }],
        receptors: gain === null ? [] : [{ neuron: 'Q', modulator: 'dopamine', effect: 'gain', gain }],
      });
      n.setBath('dopamine', 1);
      n.input[1] = 0.25;
      for (let t = 0; t < 300; t++) n.step(1);
      return n.v[1] + 65 - 0.25 * 10;
    };
    const plain = drive(null);
    expect(plain).toBeGreaterThan(5);
    expect(drive(1) / plain).toBeCloseTo(2, 6);
    expect(drive(-0.5) / plain).toBeCloseTo(0.5, 6);
    expect(drive(-5)).toBeCloseTo(0, 9);
  });
  it('release: scales the neuron’s output by (1 + gain·C), at least 0, and what reads it (a current synapse); its V stays', () => {
    const run = (gain: number | null) => {
      const n = Network.fromSpec({
        neurons: [releaser('P'), cell('Q')],
        synapses: [{ kind: 'chemical', from: 'P', to: 'Q', weight: 1 }],
        modulators: [{ name: 'dopamine', from: [], release: 0, clearanceMs: 10 }],
        receptors: gain === null ? [] : [{ neuron: 'P', modulator: 'dopamine', effect: 'release', gain, label: 'DOP-3' }],
      });
      n.setBath('dopamine', 0.5);
      for (let t = 0; t < 300; t++) n.step(1);
      return { out: n.output[0], v: n.v[0], q: n.v[1] + 65 };
    };
    const plain = run(null);
    expect(plain.out).toBe(0.5);
    expect(run(-0.8).out).toBeCloseTo(0.5 * 0.6, 12);
    expect(run(0.4).out).toBeCloseTo(0.5 * 1.2, 12);
    expect(run(-5).out).toBe(0);
    expect(run(-0.8).v).toBe(plain.v);
    expect(run(-0.8).q / plain.q).toBeCloseTo(0.6, 6);
  });
  it('a release receptor adds its step to the schedule, before the modulators read the outputs', () => {
    const n = net([serotonin], [{ neuron: 'NSML', modulator: 'serotonin', effect: 'release', gain: -0.1 }]);
    expect(n.schedule.filter((s) => s.name.startsWith('modulators'))).toEqual([
      { when: 'currents', name: 'modulators.receptors' },
      { when: 'synapses', name: 'modulators.output' },
      { when: 'synapses', name: 'modulators.release' },
    ]);
  });
  it('the schedule holds the volume’s steps only when the network declares modulators', () => {
    expect(net([serotonin], []).schedule.filter((s) => s.name.startsWith('modulators'))).toEqual([
      { when: 'currents', name: 'modulators.receptors' },
      { when: 'synapses', name: 'modulators.release' },
    ]);
    expect(Network.fromSpec({ neurons: [cell('A')], synapses: [] }).schedule.map((s) => s.name)).toEqual(['input', 'graded.step', 'gather']);
  });
});

describe('an adapting receptor (desensitisation)', () => {
  const adapting: ReceptorSpec = { neuron: 'A', modulator: 'serotonin', effect: 'excitability', gain: 2, adaptation: 0.9, adaptationMs: 50 };
  /** The receptor's current on A each step (A has no other input), with the bath on from step `on` to step `off`. */
  const currents = (on: number, off: number, steps: number, receptor: ReceptorSpec = adapting): number[] => {
    const n = net([{ ...serotonin, release: 0 }], [receptor]);
    const out: number[] = [];
    for (let t = 0; t < steps; t++) {
      if (t === on) n.setBath('serotonin', 1);
      if (t === off) n.setBath('serotonin', null);
      n.step(1);
      out.push(n.current[n.indexOf('A')]);
    }
    return out;
  };
  it('reads C − adaptation·C̄: a held level’s effect falls from gain·C toward (1 − adaptation)·gain·C as e^(−t/τ)', () => {
    const I = currents(10, 10_000, 1000);
    const floor = 2 * (1 - 0.9);
    expect(Math.max(...I.slice(10, 14))).toBeGreaterThan(0.9 * 2); // at first nearly the full gain·C
    expect(I[999]).toBeCloseTo(floor, 6);
    // The excess over the floor decays by e^(−1/τ) per ms.
    expect((I[150] - floor) / (I[100] - floor)).toBeCloseTo(Math.exp(-50 / 50), 9);
    // Without adaptation the held level acts fully all along.
    const { adaptation: _a, adaptationMs: _t, ...plain } = adapting;
    expect(currents(10, 10_000, 400, plain)[399]).toBeCloseTo(2, 9);
  });
  it('a brief rise acts almost fully, and after a long one is washed out the effect stops at 0 rather than reversing', () => {
    const brief = currents(10, 13, 40);
    expect(Math.max(...brief)).toBeGreaterThan(0.9 * 2);
    const washed = currents(10, 300, 500);
    expect(Math.min(...washed.slice(300))).toBe(0);
  });
  it('"adaptation" and "adaptationMs" come together, each in range', () => {
    const { adaptationMs: _t, ...noTau } = adapting;
    expect(() => net([serotonin], [noTau])).toThrow(/receptors\[0\]: "adaptation" needs "adaptationMs".*or remove "adaptation"/);
    const { adaptation: _a, ...noFraction } = adapting;
    expect(() => net([serotonin], [noFraction])).toThrow(/"adaptationMs" belongs to an adapting receptor; give "adaptation"/);
    expect(() => net([serotonin], [{ ...adapting, adaptation: 1.5 }])).toThrow(/"adaptation" must be a number in 0 .. 1/);
  });
});

describe('bad modulators and receptors are refused before any step', () => {
  it.each<[string, ModulatorSpec[], ReceptorSpec[], RegExp]>([
    ['an unknown releaser', [{ ...serotonin, from: ['NSM'] }], [], /modulators\[0\] \("serotonin"\): "from" names "NSM", which is no neuron/],
    ['a clearance of 0', [{ ...serotonin, clearanceMs: 0 }], [], /"clearanceMs" must be a number in 1 .. 10000000 ms/],
    ['two of one name', [serotonin, serotonin], [], /duplicate modulator name "serotonin"/],
    [
      'an undeclared modulator',
      [serotonin],
      [{ neuron: 'A', modulator: 'dopamine', effect: 'gain', gain: 1 }],
      /receptors\[0\]: "modulator" "dopamine" is not declared; declared: serotonin/,
    ],
    [
      'a bad effect',
      [serotonin],
      [{ neuron: 'A', modulator: 'serotonin', effect: 'mood' as 'gain', gain: 1 }],
      /"effect" must be one of excitability, gain, plasticity/,
    ],
  ])('%s', (_what, modulators, receptors, message) => {
    expect(() => net(modulators, receptors)).toThrow(message);
  });
  it('setBath and modulatorLevel name the modulators there are', () => {
    const n = net([serotonin], []);
    expect(() => n.setBath('dopamine', 1)).toThrow(/no modulator "dopamine" in the network; modulators: serotonin/);
    expect(() => n.setBath('serotonin', -1)).toThrow(/concentration must be a number in 0 .. 1000/);
  });
});
